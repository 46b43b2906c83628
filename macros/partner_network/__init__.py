"""A city's partner network: the graph, its measures, the SVG diagram, tables, the overview."""
