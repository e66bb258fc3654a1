"""Human-readable outputs of a check report: terminal text and a standalone HTML page.

Both show the verdict first (route title in English and Thai), then every finding with its
code, route, clause, message, word-level difference and rationale. A draft is untrusted
input: the terminal text has control characters (ANSI escapes included) replaced, and every
value in the HTML is escaped. The JSON output is :meth:`moukit.report.Report.to_dict`.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from .text.chars import UNSAFE_CHAR
from .codes import ROUTE_TITLES, ROUTE_TITLES_TH, ROUTES
from .report import DiffOp, Finding, Report

RED, GREEN, YELLOW, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[1m", "\x1b[0m"
ROUTE_COLORS = {"standard": GREEN, "ministries": YELLOW, "council_of_state": RED,
                "not_permitted": BOLD + RED}
ROUTE_LABELS = {"standard": "STANDARD FORM", "ministries": "REVIEW: MINISTRIES",
                "council_of_state": "REVIEW: COUNCIL OF STATE", "not_permitted": "NOT PERMITTED"}
LANGUAGE_NAMES = {"th": "Thai", "en": "English", "zh": "Chinese", "ja": "Japanese",
                  "ko": "Korean", "vi": "Vietnamese", "fr": "French", "de": "German",
                  "it": "Italian", "es": "Spanish", "ru": "Russian", "lo": "Lao", "km": "Khmer",
                  "my": "Burmese", "ms": "Malay", "id": "Indonesian", "tr": "Turkish"}
_EDGE_WORDS = 6  # words kept at each side of a long unchanged stretch in the terminal diff


def _safe(text) -> str:
    """Text fit for a terminal: control characters (escape sequences, bidi overrides) replaced."""
    return UNSAFE_CHAR.sub("\ufffd", "" if text is None else str(text))


def _language(code: str | None) -> str:
    if not code:
        return "all versions"
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


def _where(f: Finding) -> str:
    if f.clause_number and f.clause_id:
        return f"clause {f.clause_number} ({f.clause_id})"
    if f.clause_number:
        return f"clause {f.clause_number}"
    if f.clause_id:
        return f"clause {f.clause_id}"
    return ""


def _group_key(f: Finding, many_sources: bool) -> tuple:
    return (f.source if many_sources else None, f.lang)


# --------------------------------------------------------------------------- terminal


def _shorten(text: str, position: str) -> str:
    """A long unchanged stretch cut to its edges (``first``, ``middle`` or ``last`` in a diff)."""
    words = text.split(" ")
    if len(words) <= 3 * _EDGE_WORDS:
        return text
    if position == "first":
        return "… " + " ".join(words[-_EDGE_WORDS:])
    if position == "last":
        return " ".join(words[:_EDGE_WORDS]) + " …"
    return " ".join(words[:_EDGE_WORDS]) + " … " + " ".join(words[-_EDGE_WORDS:])


def _join(pieces: list[tuple[str, str]], lang: str | None) -> str:
    """Join (plain text, shown text) pieces of a diff: no space in scripts written without
    spaces, nor before closing punctuation or after an opening bracket."""
    out = ""
    previous = ""
    for plain, shown in pieces:
        if not plain:
            continue
        if out and lang not in ("th", "zh", "ja") and plain[0] not in ",.;:)]!?%" \
                and previous[-1:] not in "([":
            out += " "
        out += shown
        previous = plain
    return out


def format_diff(diff: list[DiffOp], *, color: bool, lang: str | None = None) -> str:
    """A word diff inline: ``[-form only-]`` and ``{+draft only+}`` (red and green with colour)."""
    out = []
    for n, op in enumerate(diff):
        text = _safe(op.text)
        if op.op == "equal":
            where = "first" if n == 0 else "last" if n == len(diff) - 1 else "middle"
            out.append((text, _shorten(text, where)))
        elif op.op == "delete":
            out.append(("[", f"{RED}[-{text}-]{RESET}" if color else f"[-{text}-]"))
        else:
            out.append(("{", f"{GREEN}{{+{text}+}}{RESET}" if color else f"{{+{text}+}}"))
    return _join(out, lang)


def _compact(value) -> str:
    """One inferred value in a few words."""
    if isinstance(value, dict):
        if "iso" in value:
            return f"{value.get('text')} ({value['iso']})" if value.get("iso") else str(value.get("text"))
        if "kind" in value:
            if value["kind"] == "fixed":
                return f"{value.get('years')} years ({value.get('text')})"
            return value["kind"]
        if "ids" in value:
            if value.get("various"):
                return "various fields"
            items = list(value.get("ids") or []) + [f"'{o}'" for o in value.get("other") or []]
            return ", ".join(items) or str(value.get("text"))
        if "options" in value:
            return "/".join(value.get("options") or []) or f"{value.get('text')!r} (not listed)"
        if "code" in value:
            return f"{value.get('text') or '-'} ({value.get('code') or '?'})"
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def _wrap_lines(label: str, text: str, indent: str, *, safe: bool = False) -> list[str]:
    """``text`` after ``label``, continuation lines indented under it (``safe``: already
    cleaned of control characters, e.g. a coloured diff)."""
    head = f"{label} " if label else ""
    body = (text if safe else _safe(text)).replace("\n", "\n" + indent + " " * len(head))
    return [f"{indent}{head}{body}"]


def format_terminal(report: Report, *, color: bool, show_editorial: bool = False,
                    lang: str = "en") -> str:
    """The report as terminal text: verdict, notes, findings per version, values, summary.

    ``color`` adds ANSI colours (only then); ``show_editorial`` lists the editorial
    differences the check ignored; ``lang="th"`` shows the Thai rationale of each finding
    (English when a finding has none).
    """
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    verdict = report.verdict
    lines = [
        paint(f"{ROUTE_LABELS[verdict]}: {ROUTE_TITLES[verdict]} (exit code {report.exit_code})",
              ROUTE_COLORS[verdict]),
        f"  {ROUTE_TITLES_TH[verdict]}",
        f"  reason: {_safe(report.reason)}",
    ]
    if report.form_id:
        lines.append(f"  form: {_safe(report.form_id)} {_safe(report.form_version or '')}".rstrip())
    if report.sources:
        lines.append("  checked: " + ", ".join(_safe(s) for s in report.sources))
    if report.untouched_render:
        lines.append("  note: the draft is an untouched moukit rendering of the form (its fingerprint "
                     "and text agree)")
    if report.pending_changes and not any("tracked changes" in n for n in report.notes):
        lines.append("  note: the draft has tracked changes not yet accepted; it was checked as if "
                     "they were all accepted")
    for note in report.notes:
        lines.append(f"  note: {_safe(note)}")

    many = len(set(report.sources)) > 1
    groups: dict[tuple, list[Finding]] = {}
    for v in report.versions:
        groups.setdefault((v.source if many else None, v.lang), [])
    for f in report.findings:
        groups.setdefault(_group_key(f, many), []).append(f)
    for (source, code), findings in sorted(groups.items(), key=lambda kv: kv[0][1] is None):
        if not findings:
            continue
        title = _language(code) + (" version" if code else "")
        if source:
            title += f" of {_safe(source)}"
        lines += ["", paint(f"Findings: {title}", BOLD)]
        for f in findings:
            lines += _finding_lines(f, color, lang, paint)

    if show_editorial:
        for v in report.versions:
            if v.editorial:
                lines += ["", paint(f"Editorial differences ignored: {_language(v.lang)}", BOLD)]
                lines += [f"  - {_safe(e)}" for e in v.editorial]

    if report.versions:
        lines += ["", paint("Values found", BOLD)]
        for v in report.versions:
            head = f"  {v.lang} ({(v.instrument or '?').upper()}{', exact form' if v.exact else ''}):"
            items = [f"{k}={_compact(val)}" for k, val in (v.values or {}).items() if k != "instrument"]
            lines.append(head + " " + _safe("; ".join(items) or "none"))

    counts = Counter(f.route for f in report.findings)
    total = len(report.findings)
    summary = ", ".join(f"{route} {counts.get(route, 0)}" for route in ROUTES)
    lines += ["", f"{total} finding{'s' if total != 1 else ''}: {summary}"]
    return "\n".join(lines) + "\n"


def _finding_lines(f: Finding, color: bool, lang: str, paint) -> list[str]:
    route = f.route if f.route in ROUTES else "standard"
    head = " · ".join(x for x in (_safe(f.code), paint(_safe(f.route), ROUTE_COLORS[route]),
                                  _safe(_where(f)), _safe(f.kind)) if x)
    lines = [f"  {head}"]
    lines += _wrap_lines("", f.message or "", "    ")
    if f.diff and not all(op.op == "equal" for op in f.diff):
        lines += _wrap_lines("diff (form -> draft):", format_diff(f.diff, color=color, lang=f.lang),
                             "    ", safe=True)
    elif f.draft and f.kind in ("rule", "variant"):
        lines += _wrap_lines("draft:", f.draft, "    ")
    if f.values:
        lines.append("    values: " + "; ".join(f"{_safe(k)}: {_safe(v)}" for k, v in f.values.items()))
    rationale = (f.rationale_th or f.rationale) if lang == "th" else (f.rationale or f.rationale_th)
    if rationale:
        lines += _wrap_lines("why:", rationale, "    ")
    return lines


# --------------------------------------------------------------------------- HTML


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
    return _join(out, lang)


def _finding_html(f: Finding) -> str:
    route = f.route if f.route in ROUTES else "standard"
    where = f" · {_e(_where(f))}" if _where(f) else ""
    parts = [f'<div class="finding r-{route}"><p><span class="code">{_e(f.code)}</span> · '
             f"{_e(f.route)}{where} · {_e(f.kind)}</p>", f"<p>{_e(f.message)}</p>"]
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
    for n, analysis in enumerate(analyses or ()):
        result = analysis.result
        if result is None:
            continue
        version_findings = [f for f in result.findings]
        covered.update(id(f) for f in version_findings)
        name = _language(analysis.version.lang)
        out.append(f"<section><h2>{_e(name)} version · {_e((result.instrument or '').upper())} · "
                   f"{_e(result.source)}</h2>")
        if result.exact:
            out.append("<p>This version is the standard form: only listed alternatives and "
                       "filled blanks.</p>")
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
    items = "".join(f"<dt>{_e(k)}</dt><dd lang=\"{_lang_attr(lang)}\">{_e(_compact(v))}</dd>"
                    for k, v in values.items())
    return f'<details><summary>Values found</summary><dl class="values">{items}</dl></details>'
