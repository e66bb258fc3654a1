"""Word markup for the DOCX writer: fonts and language markup of runs, tables, sections (page
size and orientation, page-number headers), and the parts of the package (packaging itself is :mod:`moukit.ooxml`). The parts are
written as text; the helpers that change python-docx elements in place (:func:`style_run`,
:func:`keep_row_together`) serve the pack tool's translator DOCX and import python-docx and
lxml only when called.

Word lays out Thai correctly only with explicit complex-script markup: every run names a
font in all four slots (``ascii``, ``hAnsi``, ``eastAsia``, ``cs``) with no theme fonts,
gives ``szCs`` beside ``sz``, marks Thai text with ``<w:cs/>`` and ``w:lang w:bidi="th-TH"``,
and justified Thai paragraphs use ``thaiDistribute``. Burmese is a complex script too: its runs
are marked the same way with ``w:bidi="my-MM"`` and a font that has the Myanmar script in every
slot. CJK runs need an East Asian font and ``w:lang w:eastAsia``. :data:`LANG_STYLES` holds
these choices per language.

>>> style_for("th").fonts.cs
'TH Sarabun New'
>>> style_for("my").fonts.cs, style_for("my").tag
('Myanmar Text', 'my-MM')
>>> style_for("fr", "fr_FR").tag
'fr-FR'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...ooxml.package import (
    LXML_DECL,
    XML_DECL,
    attr,
    content_types_xml,
    in_package_order,
    rels_xml,
    xml_text,
    zip_parts,
)
from ...ooxml.properties import CUSTOM_PART, CUSTOM_PROPERTIES, custom_properties_xml
from ...text.chars import has_myanmar, has_thai

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD_COMPAT_URI = "http://schemas.microsoft.com/office/word"

# A4 with Thai government margins, in twentieths of a point
PAGE_TWIPS = {"w": 11906, "h": 16838}  # 21.0 x 29.7 cm
MARGIN_TWIPS = {"top": 1417, "right": 1134, "bottom": 1134, "left": 1701}  # 2.5, 2, 2, 3 cm
EMU_PER_TWIP = 635
LANDSCAPE_COLUMNS = 3  # a parallel layout of this many columns or more is on landscape A4

# the content and relationship types of the parts (OPC, ECMA-376 part 2)
_OOXML = "application/vnd.openxmlformats-officedocument."
CT_DOCUMENT = _OOXML + "wordprocessingml.document.main+xml"
CT_STYLES = _OOXML + "wordprocessingml.styles+xml"
CT_SETTINGS = _OOXML + "wordprocessingml.settings+xml"
CT_FONT_TABLE = _OOXML + "wordprocessingml.fontTable+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = _OOXML + "extended-properties+xml"
CT_CUSTOM = _OOXML + "custom-properties+xml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_DOCUMENT = _REL + "officeDocument"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RT_APP = _REL + "extended-properties"
RT_STYLES = _REL + "styles"
RT_SETTINGS = _REL + "settings"
RT_FONT_TABLE = _REL + "fontTable"

THAI_FONT = "TH Sarabun New"
LATIN_FONT = "Times New Roman"
# Burmese: Windows' font with the Myanmar script (Latin letters too); elsewhere Word substitutes
# one that has it (Padauk, Noto Sans Myanmar). Myanmar government offices use Pyidaungsu.
MYANMAR_FONT = "Myanmar Text"


@dataclass(frozen=True)
class Fonts:
    """The font of each rFonts slot."""

    ascii: str
    hAnsi: str
    eastAsia: str
    cs: str


@dataclass(frozen=True)
class LangStyle:
    """How runs of one language are marked up: fonts, language tag, sizes in points."""

    tag: str  # BCP 47 tag for w:lang, e.g. th-TH
    fonts: Fonts
    size: float  # w:sz, in points
    cs_size: float  # w:szCs: Thai text shown in THAI_FONT
    east_asian: bool = False  # CJK: w:lang w:eastAsia and w:hint="eastAsia"
    justify: str = "both"  # w:jc value of justified paragraphs


def _latin(tag: str, size: float) -> LangStyle:
    return LangStyle(tag, Fonts(LATIN_FONT, LATIN_FONT, LATIN_FONT, THAI_FONT), size, 16)


def _cjk(tag: str, font: str) -> LangStyle:
    return LangStyle(tag, Fonts(LATIN_FONT, LATIN_FONT, font, THAI_FONT), 12, 16, east_asian=True)


LANG_STYLES: dict[str, LangStyle] = {
    # Thai government documents: TH Sarabun New 16 pt in every slot
    "th": LangStyle("th-TH", Fonts(THAI_FONT, THAI_FONT, THAI_FONT, THAI_FONT), 16, 16,
                    justify="thaiDistribute"),
    "en": _latin("en-GB", 12),
    "vi": _latin("vi-VN", 13),  # Vietnamese administrative documents use 13-14 pt
    "id": _latin("id-ID", 12),  # Indonesian treaty texts: a Latin serif at 12 pt
    "tr": _latin("tr-TR", 12),  # Turkish official correspondence: Times New Roman, 12 pt
    "zh": _cjk("zh-CN", "SimSun"),
    "ja": _cjk("ja-JP", "MS Mincho"),
    "ko": _cjk("ko-KR", "Batang"),
    # Burmese: a complex script, Myanmar Text in every slot, 12 pt
    "my": LangStyle("my-MM", Fonts(MYANMAR_FONT, MYANMAR_FONT, MYANMAR_FONT, MYANMAR_FONT), 12, 12),
}
COMPLEX_TAGS = ("th-TH", "my-MM")  # the styles whose own text is a complex script

# fontTable.xml entries (charset, family, pitch) so that Word substitutes sensibly
FONT_INFO = {
    THAI_FONT: ("DE", "swiss", "variable"),
    LATIN_FONT: ("00", "roman", "variable"),
    "SimSun": ("86", "auto", "variable"),
    "MS Mincho": ("80", "modern", "fixed"),
    "Batang": ("81", "roman", "variable"),
    MYANMAR_FONT: ("00", "swiss", "variable"),
}


def style_for(lang: str, locale: str | None = None) -> LangStyle:
    """The run style of ``lang``; languages without an entry get Latin fonts and a tag
    taken from ``locale`` (e.g. ``fr_FR`` gives ``fr-FR``)."""
    style = LANG_STYLES.get(lang)
    if style is not None:
        return style
    return _latin((locale or lang).replace("_", "-"), 12)


def _half_points(points: float) -> str:
    return str(round(points * 2))


def _rpr_xml(style: LangStyle, *, bold: bool, thai: bool, lang_bidi: bool) -> str:
    f = style.fonts
    hint = ' w:hint="eastAsia"' if style.east_asian else ""
    lang = f'w:val="{style.tag}"'
    if style.east_asian:
        lang += f' w:eastAsia="{style.tag}"'
    if thai or lang_bidi:
        lang += f' w:bidi="{style.tag if style.tag in COMPLEX_TAGS else "th-TH"}"'
    return (
        f'<w:rPr xmlns:w="{W_NS}">'
        f'<w:rFonts w:ascii={attr(f.ascii)} w:hAnsi={attr(f.hAnsi)} '
        f'w:eastAsia={attr(f.eastAsia)} w:cs={attr(f.cs)}{hint}/>'
        + ("<w:b/><w:bCs/>" if bold else "")
        + f'<w:sz w:val="{_half_points(style.size)}"/>'
        f'<w:szCs w:val="{_half_points(style.cs_size)}"/>'
        + ("<w:cs/>" if thai else "")
        + f"<w:lang {lang}/></w:rPr>"
    )


@lru_cache(maxsize=None)
def run_properties(style: LangStyle, *, bold: bool, thai: bool) -> str:
    """The ``w:rPr`` of a run of ``style`` in a document (see :func:`style_run`)."""
    xml = _rpr_xml(style, bold=bold, thai=thai, lang_bidi=style.tag in COMPLEX_TAGS)
    return xml.replace(f' xmlns:w="{W_NS}"', "", 1)


@lru_cache(maxsize=None)
def _rpr(style: LangStyle, bold: bool, thai: bool):
    from docx.oxml import parse_xml

    return parse_xml(_rpr_xml(style, bold=bold, thai=thai, lang_bidi=style.tag in COMPLEX_TAGS))


def style_run(r, style: LangStyle, *, bold: bool = False, thai: bool | None = None) -> None:
    """Give the ``w:r`` element ``r`` the run properties of ``style``.

    ``thai`` (default: whether the run's text has Thai, or Burmese in a Burmese style) adds
    ``<w:cs/>`` and the complex-script ``w:bidi`` language (the style's own, Thai or Burmese);
    any existing ``w:rPr`` is replaced.
    """
    import copy

    if thai is None:
        text = "".join(r.itertext())
        thai = has_thai(text) or (style.tag == "my-MM" and has_myanmar(text))
    old = r.find(f"{{{W_NS}}}rPr")
    if old is not None:
        r.remove(old)
    r.insert(0, copy.deepcopy(_rpr(style, bold, thai)))


def keep_row_together(tr) -> None:
    """Stop Word from splitting the table row ``tr`` across pages."""
    from docx.oxml import parse_xml

    tr_pr = tr.get_or_add_trPr()
    if tr_pr.find(f"{{{W_NS}}}cantSplit") is None:
        _insert_before(tr_pr, parse_xml(f'<w:cantSplit xmlns:w="{W_NS}"/>'),
                       ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del",
                        "trPrChange"))


def _insert_before(parent, child, successors: tuple[str, ...]) -> None:
    """Insert ``child`` into ``parent`` before its first element named in ``successors``
    (schema order), else at the end."""
    tags = {f"{{{W_NS}}}{name}" for name in successors}
    for i, existing in enumerate(parent):
        if existing.tag in tags:
            parent.insert(i, child)
            return
    parent.append(child)


# ---------------------------------------------------------------------------------------
# The parts of the package. Those python-docx used to parse and write back are written as
# it wrote them (its XML declaration in single quotes); the others as moukit writes them.
# Sections: A4 (turned for a wide parallel table) with a header holding the page number.

EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
TABLE_PROPERTIES = (  # full width, no borders, fixed columns
    '<w:tblPr><w:tblW w:type="auto" w:w="0"/><w:tblBorders>'
    + "".join(f'<w:{edge} w:val="nil"/>' for edge in EDGES)
    + '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" '
    'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
)


CT_HEADER = _OOXML + "wordprocessingml.header+xml"
RT_HEADER = _REL + "header"
THAI_NUMBERS = "thaiNumbers"  # w:pgNumType w:fmt: page numbers in Thai digits (๑, ๒, ...)


@dataclass(frozen=True)
class Section:
    """The page of a section: its orientation, the relationship ids of its headers (the
    first page's, then the others') and the format of its page numbers (w:pgNumType w:fmt)."""

    first_header: str
    header: str
    landscape: bool = False
    number_format: str = "decimal"


def page_twips(landscape: bool = False) -> dict[str, int]:
    """Width and height of the A4 page in twips, turned for ``landscape``."""
    if landscape:
        return {"w": PAGE_TWIPS["h"], "h": PAGE_TWIPS["w"]}
    return dict(PAGE_TWIPS)


def section_properties(section: Section) -> str:
    """``w:sectPr``: A4 with the Thai government margins (the same on a landscape page), the
    page number in the header from page 2 (``w:titlePg``: the first page's header is empty),
    numbering that starts at 1 in each section."""
    size = page_twips(section.landscape)
    page = f'w:w="{size["w"]}" w:h="{size["h"]}"'
    if section.landscape:
        page += ' w:orient="landscape"'
    margins = " ".join(f'w:{k}="{v}"' for k, v in MARGIN_TWIPS.items())
    return (f'<w:sectPr><w:headerReference w:type="default" r:id="{section.header}"/>'
            f'<w:headerReference w:type="first" r:id="{section.first_header}"/>'
            f'<w:pgSz {page}/><w:pgMar {margins} w:header="709" w:footer="709" w:gutter="0"/>'
            f'<w:pgNumType w:fmt="{section.number_format}" w:start="1"/>'
            '<w:cols w:space="708"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>')


def text_twips(landscape: bool = False) -> int:
    """The width between the margins, in twips."""
    return page_twips(landscape)["w"] - MARGIN_TWIPS["left"] - MARGIN_TWIPS["right"]


def column_widths(weights: list[float], landscape: bool = False) -> list[int]:
    """Column widths in twips across the text width, in proportion to ``weights``; the
    rounding is given to the last column so that they fill the width exactly."""
    total = text_twips(landscape)
    widths = [int(total * w / sum(weights)) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def header_xml(runs: str) -> str:
    """A header part holding one centred paragraph of ``runs`` (markup); empty without."""
    paragraph = f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{runs}</w:p>' if runs else "<w:p/>"
    return f'<w:hdr xmlns:w="{W_NS}">{paragraph}</w:hdr>'


def page_number_runs(rpr: str, dashes: bool, one: str = "1") -> str:
    """The page number as runs with ``rpr`` (a PAGE field, in the section's number format,
    showing ``one`` until laid out), between dashes for the Thai government style ("- ๒ -")."""
    field = f'<w:fldSimple w:instr=" PAGE "><w:r>{rpr}<w:t>{one}</w:t></w:r></w:fldSimple>'
    if not dashes:
        return field
    return (f'<w:r>{rpr}<w:t xml:space="preserve">- </w:t></w:r>{field}'
            f'<w:r>{rpr}<w:t xml:space="preserve"> -</w:t></w:r>')


def document_xml(body: str, last_section: str) -> str:
    """``word/document.xml``: ``body`` (paragraphs and tables), then the last section's
    properties (``w:sectPr``)."""
    return (f'{LXML_DECL}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}'
            f"{last_section}</w:body></w:document>")


def core_xml(title: str, subject: str, when: str) -> str:
    """``docProps/core.xml``: title, subject, moukit as author, created and modified ``when``
    (W3CDTF)."""
    dates = "".join(f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{when}</dcterms:{name}>'
                    for name in ("created", "modified"))
    return (
        f'{LXML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{_element('dc:title', title)}<dc:creator>moukit</dc:creator>"
        "<cp:lastModifiedBy>moukit</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f"{_element('dc:subject', subject)}{dates}</cp:coreProperties>"
    )


def _element(name: str, text: str) -> str:
    return f"<{name}>{xml_text(text)}</{name}>" if text else f"<{name}/>"


def _styles_xml() -> str:
    th = LANG_STYLES["th"]
    rpr = _rpr_xml(th, bold=False, thai=False, lang_bidi=True).replace(f' xmlns:w="{W_NS}"', "")
    return (
        f'<w:styles xmlns:w="{W_NS}">'
        f"<w:docDefaults><w:rPrDefault>{rpr}</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:overflowPunct w:val="0"/>'  # CJK punctuation within the margins
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f"<w:qFormat/>{rpr}</w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        "</w:styles>"
    )


def _settings_xml() -> str:
    return (
        f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
        f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="{WORD_COMPAT_URI}" '
        'w:val="15"/></w:compat>'  # Word 2013 and later
        '<w:themeFontLang w:val="en-GB" w:bidi="th-TH"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


def _font_table_xml() -> str:
    fonts = "".join(
        f'<w:font w:name={attr(name)}><w:charset w:val="{charset}"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
        for name, (charset, family, pitch) in FONT_INFO.items()
    )
    return f'<w:fonts xmlns:w="{W_NS}">{fonts}</w:fonts>'


def _app_xml() -> str:
    return (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>moukit</Application><DocSecurity>0</DocSecurity>'
        "</Properties>"
    )


@lru_cache(maxsize=1)
def _fixed_parts() -> tuple[tuple[str, str, bytes], ...]:
    """The parts every document has as they are: (name, content type, bytes)."""
    return (
        ("docProps/app.xml", CT_APP, (XML_DECL + _app_xml()).encode("utf-8")),
        ("word/fontTable.xml", CT_FONT_TABLE, (XML_DECL + _font_table_xml()).encode("utf-8")),
        ("word/settings.xml", CT_SETTINGS, (LXML_DECL + _settings_xml()).encode("utf-8")),
        ("word/styles.xml", CT_STYLES, (LXML_DECL + _styles_xml()).encode("utf-8")),
    )


FIXED_RELATIONSHIPS = [(RT_STYLES, "styles.xml"), (RT_SETTINGS, "settings.xml"),
                       (RT_FONT_TABLE, "fontTable.xml")]


def header_id(index: int) -> str:
    """The relationship id of the ``index``-th header part (after the fixed parts')."""
    return f"rId{len(FIXED_RELATIONSHIPS) + 1 + index}"


def package(document: bytes, core: str, fingerprint: dict, headers: list[str]) -> bytes:
    """The DOCX package: ``document`` (``word/document.xml``), its ``headers`` (header parts'
    XML, named by :func:`header_id` in order), the ``core`` properties, the ``fingerprint`` as
    custom properties (:mod:`moukit.ooxml.properties`) and the fixed parts."""
    names = [f"header{i}.xml" for i in range(1, len(headers) + 1)]
    parts = [
        ("word/document.xml", CT_DOCUMENT, document),
        ("docProps/core.xml", CT_CORE, core.encode("utf-8")),
        (CUSTOM_PART, CT_CUSTOM, custom_properties_xml(fingerprint)),
        *_fixed_parts(),
        *((f"word/{name}", CT_HEADER, (XML_DECL + xml).encode("utf-8"))
          for name, xml in zip(names, headers)),
        ("word/_rels/document.xml.rels", "", (LXML_DECL + rels_xml(
            FIXED_RELATIONSHIPS + [(RT_HEADER, name) for name in names])).encode("utf-8")),
        ("_rels/.rels", "", (LXML_DECL + rels_xml([
            (RT_DOCUMENT, "word/document.xml"), (RT_CORE, "docProps/core.xml"),
            (RT_APP, "docProps/app.xml"), (CUSTOM_PROPERTIES, CUSTOM_PART),
        ])).encode("utf-8")),
    ]
    types = [("/" + name, content_type) for name, content_type, _ in parts if content_type]
    entries = [(name, data) for name, _, data in parts]
    entries.append(("[Content_Types].xml", content_types_xml(types)))
    return zip_parts(in_package_order(entries))
