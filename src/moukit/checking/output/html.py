"""The check report as a standalone HTML page: the verdict as a banner, each language version
side by side with the standard form (differences as ``<del>``/``<ins>``), the findings with
their English and Thai rationale, and the values found. Every value is escaped."""

from __future__ import annotations

import html
import re
from collections import Counter

from ..codes import ROUTE_TITLES, ROUTE_TITLES_TH, ROUTES
from ..report import DiffOp, Finding, Report
from ..values import describe_value
from ._common import ROUTE_LABELS, clause_label, join, language, row_verdict, unit_words, where

CSS = """
body{font-family:"TH Sarabun New","Noto Sans Thai","Noto Sans CJK JP",Arial,sans-serif;
margin:2em auto;max-width:72em;padding:0 1em;color:#222;line-height:1.45}
.banner{padding:1em 1.2em;border-radius:6px;margin-bottom:1.2em}
.banner h1{margin:0 0 .2em;font-size:1.5em}.banner p{margin:.2em 0}
.standard{background:#e3f4e1;border:2px solid #2e7d32}
.ministries{background:#fff6d6;border:2px solid #b58900}
.council_of_state{background:#fde3e1;border:2px solid #c62828}
.not_permitted{background:#f9d0d0;border:3px solid #8b0000}
table.cmp{border-collapse:collapse;width:100%;margin:.6em 0 1.4em}
table.cmp th,table.cmp td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
table.cmp td.n{white-space:nowrap;color:#555;width:6em}
table.cmp td.txt{width:46%;white-space:pre-wrap}
table.tr td.txt{width:30%}
tr.changed td.n,tr.removed td.n,tr.moved td.n,tr.added td.n{border-left:4px solid #c62828}
del{background:#fdd;color:#8b0000;text-decoration:line-through}
ins{background:#d8f5d0;color:#1b5e20;text-decoration:underline}
.status{font-size:.85em;color:#555}
.finding{border-left:4px solid #999;padding:.3em .8em;margin:.6em 0}
.finding.r-ministries{border-color:#b58900}.finding.r-council_of_state{border-color:#c62828}
.finding.r-not_permitted{border-color:#8b0000}
.code{font-family:monospace;font-weight:bold}
.why{margin:.2em 0;color:#333}
dl.values{display:grid;grid-template-columns:max-content auto;gap:.1em 1em}
dl.values dt{color:#555}dl.values dd{margin:0}
""".strip()


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _lang_attr(code: str | None) -> str:
    """A lang attribute value; only a well-formed language tag is used."""
    return code if code and re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", code) else "und"


def _diff_html(diff: list[DiffOp], side: str, lang: str | None) -> str:
    """One side of a word diff: ``standard`` shows deletions, ``draft`` shows insertions."""
    out = []
    for op in diff:
        if op.op == "equal":
            out.append((op.text, _e(op.text)))
        elif op.op == "delete" and side == "standard":
            out.append((op.text, f"<del>{_e(op.text)}</del>"))
        elif op.op == "insert" and side == "draft":
            out.append((op.text, f"<ins>{_e(op.text)}</ins>"))
    return join(out, lang)


def _finding_html(f: Finding) -> str:
    route = f.route if f.route in ROUTES else "standard"
    place = f" · {_e(where(f))}" if where(f) else ""
    parts = [f'<div class="finding r-{route}"><p><span class="code">{_e(f.code)}</span> · '
             f"{_e(f.route)}{place} · {_e(f.kind)}</p>", f"<p>{_e(f.message)}</p>"]
    if f.diff and not all(op.op == "equal" for op in f.diff):
        parts.append(f'<p lang="{_lang_attr(f.lang)}">{_diff_html(f.diff, "standard", f.lang)}</p>'
                     f'<p lang="{_lang_attr(f.lang)}">{_diff_html(f.diff, "draft", f.lang)}</p>')
    elif f.draft:
        parts.append(f'<p lang="{_lang_attr(f.lang)}">draft: <ins>{_e(f.draft)}</ins></p>')
    if f.values:
        parts.append("<p>" + "; ".join(f"{_e(k)}: {_e(v)}" for k, v in f.values.items()) + "</p>")
    if f.rationale:
        parts.append(f'<p class="why" lang="en">{_e(f.rationale)}</p>')
    if f.rationale_th:
        parts.append(f'<p class="why" lang="th">{_e(f.rationale_th)}</p>')
    parts.append("</div>")
    return "".join(parts)


