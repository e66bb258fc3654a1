"""The labels of listed values (ids), in English and Thai, and reading a label back as its id.

``moukit init`` shows each listed value with its labels, and both ``init`` and a spec accept
a label where an id is asked: ``Prefecture``, ``Sister Cities``, ``เมืองพี่เมืองน้อง``,
``เศรษฐกิจ``. The labels have one source each: the fields of cooperation and the form's
alternatives are worded by the English and Thai lexicons (the words the document prints), the
instruments by the message catalog, the levels and the open term by ``labels.yaml``. A label
that two values share (Thai ในด้าน is "on" and "in") names neither.

>>> read_label("level", "Prefecture"), read_label("level", "autonomous region")
('prefecture', 'autonomous_region')
>>> read_label("relationship", "เมืองพี่เมืองน้อง", "mou"), read_label("fields", "การท่องเที่ยว")
('sister', 'tourism')
>>> read_label("preposition", "ในด้าน", "loi") is None, read_label("instrument", "บันทึกความเข้าใจ")
(True, 'mou')
"""

from __future__ import annotations

from functools import cache

from ..i18n import N_

INSTRUMENT_NAMES = {"loi": N_("Letter of Intent"), "mou": N_("Memorandum of Understanding")}


@cache
def _data() -> dict:
    from importlib import resources

    from .._yaml import load_yaml

    return load_yaml(resources.files(__package__).joinpath("labels.yaml").read_text("utf-8")) or {}


def _lexicon_words(group: str, key: str) -> list[str]:
    """The English and Thai lexicons' wording of ``key`` in ``group`` (e.g. alternatives.title)."""
    from ..packs.library import default_library

    words = []
    for lang in ("en", "th"):
        entry = default_library().pack(lang).lexicon
        for part in group.split("."):
            entry = (entry or {}).get(part) if isinstance(entry, dict) else None
        text = entry.get(key) if isinstance(entry, dict) else None
        if text:
            words.append(str(text))
    return words


def options(kind: str, instrument: str | None = None) -> list[str]:
    """The ids of ``kind``: instrument, level, fields, term or one of the form's alternatives."""
    from ..forms import INSTRUMENTS, get_form, vocabulary

    if kind == "instrument":
        return list(INSTRUMENTS)
    if kind == "level":
        return list(vocabulary()["partner_levels"])
    if kind == "fields":
        return list(vocabulary()["fields"])
    if kind == "term":
        return list(_data()["term"])
    return list(get_form(instrument or "mou").alternatives[kind].options)


def labels(kind: str, key: str, lang: str | None = None) -> list[str]:
    """The labels of id ``key`` of ``kind``: English then Thai (only ``lang``'s when given)."""
    from ..i18n import translate

    if kind == "instrument":
        found = [translate(INSTRUMENT_NAMES[key], "en"), translate(INSTRUMENT_NAMES[key], "th")]
    elif kind in ("level", "term"):
        entry = _data()["levels" if kind == "level" else "term"][key]
        found = [entry["en"], entry["th"]]
    else:
        found = _lexicon_words("fields" if kind == "fields" else f"alternatives.{kind}", key)
        if len(found) < 2:
            found = (found + [key.replace("_", " ")])[:2]
    if lang is not None:
        return found[:1] if lang == "en" else found[1:]
    return found


def label_text(kind: str, key: str) -> str:
    """The labels of ``key`` as ``init`` shows them: ``Sister Cities / เมืองพี่เมืองน้อง``."""
    return " / ".join(dict.fromkeys(labels(kind, key)))


def _key(text: str) -> str:
    from .names import name_key

    return name_key(text.replace("_", " ").replace("-", " "))


@cache
def _index(kind: str, instrument: str | None) -> dict[str, str | None]:
    """Label key -> id (None for a label two ids share)."""
    index: dict[str, str | None] = {}
    for key in options(kind, instrument):
        index[_key(key)] = key
    for key in options(kind, instrument):
        extra = _data()["term"][key].get("also", []) if kind == "term" else []
        for label in labels(kind, key) + list(extra):
            found = _key(label)
            if found in index and index[found] != key:
                if index[found] is not None and _key(index[found]) != found:  # an id stays itself
                    index[found] = None
                continue
            index[found] = key
    return index


@cache
def _ids(kind: str, instrument: str | None) -> frozenset[str]:
    return frozenset(options(kind, instrument))


def read_label(kind: str, text: str, instrument: str | None = None) -> str | None:
    """The id whose id or label (English or Thai, any case) ``text`` is, else None.

    An id written as it is is itself: the labels (the lexicons, the catalog) are read only
    for other text, which keeps reading a spec written with ids fast.
    """
    text = str(text)
    if text in _ids(kind, instrument):
        return text
    return _index(kind, instrument).get(_key(text))


def is_id(kind: str, text: str, key: str) -> bool:
    """True when ``text`` is ``key`` itself, written in any case or with spaces for ``_``."""
    return _key(str(text)) == _key(key)
