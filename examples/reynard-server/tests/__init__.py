"""Tests of the Reynard example server: `python3 -m unittest` from examples/reynard-server.

FoxReload's config excludes "**/tests/**", so editing these files never reloads the server.
"""
