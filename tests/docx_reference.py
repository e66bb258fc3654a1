"""The DOCX writer as it was with python-docx: the reference the text-writing DOCX writer is
compared with, byte for byte (tests/test_startup.py). It builds the same document through
python-docx's API (paragraphs, runs, tables, sections, core properties) and packages it as
the writer did."""

from __future__ import annotations

import hashlib
import io

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Pt
from docx.table import _Cell

from moukit.ooxml.package import XML_DECL, content_types_xml, in_package_order, rels_xml, zip_parts
from moukit.ooxml.properties import CUSTOM_PART, CUSTOM_PROPERTIES, custom_properties_xml
from moukit.rendering.writers import docx as writer
from moukit.rendering.writers import docx_style
from moukit.rendering.writers._common import SIGN_LINE, grouped

ALIGN = {writer.LEFT: WD_ALIGN_PARAGRAPH.LEFT, writer.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
         writer.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT, writer.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
         writer.THAI_JUSTIFY: WD_ALIGN_PARAGRAPH.THAI_JUSTIFY}


def base_package() -> bytes:
    """The starting package python-docx opened: the body empty, the same fixed parts."""
    document = docx_style.document_xml("").split("\n", 1)[1]
    parts = {
        "/word/document.xml": (docx_style.CT_DOCUMENT, document),
        "/word/styles.xml": (docx_style.CT_STYLES, docx_style._styles_xml()),
        "/word/settings.xml": (docx_style.CT_SETTINGS, docx_style._settings_xml()),
        "/word/fontTable.xml": (docx_style.CT_FONT_TABLE, docx_style._font_table_xml()),
        "/docProps/core.xml": (docx_style.CT_CORE, docx_style.core_xml("", "", "x").split("\n", 1)[1]
                               .replace("<dc:subject/>", "").split("<dcterms:created")[0]
                               + "</cp:coreProperties>"),
        "/docProps/app.xml": (docx_style.CT_APP, docx_style._app_xml()),
    }
    entries = [(name[1:], (XML_DECL + xml).encode("utf-8")) for name, (_, xml) in parts.items()]
    entries.append(("_rels/.rels", (XML_DECL + rels_xml([
        (docx_style.RT_DOCUMENT, "word/document.xml"), (docx_style.RT_CORE, "docProps/core.xml"),
        (docx_style.RT_APP, "docProps/app.xml")])).encode("utf-8")))
    entries.append(("word/_rels/document.xml.rels", (XML_DECL + rels_xml([
        (docx_style.RT_STYLES, "styles.xml"), (docx_style.RT_SETTINGS, "settings.xml"),
        (docx_style.RT_FONT_TABLE, "fontTable.xml")])).encode("utf-8")))
    entries.append(("[Content_Types].xml", content_types_xml([(n, ct) for n, (ct, _) in parts.items()])))
    return zip_parts(in_package_order(entries))


class _Writer(writer._Writer):
    def runs(self, paragraph, text, *, bold=False):
        for piece, complex_script in self.segments(text):
            run = paragraph.add_run(piece)
            style = self.style
            if complex_script and docx_style.has_myanmar(piece) != (self.style.tag == "my-MM"):
                style = docx_style.style_for("my" if docx_style.has_myanmar(piece) else "th")
            elif self.style.tag == "my-MM":
                complex_script = docx_style.has_myanmar(piece)
            docx_style.style_run(run._r, style, bold=bold, thai=complex_script)

    def paragraph(self, box, text, *, align=None, bold=False, after=writer.BODY_SPACE, before=None,
                  number=None):
        if isinstance(box, _Cell) and len(box.paragraphs) == 1 and not box.paragraphs[0]._p.r_lst \
                and box.paragraphs[0]._p.pPr is None:
            paragraph = box.paragraphs[0]
        else:
            paragraph = box.add_paragraph()
        fmt = paragraph.paragraph_format
        if align is not None:
            fmt.alignment = ALIGN[align]
        if after is not None:
            fmt.space_after = Pt(after / 20)
        if before is not None:
            fmt.space_before = Pt(before / 20)
        if number:
            self.runs(paragraph, f"{number}. ", bold=bold)
        self.runs(paragraph, text, bold=bold)
        return paragraph

    def signature(self, box, clause):
        first, *rest = clause.lines
        self.paragraph(box, first, align=writer.CENTER, after=None)
        self.paragraph(box, SIGN_LINE, align=writer.CENTER, after=None, before=writer.SIGN_SPACE)
        last = None
        for line in rest:
            last = self.paragraph(box, line, align=writer.CENTER, after=None)
        return last


def _table(doc, rows, cols):
    table = doc.add_table(rows=rows, cols=cols)
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    from docx.oxml import parse_xml

    edges = "".join(f'<w:{e} w:val="nil"/>' for e in docx_style.EDGES)
    borders = parse_xml(f'<w:tblBorders xmlns:w="{docx_style.W_NS}">{edges}</w:tblBorders>')
    tbl_pr.insert(1, borders)  # after tblW, before tblLayout
    return table


def write(document, *, layout="separate") -> bytes:
    """The document written through python-docx, as the writer did."""
    doc = docx.Document(io.BytesIO(base_package()))
    if layout == "separate":
        for i, version in enumerate(document.versions):
            if i:
                doc.add_section(WD_SECTION.NEW_PAGE)
            w = _Writer(version)
            w.draft_marker(doc)
            last = None
            for item in grouped(version.clauses):
                if isinstance(item, list):
                    if last is not None:
                        last.paragraph_format.keep_with_next = True
                    table = _table(doc, 1, len(item))
                    docx_style.keep_row_together(table.rows[0]._tr)
                    for cell, clause in zip(table.rows[0].cells, item):
                        w.signature(cell, clause)
                    last = None
                else:
                    last = w.clause(doc, item)
    else:
        versions = document.versions
        writers = [_Writer(v) for v in versions]
        drafts = any(v.draft_marker for v in versions)
        table = _table(doc, len(versions[0].clauses) + drafts, len(versions))
        if drafts:
            for w, cell in zip(writers, table.rows[0].cells):
                w.draft_marker(cell)
        for i, row in enumerate(table.rows[drafts:]):
            for w, version, cell in zip(writers, versions, row.cells):
                w.clause(cell, version.clauses[i])
            if versions[0].clauses[i].kind == "signature":
                docx_style.keep_row_together(row._tr)
    titled = next((v for v in document.versions if v.lang == "en"), document.versions[0])
    props = doc.core_properties
    props.title = titled.title
    props.subject = f"{document.form_id} {document.form_version}"
    props.author = props.last_modified_by = "moukit"
    props.revision = 1
    props.created = props.modified = writer._signing_datetime(document)
    package = doc.part.package
    stamp = {**document.stamp(layout), "document_sha256": hashlib.sha256(doc.part.blob).hexdigest()}
    part = Part(PackURI("/" + CUSTOM_PART), CT.OFC_CUSTOM_PROPERTIES, custom_properties_xml(stamp), package)
    package.relate_to(part, CUSTOM_PROPERTIES)
    entries = [("_rels/.rels", package.rels.xml)]
    types = []
    for part in package.iter_parts():
        entries.append((part.partname.membername, part.blob))
        types.append((str(part.partname), part.content_type))
        if part.rels:
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    entries.append(("[Content_Types].xml", content_types_xml(types)))
    return zip_parts(in_package_order(entries))
