"""Is a draft an LOI or MOU of the form at all? A press release about a signing, a cover memo,
a contract or a title alone is not a draft of the form, and routing it would be meaningless:
it gets :class:`moukit.NotTheForm` (exit 2), saying how much of the form was found.

A version holds a clause of the form when the clause is there word for word, changed but
mostly still the form's words (English), or, in a translation, saying at least half of the
clause's meaning units. A draft is the form when one of its versions holds at least half of
the form's clauses.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import NotTheForm
from ..forms import get_form
from ..i18n import N_

MIN_SHARE = 0.5  # of the form's clauses, in the best version
MIN_SIMILAR = 0.5  # of a changed clause's words still the form's


@dataclass(frozen=True)
class Recognition:
    """How much of the form one version holds."""

    lang: str
    instrument: str | None
    found: int
    clauses: int

    @property
    def share(self) -> float:
        """The share of the form's clauses found (0.0 to 1.0)."""
        return self.found / self.clauses if self.clauses else 0.0


def recognise(analysis) -> Recognition:
    """How many of the form's clauses the analysed version holds."""
    result = analysis.result
    if analysis.translation is not None:
        rows = analysis.translation
        found = sum(1 for row in rows if row.text and _says_enough(row))
        return Recognition(result.lang, result.instrument, found, len(rows))
    status = analysis.clause_status
    if not status:  # word for word the form (or an accepted text)
        return Recognition(result.lang, result.instrument, 1, 1)
    changed = {f.clause_id: f for f in result.findings
               if f.kind in ("changed", "moved") and f.clause_id and f.diff}
    found = sum(1 for clause_id, state in status.items()
                if state == "equal" or (clause_id in changed and _similar(changed[clause_id])))
    return Recognition(result.lang, result.instrument, found, len(status))


def _says_enough(row) -> bool:
    """A translated clause that says at least half of its meaning units (or has none)."""
    found, missing = len(row.units_found), len(row.units_missing)
    return found + missing == 0 or found >= missing


def _similar(finding) -> bool:
    """A changed clause whose words are still mostly the form's."""
    same = sum(len(op.text) for op in finding.diff if op.op == "equal")
    form = same + sum(len(op.text) for op in finding.diff if op.op == "delete")
    return bool(form) and same / form >= MIN_SIMILAR


def require_the_form(name: str, analyses: list) -> None:
    """Raise :class:`NotTheForm` when no version of the draft ``name`` holds enough of the form."""
    if not analyses:
        return
    best = max((recognise(a) for a in analyses), key=lambda r: r.share)
    if best.share >= MIN_SHARE:
        return
    from .translation import language_name

    title = get_form(best.instrument).name if best.instrument else N_("LOI or MOU")
    raise NotTheForm(
        name, N_("not a Letter of Intent or Memorandum of Understanding of the form: at most "
                 "{found} of the {clauses} clauses of the {title} were found (in the {language} "
                 "text), so there is nothing to route", found=best.found, clauses=best.clauses,
                 title=title, language=language_name(best.lang)),
        found=best.share,
        hint=N_("check that this is the agreement itself, not a letter, a memo or a press release "
                "about it; a draft rewritten from scratch must be compared with the form by hand"))
