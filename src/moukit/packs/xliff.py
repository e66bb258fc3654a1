"""The translator's XLIFF 2.0 file: the same segments as the DOCX, for translation tools
(Trados, memoQ, Phrase, OmegaT...), and reading the translated file back.

One ``<file>`` per part (the LOI, the MOU, the lexicon), one ``<unit>`` per segment with the
segment's note, its English as ``<source>``. Each placeholder is an inline
``<ph id=".." disp="{partner_name}" equiv="{partner_name}" dataRef=".."/>`` (the template's
code in ``<originalData>``), so a translation tool shows it as a tag the translator moves but
does not retype; a required placeholder has ``canDelete="no"``. A line break (titles,
signature blocks) is ``<ph type="fmt" subType="xlf:lb"/>``.

The file is written and read with lxml (which python-docx already needs): no XLIFF library
on the package registry is well kept, and the part of XLIFF 2.0 used here is small. Reading
takes the ``<target>`` of every segment of a unit, in order; inline codes the tool copied are
found again by their id (or their ``disp``), ``<pc>``/``<mrk>`` keep their text, ``<sc>``/``<ec>``
(formatting) are dropped and ``<cp>`` is the character it stands for. XML is parsed safely
(:mod:`moukit.ooxml.safe`: no DTD, no entities, no network).
"""

from __future__ import annotations

import re

from ..errors import TranslationError, TranslationProblem
from ..i18n import N_
from .segments import LEXICON, Segment, find_placeholders, glossary
from .translator_docx import TranslatedText, TranslationFile, group_title, instructions, optional_note

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
X = "{%s}" % XLIFF_NS
LINE_BREAK = "xlf:lb"


def _jinja_code(seg: Segment, shown: str) -> str:
    """The template code a placeholder stands for (``{{ parties|capfirst }}``), or the
    lexicon pattern itself (``{name}``)."""
    if seg.group == LEXICON:
        return shown
    ph = find_placeholders(shown)[0]
    return "{{ %s%s }}" % (ph.name, "|capfirst" if ph.capfirst else "")


def write_xliff(lang: str, segments: list[Segment], settings: dict) -> bytes:
    """The XLIFF 2.0 file of ``segments`` for a translation from English into ``lang``."""
    from lxml import etree

    root = etree.Element(f"{X}xliff", nsmap={None: XLIFF_NS})
    root.set("version", "2.0")
    root.set("srcLang", "en")
    root.set("trgLang", lang)
    root.append(etree.Comment(
        " Made by 'moukit pack new'; read back by 'moukit pack build'. Written with lxml: no "
        "XLIFF library on the registry is well kept. Keep the unit ids. "))
    groups: dict[str, list[Segment]] = {}
    for seg in segments:
        groups.setdefault(seg.group, []).append(seg)
    name = str(settings.get("name") or lang)
    for index, (group, segs) in enumerate(groups.items()):
        file = etree.SubElement(root, f"{X}file", id=group,
                                original=f"{group}.j2" if group != LEXICON else "lexicon.yaml")
        notes = etree.SubElement(file, f"{X}notes")
        _note(notes, group_title(group), "title")
        if index == 0:
            for text in instructions(name, lang, xliff=True):
                _note(notes, text, "instruction")
            for shown, meaning in glossary(segments):
                _note(notes, f"{shown}: {meaning}", "placeholder")
        for seg in segs:
            _unit(file, seg)
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


STRUCTURE = {f"{X}{name}" for name in ("xliff", "file", "notes", "unit", "originalData", "segment")}


def _indent(element, level: int = 0) -> None:
    """Indent the structure of the file, never the text of a source, note or data (mixed
    content, where white space is text)."""
    children = [c for c in element if isinstance(c.tag, str) or c.tag is not None]
    if element.tag not in STRUCTURE or not children:
        return
    element.text = "\n" + "  " * (level + 1)
    for child in children:
        child.tail = "\n" + "  " * (level + 1)
        _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def _note(parent, text: str, category: str):
    from lxml import etree

    note = etree.SubElement(parent, f"{X}note", category=category)
    note.text = text
    return note


