"""Hostile and broken spec files, generated from a valid spec (``specdata``)."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from specdata import spec_data


def base(instrument: str = "mou", lang: str = "en") -> dict:
    """A valid spec as data (Chiang Mai and Shanghai; Thai, ``lang`` and English)."""
    return spec_data(instrument, lang)


def dump(data) -> str:
    """YAML text of ``data``, keys in the order given."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def changed(path: tuple, value, data: dict | None = None) -> dict:
    """A copy of ``data`` (default: :func:`base`) with the value at ``path`` replaced."""
    data = copy.deepcopy(data if data is not None else base())
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write ``content`` (text as UTF-8) to ``folder/name``."""
    path = Path(folder) / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def billion_laughs(levels: int = 10, width: int = 10) -> str:
    """The YAML alias bomb: ``levels`` anchors, each a list of ``width`` aliases of the one
    before, i.e. ``width ** levels`` strings once expanded, in a file under 2 KB."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]")
    lines.append(f"instrument: *l{levels - 1}")
    return "\n".join(lines) + "\n"


def alias_in_spec() -> str:
    """A valid spec where one list is written through an anchor and an alias."""
    text = dump(base())
    return text.replace("fields:\n", "fields: &f\n", 1) + "further: *f\n"


def python_tags(marker: Path) -> dict[str, str]:
    """Specs with PyYAML's Python tags; each would create ``marker`` if a tag were honoured."""
    command = f"touch {marker}"
    good = dump(base())
    return {
        "apply-os-system": good + f"x: !!python/object/apply:os.system [{command!r}]\n",
        "apply-top-level": f"!!python/object/apply:os.system [{command!r}]\n",
        "apply-subprocess": good + (
            "partner_note: !!python/object/apply:subprocess.check_output\n"
            f"  - [sh, -c, {command!r}]\n"),
        "new-object": good + f"y: !!python/object/new:os.system [{command!r}]\n",
        "name": good + "z: !!python/name:os.system\n",
        "tag-on-value": dump(changed(("partner", "name", "en"), "X")).replace(
            "en: X", f"en: !!python/object/apply:os.system [{command!r}]"),
        "local-tag": good.replace("instrument: mou", "instrument: !custom mou"),
    }


def deep_nesting(depth: int = 20_000) -> str:
    """A valid spec plus one value nested ``depth`` lists deep (a few tens of KB)."""
    return dump(base()) + "x: " + "[" * depth + "]" * depth + "\n"


def duplicate_top_key() -> str:
    """A valid spec with ``instrument`` given a second time at the end."""
    return dump(base()) + "instrument: loi\n"


def duplicate_nested_key() -> str:
    """A valid spec where ``partner.country`` appears twice."""
    return dump(base()).replace("  country: CN\n", "  country: CN\n  country: JP\n", 1)


def not_yaml() -> str:
    """Text that is not YAML at all (an unclosed flow list after a mapping)."""
    return "instrument: mou\npartner: [Shanghai, {name: \n  : : ]]\n"


def wrong_types() -> dict:
    """Four values of the wrong type."""
    data = base()
    data["fields"] = "economy"
    data["term"] = 5
    data["draft"] = "maybe"
    data["signing"]["date"] = [2026, 11, 22]
    return data


def with_name(value: str, path: tuple = ("partner", "name", "en")) -> str:
    """A valid spec except for the name at ``path``."""
    return dump(changed(path, value))


def many_fields(count: int = 10_000) -> str:
    """A spec with ``count`` fields of cooperation."""
    return dump(changed(("fields",), ["economy"] * count))


def many_keys(count: int = 10_000) -> str:
    """A spec with ``count`` unknown top-level keys."""
    data = base()
    data.update({f"field_{i}": i for i in range(count)})
    return dump(data)
