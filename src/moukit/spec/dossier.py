"""The spec's dossier sections: what the approval dossier needs beyond the agreement.

All optional in a spec (an agreement renders without them): the issuing ``office``, the
``addressees`` of its letters, the ``letters`` (number and date of each), the
``partner_background``, the strategic ``plan`` and the annual ``report``. They are validated
with the rest of the spec, so every error is located (file, line, YAML path): totals add up
where a total is given, fiscal years are Thai fiscal years (B.E., a Gregorian year gets a
did-you-mean), every activity names a responsible agency, a report names planned activities.

The listed values (budget sources, bands, statuses) are data:
``moukit/forms/dossier/vocabulary.yaml``.

>>> budget_band(100_000), budget_band(100_001), budget_band(2_000_000)
(0, 1, 3)
>>> fiscal_year_of(__import__("datetime").date(2026, 10, 1))
2570
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from .._yaml import load_yaml
from ..i18n import N_
from ..text.formatting import BE_OFFSET, to_arabic_digits

MAX_ITEMS = 200  # activities, contacts, problems...: a dossier lists tens at most


def no_items() -> list:
    """An empty list: the default factory of the spec's list fields. A Python function rather
    than ``list``: pydantic reads a default factory's signature, and reading the builtin's
    (from its text signature, with the tokenizer) cost 3 ms of every command's start."""
    return []


@cache
def dossier_vocabulary() -> dict:
    """The dossier's listed values (``forms/dossier/vocabulary.yaml``)."""
    text = resources.files("moukit.forms").joinpath("dossier/vocabulary.yaml").read_text("utf-8")
    return load_yaml(text)


def budget_band(amount: float) -> int:
    """The index of the ministry's budget band of ``amount`` baht (0: under 100,000)."""
    bands = dossier_vocabulary()["budget_bands"]
    for i, band in enumerate(bands):
        if band["upto"] is None or amount <= band["upto"]:
            return i
    return len(bands) - 1


def fiscal_year_of(day: dt.date) -> int:
    """The Thai fiscal year (B.E.) of ``day``: the year from 1 October to 30 September is
    named by the year it ends in."""
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def _plain_text(value: str) -> str:
    from .models import _plain_text as plain  # the spec's own rule (imported late: no cycle)

    return plain(value)


def _refusal(message, hint=None):
    from .models import refusal

    return refusal(message, hint)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
                 AfterValidator(_plain_text)]
