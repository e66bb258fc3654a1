"""Build a DOCX the way Microsoft Word writes one, from a drafts-corpus case (tests/data/drafts).

moukit's own DOCX files are tidy: one run per paragraph, typed clause numbers, no other parts.
Drafts that come back from a partner or a translator were saved by Word, which writes:

- runs split at arbitrary points (each editing session leaves an ``w:rsidR``), with
  ``w:proofErr`` spelling marks and a ``_GoBack`` bookmark between them;
- clause numbers as automatic numbering: ``w:numPr`` on the paragraph and the list in
  ``word/numbering.xml``; the number is not in the paragraph's text;
- headers and footers as their own parts (``word/header1.xml``...) tied to the section by
  relationships, page numbers as ``PAGE``/``NUMPAGES`` fields;
- footnotes and endnotes in ``word/footnotes.xml`` / ``word/endnotes.xml`` (with the two
  separator notes Word always writes), referenced from a run of the body;
- comments in ``word/comments.xml``, anchored by ``w:commentRangeStart``/``End``;
- text boxes as ``w:txbxContent`` in a DrawingML shape inside ``mc:AlternateContent``,
  with Word's VML fallback (the same text a second time);
- tables for signature blocks, and page breaks as ``<w:br w:type="page"/>``.

:func:`build_docx` takes the parsed blocks of a case (see ``drafts_corpus.parse_body``) and
returns the bytes of the file. Everything is deterministic: the split points come from a
``random.Random`` seeded with the case's id.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R}" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 wp14"'
)
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
NUMBERED = re.compile(r"^(\d{1,2})\.[ \t]+(?=\S)")
FIELD = re.compile(r"\{(PAGE|NUMPAGES)\}")

# language tags Word puts on runs, by script
_LANG = [
    (re.compile(r"[\u0e00-\u0e7f]"), '<w:lang w:val="en-US" w:bidi="th-TH"/>', "TH SarabunPSK"),
    (re.compile(r"[\uac00-\ud7af]"), '<w:lang w:val="en-US" w:eastAsia="ko-KR"/>', "Malgun Gothic"),
    (re.compile(r"[\u3040-\u30ff]"), '<w:lang w:val="en-US" w:eastAsia="ja-JP"/>', "MS Mincho"),
    (re.compile(r"[\u4e00-\u9fff]"), '<w:lang w:val="en-US" w:eastAsia="zh-CN"/>', "SimSun"),
]


class _Rsids:
    """The editing sessions of a document: a few rsid values, picked at random (seeded)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.values = [f"{rng.randrange(0x100000, 0xFFFFFF):08X}" for _ in range(5)]

    def pick(self) -> str:
        return self.rng.choice(self.values)


def _rpr(text: str, extra: str = "") -> str:
    for pattern, lang, font in _LANG:
        if pattern.search(text):
            return (f'<w:rPr>{extra}<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
                    f'w:cs="{font}"/>{lang}</w:rPr>')
    return f"<w:rPr>{extra}</w:rPr>" if extra else ""


def _t(text: str) -> str:
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<w:t{space}>{escape(text)}</w:t>"


