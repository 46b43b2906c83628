"""The thin adapters to MkDocs: the on_files hook, the build's state, the Markdown extension."""