# a text in Thai, or in Thai and other languages (English for the working translations)
Words = Union[Text, dict[Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")], Text]]


def words_in(value: Any, lang: str) -> str | None:
    """The ``lang`` text of a :data:`Words` value (a bare text is Thai), None when not given."""
    if isinstance(value, str):
        return value if lang == "th" else None
    return value.get(lang) if isinstance(value, dict) else None


def _number(value: Any) -> Any:
    """A number written with Thai digits or thousands separators (``๑๕๐,๐๐๐``) as a number."""
    if isinstance(value, str):
        text = to_arabic_digits(value).replace(",", "").replace(" ", "")
        try:
            return float(text) if "." in text else int(text)
        except ValueError:
            return value
    return value


Baht = Annotated[float, BeforeValidator(_number), Field(ge=0, le=1e12)]


def _fiscal_year(value: Any) -> Any:
    value = _number(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    if 1900 <= value <= 2200:
        raise _refusal(N_("{year} is a year of the Common Era: a Thai fiscal year is a Buddhist-Era year",
                          year=value),
                       N_("did you mean {be}? (fiscal year {be} runs from 1 October {start} to "
                          "30 September {end})", be=value + BE_OFFSET, start=value - 1, end=value))
    if not 2400 <= value <= 2800:
        raise _refusal(N_("{year} is not a Thai fiscal year", year=value),
                       N_("write the Buddhist-Era year, e.g. {example}",
                          example=fiscal_year_of(dt.date.today())))
    return value


FiscalYear = Annotated[int, BeforeValidator(_fiscal_year),
                       Field(description="Thai fiscal year, B.E. (1 October to 30 September), e.g. 2570")]

if TYPE_CHECKING:
    BudgetSource = str
    Status = str
else:
    BudgetSource = Literal[tuple(dossier_vocabulary()["budget_sources"])]
    Status = Literal[tuple(dossier_vocabulary()["statuses"])]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _totals_add_up(total: float | None, items: list, amount_of, what: str) -> float | None:
    """``total`` when it equals the sum of the items' amounts; a refusal otherwise."""
    if total is None:
        return total
    summed = sum(amount_of(item) for item in items)
    if abs(summed - total) > 0.005:
        raise _refusal(N_("the total {total} is not the sum of the {what} ({sum})",
                          total=f"{total:,.2f}", what=what, sum=f"{summed:,.2f}"),
                       N_("correct the total to {sum}, or the amounts", sum=f"{summed:,.2f}"))
    return total


class Office(_Section):
    """The office that issues the letters: the province's office (สำนักงานจังหวัด)."""

    name: Text = Field(description="The issuing office, e.g. ศาลากลางจังหวัดเชียงใหม่")
    address: Text = Field(description="Its postal address")
    letter_prefix: Text = Field(description='The letter-number prefix, e.g. "ชม ๐๐๑๗.๓/"')
    unit: Text | None = Field(default=None, description="The office that owns the matter "
                                                        "(ส่วนราชการเจ้าของเรื่อง); default: name")
    telephone: Text
    email: Text = Field(description="e-mail address")

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        local, at, domain = value.partition("@")
        if not (at and local and "." in domain):
            raise _refusal(N_("'{value}' is not an e-mail address", value=value),
                           N_("write it as name@example.go.th"))
        return value


class Addressee(_Section):
    """Who a letter is addressed to (เรียน ...)."""

    key: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,30}$")] = Field(
        description="A short name for the file names, e.g. moi, mfa")
    position: Text = Field(description="The addressee's position, e.g. ปลัดกระทรวงมหาดไทย")
    organisation: Text | None = None


class Letter(_Section):
    """A letter's number (the running part after the prefix) and date, when known."""

    number: Text | None = None
    date: dt.date | None = None
    reference: Text | None = Field(default=None, description="อ้างถึง: a previous letter")


class Letters(_Section):
    """The number and date of each letter of the dossier (left blank when not given, as a
    letter is numbered and dated when it is registered)."""

    request: Letter | None = None
    submission: Letter | None = None


class PartnerBackground(_Section):
    """Why this partner: its level, existing contacts and the reasons (step 1 and 3)."""

    level_reason: Words | None = Field(default=None, description="Why the partner's level is "
                                                                 "equal to or higher than a province")
    exception: Words | None = Field(default=None, description="For a lower-level partner: why "
                                                              "the MOI and MFA should make an exception")
    contacts: list[Words] = Field(default_factory=no_items, max_length=MAX_ITEMS,
                                  description="Existing contacts with the partner")
    reasons: list[Words] = Field(default_factory=no_items, max_length=MAX_ITEMS,
                                 description="Why this partner")


class Budget(_Section):
    """An activity's budget: amount in baht and source (the ministry's list)."""

    amount: Baht
    source: BudgetSource

    @property
    def band(self) -> int:
        """The index of its budget band."""
        return budget_band(self.amount)


class Activity(_Section):
    """One activity of the strategic plan."""

    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$")] = Field(
        description="A short id the annual report refers to, e.g. a1")
    name: Words
    objective: Words
    indicator: Words = Field(description="The indicator and its target (KPI)")
    budget: Budget
    responsible: Words = Field(description="The responsible agency")
    fiscal_year: FiscalYear
    quarter: Annotated[int, BeforeValidator(_number), Field(ge=1, le=4,
                       description="Quarter of the fiscal year: 1 is October to December")]


class Person(_Section):
    """Personnel assigned to the relationship."""

    position: Words
    role: Words


