"""Records: the models, reading the records folder, the checks, the knowledge base, relations."""