def _clause_finding(findings: list[Finding], clause_id: str) -> Finding | None:
    for f in findings:
        if f.clause_id == clause_id and f.kind in ("changed", "value_mismatch", "moved", "removed") and f.diff:
            return f
    return None


def _rows(analysis, findings: list[Finding]) -> list[str]:
    """The comparison rows of one version: clause by clause, added text where it stands."""
    lang = _lang_attr(analysis.version.lang)
    blocks = analysis.version.blocks
    if not analysis.standard:
        rows = []
        for block in blocks:
            text = _e(block.text)
            rows.append(f'<tr class="equal"><td class="n">·</td><td class="txt" lang="{lang}">{text}</td>'
                        f'<td class="txt" lang="{lang}">{text}</td></tr>')
        return rows
    form = analysis.patterns.form
    keyed: list[tuple[tuple, str]] = []
    major, seq = -1, 0
    for clause_id, standard in analysis.standard.items():
        seq += 1
        clause = form.clause(clause_id)
        status = analysis.clause_status.get(clause_id, "equal")
        indices = analysis.clause_blocks.get(clause_id) or []
        if indices and status != "moved":
            major = min(indices)
        label = f"{clause.number}. " if clause.number else ""
        label = f'{_e(label)}<span class="status">{_e(clause_id)}' + (
            f" · {_e(status)}" if status != "equal" else "") + "</span>"
        f = _clause_finding(findings, clause_id)
        draft = analysis.draft_clauses.get(clause_id) or ""
        if status == "removed":
            left, right = f"<del>{_e(standard)}</del>", '<span class="status">(missing)</span>'
        elif f is not None:
            left = _diff_html(f.diff, "standard", analysis.version.lang)
            right = _diff_html(f.diff, "draft", analysis.version.lang)
        else:
            left = _e(standard)
            right = _e(draft) if draft else left
        row = (f'<tr class="{_e(status)}"><td class="n">{label}</td><td class="txt" lang="{lang}">'
               f'{left}</td><td class="txt" lang="{lang}">{right}</td></tr>')
        keyed.append(((major, 0, seq), row))
    for index in analysis.added_blocks:
        text = _e(blocks[index].text) if index < len(blocks) else ""
        row = (f'<tr class="added"><td class="n"><span class="status">added</span></td>'
               f'<td class="txt"></td><td class="txt" lang="{lang}"><ins>{text}</ins></td></tr>')
        keyed.append(((index, 1, 0), row))
    return [row for _, row in sorted(keyed, key=lambda kv: kv[0])]