class _Writer:
    """Turns blocks into the XML of the parts, collecting notes, comments and lists."""

    def __init__(self, seed: str) -> None:
        self.rng = random.Random(seed)
        self.rsids = _Rsids(self.rng)
        self.footnotes: list[str] = []
        self.endnotes: list[str] = []
        self.comments: list[str] = []
        self.headers: list[str] = []
        self.footers: list[str] = []
        self.lists = 0
        self.shape_id = 1
        self.bookmark_done = False

    # -- runs -------------------------------------------------------------------------
    def runs(self, text: str) -> str:
        """``text`` as Word writes it: several runs, split at random points, with noise."""
        if not text:
            return ""
        pieces: list[str] = []
        cuts = sorted(self.rng.sample(range(1, len(text)), min(len(text) - 1, self.rng.randint(0, 4))))
        start = 0
        for cut in [*cuts, len(text)]:
            pieces.append(text[start:cut])
            start = cut
        out = []
        for i, piece in enumerate(pieces):
            if i and self.rng.random() < 0.25:
                out.append('<w:proofErr w:type="spellStart"/>' if self.rng.random() < 0.5
                           else '<w:proofErr w:type="gramEnd"/>')
            if i and not self.bookmark_done and self.rng.random() < 0.1:
                out.append('<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>')
                self.bookmark_done = True
            out.append(f'<w:r w:rsidR="{self.rsids.pick()}">{_rpr(piece)}{_t(piece)}</w:r>')
        return "".join(out)

    def field(self, text: str) -> str:
        """Header/footer text, ``{PAGE}`` and ``{NUMPAGES}`` as Word's simple fields."""
        out = []
        pos = 0
        for match in FIELD.finditer(text):
            out.append(self.runs(text[pos:match.start()]))
            out.append(f'<w:fldSimple w:instr=" {match.group(1)}   \\* MERGEFORMAT ">'
                       f'<w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>')
            pos = match.end()
        out.append(self.runs(text[pos:]))
        return "".join(out)

    def paragraph(self, inner: str, ppr: str = "") -> str:
        rsid = self.rsids.pick()
        ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
        return f'<w:p w:rsidR="{rsid}" w:rsidRDefault="{rsid}" w:rsidP="{self.rsids.pick()}">{ppr_xml}{inner}</w:p>'

    # -- body blocks -----------------------------------------------------------------
    def body(self, blocks: list[dict], autonumber: bool) -> str:
        out: list[str] = []
        num_id = 0
        for block in blocks:
            kind = block["kind"]
            if kind == "para":
                text = block["text"]
                ppr = ""
                match = NUMBERED.match(text) if autonumber else None
                if match:
                    if match.group(1) == "1" or not num_id:
                        self.lists += 1
                        num_id = self.lists
                    text = text[match.end():]
                    ppr = (f'<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/>'
                           f'<w:numId w:val="{num_id}"/></w:numPr><w:jc w:val="thaiDistribute"/>')
                inner = self.runs(text)
                for note in block.get("footnotes", []):
                    inner += self.note_ref("footnote", note)
                for note in block.get("endnotes", []):
                    inner += self.note_ref("endnote", note)
                for comment in block.get("comments", []):
                    cid = len(self.comments)
                    self.comments.append(self.comment(cid, comment))
                    inner = (f'<w:commentRangeStart w:id="{cid}"/>{inner}<w:commentRangeEnd w:id="{cid}"/>'
                             f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                             f'<w:commentReference w:id="{cid}"/></w:r>')
                out.append(self.paragraph(inner, ppr))
            elif kind == "blank":
                out.append(self.paragraph(""))
            elif kind == "page":
                out.append(self.paragraph('<w:r><w:br w:type="page"/></w:r>'))
            elif kind == "textbox":
                out.append(self.paragraph(self.textbox(block["text"])))
            elif kind == "table":
                out.append(self.table(block["rows"]))
            elif kind == "header":
                self.headers.append(block["text"])
            elif kind == "footer":
                self.footers.append(block["text"])
            else:  # pragma: no cover - parse_body only makes the kinds above
                raise ValueError(kind)
        return "".join(out)

    def note_ref(self, kind: str, text: str) -> str:
        notes = self.footnotes if kind == "footnote" else self.endnotes
        nid = len(notes) + 1
        style = "FootnoteText" if kind == "footnote" else "EndnoteText"
        ref_style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
        notes.append(
            f'<w:{kind} w:id="{nid}"><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr><w:{kind}Ref/></w:r>'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{self.runs(text)}</w:p></w:{kind}>')
        return (f'<w:r w:rsidR="{self.rsids.pick()}"><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr>'
                f'<w:{kind}Reference w:id="{nid}"/></w:r>')

    def comment(self, cid: int, text: str) -> str:
        return (f'<w:comment w:id="{cid}" w:author="Pimchanok S." w:date="2026-10-02T09:{cid:02d}:00Z" '
                f'w:initials="PS"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
                f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
                f'{self.runs(text)}</w:p></w:comment>')

    def textbox(self, text: str) -> str:
        sid = self.shape_id
        self.shape_id += 1
        content = f"<w:txbxContent>{self.paragraph(self.runs(text))}</w:txbxContent>"
        drawing = (
            f'<w:drawing><wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" '
            f'simplePos="0" relativeHeight="25165{sid:04d}" behindDoc="0" locked="0" layoutInCell="1" '
            f'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>45720</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="2360930" cy="1404620"/><wp:effectExtent l="0" t="0" r="22860" b="11430"/>'
            f'<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{sid}" name="Text Box {sid}"/>'
            f'<wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr>'
            f'<wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="2360930" cy="1404620"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f'<wps:txbx>{content}</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" '
            f'tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr>'
            f'</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
        fallback = (f'<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
                    f'path="m,l,21600r21600,l21600,xe"/><v:shape id="Text Box {sid}" o:spid="_x0000_s10{sid:02d}" '
                    f'type="#_x0000_t202" style="position:absolute;margin-left:252pt;margin-top:3.6pt;'
                    f'width:185.9pt;height:110.6pt;z-index:251659264"><v:textbox style="mso-fit-shape-to-text:t">'
                    f'{content}</v:textbox></v:shape></w:pict>')
        return (f'<w:r w:rsidR="{self.rsids.pick()}"><mc:AlternateContent><mc:Choice Requires="wps">'
                f'{drawing}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')

    def table(self, rows: list[list[str]]) -> str:
        cols = max(len(row) for row in rows)
        width = 9000 // cols
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(cols))
        out = [f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" '
               f'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
               f'<w:tblGrid>{grid}</w:tblGrid>']
        for row in rows:
            cells = [*row, *[""] * (cols - len(row))]
            out.append(f'<w:tr w:rsidR="{self.rsids.pick()}">')
            for cell in cells:
                paras = "".join(self.paragraph(self.runs(line)) for line in cell.split("\n")) or self.paragraph("")
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paras}</w:tc>')
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def story(self, tag: str, texts: list[str]) -> str:
        paras = "".join(self.paragraph(self.field(text), f'<w:pStyle w:val="{tag.capitalize()}"/>')
                        for text in texts)
        return f"{DECL}<w:{'hdr' if tag == 'header' else 'ftr'} {NS}>{paras}</w:{'hdr' if tag == 'header' else 'ftr'}>"


