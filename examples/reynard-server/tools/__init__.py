"""Reynard's tools: one module per tool, found by protocol/tool_registry.py (files starting with "_" are not tools).

This file only makes tools/tests/ discoverable by `python3 -m unittest`; the registry loads each
tool straight from its source file.
"""
