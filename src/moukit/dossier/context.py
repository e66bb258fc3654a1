"""The template variables of the dossier's documents: the spec's values (and the check's)
worded in Thai, or in English for the working translations of the plan and the report.

The agreement's own slots (the parties' names, the relationship, the fields, the signing
date) come from :func:`moukit.rendering.context.build_context`, so the dossier names things
as the agreement does. A text the spec gives only in Thai is an error for the English
translation, listed with its path (never silent Thai in an English document).
"""

from __future__ import annotations

from ..errors import Problem, SpecError
from ..forms import vocabulary
from ..i18n import N_, translate
from ..packs.library import default_library
from ..spec.dossier import Letter, budget_band, dossier_vocabulary, words_in
from ..spec.labels import labels
from ..text.formatting import format_date

CELL = "\t"  # between the cells of a table row (a row is a line)


def _cell(text: object) -> str:
    """A value fit for a table cell: one line, no tab, never empty."""
    return " ".join(str(text).split()) or "-"


class Say:
    """Words the spec's texts in one language, collecting the texts it lacks."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.missing: list[Problem] = []

    def __call__(self, value, path: str) -> str:
        """The ``lang`` text of ``value`` (a spec :data:`~moukit.spec.dossier.Words`), one line."""
        if value is None:
            return ""
        text = words_in(value, self.lang)
        if text is None:
            self.missing.append(Problem(path, N_("missing the {lang} text", lang=self.lang),
                                        hint=N_("give both a th: and a {lang}: text", lang=self.lang)))
            return ""
        return " ".join(text.split())

    def all(self, values, path: str) -> list[str]:
        """Every value of a list, worded."""
        return [self(v, f"{path}[{i}]") for i, v in enumerate(values or [])]

    def done(self) -> None:
        """Raise :class:`SpecError` listing the texts missing in the language."""
        if self.missing:
            raise SpecError(self.missing)


def money(amount: float) -> str:
    """Baht as the documents write them: thousands separated, satang only when there are."""
    return f"{amount:,.2f}" if amount % 1 else f"{amount:,.0f}"


def _agreement(spec, lang: str) -> dict:
    from ..rendering.context import build_context, country_name

    pack = default_library().pack(lang)
    ctx = build_context(spec, pack)
    level = labels("level", spec.partner.level, lang)
    return {
        "thai_name": ctx["thai_name"], "partner_name": ctx["partner_name"],
        "relationship": ctx["relationship"], "fields": ctx.get("fields") or "",
        "country": country_name(spec.partner.country, pack),
        "level": level[0] if level else spec.partner.level,
        "level_equal": vocabulary()["partner_levels"].get(spec.partner.level) != "lower",
        "instrument": spec.instrument,
        "instrument_name": pack.lexicon.get("instrument_names", {}).get(spec.instrument)
        or {"loi": {"th": "หนังสือแสดงเจตจำนง", "en": "Letter of Intent"},
            "mou": {"th": "บันทึกความเข้าใจ", "en": "Memorandum of Understanding"}}[spec.instrument][lang],
        "signing_date": ctx["date"],
    }


def _date(day, lang: str = "th") -> str:
    lexicon = {"locale": "th", "calendar": "buddhist"} if lang == "th" else {"locale": "en_GB",
                                                                               "date_pattern": "d MMMM y"}
    return format_date(day, lexicon) if day else ""


def _office(spec) -> dict:
    office = spec.office
    if office is None:
        raise SpecError([Problem("office", N_("the dossier's letters need the issuing office"),
                                 hint=N_("add office: with name, address, letter_prefix, telephone, email"))])
    return {"name": office.name, "address": office.address, "prefix": office.letter_prefix,
            "unit": office.unit or office.name, "telephone": office.telephone, "email": office.email}


def addressees(spec) -> list[dict]:
    """Who the letters go to: the spec's addressees, else the MOI's and the MFA's permanent
    secretaries."""
    if spec.addressees:
        return [a.model_dump() for a in spec.addressees]
    return [dict(a) for a in dossier_vocabulary()["default_addressees"]]


def _letter(spec, which: str, addressee: dict) -> dict:
    letter = getattr(spec.letter_data, which) or Letter()
    signer = spec.signatories.thai
    return {
        "office": _office(spec), "addressee": addressee, "cell": CELL,
        "number": letter.number or "", "date": _date(letter.date), "reference": letter.reference or "",
        "signer": {"name": signer.name.get("th", ""), "position": signer.position.get("th", "")},
        **_agreement(spec, "th"),
    }


def request_context(spec, addressee: dict) -> dict:
    """The request letter's variables (Thai)."""
    say = Say("th")
    background = spec.partner_background
    ctx = {
        **_letter(spec, "request", addressee),
        "level_reason": say(background.level_reason, "partner_background.level_reason") if background else "",
        "exception": say(background.exception, "partner_background.exception") if background else "",
        "contacts": say.all(background.contacts, "partner_background.contacts") if background else [],
        "reasons": say.all(background.reasons, "partner_background.reasons") if background else [],
        "has_plan": spec.plan is not None,
    }
    say.done()
    return ctx


