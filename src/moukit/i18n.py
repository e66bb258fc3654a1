"""Every message a person reads, in English or Thai, through gettext catalogs.

The catalogs live in ``moukit/locale/`` (``moukit.pot``, ``th/LC_MESSAGES/moukit.po`` and the
compiled ``moukit.mo``), managed with babel's tools (see ``babel.cfg`` and docs/i18n.md). They
are the one place translations live: the command line's own texts, the library's errors and
their fixes, and the check report's findings, reasons and notes. Only the standard library
is used here, and a catalog is read on first use, so that ``moukit --help`` stays fast.

The library speaks English and keeps what it would need to speak Thai: a message is made with
:func:`N_`, which returns a :class:`Message`, a ``str`` holding the English text that also
remembers its template (the catalog's key) and parameters. Code that treats it as a string
sees the stable English text; :func:`translate` shows it in another language.

>>> m = N_("clause {number} of the form is missing", number=3)
>>> m
'clause 3 of the form is missing'
>>> m.template, m.params
('clause {number} of the form is missing', {'number': 3})
>>> translate(m, "en")
'clause 3 of the form is missing'

The language is the one given to :func:`set_language` (the ``--ui-lang`` option), else the
locale's (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``: Thai when it starts with
``th``), else English.

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
from collections.abc import Iterable, Mapping

DOMAIN = "moukit"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")  # os.path, not pathlib: a faster start
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
        from .errors import UsageError

        raise UsageError(N_("unknown interface language {lang}", lang=repr(lang)),
                         hint=N_("use one of {choices}", choices=", ".join(UI_LANGUAGES)))
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
                DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)
    return _translations[lang]


def gettext(message: str) -> str:
    """``message`` in the UI language in use (unchanged when there is no translation)."""
    return translation(get_language()).gettext(message)


_ = gettext


class Message(str):
    """An English message that remembers its ``template`` (the catalog's key) and ``params``.

    It is the English text for any code that treats it as a string (comparisons, JSON,
    ``str()``); :func:`translate` formats the template's translation with the parameters,
    each translated in turn when it is a :class:`Message` (or anything with an ``in_language``
    method, such as a language's name). Concatenating or formatting it gives a plain ``str``.
    """

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, params: dict[str, object] | None = None) -> Message:
        params = dict(params or {})
        text = template.format(**{k: _english(v) for k, v in params.items()}) if params else template
        self = super().__new__(cls, text)
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[type[Message], tuple[str, dict[str, object]]]:  # pickled with its template and parameters (batch checks in processes)
        return (Message, (self.template, self.params))

    @property
    def code(self) -> str:
        """A short stable identifier of the message (from its English template).

        >>> N_("interrupted").code
        'M-dcc94950'
        """
        import zlib

        return f"M-{zlib.crc32(self.template.encode('utf-8')):08x}"

    def in_language(self, lang: str) -> str:
        """The message in ``lang`` (``en`` or ``th``); English where the catalog has none."""
        text = translation(lang).gettext(self.template)
        if not self.params:
            return text
        return text.format(**{k: translate(v, lang) for k, v in self.params.items()})


def _english(value: object) -> str:
    return str(value)


def N_(template: str, /, **params: object) -> Message:
    """Mark ``template`` for the catalog and fill in ``params``; translated when shown.

    >>> N_("wrote {path}", path="a.docx")
    'wrote a.docx'
    """
    return Message(template, params)


def translate(text: object, lang: str | None = None) -> str:
    """``text`` in ``lang`` (default: the UI language in use).

    A :class:`Message` (or anything with an ``in_language(lang)`` method) is translated with its
    parameters; a plain string is looked up whole in the catalog (the texts marked with
    ``N_`` and kept as constants) and otherwise shown as it is.

    >>> translate("a text moukit does not know", "th")
    'a text moukit does not know'
    """
    lang = lang or get_language()
    method = getattr(text, "in_language", None)
    if method is not None:
        return method(lang)
    if text is None:
        return ""
    text = str(text)
    return translation(lang).gettext(text) if text else text


class Joined(str):
    """Texts joined by ``separator`` (English as a string), each shown in another language
    when the whole is: values listed in a message, some of them :class:`Message`.

    >>> text = Joined([N_("interrupted"), "a value"], "; ")
    >>> text, translate(text, "en")
    ('interrupted; a value', 'interrupted; a value')
    """

    separator: str
    items: list[object]

    def __new__(cls, items: Iterable[object], separator: str = ", ") -> Joined:
        items = list(items)
        self = super().__new__(cls, separator.join(str(item) for item in items))
        self.separator = separator
        self.items = items
        return self

    def __reduce__(self) -> tuple[type[Joined], tuple[list[object], str]]:
        return (Joined, (self.items, self.separator))

    def in_language(self, lang: str) -> str:
        """Each item in ``lang``, joined."""
        return self.separator.join(translate(item, lang) for item in self.items)
