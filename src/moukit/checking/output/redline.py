"""The DOCX redline: a copy of a draft whose tracked changes bring it back to the standard form.

Every clause the check found changed is rewritten with Word tracked changes (author
``moukit``): the draft's words the form does not have become deletions, the form's words the
draft lacks become insertions, equal words stay as they are. A removed clause is inserted as
a new paragraph at its place, a moved one is deleted where it stands and inserted at its
place, and a paragraph the form does not have is deleted with its paragraph mark. Accepting
every change in Word gives the standard form; rejecting them gives the draft back.

The word diff uses the tokens of the check (:func:`moukit.text.normalize.tokenize`). When a
paragraph's words cannot be located in its text (unusual Unicode), the whole paragraph is
deleted and the standard text inserted instead. Versions the check matched as the form
(nothing changed) are left untouched, and so are value mismatches found on that fast path.
A version checked as a translation of the English (:mod:`moukit.checking.translation`) is
left untouched too: it may be worded in its own way, so there is no wording to restore; what
it leaves out or adds is in the report, for the translator to correct.

The output is deterministic: a fixed revision date (the signing date when the check found one,
else 2000-01-01), revision ids numbered after the highest id in the document, zip entries in
the draft's order with fixed timestamps.
"""

from __future__ import annotations

import copy
import difflib
import io
import re
from dataclasses import dataclass, field

from lxml import etree

from ..._atomic import write_atomic
from ...errors import OutputError, UsageError
from ...i18n import N_
from ...ooxml.package import zip_parts
from ...text.formatting import to_thai_digits
from ...text.normalize import SIGNING_LINE, fold, strip_numbering, token_key, tokenize

AUTHOR = "moukit"
DEFAULT_DATE = "2000-01-01T00:00:00Z"
# paragraph children holding text: removed when a paragraph is rewritten
_TEXT_HOLDERS = ("r", "ins", "del", "moveFrom", "moveTo", "hyperlink", "smartTag", "fldSimple",
                 "sdt", "customXml", "proofErr", "dir", "bdo", "AlternateContent")
_TEXT_CHILDREN = ("t", "delText", "tab", "ptab", "br", "cr", "instrText", "delInstrText",
                  "fldChar", "noBreakHyphen", "softHyphen", "sym")
_GRAPHICS = ("drawing", "pict", "object")


def write_redline(draft, analyses, path_or_none=None) -> bytes:
    """The redline of a DOCX draft as bytes; also written atomically to ``path_or_none`` if given.

    ``draft`` is the checked draft (a :class:`moukit.reader.Draft`, DOCX bytes or a path) and
    ``analyses`` the list returned by :func:`moukit.checking.pipeline.check_detailed` for it. A text or
    Markdown draft raises :class:`moukit.errors.MoukitError` (a redline needs Word's tracked
    changes): :class:`moukit.errors.UsageError`. The input is never modified.
    """
    from ..readers import read_draft

    if not hasattr(draft, "blocks"):
        draft = read_draft(draft)
    if draft.format != "docx" or draft.package is None:
        raise UsageError(
            N_("{file}: a redline can only be written for a .docx draft (this one is {format})",
               file=draft.name, format=draft.format),
            hint=N_("check the .docx of the draft, or use the HTML report (--html OUT.html) to see "
                    "the differences"))
    parts = dict(draft.package.parts)
    fresh = read_draft(zip_parts(parts.items()), name=draft.name)  # a private copy to edit
    mine = [a for a in analyses if a.version.source == draft.name]
    for analysis in mine:
        for block in analysis.version.blocks:
            if block.index >= len(fresh.blocks) or fresh.blocks[block.index].text != block.text:
                raise UsageError(N_("{file}: the analyses given do not belong to this draft", file=draft.name),
                                  hint=N_("pass the analyses check_detailed returned for this file"))
    editor = _Editor(fresh.package.document, _revision_date(mine))
    for analysis in mine:
        _redline_version(analysis, [fresh.blocks[b.index] for b in analysis.version.blocks], editor)
    parts[fresh.package.document_part] = etree.tostring(
        fresh.package.document, xml_declaration=True, encoding="UTF-8", standalone=True)
    data = zip_parts(parts.items())
    _validate(data, draft.name)
    if path_or_none is not None:
        write_atomic(path_or_none, data)
    return data


# --------------------------------------------------------------------------- package

def _validate(data: bytes, name: str) -> None:
    """python-docx must open the result."""
    import docx

    try:
        docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds; any means the output is unusable
        raise OutputError(N_("{file}: the redline could not be built ({error})", file=name, error=str(exc)),
                          hint=N_("report this draft to the moukit developers")) from None


