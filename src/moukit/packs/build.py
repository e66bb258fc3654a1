"""``moukit pack build``: a translated DOCX or XLIFF made into a language pack, or refused with
every problem located.

The file is read (:mod:`moukit.packs.translator_docx`, :mod:`moukit.packs.xliff`), each
segment's translation cleaned the same way whatever the file (NFC, spaces, line breaks) and
checked:

- every segment is translated (an optional one may be empty);
- its placeholders are the English segment's, none lost and none added (a typo in one is an
  added one, with the name it may have meant);
- no character that makes a text read otherwise than it holds (control characters,
  bidirectional overrides, private-use characters, which moukit uses as markers);
- none of the wording the rule packs forbid a province in that language (binding words such
  as ต้อง, 应当, しなければならない; visas, tariffs...), beyond what the English segment itself
  says: the patterns and negations are the check's own (:mod:`moukit.checking.rules`).

Then the templates are rebuilt with the English's block and branch structure
(:func:`moukit.packs.segments.build_template`) and the lexicon with the translated wording and
the pack's settings, and the pack is rendered, in a folder of its own, for every variant and
alternative of every form and through :func:`moukit.render` with a test spec (Thai and the new
language), before anything is put where it was asked. An existing pack is never replaced
without ``force``; a problem leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

from ..errors import (
    MoukitError,
    OutputError,
    TemplateError,
    TranslationError,
    TranslationProblem,
    UsageError,
)
from ..i18n import N_
from ..text.chars import ZERO_WIDTH_CHAR  # a pack's text holds none (the check ignores them)
from .segments import (
    LEXICON,
    PLACEHOLDER,
    Segment,
    build_lexicon,
    build_template,
    canonical_placeholders,
    english_segments,
    find_placeholders,
)
from .translator_docx import TranslationFile

PACK_FILES = ("lexicon.yaml", "loi.j2", "mou.j2", "pack.yaml")
MAX_FILE_BYTES = 50 * 1024 * 1024
XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlf2")
# scripts written without spaces: a line break inside a sentence joins without one
NO_SPACE_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u3000-\u303f]")
NOT_TRANSLATED = N_("not translated (empty)")
# where the settings of a pack come from when no file gives them
BABEL, SHIPPED = "babel", "the shipped pack"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ue000-\uf8ff]")


@dataclass
class BuiltPack:
    """What ``moukit pack build`` wrote: the pack's folder and files, and what it noticed."""

    lang: str
    folder: Path
    files: tuple[Path, ...]
    segments: int
    notices: list[str] = field(default_factory=list)  # doubts: what may be a slip
    notes: list[str] = field(default_factory=list)  # what the build did (settings, pack.yaml kept)


# ------------------------------------------------------------------ reading the file


def file_format(path: Path, data: bytes) -> str:
    """``docx`` or ``xliff``, by the file's suffix or else its first bytes."""
    suffix = path.suffix.lower()
    if suffix == ".docx" or (suffix not in XLIFF_SUFFIXES and data[:4] == b"PK\x03\x04"):
        return "docx"
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in XLIFF_SUFFIXES or (head.startswith(b"<") and b"<xliff" in head):
        return "xliff"
    raise TranslationError(str(path), message=N_("not a DOCX or XLIFF file"),
                           hint=N_("give the translated .docx or .xlf that 'moukit pack new' wrote"))


