"""The HTML base: escaping (`markup`), URLs (`urls`), the page structure (`structure`) and its
building blocks (`elements`). It imports only the records layer."""
