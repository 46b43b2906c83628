"""Kennisbank lokaal integratiebeleid: records, checks, graph, diagrams and pages.

The core does not import MkDocs. `define_env` (the mkdocs-macros entry point) is a thin adapter
over it, so that another builder can call the same code.
"""
