"""Page renderers: one module per page kind, shared helpers in `common`."""
