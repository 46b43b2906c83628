"""Tooling the site does not need: the benchmark, the fictional demo corpus, a local web server."""
