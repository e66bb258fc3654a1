"""Word markup for the DOCX writer: fonts and language markup of runs, tables, settings and
the base package every document starts from (packaging itself is :mod:`moukit.ooxml`).

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

import copy
from dataclasses import dataclass
from functools import lru_cache

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from lxml import etree

from ...ooxml.package import (
    XML_DECL,
    attr,
    content_types_xml,
    in_package_order,
    rels_xml,
    zip_parts,
)
from ...text.chars import has_myanmar, has_thai

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD_COMPAT_URI = "http://schemas.microsoft.com/office/word"

# A4 with Thai government margins, in twentieths of a point
PAGE_TWIPS = {"w": 11906, "h": 16838}  # 21.0 x 29.7 cm
MARGIN_TWIPS = {"top": 1417, "right": 1134, "bottom": 1134, "left": 1701}  # 2.5, 2, 2, 3 cm

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
def _rpr(style: LangStyle, bold: bool, thai: bool):
    return parse_xml(_rpr_xml(style, bold=bold, thai=thai, lang_bidi=style.tag in COMPLEX_TAGS))


def style_run(r, style: LangStyle, *, bold: bool = False, thai: bool | None = None) -> None:
    """Give the ``w:r`` element ``r`` the run properties of ``style``.

    ``thai`` (default: whether the run's text has Thai, or Burmese in a Burmese style) adds
    ``<w:cs/>`` and the complex-script ``w:bidi`` language (the style's own, Thai or Burmese);
    any existing ``w:rPr`` is replaced.
    """
    if thai is None:
        text = "".join(r.itertext())
        thai = has_thai(text) or (style.tag == "my-MM" and has_myanmar(text))
    old = r.find(f"{{{W_NS}}}rPr")
    if old is not None:
        r.remove(old)
    r.insert(0, copy.deepcopy(_rpr(style, bold, thai)))


def borderless(tbl) -> None:
    """Remove every border of the ``w:tbl`` element ``tbl`` (signature blocks)."""
    tbl_pr = tbl.find(f"{{{W_NS}}}tblPr")
    old = tbl_pr.find(f"{{{W_NS}}}tblBorders")
    if old is not None:
        tbl_pr.remove(old)
    edges = "".join(f'<w:{e} w:val="nil"/>' for e in
                    ("top", "left", "bottom", "right", "insideH", "insideV"))
    borders = parse_xml(f'<w:tblBorders xmlns:w="{W_NS}">{edges}</w:tblBorders>')
    _insert_before(tbl_pr, borders, ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
                                     "tblDescription", "tblPrChange"))


def keep_row_together(tr) -> None:
    """Stop Word from splitting the table row ``tr`` across pages."""
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


def set_compat_mode(settings, mode: int = 15) -> None:
    """Set ``compatibilityMode`` in the ``w:settings`` element (15: Word 2013 and later)."""
    compat = settings.find(f"{{{W_NS}}}compat")
    if compat is None:
        compat = etree.SubElement(settings, f"{{{W_NS}}}compat")
    for setting in compat.findall(f"{{{W_NS}}}compatSetting"):
        if setting.get(f"{{{W_NS}}}name") == "compatibilityMode":
            setting.set(f"{{{W_NS}}}val", str(mode))
            return
    etree.SubElement(compat, f"{{{W_NS}}}compatSetting", {
        f"{{{W_NS}}}name": "compatibilityMode",
        f"{{{W_NS}}}uri": WORD_COMPAT_URI,
        f"{{{W_NS}}}val": str(mode),
    })


# ---------------------------------------------------------------------------------------
# The base package: a minimal document that python-docx opens and the writer fills in.

def _document_xml() -> str:
    page = " ".join(f'w:{k}="{v}"' for k, v in PAGE_TWIPS.items())
    margins = " ".join(f'w:{k}="{v}"' for k, v in MARGIN_TWIPS.items())
    return (
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body><w:sectPr>'
        f'<w:pgSz {page}/><w:pgMar {margins} w:header="709" w:footer="709" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/>'
        "</w:sectPr></w:body></w:document>"
    )


def _styles_xml() -> str:
    th = LANG_STYLES["th"]
    rpr = _rpr_xml(th, bold=False, thai=False, lang_bidi=True).replace(f' xmlns:w="{W_NS}"', "")
    return (
        f'<w:styles xmlns:w="{W_NS}">'
        f"<w:docDefaults><w:rPrDefault>{rpr}</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
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
    settings = parse_xml(
        f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
        "<w:compat/>"
        '<w:themeFontLang w:val="en-GB" w:bidi="th-TH"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )
    set_compat_mode(settings, 15)
    return etree.tostring(settings, encoding="unicode")


def _font_table_xml() -> str:
    fonts = "".join(
        f'<w:font w:name={attr(name)}><w:charset w:val="{charset}"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
        for name, (charset, family, pitch) in FONT_INFO.items()
    )
    return f'<w:fonts xmlns:w="{W_NS}">{fonts}</w:fonts>'


def _core_xml() -> str:
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title/><dc:creator>moukit</dc:creator><cp:lastModifiedBy>moukit</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision></cp:coreProperties>"
    )


def _app_xml() -> str:
    return (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>moukit</Application><DocSecurity>0</DocSecurity>'
        "</Properties>"
    )


@lru_cache(maxsize=1)
def base_package() -> bytes:
    """The starting package of every document: A4 section, styles without theme fonts,
    compatibility mode 15, a font table and neutral core properties."""
    parts = {
        "/word/document.xml": (CT.WML_DOCUMENT_MAIN, _document_xml()),
        "/word/styles.xml": (CT.WML_STYLES, _styles_xml()),
        "/word/settings.xml": (CT.WML_SETTINGS, _settings_xml()),
        "/word/fontTable.xml": (CT.WML_FONT_TABLE, _font_table_xml()),
        "/docProps/core.xml": (CT.OPC_CORE_PROPERTIES, _core_xml()),
        "/docProps/app.xml": (CT.OFC_EXTENDED_PROPERTIES, _app_xml()),
    }
    entries = [(name[1:], (XML_DECL + xml).encode("utf-8")) for name, (_, xml) in parts.items()]
    entries.append(("_rels/.rels", (XML_DECL + rels_xml([
        (RT.OFFICE_DOCUMENT, "word/document.xml"),
        (RT.CORE_PROPERTIES, "docProps/core.xml"),
        (RT.EXTENDED_PROPERTIES, "docProps/app.xml"),
    ])).encode("utf-8")))
    entries.append(("word/_rels/document.xml.rels", (XML_DECL + rels_xml([
        (RT.STYLES, "styles.xml"),
        (RT.SETTINGS, "settings.xml"),
        (RT.FONT_TABLE, "fontTable.xml"),
    ])).encode("utf-8")))
    entries.append(("[Content_Types].xml",
                    content_types_xml([(name, ct) for name, (ct, _) in parts.items()])))
    return zip_parts(in_package_order(entries))