def _translation_table(result) -> list[str]:
    """A translated version clause by clause: the English clause, this version's, the meaning
    units found and missing, the words that may add meaning, and the verdict."""
    lang = _lang_attr(result.lang)
    out = ["<p>A translation may word a clause in its own way: each clause is judged by whether "
           "it says what the English clause says.</p>",
           '<table class="cmp tr"><thead><tr><th>Clause</th><th>English</th><th>This version</th>'
           "<th>Meaning units</th><th>Added words</th><th>Verdict</th></tr></thead><tbody>"]
    for row in result.translation:
        bad = row["verdict"] not in ("same", "worded differently")
        found = ", ".join(unit_words(row["units_found"]))
        missing = ", ".join(unit_words(row["units_missing"]) + row["values_missing"])
        count = len(row["units_found"])
        units = (f'<details><summary>{count} found</summary><span class="status">{_e(found)}</span></details>'
                 if found else "") + (f"<strong>missing:</strong> <del>{_e(missing)}</del>" if missing else "")
        added = "".join(f'<ins lang="{lang}">{_e(a)}</ins> ' for a in row["added"])
        notes = "".join(f'<br><span class="status">{_e(n)}</span>' for n in row["notes"])
        out.append(f'<tr class="{"changed" if bad else "equal"}"><td class="n">{_e(clause_label(row))}</td>'
                   f'<td class="txt" lang="en">{_e(row["english"])}</td>'
                   f'<td class="txt" lang="{lang}">{_e(row["text"]) or "<em>(missing)</em>"}</td>'
                   f"<td>{units}</td><td>{added}</td><td>{_e(row_verdict(row))}{notes}</td></tr>")
    out.append("</tbody></table>")
    return out


def format_html(report: Report, analyses=()) -> str:
    """The report as a standalone HTML page: verdict banner, a side-by-side table of standard
    and draft text per language version (differences as ``<del>``/``<ins>``), the findings
    with their English and Thai rationale, and the values found. Every value is escaped."""
    verdict = report.verdict
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>moukit check: {_e(ROUTE_TITLES[verdict])}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f'<section class="banner {verdict}">',
        f"<h1>{_e(ROUTE_LABELS[verdict])}: {_e(ROUTE_TITLES[verdict])}</h1>",
        f'<p lang="th">{_e(ROUTE_TITLES_TH[verdict])}</p>',
        f"<p>Reason: {_e(report.reason)}</p>",
        f"<p>Exit code {report.exit_code} · form {_e(report.form_id or '-')} "
        f"{_e(report.form_version or '')} · checked: {_e(', '.join(report.sources))}</p>",
    ]
    if report.untouched_render:
        out.append("<p>The draft is an untouched moukit rendering of the form.</p>")
    for note in report.notes:
        out.append(f"<p>Note: {_e(note)}</p>")
    counts = Counter(f.route for f in report.findings)
    out.append("<p>" + " · ".join(f"{_e(r)}: {counts.get(r, 0)}" for r in ROUTES) + "</p>")
    out.append("</section>")

    covered: set[int] = set()
    for analysis in analyses or ():
        result = analysis.result
        if result is None:
            continue
        version_findings = [f for f in result.findings]
        covered.update(id(f) for f in version_findings)
        name = language(analysis.version.lang)
        out.append(f"<section><h2>{_e(name)} version · {_e((result.instrument or '').upper())} · "
                   f"{_e(result.source)}</h2>")
        if result.exact:
            out.append("<p>This version is the standard form: only listed alternatives and "
                       "filled blanks.</p>")
        if result.accepted:
            out.append(f"<p>This version is {_e(result.accepted)}, word for word.</p>")
        if result.translation is not None:
            out += _translation_table(result)
        else:
            out.append('<table class="cmp"><thead><tr><th>Clause</th><th>Standard form</th>'
                       "<th>Draft</th></tr></thead><tbody>")
            out += _rows(analysis, version_findings)
            out.append("</tbody></table>")
        out.append(_values_html(result.values, analysis.version.lang))
        if version_findings:
            out.append("<h3>Findings</h3>")
            out += [_finding_html(f) for f in version_findings]
        out.append("</section>")
    rest = [f for f in report.findings if id(f) not in covered]
    if rest:
        title = "Findings across versions" if analyses else "Findings"
        out.append(f"<section><h2>{title}</h2>")
        out += [_finding_html(f) for f in rest]
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _values_html(values: dict, lang: str) -> str:
    if not values:
        return ""
    items = "".join(f"<dt>{_e(k)}</dt><dd lang=\"{_lang_attr(lang)}\">{_e(describe_value(v))}</dd>"
                    for k, v in values.items())
    return f'<details><summary>Values found</summary><dl class="values">{items}</dl></details>'