def _unit(file, seg: Segment) -> None:
    from lxml import etree

    unit = etree.SubElement(file, f"{X}unit", id=seg.id)
    notes = etree.SubElement(unit, f"{X}notes")
    _note(notes, optional_note(seg, " Optional: may be left empty."), "description")
    data = etree.SubElement(unit, f"{X}originalData")
    segment = etree.SubElement(unit, f"{X}segment")
    source = etree.SubElement(segment, f"{X}source")
    codes: dict[str, str] = {}  # code -> data id
    last = None
    count = 0

    def text(piece: str) -> None:
        if not piece:
            return
        if last is None:
            source.text = (source.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece

    def data_id(code: str) -> str:
        if code not in codes:
            codes[code] = f"d{len(codes) + 1}"
            etree.SubElement(data, f"{X}data", id=codes[code]).text = code
        return codes[code]

    for n, line in enumerate(seg.english.split("\n")):
        if n:
            count += 1
            last = etree.SubElement(source, f"{X}ph", id=str(count), type="fmt", subType=LINE_BREAK,
                                    dataRef=data_id("\n"), equiv="\n", disp="\u21b5")
        pos = 0
        for ph in find_placeholders(line):
            text(line[pos:ph.start])
            count += 1
            shown = line[ph.start:ph.end]
            last = etree.SubElement(source, f"{X}ph", id=str(count),
                                    dataRef=data_id(_jinja_code(seg, shown)), disp=shown, equiv=shown)
            if ph.name in seg.required:
                last.set("canDelete", "no")
            pos = ph.end
        text(line[pos:])
    if not codes:
        unit.remove(data)


# ------------------------------------------------------------------ reading


def open_xliff(data: bytes, name: str):
    """The root of an XLIFF 2.0 file; :class:`TranslationError` when it is not one."""
    from lxml import etree

    from ..ooxml import safe

    try:
        root = safe.parse(data)
    except safe.UnsafeXML as exc:
        problem = exc.args[0]
        raise TranslationError(name, message=N_("not well-formed XML: {problem}",
                                                problem=getattr(problem, "params", {}).get("error", problem)),
                               hint=N_("the file was damaged: export it again from the translation "
                                       "tool as XLIFF 2.0")) from None
    qname = etree.QName(root)
    if qname.localname != "xliff":
        raise TranslationError(name, message=N_("not an XLIFF file (its root is {root})",
                                                root=f"<{qname.localname}>"),
                               hint=N_("give the .xlf that 'moukit pack new' wrote, translated"))
    if qname.namespace == XLIFF_12 or str(root.get("version", "")).startswith("1."):
        raise TranslationError(name, message=N_("an XLIFF 1.2 file; moukit reads XLIFF 2.0"),
                               hint=N_("export the translation from the tool as XLIFF 2.0 (the "
                                       "format of the file moukit wrote)"))
    if qname.namespace != XLIFF_NS:
        raise TranslationError(name, message=N_("not XLIFF 2.0 (namespace {namespace})",
                                                namespace=repr(qname.namespace)),
                               hint=N_("export the translation from the tool as XLIFF 2.0"))
    return root


def read_xliff(data: bytes, name: str, segments: list[Segment]) -> TranslationFile:
    """The translations an XLIFF 2.0 file holds, by unit id, each with its line.
    :class:`TranslationError` when it is not well-formed XLIFF 2.0."""
    from lxml import etree

    root = open_xliff(data, name)
    result = TranslationFile(name, "xliff", root.get("trgLang"))
    known = {s.id for s in segments}
    for unit in root.iter(f"{X}unit"):
        uid = unit.get("id") or ""
        where = N_("line {line}", line=unit.sourceline)
        if uid not in known:
            result.notices.append(N_("{where}: unit {unit} is not one of moukit's segments: ignored",
                                     where=where, unit=repr(uid)))
            continue
        if uid in result.texts:
            result.problems.append(TranslationProblem(
                uid, where, N_("a second unit with the same id (the first is at {first})",
                               first=result.texts[uid].where),
                N_("delete one of the two units")))
            continue
        codes = _source_codes(unit)
        pieces = []
        for part in unit:
            if not isinstance(part.tag, str) or etree.QName(part).localname not in ("segment", "ignorable"):
                continue
            target = part.find(f"{X}target")
            if target is None and etree.QName(part).localname == "ignorable":
                target = part.find(f"{X}source")
            if target is None:
                continue
            where = N_("line {line}", line=target.sourceline)
            try:
                pieces.append(_inline(target, codes))
            except ValueError as exc:
                result.problems.append(TranslationProblem(
                    uid, where, exc.args[0], N_("keep the placeholders the source has, as the tool "
                                                "shows them; do not type new tags")))
        result.texts[uid] = TranslatedText("".join(pieces), where)
    if not result.texts and not result.problems:
        raise TranslationError(name, message=N_("no unit of moukit's segments in the file"),
                               hint=N_("give the .xlf that 'moukit pack new' wrote, translated"))
    return result


def _source_codes(unit) -> dict[str, str]:
    """What each inline code of the unit stands for: ``{id: "{fields}" or "\\n"}``, from the
    source's ``<ph>`` and the ``<originalData>``."""
    data = {d.get("id"): d.text or "" for d in unit.iter(f"{X}data")}
    codes = {}
    for source in unit.iter(f"{X}source"):
        for ph in source.iter(f"{X}ph"):
            codes[ph.get("id")] = _meaning(ph, data)
    codes.update({f"data:{k}": _code_text(v) for k, v in data.items()})
    return codes


def _meaning(ph, data: dict) -> str | None:
    if ph.get("subType") == LINE_BREAK:
        return "\n"
    for value in (ph.get("disp"), ph.get("equiv"), _code_text(data.get(ph.get("dataRef"), ""))):
        if value and (value == "\n" or find_placeholders(value)):
            return value
    return None


def _code_text(code: str) -> str:
    """``{{ parties|capfirst }}`` as ``{Parties}``; a lexicon pattern as it is."""
    m = re.fullmatch(r"\{\{\s*([\w.]+)\s*(\|\s*capfirst\s*)?\}\}", code.strip()) if code else None
    if m:
        name = m.group(1)
        return "{" + (name[:1].upper() + name[1:] if m.group(2) else name) + "}"
    return code


def _capitalised(ph, value: str) -> str:
    """``value`` (``{parties}``), or ``{Parties}`` where the translator's tag shows the
    placeholder with a capital first letter (a sentence that starts with it in the target
    language while the English has it inside a sentence: Turkish ``İki Taraf, ...``)."""
    shown = ph.get("disp") or ph.get("equiv") or ""
    if value.startswith("{") and shown != value and shown == value[:1] + value[1:2].upper() + value[2:]:
        return shown
    return value


def _inline(element, codes: dict[str, str]) -> str:
    """The text of a ``<target>`` (or an element inside one), inline codes resolved."""
    from lxml import etree

    out = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            local = etree.QName(child).localname
            if local == "ph":
                value = codes.get(child.get("id")) or codes.get(f"data:{child.get('dataRef')}") \
                    or _meaning(child, {})
                if not value:
                    raise ValueError(N_("an inline code {code} the source does not have",
                                        code=f"<ph id={child.get('id')!r}>"))
                out.append(_capitalised(child, value))
            elif local == "cp":
                try:
                    out.append(chr(int(child.get("hex", ""), 16)))
                except (ValueError, OverflowError):
                    raise ValueError(N_("a {code} that is no character",
                                        code=f"<cp hex={child.get('hex')!r}>")) from None
            elif local in ("pc", "mrk"):
                out.append(_inline(child, codes))
            # sc, ec, sm, em: formatting and annotation markers, no text
        out.append(child.tail or "")
    return "".join(out)
