"""The check report as a standalone HTML page, in English or Thai: the verdict as a banner, each language version
side by side with the standard form (differences as ``<del>``/``<ins>``), the findings with
their English and Thai rationale, and the values found. Every value is escaped."""

from __future__ import annotations

import html
import re
from collections import Counter

from ...i18n import N_, Joined, translate
from ..codes import ROUTE_TITLES, ROUTES
from ..report import DiffOp, Finding, Report
from ..values import describe_value
from ._common import (
    KIND_NAMES,
    ROUTE_LABELS,
    ROUTE_NAMES,
    clause_label,
    join,
    language,
    named,
    row_verdict,
    slot_key,
    unit_words,
    value_key,
    where,
)

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


def _tag(name: str, text, lang: str) -> str:
    """``text`` (a message) in ``lang``, escaped, as the content of element ``name``."""
    return f"<{name}>{_e(translate(text, lang))}</{name}>"


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


def _finding_html(f: Finding, lang: str) -> str:
    def tr(text) -> str:
        return _e(translate(text, lang))

    route = f.route if f.route in ROUTES else "standard"
    place = f" · {tr(where(f))}" if where(f) else ""
    parts = [f'<div class="finding r-{route}"><p><span class="code">{_e(f.code)}</span> · '
             f"{_e(named(ROUTE_NAMES, f.route, lang))}{place} · {_e(named(KIND_NAMES, f.kind, lang))}</p>",
             f"<p>{tr(f.message)}</p>"]
    if f.diff and not all(op.op == "equal" for op in f.diff):
        parts.append(f'<p lang="{_lang_attr(f.lang)}">{_diff_html(f.diff, "standard", f.lang)}</p>'
                     f'<p lang="{_lang_attr(f.lang)}">{_diff_html(f.diff, "draft", f.lang)}</p>')
    elif f.draft:
        label = tr(N_("draft:"))
        parts.append(f'<p>{label} <ins lang="{_lang_attr(f.lang)}">{_e(f.draft)}</ins></p>')
    if f.values:
        parts.append("<p>" + "; ".join(f"{_e(value_key(k, lang))}: {tr(v)}" for k, v in f.values.items()) + "</p>")
    first, second = (("th", f.rationale_th), ("en", f.rationale)) if lang == "th" else \
        (("en", f.rationale), ("th", f.rationale_th))
    for code, rationale in (first, second):
        if rationale:
            parts.append(f'<p class="why" lang="{code}">{_e(rationale)}</p>')
    parts.append("</div>")
    return "".join(parts)


def _clause_finding(findings: list[Finding], clause_id: str) -> Finding | None:
    for f in findings:
        if f.clause_id == clause_id and f.kind in ("changed", "value_mismatch", "moved", "removed") and f.diff:
            return f
    return None


def _rows(analysis, findings: list[Finding], report_lang: str = "en") -> list[str]:
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
    missing, added = translate(N_("(missing)"), report_lang), translate(N_("added"), report_lang)
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
            f" · {_e(named(KIND_NAMES, status, report_lang))}" if status != "equal" else "") + "</span>"
        f = _clause_finding(findings, clause_id)
        draft = analysis.draft_clauses.get(clause_id) or ""
        if status == "removed":
            left, right = f"<del>{_e(standard)}</del>", f'<span class="status">{_e(missing)}</span>'
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
        row = (f'<tr class="added"><td class="n"><span class="status">{_e(added)}</span></td>'
               f'<td class="txt"></td><td class="txt" lang="{lang}"><ins>{text}</ins></td></tr>')
        keyed.append(((index, 1, 0), row))
    return [row for _, row in sorted(keyed, key=lambda kv: kv[0])]


def _translation_table(result, report_lang: str = "en") -> list[str]:
    """A translated version clause by clause: the English clause, this version's, the meaning
    units found and missing, the words that may add meaning, and the verdict."""
    def tr(text) -> str:
        return _e(translate(text, report_lang))

    lang = _lang_attr(result.lang)
    heads = "".join(f"<th>{tr(h)}</th>" for h in (N_("Clause"), N_("English"), N_("This version"),
                                                   N_("Meaning units"), N_("Added words"), N_("Verdict")))
    out = [_tag("p", N_("A translation may word a clause in its own way: each clause is judged by "
                        "whether it says what the English clause says."), report_lang),
           f'<table class="cmp tr"><thead><tr>{heads}</tr></thead><tbody>']
    for row in result.translation:
        bad = row["verdict"] not in ("same", "worded differently")
        found = ", ".join(unit_words(row["units_found"]))
        missing = Joined(unit_words(row["units_missing"]) + row["values_missing"])
        count = len(row["units_found"])
        units = (_tag("summary", N_("{count} found", count=count), report_lang).join(
            ("<details>", f'<span class="status">{_e(found)}</span></details>')) if found else "") + (
            _tag("strong", N_("missing:"), report_lang) + f" <del>{tr(missing)}</del>" if missing else "")
        added = "".join(f'<ins lang="{lang}">{_e(a)}</ins> ' for a in row["added"])
        notes = "".join(f'<br><span class="status">{tr(n)}</span>' for n in row["notes"])
        text = _e(row["text"]) or _tag("em", N_("(missing)"), report_lang)
        out.append(f'<tr class="{"changed" if bad else "equal"}"><td class="n">{tr(clause_label(row))}</td>'
                   f'<td class="txt" lang="en">{_e(row["english"])}</td>'
                   f'<td class="txt" lang="{lang}">{text}</td>'
                   f"<td>{units}</td><td>{added}</td><td>{_e(row_verdict(row, report_lang))}{notes}</td></tr>")
    out.append("</tbody></table>")
    return out