def _revision_date(analyses) -> str:
    for a in analyses:
        values = a.result.values if a.result else {}
        iso = (values.get("date") or {}).get("iso") if isinstance(values.get("date"), dict) else None
        if iso and re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            return f"{iso}T00:00:00Z"
    return DEFAULT_DATE


# --------------------------------------------------------------------------- XML editing


class _Editor:
    """Builds revision markup in one document: unique ids, fixed author and date."""

    def __init__(self, root, date: str) -> None:
        self.ns = etree.QName(root).namespace
        self.w = f"{{{self.ns}}}"
        self.date = date
        ids = [int(v) for el in root.iter() if isinstance(el.tag, str)
               for v in [el.get(self.w + "id")] if v and v.isdigit()]
        self.next_id = max(ids, default=0) + 1

    def el(self, tag: str, **attrs) -> etree._Element:
        """A new w: element."""
        node = etree.Element(self.w + tag)
        for key, value in attrs.items():
            node.set(self.w + key, value)
        return node

    def revision(self, kind: str) -> etree._Element:
        """A w:ins or w:del with the next id, the author and the date."""
        node = self.el(kind, id=str(self.next_id), author=AUTHOR, date=self.date)
        self.next_id += 1
        return node

    def local(self, node) -> str:
        """Local name of a w: element (mc: and others give their local name too)."""
        return etree.QName(node).localname if isinstance(node.tag, str) else ""

    def run_props(self, p) -> etree._Element | None:
        """A copy of the first run's properties in ``p`` (revision marks removed)."""
        for r in p.iter(self.w + "r"):
            rpr = r.find(self.w + "rPr")
            if rpr is not None:
                rpr = copy.deepcopy(rpr)
                for change in rpr.findall(self.w + "rPrChange"):
                    rpr.remove(change)
                return rpr
        return None

    def runs(self, text: str, rpr, deleted: bool) -> list[etree._Element]:
        """Runs holding ``text``: line breaks become w:br, tabs w:tab."""
        r = self.el("r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        for piece in re.split(r"(\n|\t)", text):
            if piece == "\n":
                r.append(self.el("br"))
            elif piece == "\t":
                r.append(self.el("tab"))
            elif piece:
                t = self.el("delText" if deleted else "t")
                t.text = piece
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.append(t)
        return [r]

    def mark_paragraph(self, p, kind: str) -> None:
        """Mark the paragraph mark of ``p`` inserted or deleted."""
        ppr = p.find(self.w + "pPr")
        if ppr is None:
            ppr = self.el("pPr")
            p.insert(0, ppr)
        rpr = ppr.find(self.w + "rPr")
        if rpr is None:
            rpr = self.el("rPr")
            later = [c for c in ppr if self.local(c) in ("sectPr", "pPrChange")]
            if later:
                later[0].addprevious(rpr)
            else:
                ppr.append(rpr)
        for old in [c for c in rpr if self.local(c) in ("ins", "del")]:
            rpr.remove(old)
        rpr.insert(0, self.revision(kind))

    def rewrite(self, p, segments: list[tuple[str, str]], rpr) -> None:
        """Replace the text of ``p`` by ``segments`` (equal/del/ins, text); graphics stay."""
        for child in list(p):
            name = self.local(child)
            if name == "r" and any(child.iter(*(self.w + g for g in _GRAPHICS))):
                for text_child in [c for c in child if self.local(c) in _TEXT_CHILDREN]:
                    child.remove(text_child)
            elif name in _TEXT_HOLDERS:
                p.remove(child)
        for kind, text in _merge(segments):
            runs = self.runs(text, rpr, deleted=kind == "del")
            if kind == "equal":
                p.extend(runs)
            else:
                wrapper = self.revision(kind)
                wrapper.extend(runs)
                p.append(wrapper)

    def delete_in_place(self, p) -> None:
        """Mark every live run of ``p`` deleted (formatting kept), and its paragraph mark."""
        for r in list(p.iter(self.w + "r")):
            if any(self.local(a) in ("del", "moveFrom") for a in r.iterancestors()):
                continue
            for t in r:
                if self.local(t) == "t":
                    t.tag = self.w + "delText"
                elif self.local(t) == "instrText":
                    t.tag = self.w + "delInstrText"
            wrapper = self.revision("del")
            r.addprevious(wrapper)
            wrapper.append(r)
        self.mark_paragraph(p, "del")

    def new_paragraph(self, like, text: str) -> etree._Element:
        """A new paragraph shaped like ``like``, holding ``text`` as an insertion."""
        p = self.el("p")
        ppr = like.find(self.w + "pPr")
        if ppr is not None:
            ppr = copy.deepcopy(ppr)
            for child in [c for c in ppr if self.local(c) in ("sectPr", "pPrChange", "rPr")]:
                ppr.remove(child)
            p.append(ppr)
        self.mark_paragraph(p, "ins")
        wrapper = self.revision("ins")
        wrapper.extend(self.runs(text, self.run_props(like), deleted=False))
        p.append(wrapper)
        return p

    def deleted_mark(self, p) -> bool:
        """True if the paragraph mark of ``p`` is already deleted."""
        ppr = p.find(self.w + "pPr")
        rpr = ppr.find(self.w + "rPr") if ppr is not None else None
        return rpr is not None and any(self.local(c) in ("del", "moveFrom") for c in rpr)

    def carried(self, p) -> list:
        """Earlier paragraphs whose deleted marks join their text to ``p`` in the reader."""
        out = []
        prev = p.getprevious()
        while prev is not None and self.local(prev) == "p" and self.deleted_mark(prev):
            out.append(prev)
            prev = prev.getprevious()
        return out


def _merge(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[list[str]] = []
    for kind, text in segments:
        if not text:
            continue
        if out and out[-1][0] == kind:
            out[-1][1] += text
        else:
            out.append([kind, text])
    return [(k, t) for k, t in out]


# --------------------------------------------------------------------------- word diff


@dataclass
class _Tok:
    key: str
    start: int
    end: int
    where: int  # draft: position in the group's blocks; standard: position in the group's clauses
    ws_before: bool = False  # standard: the form has a space (or starts a clause) before it
    line_before: bool = False  # standard: the form starts a new line before it


@dataclass
class _Para:
    """One paragraph being rewritten: its text, the cursor and the segments so far."""

    raw: str
    cursor: int = 0
    segments: list = field(default_factory=list)

    @property
    def tail(self) -> str:
        """The last character of the paragraph as it reads with the changes accepted."""
        for kind, text in reversed(self.segments):
            if kind in ("equal", "ins") and text:
                return text[-1]
        return ""

    def accepted(self) -> str:
        """The paragraph's text with the changes accepted."""
        return "".join(t for k, t in self.segments if k in ("equal", "ins"))


def _spans(raw: str, tokens: list[str], pos: int) -> list[tuple[int, int]] | None:
    """Where each token lies in ``raw`` from ``pos`` on (spaces inside a token skipped)."""
    out = []
    folded = fold(raw)
    for tok in tokens:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        start, k = pos, 0
        while k < len(tok):
            if pos >= len(raw):
                return None
            if folded[pos] == tok[k]:
                k += 1
            elif not (k and raw[pos].isspace()):
                return None
            pos += 1
        out.append((start, pos))
    return out


def _draft_tokens(paras: list[_Para], lang: str, terms) -> list[_Tok] | None:
    """Tokens of the draft paragraphs (numbering and signing lines left out), located."""
    tokens: list[_Tok] = []
    for n, para in enumerate(paras):
        offset = 0
        for line_no, line in enumerate(para.raw.split("\n")):
            body_start = offset
            if line_no == 0:
                rest, number = strip_numbering(line)
                if number:
                    body_start = offset + len(line) - len(rest)
                    para.segments.append(("equal", para.raw[:body_start]))
                    para.cursor = body_start
            if line.strip() and not SIGNING_LINE.match(line.strip()):
                words = tokenize(fold(line[body_start - offset:]), lang, terms)
                spans = _spans(para.raw, words, body_start)
                if spans is None:
                    return None
                tokens.extend(_Tok(token_key(w), s, e, n) for w, (s, e) in zip(words, spans))
            offset += len(line) + 1
    return tokens


def _standard_tokens(texts: list[str], lang: str, terms) -> list[_Tok] | None:
    tokens: list[_Tok] = []
    for n, text in enumerate(texts):
        words = tokenize(fold(text), lang, terms)
        spans = _spans(text, words, 0)
        if spans is None:
            return None
        for i, (w, (s, e)) in enumerate(zip(words, spans)):
            gap = text[tokens[-1].end if i else 0: s] if i else ""
            tokens.append(_Tok(token_key(w), s, e, n, ws_before=(i == 0 and n > 0) or bool(gap)
                               and gap[-1].isspace(), line_before="\n" in gap))
    return tokens


def _diff_segments(paras: list[_Para], texts: list[str], lang: str, terms) -> bool:
    """Fill each paragraph's segments with the word diff; False if the words cannot be located."""
    draft = _draft_tokens(paras, lang, terms)
    standard = _standard_tokens(texts, lang, terms)
    if draft is None or standard is None:
        return False
    matcher = difflib.SequenceMatcher(None, [t.key for t in standard], [t.key for t in draft],
                                      autojunk=False)

    def space_for(para: _Para, std: _Tok, text: str) -> str:
        tail = para.tail
        needed = std.ws_before and tail and not tail.isspace() and not text[:1].isspace()
        return " " if needed else ""

    first_of = {t.where: t.start for t in reversed(standard)}
    last_of = {t.where: t.end for t in standard}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for std, tok in zip(standard[i1:i2], draft[j1:j2]):
                para = paras[tok.where]
                text = para.raw[para.cursor:tok.end]
                para.segments.append(("ins", space_for(para, std, text)))
                para.segments.append(("equal", text))
                para.cursor = tok.end
            continue
        for tok in draft[j1:j2]:
            para = paras[tok.where]
            gap = para.raw[para.cursor:tok.start]
            if gap.strip() or "\n" in gap:
                para.segments.append(("equal", gap))
                para.segments.append(("del", para.raw[tok.start:tok.end]))
            else:
                para.segments.append(("del", para.raw[para.cursor:tok.end]))
            para.cursor = tok.end
        if i1 == i2:
            continue
        if j1 < j2:
            para = paras[draft[j1].where]
        elif j1 > 0 and (j1 == len(draft) or not standard[i1].line_before):
            para = paras[draft[j1 - 1].where]
        else:
            para = paras[draft[j1].where if j1 < len(draft) else 0]
        for piece in _pieces(standard[i1:i2]):
            n = piece[0].where
            text = texts[n][piece[0].start:piece[-1].end]
            whole = len(texts) > 1 and piece[0].start == first_of[n] and piece[-1].end == last_of[n]
            if whole:
                para.segments.append(("clause", str(n)))
            else:
                para.segments.append(("ins", space_for(para, piece[0], text) + text))
    for para in paras:
        para.segments.append(("equal", para.raw[para.cursor:]))
        para.cursor = len(para.raw)
    return True


def _pieces(run: list[_Tok]) -> list[list[_Tok]]:
    """A run of the form's tokens split by clause."""
    pieces: list[list[_Tok]] = []
    for tok in run:
        if pieces and pieces[-1][0].where == tok.where:
            pieces[-1].append(tok)
        else:
            pieces.append([tok])
    return pieces


# --------------------------------------------------------------------------- per version


def _groups(analysis) -> list[tuple[list[str], list[int]]]:
    """Clauses that share paragraphs, with their paragraphs (indices into version.blocks)."""
    groups: list[tuple[list[str], set[int]]] = []
    for clause_id in analysis.standard:
        if analysis.clause_status.get(clause_id) not in ("equal", "changed"):
            continue
        blocks = set(analysis.clause_blocks.get(clause_id) or ())
        if not blocks:
            continue
        joined = [g for g in groups if g[1] & blocks]
        for g in joined:
            groups.remove(g)
        clauses = [c for g in joined for c in g[0]] + [clause_id]
        groups.append((clauses, blocks.union(*(g[1] for g in joined))))
    order = list(analysis.standard)
    return sorted(((sorted(c, key=order.index), sorted(b)) for c, b in groups), key=lambda g: g[1][0])


def _redline_version(analysis, blocks, editor: _Editor) -> None:
    """Add the tracked changes of one language version to the document."""
    if not analysis.standard or analysis.translation is not None:
        return  # the version matched the form, or is a translation: nothing to change
    from ..align import form_terms

    lang, terms = analysis.version.lang, form_terms(analysis.pack)
    status = analysis.clause_status
    form, numbered = analysis.patterns.form, _numbering_style(blocks)
    handled: set[int] = set()
    for clauses, indices in _groups(analysis):
        handled.update(indices)
        if all(status.get(c) == "equal" for c in clauses):
            continue
        numbers = [_number(form.clause(c), numbered) for c in clauses]
        _rewrite_group([blocks[i] for i in indices], [analysis.standard[c] for c in clauses],
                       numbers, lang, terms, editor)
    for clause_id, state in status.items():
        if state == "moved":
            handled.update(analysis.clause_blocks.get(clause_id) or ())
            for i in analysis.clause_blocks.get(clause_id) or ():
                editor.delete_in_place(blocks[i].ref)
    for i in analysis.added_blocks:
        if i not in handled:
            handled.add(i)
            editor.delete_in_place(blocks[i].ref)
    _insert_missing(analysis, blocks, editor)


def _rewrite_group(group_blocks, texts: list[str], numbers: list[str], lang: str, terms,
                   editor: _Editor) -> None:
    """Rewrite the paragraphs of clauses that share paragraphs, at least one of them changed.

    ``numbers`` gives each clause's number prefix in the draft's style ("" if none): a clause
    the draft lacks entirely becomes a new numbered paragraph, and a changed clause whose
    paragraph lost its number gets it back.
    """
    paras = [_Para(b.text) for b in group_blocks]
    if not _diff_segments(paras, texts, lang, terms):
        paras = [_Para(b.text) for b in group_blocks]
        for para in paras:
            line = para.raw.split("\n")[0]
            kept = len(line) - len(strip_numbering(line)[0])
            para.segments += [("equal", para.raw[:kept]), ("del", para.raw[kept:])]
        paras[0].segments.append(("ins", "\n".join(texts)))
    for block, para in zip(group_blocks, paras):
        p = block.ref
        for earlier in editor.carried(p):
            editor.delete_in_place(earlier)
        before, after, placed = _place_clauses(para, texts, numbers)
        inline = [n for n in range(len(texts)) if n not in placed]
        if (block is group_blocks[0] and inline and numbers[inline[0]] and para.accepted().strip()
                and strip_numbering(para.raw.split("\n")[0])[1] is None):
            para.segments.insert(0, ("ins", numbers[inline[0]]))
        rpr = editor.run_props(p)
        for text in before:
            p.addprevious(editor.new_paragraph(p, text))
        for text in reversed(after):
            p.addnext(editor.new_paragraph(p, text))
        editor.rewrite(p, para.segments, rpr)
        if not para.accepted().strip() and not editor.deleted_mark(p):
            editor.mark_paragraph(p, "del")


def _place_clauses(para: _Para, texts: list[str], numbers: list[str]):
    """Whole clauses to insert as new paragraphs before or after ``para`` (else inline).

    Returns the texts to put before, those to put after, and the clauses so placed.
    """
    before: list[str] = []
    after: list[str] = []
    placed: set[int] = set()
    out: list[tuple[str, str]] = []
    for pos, (kind, value) in enumerate(para.segments):
        if kind != "clause":
            out.append((kind, value))
            continue
        n = int(value)
        text = numbers[n] + texts[n]
        head = "".join(t for k, t in out if k != "del")
        rest = "".join(t for k, t in para.segments[pos + 1:] if k not in ("del", "clause"))
        head_body = strip_numbering(head)[0] if strip_numbering(head)[1] else head
        if not head_body.strip():
            before.append(text)
            placed.add(n)
        elif not rest.strip():
            after.append(text)
            placed.add(n)
        else:
            out.append(("ins", " " + texts[n]))
    para.segments = out
    return before, after, placed


def _insert_missing(analysis, blocks, editor: _Editor) -> None:
    """Insert removed and moved clauses as new paragraphs at their place in the form."""
    form = analysis.patterns.form
    numbered = _numbering_style(blocks)
    anchor = None
    for clause_id in analysis.standard:
        state = analysis.clause_status.get(clause_id)
        indices = analysis.clause_blocks.get(clause_id) or []
        if state in ("removed", "moved"):
            text = _number(form.clause(clause_id), numbered) + analysis.standard[clause_id]
            like = anchor if anchor is not None else blocks[0].ref
            new = editor.new_paragraph(like, text)
            if anchor is None:
                blocks[0].ref.addprevious(new)
            else:
                anchor.addnext(new)
            anchor = new
        elif indices:
            anchor = blocks[max(indices)].ref


def _number(clause, numbered) -> str:
    """The number prefix of ``clause`` in the draft's style, "" for unnumbered clauses."""
    return numbered(str(clause.number)) if clause.number and numbered else ""


def _numbering_style(blocks):
    """A function giving a clause number in the draft's own style ("3. ", "๓. "), or None."""
    for block in blocks:
        line = block.text.split("\n")[0]
        rest, number = strip_numbering(line)
        if number:
            prefix = line[: len(line) - len(rest)]
            thai = bool(re.search("[\u0e50-\u0e59]", prefix))

            def style(n: str, prefix=prefix, thai=thai) -> str:
                digits = to_thai_digits(n) if thai else n
                return re.sub(r"[0-9\u0e50-\u0e59]+", digits, prefix, count=1)

            return style
    return None

