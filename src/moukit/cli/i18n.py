"""Messages of the command line in English or Thai, through gettext catalogs.

The catalogs live in ``moukit/cli/locale/`` (``moukit.pot``, ``th/LC_MESSAGES/moukit.po`` and the
compiled ``moukit.mo``), managed with babel's tools (see ``babel.cfg`` and docs/init.md).
Only the standard library is used here, and a catalog is read on first use, so that
``moukit --help`` stays fast.

The language is the one given to :func:`set_language` (the ``--ui-lang`` option), else the
locale's (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``: Thai when it starts with
``th``), else English. Library errors and check reports are not translated here.

>>> translation("en").gettext("wrote {path}")
'wrote {path}'
>>> detect_language({"LANG": "th_TH.UTF-8"})
'th'
>>> detect_language({"LANGUAGE": "", "LC_ALL": "C.UTF-8", "LANG": "th_TH.UTF-8"})
'en'
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "moukit"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
UI_LANGUAGES = ("en", "th")
DEFAULT_LANGUAGE = "en"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_current: list[str | None] = [None]  # None: not chosen yet, read the locale on first use
_translations: dict[str, _gettext.NullTranslations] = {}


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The UI language the locale asks for: ``th`` or ``en``.

    The first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set decides,
    as gettext does; its first entry (``LANGUAGE`` may be ``th:en``) starting with ``th``
    means Thai.
    """
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            first = value.split(":")[0].lower()
            return "th" if first.startswith("th") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Use ``lang`` (``th`` or ``en``) from now on; None goes back to the locale's choice."""
    if lang is not None and lang not in UI_LANGUAGES:
        from ..errors import UsageError

        raise UsageError(f"unknown interface language {lang!r}",
                          hint=f"use one of {', '.join(UI_LANGUAGES)}")
    _current[0] = lang


def get_language() -> str:
    """The UI language in use: the one set, else the locale's."""
    return _current[0] or detect_language()


def translation(lang: str) -> _gettext.NullTranslations:
    """The catalog of ``lang``, read once; English (and any missing catalog) passes text through."""
    if lang not in _translations:
        if lang == DEFAULT_LANGUAGE:
            _translations[lang] = _gettext.NullTranslations()
        else:
            _translations[lang] = _gettext.translation(
                DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)
    return _translations[lang]


def gettext(message: str) -> str:
    """``message`` in the UI language in use (unchanged when there is no translation)."""
    return translation(get_language()).gettext(message)


_ = gettext


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (translated when shown)."""
    return message