def format_html(report: Report, analyses=(), lang: str = "en") -> str:
    """The report as a standalone HTML page in ``lang`` (``en`` or ``th``): verdict banner, a
    side-by-side table of standard and draft text per language version (differences as
    ``<del>``/``<ins>``), the findings with their rationale in both languages (the report's
    first), and the values found. Every value is escaped."""
    def tr(text) -> str:
        return _e(translate(text, lang))

    verdict = report.verdict
    other = "en" if lang == "th" else "th"
    counts = Counter(f.route for f in report.findings)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_lang_attr(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        _tag("title", N_("moukit check: {title}", title=ROUTE_TITLES[verdict]), lang),
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f'<section class="banner {verdict}">',
        _tag("h1", N_("{label}: {title}", label=ROUTE_LABELS[verdict], title=ROUTE_TITLES[verdict]), lang),
        f'<p lang="{other}">{_e(translate(ROUTE_TITLES[verdict], other))}</p>',
        _tag("p", N_("Reason: {reason}", reason=report.reason), lang),
        _tag("p", N_("Exit code {code} · form {form} · checked: {files}", code=report.exit_code,
                     form=_form(report), files=", ".join(report.sources)), lang),
    ]
    if report.untouched_render:
        out.append(_tag("p", N_("The draft is an untouched moukit rendering of the form."), lang))
    for note in report.notes:
        out.append(_tag("p", N_("Note: {note}", note=note), lang))
    out.append("<p>" + " · ".join(f"{_e(named(ROUTE_NAMES, r, lang))}: {counts.get(r, 0)}" for r in ROUTES) + "</p>")
    out.append("</section>")

    covered: set[int] = set()
    for analysis in analyses or ():
        result = analysis.result
        if result is None:
            continue
        version_findings = [f for f in result.findings]
        covered.update(id(f) for f in version_findings)
        heading = N_("{language} version · {instrument} · {source}", language=language(analysis.version.lang),
                     instrument=(result.instrument or "").upper(), source=result.source)
        out.append(f"<section><h2>{tr(heading)}</h2>")
        if result.exact:
            out.append(_tag("p", N_("This version is the standard form: only listed alternatives and "
                                    "filled blanks."), lang))
        if result.accepted:
            out.append(_tag("p", N_("This version is {accepted}, word for word.", accepted=result.accepted), lang))
        if result.translation is not None:
            out += _translation_table(result, lang)
        else:
            heads = "".join(f"<th>{tr(h)}</th>" for h in (N_("Clause"), N_("Standard form"), N_("Draft")))
            out.append(f'<table class="cmp"><thead><tr>{heads}</tr></thead><tbody>')
            out += _rows(analysis, version_findings, lang)
            out.append("</tbody></table>")
        out.append(_values_html(result.values, analysis.version.lang, lang))
        if version_findings:
            out.append(_tag("h3", N_("Findings"), lang))
            out += [_finding_html(f, lang) for f in version_findings]
        out.append("</section>")
    rest = [f for f in report.findings if id(f) not in covered]
    if rest:
        title = N_("Findings across versions") if analyses else N_("Findings")
        out.append(f"<section><h2>{tr(title)}</h2>")
        out += [_finding_html(f, lang) for f in rest]
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _form(report: Report) -> str:
    """The form and its version for the banner ("mou 1.0", "-" when unknown)."""
    return f"{report.form_id or '-'} {report.form_version or ''}"


def _values_html(values: dict, lang: str, report_lang: str = "en") -> str:
    if not values:
        return ""
    items = "".join(f"<dt>{_e(slot_key(k, report_lang))}</dt><dd lang=\"{_lang_attr(lang)}\">"
                    f"{_e(translate(describe_value(v), report_lang))}</dd>" for k, v in values.items())
    summary = _tag("summary", N_("Values found"), report_lang)
    return f'<details>{summary}<dl class="values">{items}</dl></details>'

