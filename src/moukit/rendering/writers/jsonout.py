"""JSON: the document model, clauses per language with their ids."""

from __future__ import annotations

import json

from ..document import Document

SCHEMA_VERSION = 1


def write(document: Document, *, layout: str = "separate") -> bytes:
    """The document model as JSON (layout does not apply)."""
    data = {"schema": "moukit.document", "schema_version": SCHEMA_VERSION, **document.to_dict()}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
