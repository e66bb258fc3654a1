"""The checklist of the approval path's eight steps, computed from the spec and the check.

Each step is done or missing, with what shows it or what is missing, as catalog messages (the
checklist document shows them in Thai, ``moukit dossier --check`` in the interface's
language). A draft that departs from the standard form makes step 6 done but sends the
adjustments to the Office of the Council of State as well (``ocs_review``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..forms import vocabulary
from ..i18n import N_, Message

DONE, MISSING = "done", "missing"


@dataclass(frozen=True)
class Step:
    """One step of the path: its number, title, state and the notes that explain it."""

    number: int
    title: Message
    state: str  # done | missing
    notes: tuple[Message, ...] = field(default_factory=tuple)

    @property
    def done(self) -> bool:
        """Whether the step is done."""
        return self.state == DONE


class LevelName:
    """A partner level's label, shown in the language of the message it is part of."""

    def __init__(self, level: str) -> None:
        self.level = level

    def in_language(self, lang: str) -> str:
        """The label in ``lang`` (the id when the labels have none)."""
        from ..spec.labels import labels

        found = labels("level", self.level, lang if lang == "th" else "en")
        return found[0] if found else self.level

    def __str__(self) -> str:
        return self.in_language("en")


def adjustments(report) -> list:
    """The findings of a check that depart from the standard form (every route but standard)."""
    return [] if report is None else [f for f in report.findings if f.route != "standard"]


def ocs_review(report) -> bool:
    """Whether the check's adjustments must also go to the Office of the Council of State."""
    return bool(adjustments(report))


def _partner_step(spec) -> Step:
    title = N_("the partner is of equal or higher administrative level")
    lower = vocabulary()["partner_levels"].get(spec.partner.level) == "lower"
    background = spec.partner_background
    if not lower:
        return Step(1, title, DONE, (N_("the partner's level ({level}) is equal to a province's",
                                        level=LevelName(spec.partner.level)),))
    if background is not None and background.exception:
        return Step(1, title, DONE, (N_("the partner's level ({level}) is lower: the exception is "
                                        "asked for in the request", level=LevelName(spec.partner.level)),))
    return Step(1, title, MISSING, (N_("the partner's level ({level}) is lower: give "
                                       "partner_background.exception, why the ministries should make "
                                       "an exception", level=LevelName(spec.partner.level)),))


def _request_step(spec) -> Step:
    title = N_("the governor's request to the MOI and the MFA, with the partner background")
    missing = []
    if spec.office is None:
        missing.append(N_("the spec has no office (name, address, letter-number prefix, telephone, e-mail)"))
    if spec.partner_background is None or not spec.partner_background.reasons:
        missing.append(N_("the spec has no partner_background.reasons (why this partner)"))
    return Step(3, title, MISSING if missing else DONE, tuple(missing) or (N_("request letter written"),))


def _plan_step(spec) -> Step:
    title = N_("the strategic plan, before signing")
    plan = spec.plan
    if plan is None:
        return Step(5, title, MISSING, (N_("the spec has no plan"),))
    missing = []
    if not plan.personnel:
        missing.append(N_("the plan names no personnel (plan.personnel)"))
    if not plan.evaluation:
        missing.append(N_("the plan does not say how results are evaluated (plan.evaluation)"))
    if not plan.expected_benefits:
        missing.append(N_("the plan names no expected benefits (plan.expected_benefits)"))
    if missing:
        return Step(5, title, MISSING, tuple(missing))
    return Step(5, title, DONE, (N_("{count} activities, total budget {total} baht",
                                    count=len(plan.activities), total=f"{plan.budget_total:,.0f}"),))


def _draft_step(spec, report) -> Step:
    title = N_("the draft in Thai, English and the partner's language, checked against the standard form")
    if report is None:
        return Step(6, title, MISSING, (N_("no draft was checked: give --draft DRAFT"),))
    notes: list[Message] = []
    state = DONE
    found = {v.lang for v in report.versions}
    absent = [lang for lang in spec.languages if lang not in found]
    if absent:
        state = MISSING
        notes.append(N_("the draft lacks the version(s) in {languages}", languages=", ".join(absent)))
    if report.verdict == "not_permitted":
        state = MISSING
        notes.append(N_("the draft has content a province may not agree to: remove it before submitting"))
    elif ocs_review(report):
        notes.append(N_("{count} adjustment(s) to the standard form: the submission lists them and "
                        "also goes to the Office of the Council of State (OCS review)",
                        count=len(adjustments(report))))
    else:
        notes.append(N_("the draft is the standard form"))
    return Step(6, title, state, tuple(notes))


def _signing_step(spec) -> Step:
    title = N_("signing: the governor heads the delegation, the partner's signatory of equal rank")
    position = spec.signatories.thai.position.get("th", "")
    if position.startswith("ผู้ว่าราชการ"):
        return Step(7, title, DONE, (N_("the Thai signatory is the governor"),))
    return Step(7, title, MISSING, (N_("the Thai signatory's position is not the governor's: {position}",
                                       position=position),))


def _report_step(spec) -> Step:
    title = N_("the annual report to the MOI, every budget year")
    if spec.report is None:
        return Step(8, title, MISSING, (N_("the spec has no report (due after the first budget year)"),))
    return Step(8, title, DONE, (N_("report for fiscal year {year}", year=spec.report.fiscal_year),))


def checklist(spec, report=None) -> list[Step]:
    """The eight steps for ``spec``, with the check ``report`` of its draft (None: no draft)."""
    return [
        _partner_step(spec),
        Step(2, N_("the relationship is named as the guideline allows (sister, twin, friendship...)"), DONE,
             (N_("the spec names the relationship"),)),
        _request_step(spec),
        Step(4, N_("the instrument: a Letter of Intent first, or an MOU"), DONE,
             (N_("the spec is an {instrument}", instrument=spec.instrument.upper()),)),
        _plan_step(spec),
        _draft_step(spec, report),
        _signing_step(spec),
        _report_step(spec),
    ]


def missing(steps: list[Step]) -> list[Step]:
    """The steps not done."""
    return [s for s in steps if not s.done]