class Plan(_Section):
    """The strategic plan submitted before signing (step 5)."""

    goal: Words
    objectives: list[Words] = Field(default_factory=no_items, max_length=MAX_ITEMS)
    activities: list[Activity] = Field(min_length=1, max_length=MAX_ITEMS)
    total: Baht | None = Field(default=None, description="The plan's total budget (checked)")
    personnel: list[Person] = Field(default_factory=no_items, max_length=MAX_ITEMS)
    expected_benefits: list[Words] = Field(default_factory=no_items, max_length=MAX_ITEMS)
    evaluation: list[Words] = Field(default_factory=no_items, max_length=MAX_ITEMS)

    @field_validator("activities")
    @classmethod
    def _ids_unique(cls, value: list[Activity]) -> list[Activity]:
        seen = set()
        for activity in value:
            if activity.id in seen:
                raise _refusal(N_("activity id {id} is used twice", id=activity.id),
                               N_("give each activity its own id"))
            seen.add(activity.id)
        return value

    @field_validator("total")
    @classmethod
    def _total(cls, value: float | None, info: ValidationInfo) -> float | None:
        if "activities" not in info.data:  # the activities are wrong: that error is enough
            return value
        return _totals_add_up(value, info.data.get("activities") or [], lambda a: a.budget.amount,
                              N_("activities' budgets"))

    @property
    def budget_total(self) -> float:
        """The sum of the activities' budgets."""
        return sum(a.budget.amount for a in self.activities)

    @property
    def fiscal_years(self) -> list[int]:
        """The fiscal years the activities fall in, in order."""
        return sorted({a.fiscal_year for a in self.activities})


class ActivityResult(_Section):
    """What became of one planned activity in the report's year."""

    activity: str = Field(description="The id of the planned activity")
    done: Words = Field(description="What was done, and when")
    indicator_reached: Words
    spent: Baht


class UnplannedActivity(_Section):
    """An activity done under the relationship that the plan did not list (also by local
    organisations under its umbrella)."""

    name: Words
    result: Words
    by: Words | None = None
    spent: Baht = 0


class Report(_Section):
    """The annual report for one Thai fiscal year (step 8)."""

    fiscal_year: FiscalYear
    activities: list[ActivityResult] = Field(default_factory=no_items, max_length=MAX_ITEMS)
    unplanned: list[UnplannedActivity] = Field(default_factory=no_items, max_length=MAX_ITEMS)
    total_spent: Baht | None = None
    problems: list[Words] = Field(default_factory=no_items, max_length=MAX_ITEMS)
    suggestions: list[Words] = Field(default_factory=no_items, max_length=MAX_ITEMS)
    status: Status = Field(description="The relationship's status, from the ministry's questionnaire")

    @field_validator("total_spent")
    @classmethod
    def _total(cls, value: float | None, info: ValidationInfo) -> float | None:
        if "activities" not in info.data or "unplanned" not in info.data:
            return value
        items = [a.spent for a in info.data.get("activities") or []]
        items += [u.spent for u in info.data.get("unplanned") or []]
        return _totals_add_up(value, items, float, N_("amounts spent"))

    @property
    def spent(self) -> float:
        """The money spent in the year, planned and unplanned activities."""
        return sum(a.spent for a in self.activities) + sum(u.spent for u in self.unplanned)


class DossierSections(BaseModel):
    """The spec's optional dossier sections (a base of the spec models)."""

    # excluded from the spec's dump: the agreement (and its fingerprint) does not depend on them
    office: Office | None = Field(default=None, exclude=True)
    addressees: list[Addressee] | None = Field(default=None, min_length=1, max_length=10, exclude=True)
    letters: Letters | None = Field(default=None, exclude=True)
    partner_background: PartnerBackground | None = Field(default=None, exclude=True)
    plan: Plan | None = Field(default=None, exclude=True)
    report: Report | None = Field(default=None, exclude=True)

    @property
    def letter_data(self) -> Letters:
        """The letters' numbers and dates (all blank when the spec gives none)."""
        return self.letters or Letters()

    def dossier_dump(self) -> dict:
        """The dossier sections as JSON-ready data (what the dossier's fingerprint hashes)."""
        def dump(value: Any) -> Any:
            if isinstance(value, list):
                return [dump(item) for item in value]
            return value.model_dump(mode="json") if isinstance(value, BaseModel) else value

        return {name: dump(getattr(self, name)) for name in DossierSections.model_fields}

    @field_validator("report")
    @classmethod
    def _report_names_planned(cls, value: Report | None, info: ValidationInfo) -> Report | None:
        if value is None or "plan" not in info.data:  # no report, or a plan with errors
            return value
        plan = info.data.get("plan")
        known = [a.id for a in plan.activities] if plan else []
        for result in value.activities:
            if result.activity not in known:
                import difflib

                close = difflib.get_close_matches(result.activity, known, n=1)
                raise _refusal(
                    N_("report.activities names {id}, which is not an activity of the plan",
                       id=result.activity),
                    N_("did you mean {id}?", id=close[0]) if close else
                    N_("name a plan activity's id, or list it under report.unplanned"))
        return value
