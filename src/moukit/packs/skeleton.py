"""``moukit pack new``: the start of a language pack for a partner language moukit does not
ship: its settings from babel, and the translator's files (DOCX and XLIFF) of every segment
of the English master (:mod:`moukit.packs.segments`).

The folder it writes (``moukit-pack-<lang>/`` by default)::

    <lang>-translation.docx   the segments in a table, English | translation, for a translator
    <lang>-translation.xlf    the same segments as XLIFF 2.0, for translation tools
    <lang>/lexicon.yaml       the pack's settings (language, name, locale, date pattern);
                              ``moukit pack build`` reads them and adds the translated wording
    README.txt                what to do next

>>> pack_settings("tr")["locale"], pack_settings("tr")["date_pattern"]
('tr_TR', 'd MMMM y')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .._yaml import load_yaml
from ..errors import OutputError, UsageError
from ..i18n import N_
from .segments import SETTINGS, Segment, english_segments

SKELETON_MARK = "# moukit pack new: the settings of the pack"


def language_name(lang: str, in_lang: str = "en") -> str | None:
    """The name of language ``lang`` in language ``in_lang`` (babel), None when babel has none."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(in_lang).languages.get(lang)
    except (UnknownLocaleError, ValueError):
        return None


def check_language(lang: str, *, allow_shipped: bool = False) -> str:
    """``lang`` when a pack may be made for it; :class:`UsageError` for a code that is not a
    language (the spec could not name it), for English (the master) and, unless
    ``allow_shipped``, for a language moukit ships."""
    from .library import default_library

    if not re.fullmatch(r"[a-z]{2,3}", lang or "") or language_name(lang) is None:
        raise UsageError(N_("{code} is not a language code moukit knows", code=repr(lang)),
                         hint=N_("give the ISO 639-1 code of the partner's language, as the spec's "
                                 "partner.language has it, e.g. tr, id, my, ms, de"))
    if lang == "en":
        raise UsageError(N_("English is the master text of the form: it is not translated"),
                         hint=N_("give the partner's language, e.g. tr, id, my"))
    if lang in default_library().available() and not allow_shipped:
        raise UsageError(
            N_("moukit already ships a pack for {lang} ({name})", lang=lang, name=language_name(lang)),
            hint=N_("render with it as it is; to make another translation of it (an official text, a "
                    "revision) add --allow-shipped, and use the pack built with --templates DIR"))
    return lang


def _locale(lang: str) -> str:
    """The babel locale of ``lang`` in its main country (tr -> tr_TR, zh -> zh_Hans_CN)."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    likely = get_global("likely_subtags").get(lang)
    if likely:
        parts = str(likely).split("_")
        if len(parts) == 3:
            for candidate in (f"{parts[0]}_{parts[2]}", str(likely)):
                try:
                    Locale.parse(candidate)
                except (UnknownLocaleError, ValueError):
                    continue
                return candidate
    return lang


def pack_settings(lang: str) -> dict:
    """The settings of a new pack for ``lang`` (the lexicon keys that are not wording):
    ``language``, ``name`` (the language's own name), ``locale`` and ``date_pattern`` (babel's
    long date). For a language moukit ships, its shipped settings (the Thai calendar...)."""
    from babel import Locale
    from babel.dates import get_date_format

    from .library import default_library

    if lang in default_library().available():
        shipped = default_library().pack(lang).lexicon
        return {k: shipped[k] for k in SETTINGS if k in shipped}
    locale = _locale(lang)
    own = Locale.parse(locale)
    return {
        "language": lang,
        "name": own.get_language_name(locale) or language_name(lang) or lang,
        "locale": locale,
        "date_pattern": get_date_format("long", locale=locale).pattern,
    }


def settings_yaml(settings: dict) -> str:
    """The skeleton ``lexicon.yaml``: the settings, each explained."""
    import yaml

    lines = [
        SKELETON_MARK,
        "# ('moukit pack build' adds the translated wording to them). Change a setting here",
        "# before you build, e.g. the date pattern (babel's pattern letters: d day, M month,",
        "# MMMM the month's name, y year; text in 'quotes'). A language whose official",
        "# documents write numbers in digits of their own adds them, 0 to 9, e.g. Burmese:",
        "# digits: \"၀၁၂၃၄၅၆၇၈၉\". See docs/languages.md.",
    ]
    for key, value in settings.items():
        lines.append(yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False,
                                    default_flow_style=False).rstrip("\n"))
    return "\n".join(lines) + "\n"


def read_settings(path: Path) -> dict | None:
    """The settings of a skeleton ``lexicon.yaml`` (:func:`settings_yaml`), None when ``path``
    is not one (a full lexicon, or no file)."""
    if not path.is_file():
        return None
    text = path.read_text("utf-8")
    if not text.startswith(SKELETON_MARK):
        return None
    import yaml

    try:
        data = load_yaml(text)
    except yaml.YAMLError:
        raise UsageError(N_("{file}: the settings are not valid YAML", file=path),
                         hint=N_("correct the file, or delete it to take babel's settings")) from None
    if not isinstance(data, dict):
        raise UsageError(N_("{file}: the settings must be a YAML mapping", file=path))
    return {k: v for k, v in data.items() if k in SETTINGS}


def lexicon_settings(path: Path) -> dict | None:
    """The settings (:data:`SETTINGS`) of a pack's full ``lexicon.yaml``, None when ``path``
    is no readable lexicon."""
    if not path.is_file():
        return None
    try:
        data = load_yaml(path.read_text("utf-8"))
    except Exception:  # a damaged lexicon is replaced by the build: babel's settings then
        return None
    if not isinstance(data, dict) or "locale" not in data:
        return None
    return {k: v for k, v in data.items() if k in SETTINGS}


README = """\
A language pack for {name} ({lang}), in the making (moukit pack new).

