"""The review routes and the finding codes the check makes itself: one table.

Routes, from least to most serious:

- ``standard``: only listed alternatives and filled blanks; no review beyond the usual.
- ``ministries``: a variant the form tolerates, a partner below province level, or the
  language versions disagree (a translation that leaves out or adds to what the English
  says): review by the Ministry of Interior and the MFA.
- ``council_of_state``: any other change of wording, an added or a removed clause: review by
  the MOI, the MFA **and** the Office of the Council of State (months).
- ``not_permitted``: content beyond a province's authority: must be removed before signing.

Exit codes of ``moukit check``: 0 standard form, 1 review needed, 3 not permitted (2 is bad
input or usage). Each code of :data:`CODES` carries its route, kind, meaning and the
rationale a Thai official reads; rule packs bring codes of their own and may not reuse
these (:func:`moukit.checking.rules.load_rules`).

>>> CODES["MK-C001"].route
'council_of_state'
>>> worst(["ministries", "standard"])
'ministries'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..i18n import N_, translate

ROUTES = ("standard", "ministries", "council_of_state", "not_permitted")
ROUTE_TITLES: dict[str, str] = {
    "standard": N_("standard form"),
    "ministries": N_("review by the Ministry of Interior and the Ministry of Foreign Affairs"),
    "council_of_state": N_("review by the MOI, the MFA and the Office of the Council of State"),
    "not_permitted": N_("not permitted for a province"),
}


class _InThai(Mapping):
    """A mapping's values in Thai, from the catalog (``ROUTE_TITLES_TH``)."""

    def __init__(self, english: Mapping[str, str]):
        self._english = english

    def __getitem__(self, key: str) -> str:
        return translate(self._english[key], "th")

    def __iter__(self) -> Iterator[str]:
        return iter(self._english)

    def __len__(self) -> int:
        return len(self._english)


ROUTE_TITLES_TH: Mapping[str, str] = _InThai(ROUTE_TITLES)
EXIT_CODES = {"standard": 0, "ministries": 1, "council_of_state": 1, "not_permitted": 3}


def worst(routes) -> str:
    """The most serious of ``routes`` (``standard`` when empty)."""
    return max(routes, key=ROUTES.index, default="standard")


@dataclass(frozen=True)
class Code:
    """A finding code the check itself makes (rule packs bring their own codes): its route,
    kind, meaning and the rationale a Thai official reads, in English and Thai."""

    code: str
    route: str
    kind: str
    meaning: str
    rationale: str  # a Message: its Thai is in the catalog

    @property
    def rationale_th(self) -> str:
        """The rationale in Thai (from the catalog)."""
        return translate(self.rationale, "th")


_VALUES = N_("The same value is written differently in different places. Every place must"
             " name the same party, date, term and fields; the MOI checks this and "
             "returns drafts that disagree.")
_VARIANT = N_("A name the form tolerates under its 'etc.' but does not list: accepted, "
              "but the MOI and the MFA review it.")

CODES: dict[str, Code] = {c.code: c for c in (
    Code("MK-C001", "council_of_state", "changed",
         "the wording of a clause of the form was changed",
         N_("The wording of the standard form was changed. Any adjustment of the form "
            "must be approved by the MOI, the MFA and the Office of the Council of State "
            "before signing.")),
    Code("MK-C002", "council_of_state", "added",
         "text that is not in the form was added",
         N_("A clause that is not in the standard form was added: an adjustment of the "
            "form, for the MOI, the MFA and the Office of the Council of State.")),
    Code("MK-C003", "council_of_state", "removed",
         "a clause of the form is missing",
         N_("A clause of the standard form was removed: an adjustment of the form, for "
            "the MOI, the MFA and the Office of the Council of State.")),
    Code("MK-C004", "council_of_state", "moved",
         "a clause of the form was moved",
         N_("A clause of the standard form was moved: the order of the form is part of "
            "the form.")),
    Code("MK-M001", "ministries", "value_mismatch",
         "within one version, a name or value is written differently in different places",
         _VALUES),
    Code("MK-V001", "ministries", "variant",
         "the relationship name is not one the form lists",
         _VARIANT),
    Code("MK-V002", "ministries", "variant",
         "the title is not one the form lists",
         _VARIANT),
    Code("MK-X001", "ministries", "value_mismatch",
         "the language versions disagree on a value",
         N_("All language versions must say the same thing: the same parties, fields, "
            "term and date. The MOI checks every version against the others.")),
    Code("MK-X002", "council_of_state", "value_mismatch",
         "the language versions do not carry the same clauses",
         N_("A clause present in one language version and not in another changes what is "
            "signed; every version must have the same clauses in the same order.")),
    Code("MK-T001", "ministries", "translation",
         "a language version leaves out something the English says",
         N_("The form is in English; every other version is its translation and must say "
            "everything the English version says: the same meanings, parties, date, term "
            "and fields. The translation must be corrected (or, if the change is meant, "
            "the form was adjusted and the English must say it too). The MOI checks every"
            " version against the English.")),
    Code("MK-T002", "ministries", "translation",
         "a language version says more than the English",
         N_("A translation may word a clause in its own way but may not add to it: words "
            "that carry a meaning the English version does not have make the versions "
            "disagree. Correct the translation, or, if the addition is meant, add it to "
            "the English too (an adjustment of the form).")),
    Code("MK-T003", "standard", "translation",
         "a language version is worded differently from moukit's translation and says the same",
         N_("Every meaning of the English version is there, nothing is added and the "
            "values agree: a faithful translation in other words is not an adjustment of "
            "the form. Listed for the ministry's translator, who reads every version "
            "against the English.")),
    Code("MK-T004", "ministries", "translation",
         "a clause of the English version is missing in a language version",
         N_("Every language version must have every clause of the English version, in the"
            " same order: the missing clause must be translated, or, if it was meant to "
            "go, removed from the English too (an adjustment of the form).")),
    Code("MK-T005", "ministries", "translation",
         "a language version has a paragraph the English does not have",
         N_("A paragraph in one language version only changes what is signed in that "
            "language: remove it, or, if it is meant, add it to the English too (an "
            "adjustment of the form).")),
    Code("MK-S001", "ministries", "value_mismatch",
         "a value of the draft differs from the spec",
         N_("The draft no longer says what was agreed in the spec (names, date, fields, "
            "term).")),
    Code("MK-S002", "council_of_state", "value_mismatch",
         "the draft is a different instrument (LOI/MOU) from the spec",
         N_("An MOU was expected and an LOI was found, or the reverse: the whole text "
            "departs from the form that was agreed.")),
    Code("MK-W001", "ministries", "notice",
         "the Thai party is not a province",
         N_("The guideline reserves sister-city relations to provinces; the MOI and the "
            "MFA will question another kind of party (for example Bangkok).")),
    Code("MK-W002", "ministries", "notice",
         "the partner is below the level of a Thai province",
         N_("A partner must be of equal or higher administrative level; a lower-level "
            "partner needs an exception from the MOI and the MFA and is usually refused.")),
)}