def _notes_part(kind: str, notes: list[str]) -> str:
    sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
           f'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}>'
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
           f'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>')
    return f"{DECL}<w:{kind}s {NS}>{sep}{''.join(notes)}</w:{kind}s>"


_STYLES = f"""{DECL}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>
<w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Cordia New"/><w:sz w:val="22"/>
<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="th-TH"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>
<w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>
</w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>
<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>
</w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="Normal"/>
</w:style>
<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/>
</w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>
<w:rPr><w:sz w:val="16"/></w:rPr></w:style>
</w:styles>"""


def _numbering(count: int) -> str:
    abstract = ('<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0" '
                'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
                '<w:nsid w:val="5A3C2F10"/><w:multiLevelType w:val="hybridMultilevel"/>'
                '<w:tmpl w:val="0409000F"/>'
                '<w:lvl w:ilvl="0" w:tplc="0409000F"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/>'
                '</w:pPr></w:lvl>'
                '<w:lvl w:ilvl="1" w:tplc="04090019" w:tentative="1"><w:start w:val="1"/>'
                '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/>'
                '<w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>')
    nums = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                   f'<w:startOverride w:val="1"/></w:lvlOverride></w:num>' for i in range(1, count + 1))
    return f"{DECL}<w:numbering {NS}>{abstract}{nums}</w:numbering>"


