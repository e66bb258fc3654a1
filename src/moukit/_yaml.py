"""Reading moukit's own YAML data (forms, vocabularies, rule packs, lexicons) fast and safely.

PyYAML's C loader is about ten times faster than its pure-Python one; both are "safe"
loaders that build only plain data. Spec files written by users are read differently, with
line numbers and stricter rules (see :mod:`moukit.spec.load`).
"""

from __future__ import annotations

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """Plain data from YAML ``text`` (safe loader; C implementation when available)."""
    return yaml.load(text, Loader=SAFE_LOADER)
