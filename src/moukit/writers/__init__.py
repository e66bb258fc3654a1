"""Writers: each lays out a :class:`moukit.model.Document` as one file format.

Every writer module has ``write(document, *, layout) -> bytes`` and is deterministic: the
same document gives the same bytes.
"""