def build_docx(blocks: list[dict], seed: str, *, autonumber: bool = True) -> bytes:
    """The DOCX of a case's blocks, as Word would save it (deterministic for a given seed)."""
    writer = _Writer(seed)
    body = writer.body(blocks, autonumber)
    rels = [("styles", "styles.xml"), ("settings", "settings.xml"), ("fontTable", "fontTable.xml"),
            ("webSettings", "webSettings.xml")]
    overrides = [("/word/document.xml", "wordprocessingml.document.main"),
                 ("/word/styles.xml", "wordprocessingml.styles"),
                 ("/word/settings.xml", "wordprocessingml.settings"),
                 ("/word/fontTable.xml", "wordprocessingml.fontTable"),
                 ("/word/webSettings.xml", "wordprocessingml.webSettings")]
    parts: dict[str, str] = {}
    sect_refs = ""
    if writer.lists:
        parts["word/numbering.xml"] = _numbering(writer.lists)
        rels.append(("numbering", "numbering.xml"))
        overrides.append(("/word/numbering.xml", "wordprocessingml.numbering"))
    for tag, texts in (("header", writer.headers), ("footer", writer.footers)):
        if texts:
            name = f"{tag}1.xml"
            parts[f"word/{name}"] = writer.story(tag, texts)
            rels.append((tag, name))
            overrides.append((f"/word/{name}", f"wordprocessingml.{tag}"))
            sect_refs += f'<w:{tag}Reference w:type="default" r:id="rId{len(rels)}"/>'
    for kind, notes in (("footnote", writer.footnotes), ("endnote", writer.endnotes)):
        if notes:
            parts[f"word/{kind}s.xml"] = _notes_part(kind, notes)
            rels.append((f"{kind}s", f"{kind}s.xml"))
            overrides.append((f"/word/{kind}s.xml", f"wordprocessingml.{kind}s"))
    if writer.comments:
        parts["word/comments.xml"] = f"{DECL}<w:comments {NS}>{''.join(writer.comments)}</w:comments>"
        rels.append(("comments", "comments.xml"))
        overrides.append(("/word/comments.xml", "wordprocessingml.comments"))
    sect = (f'<w:sectPr w:rsidR="{writer.rsids.values[0]}">{sect_refs}<w:pgSz w:w="11906" w:h="16838"/>'
            f'<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" '
            f'w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    parts["word/document.xml"] = f"{DECL}<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"
    parts["word/styles.xml"] = _STYLES
    rsids = "".join(f'<w:rsid w:val="{value}"/>' for value in writer.rsids.values)
    parts["word/settings.xml"] = (
        f'{DECL}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:proofState w:spelling="clean" '
        f'w:grammar="clean"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
        f'<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        f'<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>'
        f'<w:rsids><w:rsidRoot w:val="{writer.rsids.values[0]}"/>{rsids}</w:rsids>'
        f'<w:themeFontLang w:val="en-US" w:bidi="th-TH"/></w:settings>')
    parts["word/fontTable.xml"] = f'{DECL}<w:fonts xmlns:w="{W}"><w:font w:name="Calibri"/></w:fonts>'
    parts["word/webSettings.xml"] = f'{DECL}<w:webSettings xmlns:w="{W}"/>'
    doc_rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'{kind}" Target="{target}"/>' for i, (kind, target) in enumerate(rels, start=1))
    parts["word/_rels/document.xml.rels"] = (
        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{doc_rels}</Relationships>")
    parts["_rels/.rels"] = (
        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" '
        f'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
        f'Target="docProps/core.xml"/><Relationship Id="rId1" '
        f'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        f'Target="word/document.xml"/></Relationships>')
    parts["docProps/core.xml"] = (
        f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        f'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title>'
        f'<dc:creator>IA Section</dc:creator><cp:lastModifiedBy>Pimchanok S.</cp:lastModifiedBy>'
        f'<cp:revision>7</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2026-09-14T02:11:00Z'
        f'</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-02T09:40:00Z</dcterms:modified>'
        f'</cp:coreProperties>')
    parts["docProps/app.xml"] = (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f'<Template>Normal.dotm</Template><Application>Microsoft Office Word</Application>'
        f'<AppVersion>16.0000</AppVersion></Properties>')
    ct = "".join(f'<Override PartName="{name}" ContentType="application/vnd.openxmlformats-officedocument.'
                 f'{kind}+xml"/>' for name, kind in overrides)
    parts["[Content_Types].xml"] = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{ct}'
        f'<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
        f'core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"]
    names = order + sorted(name for name in parts if name not in order)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name].encode("utf-8"))
    return buffer.getvalue()