def submission_context(spec, addressee: dict, report) -> dict:
    """The submission letter's variables (Thai): the check's verdict, or its adjustments."""
    from .checklist import adjustments

    found = adjustments(report)
    rows = [CELL.join(_cell(x) for x in (f.clause_number or f.clause_id or "-", _language(f.lang),
                                          translate(f.message, "th")))
            for f in found]
    return {**_letter(spec, "submission", addressee), "checked": report is not None,
            "adjustments": rows, "cell": CELL,
            "verdict": translate(report.reason, "th") if report is not None else "",
            "languages": [_language(lang) for lang in spec.languages]}


def _language(lang: str | None) -> str:
    if not lang:
        return "-"
    from babel import Locale

    return "ภาษา" + (Locale("th").languages.get(lang) or lang)


def plan_context(spec, lang: str) -> dict:
    """The strategic plan's variables in ``lang``."""
    say = Say(lang)
    plan = spec.plan
    if plan is None:
        raise SpecError([Problem("plan", N_("the spec has no plan"),
                                 hint=N_("add plan: with goal and activities (see docs/dossier.md)"))])
    voc = dossier_vocabulary()
    rows = []
    for i, a in enumerate(plan.activities):
        where = f"plan.activities[{i}]"
        rows.append(CELL.join(_cell(x) for x in (
            str(i + 1), say(a.name, where + ".name"), say(a.objective, where + ".objective"),
            say(a.indicator, where + ".indicator"),
            f"{money(a.budget.amount)} ({voc['budget_sources'][a.budget.source][lang]})",
            say(a.responsible, where + ".responsible"),
            str(a.fiscal_year), str(a.quarter))))
    by_source: dict[str, float] = {}
    for a in plan.activities:
        by_source[a.budget.source] = by_source.get(a.budget.source, 0) + a.budget.amount
    ctx = {
        **_agreement(spec, lang), "cell": CELL,
        "goal": say(plan.goal, "plan.goal"), "objectives": say.all(plan.objectives, "plan.objectives"),
        "rows": rows,
        "sources": [CELL.join((_cell(voc["budget_sources"][s][lang]), money(v))) for s, v in by_source.items()],
        "total": money(plan.budget_total),
        "band": voc["budget_bands"][budget_band(plan.budget_total)][lang],
        "years": plan.fiscal_years,
        "personnel": [CELL.join((_cell(say(p.position, f"plan.personnel[{i}].position")),
                                 _cell(say(p.role, f"plan.personnel[{i}].role"))))
                      for i, p in enumerate(plan.personnel)],
        "benefits": say.all(plan.expected_benefits, "plan.expected_benefits"),
        "evaluation": say.all(plan.evaluation, "plan.evaluation"),
    }
    say.done()
    return ctx


def report_context(spec, lang: str) -> dict:
    """The annual report's variables in ``lang``."""
    say = Say(lang)
    report = spec.report
    if report is None:
        raise SpecError([Problem("report", N_("the spec has no report"),
                                 hint=N_("add report: with fiscal_year, activities and status "
                                         "(see docs/dossier.md)"))])
    planned = {a.id: a for a in spec.plan.activities} if spec.plan else {}
    results = {r.activity: (i, r) for i, r in enumerate(report.activities)}
    rows = []
    for n, a in enumerate(a for a in planned.values() if a.fiscal_year == report.fiscal_year or a.id in results):
        i, r = results.get(a.id, (None, None))
        where = f"report.activities[{i}]"
        rows.append(CELL.join(_cell(x) for x in (
            str(n + 1), say(a.name, f"plan.activities[{list(planned).index(a.id)}].name"),
            say(r.done, where + ".done") if r else "-",
            say(r.indicator_reached, where + ".indicator_reached") if r else "-",
            f"{money(r.spent)} / {money(a.budget.amount)}" if r else f"- / {money(a.budget.amount)}")))
    unplanned = [CELL.join(_cell(x) for x in (str(i + 1), say(u.name, f"report.unplanned[{i}].name"),
                                               say(u.by, f"report.unplanned[{i}].by") or "-",
                                               say(u.result, f"report.unplanned[{i}].result"), money(u.spent)))
                 for i, u in enumerate(report.unplanned)]
    ctx = {
        **_agreement(spec, lang), "cell": CELL, "year": report.fiscal_year,
        "year_start": report.fiscal_year - 544, "year_end": report.fiscal_year - 543,
        "rows": rows, "unplanned": unplanned, "spent": money(report.spent),
        "band": dossier_vocabulary()["budget_bands"][budget_band(report.spent)][lang],
        "problems": say.all(report.problems, "report.problems"),
        "suggestions": say.all(report.suggestions, "report.suggestions"),
        "status": dossier_vocabulary()["statuses"][report.status][lang],
        "status_th": dossier_vocabulary()["statuses"][report.status]["th"],
    }
    say.done()
    return ctx


def checklist_context(spec, steps) -> dict:
    """The checklist's variables (Thai): each step's state and notes in Thai."""
    rows = [{"number": s.number, "title": _cell(translate(s.title, "th")), "done": s.done,
             "notes": _cell(" ".join(translate(n, "th") for n in s.notes))} for s in steps]
    return {**_agreement(spec, "th"), "cell": CELL, "steps": rows,
            "missing": [str(s.number) for s in steps if not s.done]}


def index_context(spec, entries: list[tuple[str, str, str]]) -> dict:
    """The table of contents' variables: (file, step, title) of every document written."""
    return {**_agreement(spec, "th"), "cell": CELL,
            "rows": [CELL.join((str(i + 1), _cell(title), step, name))
                     for i, (name, step, title) in enumerate(entries)]}
