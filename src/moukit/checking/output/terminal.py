"""The check report as terminal text, in English or Thai: verdict first, then every finding
with its code, route, clause, message, word-level difference and rationale. A draft is
untrusted input: control characters (ANSI escapes included) are replaced."""

from __future__ import annotations

from collections import Counter

from ...i18n import N_, Joined, Message, translate
from ..codes import ROUTE_TITLES, ROUTE_TITLES_TH, ROUTES
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
    safe,
    slot_key,
    unit_words,
    value_key,
    where,
)

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
    differences the check ignored; ``lang`` is the language of every text the report
    writes (``en`` or ``th``): the verdict, reason, notes, findings, their rationale and
    the labels (the draft's and the form's own words are quoted as they are). The English
    report also gives the verdict's title in Thai.
    """
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    def tr(text) -> str:
        return safe(translate(text, lang))

    verdict = report.verdict
    lines = [paint(tr(N_("{label}: {title} (exit code {code})", label=ROUTE_LABELS[verdict],
                         title=ROUTE_TITLES[verdict], code=report.exit_code)), ROUTE_COLORS[verdict])]
    if lang != "th":
        lines.append(f"  {ROUTE_TITLES_TH[verdict]}")
    lines.append("  " + tr(N_("reason: {reason}", reason=report.reason)))
    if report.form_id:
        form = f"{report.form_id} {report.form_version or ''}".rstrip()
        lines.append("  " + tr(N_("form: {form}", form=form)))
    if report.sources:
        lines.append("  " + tr(N_("checked: {files}", files=", ".join(report.sources))))
    if report.untouched_render:
        lines.append("  " + tr(N_("note: {note}", note=N_(
            "the draft is an untouched moukit rendering of the form (its fingerprint and text agree)"))))
    if report.pending_changes and not any("tracked changes" in n for n in report.notes):
        lines.append("  " + tr(N_("note: {note}", note=N_(
            "the draft has tracked changes not yet accepted; it was checked as if they were all accepted"))))
    for note in report.notes:
        lines.append("  " + tr(N_("note: {note}", note=note)))

    many = len(set(report.sources)) > 1
    groups: dict[tuple, list[Finding]] = {}
    for v in report.versions:
        groups.setdefault((v.source if many else None, v.lang), [])
    for f in report.findings:
        groups.setdefault(_group_key(f, many), []).append(f)
    for (source, code), findings in sorted(groups.items(), key=lambda kv: kv[0][1] is None):
        if not findings:
            continue
        lines += ["", paint(tr(N_("Findings: {title}", title=_version_title(code, source))), BOLD)]
        for f in findings:
            lines += _finding_lines(f, color, lang, paint)

    for v in report.versions:
        lines += _translation_lines(v, many, paint, lang)

    if show_editorial:
        for v in report.versions:
            if v.editorial:
                lines += ["", paint(tr(N_("Editorial differences ignored: {language}",
                                          language=language(v.lang))), BOLD)]
                lines += [f"  - {tr(e)}" for e in v.editorial]

    if report.versions:
        lines += ["", paint(tr(N_("Values found")), BOLD)]
        none = translate(N_("none"), lang)
        for v in report.versions:
            head = N_("{lang} ({instrument}, exact form):", lang=v.lang, instrument=(v.instrument or "?").upper()) \
                if v.exact else f"{v.lang} ({(v.instrument or '?').upper()}):"
            items = [f"{slot_key(k, lang)}={translate(describe_value(val), lang)}"
                     for k, val in (v.values or {}).items() if k != "instrument"]
            lines.append(f"  {tr(head)} " + safe("; ".join(items) or none))

    counts = Counter(f.route for f in report.findings)
    total = len(report.findings)
    summary = N_("{total} finding: {counts}", total=total, counts=_counts(counts)) if total == 1 else \
        N_("{total} findings: {counts}", total=total, counts=_counts(counts))
    lines += ["", tr(summary)]
    return "\n".join(lines) + "\n"


def _counts(counts: Counter) -> Joined:
    """The findings per route for the summary: "standard 0, ministries 1, ..."."""
    return Joined([Joined([ROUTE_NAMES[route], f" {counts.get(route, 0)}"], "") for route in ROUTES])


def _version_title(code: str | None, source: str | None) -> Message:
    """A group of findings: "Thai (th) version [of file]", or all versions."""
    if not code:
        return N_("all versions of {source}", source=source) if source else language(code)
    if source:
        return N_("{language} version of {source}", language=language(code), source=source)
    return N_("{language} version", language=language(code))


def _translation_lines(version, many: bool, paint, lang: str = "en") -> list[str]:
    """How a version other than English was judged: an accepted text, or its translation
    check clause by clause (verdict, what is missing, what is added)."""
    def tr(text) -> str:
        return safe(translate(text, lang))

    title = N_("{language} of {source}", language=language(version.lang), source=version.source) \
        if many else language(version.lang)
    if version.accepted:
        return ["", paint(tr(N_("Translation: {title}", title=title)), BOLD),
                "  " + tr(N_("the version is {accepted}, word for word", accepted=version.accepted))]
    if version.translation is None:
        return []
    lines = ["", paint(tr(N_("Translation check: {title}, clause by clause against the English",
                             title=title)), BOLD)]
    for row in version.translation:
        detail = []
        if row["units_missing"] or row["values_missing"]:
            detail.append(N_("missing: {what}", what=Joined(unit_words(row["units_missing"])
                                                            + row["values_missing"])))
        if row["added"]:
            detail.append(N_("added: {what}", what=" … ".join(repr(a) for a in row["added"])))
        label = tr(clause_label(row))
        shown = f"  {label:16} {safe(row_verdict(row, lang))}"
        lines.append(shown + (f" · {tr(Joined(detail, '; '))}" if detail else ""))
        lines += [f"  {'':16} {tr(note)}" for note in row["notes"]]
    return lines


def _finding_lines(f: Finding, color: bool, lang: str, paint) -> list[str]:
    def tr(text) -> str:
        return safe(translate(text, lang))

    route = f.route if f.route in ROUTES else "standard"
    head = " · ".join(x for x in (safe(f.code), paint(safe(named(ROUTE_NAMES, f.route, lang)), ROUTE_COLORS[route]),
                                  tr(where(f)), safe(named(KIND_NAMES, f.kind, lang))) if x)
    lines = [f"  {head}"]
    lines += _wrap_lines("", translate(f.message or "", lang), "    ")
    if f.diff and not all(op.op == "equal" for op in f.diff):
        lines += _wrap_lines(translate(N_("diff (form -> draft):"), lang),
                             format_diff(f.diff, color=color, lang=f.lang), "    ", cleaned=True)
    elif f.draft and f.kind in ("rule", "variant"):
        lines += _wrap_lines(translate(N_("draft:"), lang), f.draft, "    ")
    if f.values:
        values = "; ".join(f"{safe(value_key(k, lang))}: {tr(v)}" for k, v in f.values.items())
        lines.append("    " + tr(N_("values: {values}", values=values)))
    rationale = (f.rationale_th or f.rationale) if lang == "th" else (f.rationale or f.rationale_th)
    if rationale:
        lines += _wrap_lines(translate(N_("why:"), lang), rationale, "    ")
    return lines