def read_translation(path: str | Path, lang: str | None = None,
                     segments_of: Callable[[str], list[Segment]] = english_segments) -> TranslationFile:
    """Read a translator's file (DOCX or XLIFF): its language (``lang`` when given, else the
    file's) and the translation of each segment."""
    from . import translator_docx, xliff

    path = Path(path)
    try:
        if path.is_dir():
            raise TranslationError(str(path), message=N_("is a folder"),
                                   hint=N_("give the translated .docx or .xlf file"))
        if path.stat().st_size > MAX_FILE_BYTES:
            raise TranslationError(str(path), message=N_("the file is larger than 50 MiB"),
                                   hint=N_("give the translated .docx or .xlf that 'moukit pack new' wrote"))
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(N_("{file}: no such file", file=path),
                         hint=N_("check the name of the translated file")) from None
    except OSError as exc:
        raise UsageError(N_("{file}: cannot read ({error})", file=path, error=exc.strerror or exc)) from None
    fmt = file_format(path, data)
    if fmt == "docx":
        found = translator_docx.open_document(data, str(path))[2]
    else:
        found = xliff.open_xliff(data, str(path)).get("trgLang")
    lang = lang or found
    if not lang:
        raise TranslationError(str(path), message=N_("the file does not say its language"),
                               hint=N_("give it with --lang LANG"))
    from .skeleton import check_language

    try:
        check_language(lang, allow_shipped=True)
    except UsageError as exc:
        raise TranslationError(str(path), message=N_("language {message}", message=exc.message),
                               hint=exc.hint) from None
    segments = segments_of(lang)
    reader = translator_docx.read_translator_docx if fmt == "docx" else xliff.read_xliff
    result = reader(data, str(path), segments)
    result.lang = lang
    if found and found != lang:
        result.notices.append(N_("the file says its language is {found}; built as {lang} (--lang)",
                                 found=repr(found), lang=repr(lang)))
    return result


# ------------------------------------------------------------------ checking each segment


