"""HTML: one standalone, printable UTF-8 HTML5 file (no external resources).

``separate`` gives one ``<section>`` per language version, each complete with its signature
block and starting on a new page when printed; ``parallel`` gives one ``<table>`` with a
column per language and a row per clause. Every cell and section carries its ``lang``, so
browsers pick the right font and line breaking (Thai has no spaces between words).
"""

from __future__ import annotations

from html import escape

from ..._version import __version__
from ..document import Clause, Document, Version
from ._common import SIGN_LINE, grouped, require_layout

# Language code -> BCP 47 tag used in ``lang`` when the locale gives no script.
HTML_LANG = {"zh": "zh-Hans"}

CSS = """\
@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
body { margin: 0 auto; max-width: 16cm; color: #000; background: #fff; }
[lang] { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.4; }
[lang]:lang(th) { font-family: "TH Sarabun New", "Sarabun", sans-serif; font-size: 16pt; line-height: 1.25; }
[lang]:lang(zh) { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
[lang]:lang(ja) { font-family: "Yu Mincho", "Hiragino Mincho ProN", "Noto Serif CJK JP", "MS Mincho", serif; }
[lang]:lang(ko) { font-family: "Batang", "AppleMyungjo", "Noto Serif CJK KR", "Nanum Myeongjo", serif; }
[lang]:lang(vi) { font-family: "Times New Roman", "Noto Serif", serif; }
[lang]:lang(my) { font-family: "Myanmar Text", "Pyidaungsu", "Padauk", "Noto Sans Myanmar", sans-serif; line-height: 1.8; }
.title { font-size: 1em; font-weight: bold; text-align: center; margin: 0 0 1.5em; }
.draft { font-weight: bold; text-align: right; margin: 0 0 1em; }
p { margin: 0 0 0.8em; }
p.paragraph, p.numbered { text-align: justify; }
p.numbered { padding-left: 2em; text-indent: -2em; }
.number { display: inline-block; min-width: 2em; text-indent: 0; }
section.version + section.version { page-break-before: always; break-before: page; }
table.signatures { width: 100%; margin-top: 2em; border-collapse: collapse; table-layout: fixed; }
table.signatures td { width: 50%; vertical-align: top; text-align: center; padding: 0 0.5em; }
.signature p { margin: 0 0 0.3em; text-align: center; }
.sign-line { margin-top: 2.5em !important; letter-spacing: 0.1em; }
table.parallel { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.parallel th, table.parallel td { vertical-align: top; padding: 0.3em 0.5em; border: 1px solid #999; }
table.parallel th { font-weight: bold; text-align: center; }
table.parallel td p { text-align: left; }
table.parallel tr { page-break-inside: avoid; break-inside: avoid; }
@media print { table.parallel th, table.parallel td { border-color: #ccc; } }
"""


def html_lang(version: Version) -> str:
    """The BCP 47 tag for ``lang``: ``zh`` becomes ``zh-Hans`` (or the locale's script)."""
    parts = version.locale.replace("-", "_").split("_")
    if len(parts) > 1 and len(parts[1]) == 4 and parts[1].isalpha():
        return f"{version.lang}-{parts[1].title()}"
    return HTML_LANG.get(version.lang, version.lang)


def _lines(text: str) -> str:
    """Escaped text with its line breaks as ``<br>``."""
    return "<br>\n".join(escape(line) for line in text.split("\n"))


def _signature(clause: Clause) -> str:
    """A signature block: the party line, the dotted signing line, then name and position."""
    first, *rest = clause.lines
    lines = [f'<p>{escape(first)}</p>', f'<p class="sign-line">{SIGN_LINE}</p>']
    lines += [f"<p>{escape(line)}</p>" for line in rest]
    return f'<div class="signature" data-clause="{escape(clause.id)}">\n' + "\n".join(lines) + "\n</div>"


def clause_html(clause: Clause) -> str:
    """One clause as HTML: a centred bold title, a numbered or plain paragraph, a signature."""
    cid = escape(clause.id)
    if clause.kind == "title":
        return f'<h1 class="title" data-clause="{cid}">{_lines(clause.text)}</h1>'
    if clause.kind == "signature":
        return _signature(clause)
    if clause.number:
        return (f'<p class="numbered" data-clause="{cid}"><span class="number">'
                f"{escape(clause.number)}.</span> {_lines(clause.text)}</p>")
    return f'<p class="paragraph" data-clause="{cid}">{_lines(clause.text)}</p>'


def _signature_table(clauses: list[Clause]) -> str:
    """Signature blocks side by side, two to a row."""
    rows = []
    for i in range(0, len(clauses), 2):
        cells = [f"<td>{_signature(c)}</td>" for c in clauses[i:i + 2]]
        cells += ["<td></td>"] * (2 - len(cells))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table class="signatures">\n' + "\n".join(rows) + "\n</table>"


def _draft(version: Version) -> list[str]:
    return [f'<p class="draft">{escape(version.draft_marker)}</p>'] if version.draft_marker else []


def version_html(version: Version) -> str:
    """One complete language version as a ``<section>``, signatures side by side at the end."""
    body = _draft(version)
    for item in grouped(version.clauses):
        body.append(_signature_table(item) if isinstance(item, list) else clause_html(item))
    return (f'<section class="version" lang="{escape(html_lang(version))}" '
            f'data-lang="{escape(version.lang)}">\n' + "\n".join(body) + "\n</section>")


def parallel_html(document: Document) -> str:
    """All versions in one table: a column per language, a row per clause."""
    versions = document.versions
    tags = [escape(html_lang(v)) for v in versions]
    markers = [f'<span lang="{tag}">{escape(v.draft_marker)}</span>'
               for tag, v in zip(tags, versions) if v.draft_marker]
    out = [f'<p class="draft">{" / ".join(markers)}</p>'] if markers else []
    out.append('<table class="parallel">')
    out.append("<colgroup>" + "<col>" * len(versions) + "</colgroup>")
    out.append("<thead><tr>" + "".join(
        f'<th lang="{tag}">{escape(v.language_name)}</th>' for tag, v in zip(tags, versions)
    ) + "</tr></thead>")
    out.append("<tbody>")
    for i, clause in enumerate(versions[0].clauses):
        cells = "".join(f'<td lang="{tag}">{clause_html(v.clauses[i])}</td>'
                        for tag, v in zip(tags, versions))
        out.append(f'<tr data-clause="{escape(clause.id)}">{cells}</tr>')
    out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


def _head(document: Document, layout: str) -> str:
    try:
        title = document.versions[0].title
    except KeyError:  # a hand-built document without a title clause
        title = document.form_id
    meta = ['<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="moukit {escape(__version__)}">']
    for key, value in document.stamp(layout).items():
        meta.append(f'<meta name="moukit:{escape(str(key))}" content="{escape(str(value))}">')
    return ("<head>\n" + "\n".join(meta) + f"\n<title>{escape(title)}</title>\n"
            f"<style>\n{CSS}</style>\n</head>")


def write(document: Document, *, layout: str = "separate") -> bytes:
    """The document as one standalone HTML5 file (UTF-8), in the ``separate`` or ``parallel`` layout."""
    require_layout(document, layout)
    body = "\n".join(version_html(v) for v in document.versions) if layout == "separate" else parallel_html(document)
    lang = escape(html_lang(document.versions[0]))
    page = (f'<!DOCTYPE html>\n<html lang="{lang}">\n{_head(document, layout)}\n'
            f'<body class="{escape(layout)}">\n{body}\n</body>\n</html>\n')
    return page.encode("utf-8")
