"""The version of an installed package, read without importing it (babel's import takes 15
ms, pythainlp's 40: its package imports its tokenizers)."""

from __future__ import annotations

import re
from pathlib import Path


def version_of(package: str) -> str | None:
    """The ``__version__`` that ``package``'s ``__init__.py`` sets, read from its text; None
    when it cannot be told (not installed, or set another way).

    >>> version_of("yaml") is not None, version_of("no-such-package")
    (True, None)
    """
    from importlib.util import find_spec

    try:
        spec = find_spec(package)
        if spec is None or not spec.origin:
            return None
        found = re.search(r"""^__version__(?:\s*:\s*str)?\s*=\s*['"]([^'"]+)['"]""",
                          Path(spec.origin).read_text("utf-8"), re.MULTILINE)
    except (OSError, ValueError, ImportError):
        return None
    return found.group(1) if found else None
