"""The check report as terminal text: verdict first (route title in English and Thai), then
every finding with its code, route, clause, message, word-level difference and rationale.
A draft is untrusted input: control characters (ANSI escapes included) are replaced."""

from __future__ import annotations

from collections import Counter

from ..codes import ROUTE_TITLES, ROUTE_TITLES_TH, ROUTES
from ..report import DiffOp, Finding, Report
from ..values import describe_value
from ._common import ROUTE_LABELS, clause_label, join, language, row_verdict, safe, unit_words, where

RED, GREEN, YELLOW, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[1m", "\x1b[0m"
ROUTE_COLORS = {"standard": GREEN, "ministries": YELLOW, "council_of_state": RED,
                "not_permitted": BOLD + RED}
_EDGE_WORDS = 6  # words kept at each side of a long unchanged stretch in the terminal diff


def _group_key(f: Finding, many_sources: bool) -> tuple:
    return (f.source if many_sources else None, f.lang)


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


def format_diff(diff: list[DiffOp], *, color: bool, lang: str | None = None) -> str:
    """A word diff inline: ``[-form only-]`` and ``{+draft only+}`` (red and green with colour)."""
    out = []
    for n, op in enumerate(diff):
        text = safe(op.text)
        if op.op == "equal":
            where = "first" if n == 0 else "last" if n == len(diff) - 1 else "middle"
            out.append((text, _shorten(text, where)))
        elif op.op == "delete":
            out.append(("[", f"{RED}[-{text}-]{RESET}" if color else f"[-{text}-]"))
        else:
            out.append(("{", f"{GREEN}{{+{text}+}}{RESET}" if color else f"{{+{text}+}}"))
    return join(out, lang)


def _wrap_lines(label: str, text: str, indent: str, *, cleaned: bool = False) -> list[str]:
    """``text`` after ``label``, continuation lines indented under it (``cleaned``: already
    without control characters, e.g. a coloured diff)."""
    head = f"{label} " if label else ""
    body = (text if cleaned else safe(text)).replace("\n", "\n" + indent + " " * len(head))
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
        f"  reason: {safe(report.reason)}",
    ]
    if report.form_id:
        lines.append(f"  form: {safe(report.form_id)} {safe(report.form_version or '')}".rstrip())
    if report.sources:
        lines.append("  checked: " + ", ".join(safe(s) for s in report.sources))
    if report.untouched_render:
        lines.append("  note: the draft is an untouched moukit rendering of the form (its fingerprint "
                     "and text agree)")
    if report.pending_changes and not any("tracked changes" in n for n in report.notes):
        lines.append("  note: the draft has tracked changes not yet accepted; it was checked as if "
                     "they were all accepted")
    for note in report.notes:
        lines.append(f"  note: {safe(note)}")

    many = len(set(report.sources)) > 1
    groups: dict[tuple, list[Finding]] = {}
    for v in report.versions:
        groups.setdefault((v.source if many else None, v.lang), [])
    for f in report.findings:
        groups.setdefault(_group_key(f, many), []).append(f)
    for (source, code), findings in sorted(groups.items(), key=lambda kv: kv[0][1] is None):
        if not findings:
            continue
        title = language(code) + (" version" if code else "")
        if source:
            title += f" of {safe(source)}"
        lines += ["", paint(f"Findings: {title}", BOLD)]
        for f in findings:
            lines += _finding_lines(f, color, lang, paint)

    for v in report.versions:
        lines += _translation_lines(v, many, paint)

    if show_editorial:
        for v in report.versions:
            if v.editorial:
                lines += ["", paint(f"Editorial differences ignored: {language(v.lang)}", BOLD)]
                lines += [f"  - {safe(e)}" for e in v.editorial]

    if report.versions:
        lines += ["", paint("Values found", BOLD)]
        for v in report.versions:
            head = f"  {v.lang} ({(v.instrument or '?').upper()}{', exact form' if v.exact else ''}):"
            items = [f"{k}={describe_value(val)}" for k, val in (v.values or {}).items() if k != "instrument"]
            lines.append(head + " " + safe("; ".join(items) or "none"))

    counts = Counter(f.route for f in report.findings)
    total = len(report.findings)
    summary = ", ".join(f"{route} {counts.get(route, 0)}" for route in ROUTES)
    lines += ["", f"{total} finding{'s' if total != 1 else ''}: {summary}"]
    return "\n".join(lines) + "\n"


def _translation_lines(version, many: bool, paint) -> list[str]:
    """How a version other than English was judged: an accepted text, or its translation
    check clause by clause (verdict, what is missing, what is added)."""
    title = language(version.lang) + (f" of {safe(version.source)}" if many else "")
    if version.accepted:
        return ["", paint(f"Translation: {title}", BOLD),
                f"  the version is {safe(version.accepted)}, word for word"]
    if version.translation is None:
        return []
    lines = ["", paint(f"Translation check: {title}, clause by clause against the English", BOLD)]
    for row in version.translation:
        detail = []
        if row["units_missing"] or row["values_missing"]:
            detail.append("missing: " + ", ".join(unit_words(row["units_missing"]) + row["values_missing"]))
        if row["added"]:
            detail.append("added: " + " … ".join(repr(a) for a in row["added"]))
        lines.append(f"  {clause_label(row):16} {row_verdict(row)}" + (f" · {safe('; '.join(detail))}" if detail else ""))
        lines += [f"  {'':16} {safe(note)}" for note in row["notes"]]
    return lines


def _finding_lines(f: Finding, color: bool, lang: str, paint) -> list[str]:
    route = f.route if f.route in ROUTES else "standard"
    head = " · ".join(x for x in (safe(f.code), paint(safe(f.route), ROUTE_COLORS[route]),
                                  safe(where(f)), safe(f.kind)) if x)
    lines = [f"  {head}"]
    lines += _wrap_lines("", f.message or "", "    ")
    if f.diff and not all(op.op == "equal" for op in f.diff):
        lines += _wrap_lines("diff (form -> draft):", format_diff(f.diff, color=color, lang=f.lang),
                             "    ", cleaned=True)
    elif f.draft and f.kind in ("rule", "variant"):
        lines += _wrap_lines("draft:", f.draft, "    ")
    if f.values:
        lines.append("    values: " + "; ".join(f"{safe(k)}: {safe(v)}" for k, v in f.values.items()))
    rationale = (f.rationale_th or f.rationale) if lang == "th" else (f.rationale or f.rationale_th)
    if rationale:
        lines += _wrap_lines("why:", rationale, "    ")
    return lines