1. Send {lang}-translation.docx (Word) or {lang}-translation.xlf (XLIFF 2.0, for
   translation tools) to the translator. The first page of the DOCX says how to translate.
2. Check the settings in {lang}/lexicon.yaml (the date pattern).
3. When the translation comes back, put it in this folder and run:
       moukit pack build {lang}-translation.docx
   (or the .xlf). It checks the translation and writes {lang}/loi.j2, mou.j2, lexicon.yaml
   and pack.yaml, or says what to correct.
4. Render with the pack:
       moukit render SPEC --templates {folder}
"""


@dataclass(frozen=True)
class NewPack:
    """What ``moukit pack new`` wrote."""

    lang: str
    folder: Path
    files: tuple[Path, ...]
    segments: int


def default_folder(lang: str) -> Path:
    """Where ``moukit pack new`` writes when no folder is given: ``moukit-pack-<lang>``."""
    return Path(f"moukit-pack-{lang}")


def new_pack(lang: str, folder: str | Path | None = None, *, allow_shipped: bool = False,
             segments: list[Segment] | None = None) -> NewPack:
    """Write the start of a pack for ``lang`` into ``folder`` (see the module's docstring).

    ``folder`` may exist, but none of the files may: a file already there is never replaced
    (:class:`OutputError`, nothing written).
    """
    from .._atomic import check_target, write_atomic
    from .translator_docx import write_translator_docx
    from .xliff import write_xliff

    check_language(lang, allow_shipped=allow_shipped)
    folder = Path(folder) if folder is not None else default_folder(lang)
    segments = segments if segments is not None else english_segments(lang)
    settings = pack_settings(lang)
    outputs = [
        (folder / f"{lang}-translation.docx", write_translator_docx(lang, segments, settings)),
        (folder / f"{lang}-translation.xlf", write_xliff(lang, segments, settings)),
        (folder / lang / "lexicon.yaml", settings_yaml(settings).encode("utf-8")),
        (folder / "README.txt", README.format(name=settings["name"], lang=lang,
                                              folder=folder.as_posix()).encode("utf-8")),
    ]
    there = [str(path) for path, _ in outputs if path.exists() or path.is_symlink()]
    if there:
        raise OutputError(N_("{files} already exists; nothing written", files=there[0])
                          if len(there) == 1 else
                          N_("{files} already exist; nothing written", files=", ".join(there)),
                          hint=N_("give another folder with -o, or move the files away (they may "
                                  "hold a translation)"))
    if folder.exists() and not folder.is_dir():
        raise OutputError(N_("{file}: is not a folder", file=folder), hint=N_("give a folder name with -o"))
    created = [d for d in (folder, folder / lang) if not d.exists()]
    written: list[Path] = []
    try:
        for d in created:
            d.mkdir()
        for path, _data in outputs:
            check_target(path)
        for path, data in outputs:
            written.append(write_atomic(path, data))
    except BaseException as exc:  # nothing half made is left: the new files and folders go
        for path in written:
            path.unlink(missing_ok=True)
        _remove_empty(reversed(created))
        if isinstance(exc, OSError):
            raise OutputError(N_("{file}: cannot write ({error})", file=folder, error=exc.strerror or exc),
                              hint=N_("check the folder's parent exists and is writable")) from None
        raise
    return NewPack(lang, folder, tuple(written), len(segments))


def _remove_empty(folders) -> None:
    for d in folders:
        try:
            d.rmdir()
        except OSError:
            pass
