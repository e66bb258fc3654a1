"""What a check's results are called, in Thai or English: the words moukit's reports, its
command line and its workbench show, for programs that show results their own way.

>>> route_label("council_of_state", "en")
'REVIEW: COUNCIL OF STATE: review by the MOI, the MFA and the Office of the Council of State'
>>> language_label("zh", "th")
'จีน (zh)'
>>> ".pdf" in draft_suffixes()
True
"""

from __future__ import annotations

from .checking.codes import ROUTE_TITLES, ROUTES
from .checking.output import _common
from .i18n import translate

__all__ = ["ROUTES", "clause_label", "draft_suffixes", "language_label", "route_label", "row_verdict"]


def route_label(route: str, lang: str = "en", *, part: str = "both") -> str:
    """A verdict's banner (``route`` is ``"standard"``, ``"ministries"``,
    ``"council_of_state"`` or ``"not_permitted"``, as :data:`ROUTES` lists them): its
    ``"label"``, what it means (``"meaning"``) or ``"both"``.

    >>> route_label("ministries", "th", part="label")
    'ต้องเสนอพิจารณา: กระทรวง'
    >>> route_label("standard", "en", part="meaning")
    'standard form'
    """
    if part not in ("both", "label", "meaning"):
        raise ValueError(f"part must be 'both', 'label' or 'meaning', not {part!r}")
    label = translate(_common.ROUTE_LABELS[route], lang)
    meaning = translate(ROUTE_TITLES[route], lang)
    return {"label": label, "meaning": meaning}.get(part, f"{label}: {meaning}")


def language_label(code: str | None, lang: str = "en") -> str:
    """The name of a version's language (an ISO 639-1 code) in ``lang``."""
    return translate(_common.language(code), lang)


def clause_label(row: dict, lang: str = "en") -> str:
    """Where a row of a translation table is: the clause's number or part (``"Clause 3"``)."""
    return translate(_common.clause_label(row), lang)


def row_verdict(row: dict, lang: str = "en") -> str:
    """What the translation check found for a row of a translation table (``"same"``,
    ``"worded differently"``, ``"meaning missing"``...), in ``lang``."""
    return _common.row_verdict(row, lang)


def draft_suffixes() -> tuple[str, ...]:
    """The file name suffixes of the drafts moukit reads (``.docx``, ``.pdf``, ``.odt``, ...)."""
    from .checking.readers import READERS

    return tuple(suffix for reader in READERS for suffix in reader.suffixes)