def clean_text(raw: str, seg: Segment) -> str:
    """A translation as a pack holds it: NFC, line breaks of any kind as ``\\n``, spaces
    collapsed and lines stripped, empty lines dropped; a segment without line breaks in the
    English on one line (joined with a space, or without one between Chinese or Japanese
    characters); zero-width spaces and joiners dropped; placeholders written the canonical
    way."""
    text = ZERO_WIDTH_CHAR.sub("", unicodedata.normalize("NFC", raw))
    text = re.sub(r"\r\n?|[\u2028\u2029\x0b\x0c]", "\n", text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if seg.multiline:
        text = "\n".join(lines)
    else:
        text = ""
        for line in lines:
            if text and not (NO_SPACE_SCRIPT.match(text[-1]) and NO_SPACE_SCRIPT.match(line[0])):
                text += " "
            text += line
    return canonical_placeholders(text, capitals=seg.group != LEXICON)


def check_segments(segments: list[Segment], found: TranslationFile) -> tuple[dict[str, str],
                                                                             list[TranslationProblem],
                                                                             list[str]]:
    """Every segment's translation, cleaned, and the problems and notices of the file."""
    problems = list(found.problems)
    notices = list(found.notices)
    texts: dict[str, str] = {}
    lang = found.lang or ""
    normalised = []
    for seg in segments:
        entry = found.texts.get(seg.id)
        if entry is None and seg.optional:  # a file made before the segment existed: left empty
            notices.append(N_("{unit} (optional) is not in the file (made by an older moukit?): left empty",
                              unit=seg.id))
            texts[seg.id] = ""
            continue
        if entry is None:
            problems.append(TranslationProblem(
                seg.id, "", N_("missing from the file"),
                N_("the row or unit was deleted, or the file was made by an older moukit: make a new "
                   "file with 'moukit pack new' and copy the translations into it")))
            continue
        if unicodedata.normalize("NFC", entry.text) != entry.text:
            normalised.append(seg.id)
        text = clean_text(entry.text, seg)
        where = entry.where
        if not text:
            if not seg.optional:
                problems.append(TranslationProblem(seg.id, where, NOT_TRANSLATED,
                                                   N_("translate: {english}", english=_short(seg.english))))
            texts[seg.id] = ""
            continue
        texts[seg.id] = text
        bad = UNSAFE.search(text)
        if bad:
            problems.append(TranslationProblem(
                seg.id, where, N_("holds the invisible character {character}, which makes the text "
                                  "print or read otherwise than it holds",
                                  character=f"U+{ord(bad.group()):04X}"),
                N_("delete it (retype the words around it)")))
        problems += _placeholder_problems(seg, text, where)
        used = {ph.name for ph in find_placeholders(text)}
        notices += [N_("{unit} ({where}): {placeholder} is not used; right only if the sentence says it "
                       "in other words", unit=seg.id, where=where, placeholder="{" + name + "}")
                    for name in sorted(set(seg.placeholders) - seg.required - used)
                    if seg.group in ("loi", "mou")]
        problems += [TranslationProblem(seg.id, where, message, hint)
                     for message, hint in binding_words(text, seg.english, lang, _units_of(seg))]
        notices += _doubts(seg, text, where, found.format)
    empty = [p for p in problems if p.message == NOT_TRANSLATED]
    if len(empty) > 10:  # a file hardly translated: one line, not a page of them
        problems = [p for p in problems if p not in empty]
        problems.insert(0, TranslationProblem(
            "", N_("{first} to {last}", first=empty[0].where, last=empty[-1].where),
            N_("{count} segments are not translated (empty): {units}", count=len(empty),
               units=", ".join(p.unit for p in empty)),
            N_("translate every row (or unit) not marked optional")))
    if normalised:
        notices.append(N_("{count} translation(s) normalised to Unicode NFC (composed characters), "
                          "e.g. {unit}", count=len(normalised), unit=normalised[0]))
    return texts, problems, notices


def _units_of(seg: Segment) -> tuple[str, ...]:
    """The meaning units of a template segment's clause (every variant's)."""
    from ..forms import INSTRUMENTS, get_form

    if seg.group not in INSTRUMENTS:
        return ()
    clause = next((c for c in get_form(seg.group).clauses if c.id == seg.clause), None)
    return tuple(u.id for u in clause.units) if clause else ()


def _short(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "\u2026"


def _placeholder_problems(seg: Segment, text: str, where: str) -> list[TranslationProblem]:
    names = [ph.name for ph in find_placeholders(text)]
    out = []
    added = sorted(set(names) - seg.allowed)
    lost = sorted(seg.required - set(names))
    for name in added:
        close = get_close_matches(name, sorted(seg.allowed), n=1)
        out.append(TranslationProblem(
            seg.id, where, N_("placeholder {placeholder} is not one of the English's ({placeholders})",
                              placeholder=_braced(name),
                              placeholders=", ".join(map(_braced, seg.placeholders)) or N_("none")),
            N_("did you mean {placeholder}?", placeholder=_braced(close[0])) if close
            else N_("delete it, or write it without the braces")))
    for name in lost:
        out.append(TranslationProblem(
            seg.id, where, N_("placeholder {placeholder} is lost", placeholder=_braced(name)),
            N_("put {placeholder} back where your sentence needs it, with its braces, exactly as "
               "the English writes it", placeholder=_braced(name))))
    if seg.one_of and not set(names) & seg.one_of:
        out.append(TranslationProblem(
            seg.id, where, _one_of(sorted(seg.one_of)),
            N_("write the number as a placeholder, e.g. {example}", example="'{n} ...'")))
    return out


def _braced(name: str) -> str:
    return "{" + name + "}"


def _one_of(names: list[str]) -> str:
    """The problem of a translation without any of the placeholders ``names``."""
    if len(names) == 2:
        return N_("needs one of the placeholders {first} or {second}", first=_braced(names[0]),
                  second=_braced(names[1]))
    return N_("needs one of the placeholders {placeholders}",
              placeholders=", ".join(map(_braced, names)))


def _doubts(seg: Segment, text: str, where: str, fmt: str = "docx") -> list[str]:
    """What may be a slip but is not an error: the English kept, a capital Word may have
    added (not where the English itself has a capital: the MOU's "two Sides" is a defined
    term, and a translation may well start it with a capital), a different number of lines."""
    out = []
    if " ".join(text.split()).casefold() == " ".join(seg.english.split()).casefold() and not seg.name_like:
        out.append(N_("{where}, {unit}: the translation is the English text; is it translated?",
                      where=where, unit=seg.id))
    if seg.group == LEXICON and seg.english == seg.english.lower() and text[:1].isupper() \
            and text[:1] != text[:1].lower():
        word = repr(text.split()[0])
        out.append(N_("{where}, {unit}: starts with a capital where the English does not ({word}); "
                      "Word may have added it: write it with a small letter unless your language "
                      "needs the capital (a value that starts a sentence gets one by itself)",
                      where=where, unit=seg.id, word=word) if fmt == "docx" else
                   N_("{where}, {unit}: starts with a capital where the English does not ({word}): "
                      "write it with a small letter unless your language needs the capital (a value "
                      "that starts a sentence gets one by itself)", where=where, unit=seg.id, word=word))
    if seg.multiline and text.count("\n") != seg.english.count("\n"):
        out.append(N_("{where}, {unit}: {count} lines where the English has {english}", where=where,
                      unit=seg.id, count=text.count("\n") + 1, english=seg.english.count("\n") + 1))
    return out


def binding_words(text: str, english: str, lang: str, units: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The wording of ``text`` (a translation into ``lang`` of ``english``) that the rule
    packs say a province may not sign, beyond what the English itself has: ``[(message,
    hint)]``. The patterns and negations are the check's (rules routed ``not_permitted``), in
    ``lang`` when the rules have any for it, and in English. As in the check, a match inside
    the expression of one of the clause's meaning ``units`` is the form's own, where moukit
    ships a ``units.yaml`` for ``lang`` (the form's "international obligations", "ensure
    concrete results")."""
    from ..checking.rules import default_rules
    from ..checking.units import matchable
    from ..text.normalize import clean

    plain = PLACEHOLDER.sub(" X ", text)
    english_plain = matchable(PLACEHOLDER.sub(" X ", english), "en")
    unit_spans = _unit_spans(matchable(plain, lang), lang, units)
    out = []
    for rule in default_rules():
        if rule.route != "not_permitted" or not rule.patterns:
            continue
        own = _spans(rule, lang, matchable(plain, lang)) if lang != "en" and rule.patterns.get(lang) else []
        own = [s for s in own if not any(a <= s[0] and s[1] <= b for a, b in unit_spans)]
        cleaned = clean(plain)
        in_english = _spans(rule, "en", cleaned) if rule.patterns.get("en") else []
        allowed = len(_spans(rule, "en", english_plain)) if rule.patterns.get("en") else 0
        if len(own) + len(in_english) <= allowed:
            continue
        mt = matchable(plain, lang)
        words = list(dict.fromkeys([mt[a:b] for a, b in own] + [cleaned[a:b] for a, b in in_english]))
        out.append((N_("{words}: {rule} ({code}), which a province may not sign",
                       words=", ".join(repr(w) for w in words), rule=rule.name, code=rule.code),
                    N_("say what the English says without it: 'will' is a plain future or a word of "
                       "intention, never an obligation")))
    return out


def _unit_spans(text: str, lang: str, units: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the meaning ``units`` are expressed in matchable ``text``, by the shipped pack's
    ``units.yaml`` for ``lang`` (none for a language moukit does not ship)."""
    from ..checking.units import unit_lexicon
    from .library import default_library

    if not units or lang not in default_library().available():
        return []
    lexicon = unit_lexicon(default_library().pack(lang))
    if lexicon is None:
        return []
    spans: list[tuple[int, int]] = []
    for unit in units:
        spans += lexicon.find(unit, text, spans)
    return spans


def _spans(rule, lang: str, text: str) -> list[tuple[int, int]]:
    spans: list[list[int]] = []
    for start, end in sorted((m.start(), m.end()) for m in rule.find(lang, text)):
        if spans and start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(a, b) for a, b in spans]


# ------------------------------------------------------------------ the pack's files


def _comment_safe(text: str) -> str:
    return text.replace("#}", "# }").replace("\n", " ")


def pack_files(lang: str, segments: list[Segment], texts: dict[str, str], settings: dict,
               source: str) -> dict[str, bytes]:
    """The files of the pack: ``lexicon.yaml``, one template per form, ``pack.yaml``. They
    depend only on the translation and the English master (not on moukit's version), so that
    the same file builds the same pack byte for byte: a pack kept with its translation file can
    be checked against it."""
    import yaml

    from .._yaml import load_yaml
    from ..forms import INSTRUMENTS, get_form

    name = settings.get("name") or lang
    origin = _comment_safe(Path(source).name)
    files: dict[str, bytes] = {}
    for instrument in INSTRUMENTS:
        form = get_form(instrument)
        header = (f"{{#- {form.name}, {_comment_safe(str(name))} ({lang}): built by 'moukit pack build'\n"
                  f"    from {origin}, a translation of the English master (packs/en/{instrument}.j2).\n"
                  "    One block per clause. To change the wording, correct the translation file and\n"
                  "    build again. -#}")
        files[f"{instrument}.j2"] = build_template(instrument, segments, texts, header=header).encode("utf-8")
    lexicon = build_lexicon(segments, texts, settings)
    body = yaml.safe_dump(lexicon, allow_unicode=True, sort_keys=False, width=100)
    if load_yaml(body) != lexicon:  # what is written reads back as the same data
        raise TemplateError(N_("the lexicon does not read back as it was written (a moukit bug)"))
    files["lexicon.yaml"] = (
        f"# The {name} ({lang}) lexicon: built by 'moukit pack build' from\n"
        f"# {origin}, a translation of the English master (packs/en/lexicon.yaml). The settings\n"
        "# (language, name, locale, date_pattern...) are the pack's; see docs/languages.md.\n"
        + body).encode("utf-8")
    files["pack.yaml"] = (
        f"# The {name} ({lang}) pack: built by 'moukit pack build' from {origin}.\n"
        "# status unofficial: a translation no ministry has approved. Record each review below\n"
        "# (by, date, of: the version reviewed, scope, findings) as the shipped packs do.\n"
        + yaml.safe_dump({"language": lang, "version": "0.1", "status": "unofficial", "reviews": []},
                         allow_unicode=True, sort_keys=False)).encode("utf-8")
    return files


# ------------------------------------------------------------------ rendering it


SAMPLE_DATE = dt.date(2027, 3, 18)


def render_check(folder: Path, lang: str) -> None:
    """Render the pack for ``lang`` in the templates folder ``folder``: every variant
    combination and every alternative of every form, then a test spec through
    :func:`moukit.render` (Thai and ``lang``, DOCX). :class:`TemplateError` when it does not."""
    from ..forms import all_forms, vocabulary
    from ..rendering.context import language_name
    from ..text.formatting import format_date, format_list, term_text
    from .library import TemplateLibrary

    library = TemplateLibrary([folder])
    pack = library.pack(lang)
    fields = list(vocabulary()["fields"])
    for fid in fields:
        if fid not in pack.lexicon.get("fields", {}):
            raise TemplateError(N_("the lexicon has no wording for field {field}", field=repr(fid)),
                                file=str(pack.lexicon_file))

    for form in all_forms():
        rounds = max([len(a.options) for a in form.alternatives.values()] + [3])
        for variant in form.variant_combinations():
            for i in range(rounds):
                years = (1, 5, 25)[i % 3]

                def fill(slot, i=i, years=years, form=form):
                    kind = slot.kind
                    if kind == "alternative":
                        options = form.alternatives[slot.name].options
                        return pack.word(slot.name, options[i % len(options)])
                    if kind == "field_list":
                        chosen = fields[: (1, 2, 3, len(fields))[i % 4]]
                        return format_list([pack.lexicon["fields"][f] for f in chosen], pack.lexicon)
                    if kind == "date":
                        return format_date(SAMPLE_DATE, pack.lexicon)
                    if kind == "language":
                        return language_name(lang, pack)
                    if kind == "term":
                        return term_text(years, pack.lexicon)
                    if kind == "years":
                        return years
                    return f"<{slot.name}>"

                pack.render_clauses(form, form.context(fill, variant))
    _render_spec(folder, lang)


def _render_spec(folder: Path, lang: str) -> None:
    """A test spec in Thai, English and ``lang`` rendered with the pack (Thai and ``lang``)."""
    from ..rendering.build import render
    from ..spec.models import SPEC_ADAPTER
    from .segments import main_territory

    def texts(th: str, en: str, other: str) -> dict:
        return {"th": th, "en": en, lang: other}

    for instrument in ("loi", "mou"):
        data = {
            "instrument": instrument,
            "thai_party": {"province": "Chiang Mai", "name": {lang: "Chiang Mai"}},
            "partner": {"name": texts("นครทดสอบ", "Test City", "Test City"),
                        "country": main_territory(lang) or "FR", "level": "province", "language": lang},
            "fields": ["economy", "trade", "tourism"],
            "signing": {"place": texts("เชียงใหม่", "Chiang Mai", "Chiang Mai"),
                        "date": SAMPLE_DATE.isoformat()},
            "signatories": {
                "thai": {"name": texts("นายสมชาย ใจดี", "Mr. Somchai Jaidee", "Somchai Jaidee"),
                         "position": texts("ผู้ว่าราชการจังหวัดเชียงใหม่", "Governor", "Governor")},
                "partner": {"name": texts("นายทดสอบ", "Mr. Test", "Test"),
                            "position": texts("ผู้ว่าการ", "Governor", "Governor")}},
        }
        if instrument == "mou":
            data["term"] = {"years": 5}
        spec = SPEC_ADAPTER.validate_python(data)
        render(spec, "docx", languages=["th", lang], templates=[folder])


# ------------------------------------------------------------------ the whole build


def existing_pack(folder: Path) -> list[str]:
    """The pack files already in ``folder`` (a skeleton's settings are not a pack)."""
    from .skeleton import read_settings

    found = [n for n in PACK_FILES if (folder / n).exists() or (folder / n).is_symlink()]
    if found == ["lexicon.yaml"] and read_settings(folder / "lexicon.yaml") is not None:
        return []
    return found


def _settings(lang: str, places: list[Path]) -> tuple[dict, str]:
    """The pack's settings: the first skeleton ``lexicon.yaml`` of ``places``, else babel's."""
    from .skeleton import lexicon_settings, pack_settings, read_settings

    for path in places:
        found = read_settings(path)
        if found is None and path == places[0]:  # the pack rebuilt (--force): its own settings
            found = lexicon_settings(path)
        if found is not None:
            settings = {**pack_settings(lang), **found}
            if settings.get("language") != lang:
                raise UsageError(N_("{file}: the settings say language {language}, the translation "
                                    "is {lang}", file=path, language=repr(settings.get("language")),
                                    lang=repr(lang)), hint=N_("set language: {lang}", lang=lang))
            return settings, str(path)
    from .library import default_library

    return pack_settings(lang), (SHIPPED if lang in default_library().available() else BABEL)


def _check_settings(settings: dict, where: str) -> None:
    from babel import Locale, UnknownLocaleError

    from ..text.formatting import format_date

    try:
        Locale.parse(str(settings.get("locale")))
        format_date(SAMPLE_DATE, settings)
    except (UnknownLocaleError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise UsageError(N_("{file}: the settings cannot write a date: {error}", file=where, error=exc),
                         hint=N_("check locale (a babel locale, e.g. tr_TR) and date_pattern "
                                 "(e.g. {example})", example='"d MMMM y"')) from None


def build_pack(path: str | Path, folder: str | Path | None = None, *, lang: str | None = None,
               force: bool = False) -> BuiltPack:
    """Make the translated file at ``path`` into a language pack in ``folder/<lang>/``
    (``folder`` defaults to the file's folder); see the module's docstring. A pack built again
    (``force``) keeps its ``pack.yaml``: the record of its version and reviews.

    :class:`TranslationError` lists every problem of the translation; an existing pack there is
    replaced only with ``force`` (:class:`OutputError`); nothing is written on any error.
    """
    path = Path(path)
    found = read_translation(path, lang)
    lang = found.lang or ""
    segments = english_segments(lang)
    texts, problems, notices = check_segments(segments, found)
    if problems:
        raise TranslationError(str(path), problems,
                               hint=N_("correct the translation file and run 'moukit pack build' again"))
    out = Path(folder) if folder is not None else (path.parent if str(path.parent) else Path("."))
    target = out / lang
    if not out.is_dir() and not out.exists() and out.parent.is_dir():
        out.mkdir()  # as 'pack new -o DIR' does; its parent must exist (a typo is not a tree)
    if not out.is_dir():
        raise OutputError(N_("{file}: the folder does not exist", file=out),
                          hint=N_("create it first, or give another with -o"))
    if target.exists() and not target.is_dir():
        raise OutputError(N_("{file}: is not a folder", file=target), hint=N_("give another folder with -o"))
    there = existing_pack(target) if target.is_dir() else []
    if there and not force:
        raise OutputError(N_("{file} already holds a pack ({files}); nothing written", file=target,
                             files=", ".join(there)),
                          hint=N_("give another folder with -o, or add --force to replace its {files}",
                                  files=", ".join(PACK_FILES)))
    settings, origin = _settings(lang, [target / "lexicon.yaml", path.parent / lang / "lexicon.yaml"])
    _check_settings(settings, origin)
    notes = [N_("the settings (locale, date pattern...) are babel's") if origin == BABEL else
             N_("the settings (locale, date pattern...) are the shipped pack's") if origin == SHIPPED
             else N_("the settings (locale, date pattern...) are taken from {file}", file=origin)]
    files = pack_files(lang, segments, texts, settings, str(path))
    if (target / "pack.yaml").is_file():  # the record of a pack rebuilt (--force): its reviews stay
        files["pack.yaml"] = (target / "pack.yaml").read_bytes()
        notes.append(N_("{file} kept (its version and reviews): if the wording changed, raise its "
                        "version and keep the earlier wording in accepted/moukit-<version>/",
                        file=target / "pack.yaml"))
    staging = Path(tempfile.mkdtemp(prefix=f".moukit-pack-{lang}-", dir=out))
    try:
        (staging / lang).mkdir()
        for name, data in files.items():
            (staging / lang / name).write_bytes(data)
        try:
            render_check(staging, lang)
        except MoukitError as exc:
            raise TranslationError(str(path), message=N_("the pack built does not render: {message}",
                                                         message=exc.message),
                                   hint=N_("correct the translation the message names; if it looks "
                                           "right, report it as a moukit bug")) from None
        written = _put(staging / lang, target, files)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuiltPack(lang, target, written, len(segments), notices, notes)


def _put(staged: Path, target: Path, files: dict[str, bytes]) -> tuple[Path, ...]:
    """Move the staged pack to ``target``: the folder at once when there is none, else file by
    file, each atomically, after every target was checked."""
    from .._atomic import check_target, write_atomic

    if not target.exists():
        try:
            os.replace(staged, target)
        except OSError as exc:
            raise OutputError(N_("{file}: cannot write ({error})", file=target,
                                 error=exc.strerror or exc)) from None
        return tuple(target / name for name in files)
    for name in files:
        check_target(target / name)
    return tuple(write_atomic(target / name, data) for name, data in files.items())
