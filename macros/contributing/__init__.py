"""Help for contributors: field descriptions, templates, JSON Schemas, the issue form."""
