"""Reynard's protocol layer: JSON-RPC framing, the MCP lifecycle, and the registries.

A change in this package changes how the server talks, so FoxReload answers it
with a full restart (see ../.foxreload.yaml); tools and services, by contrast,
are loaded from source by the registries and can be swapped while running.
"""
