"""What the terminal and the HTML report share: the verdict labels, where a finding is, the
name of a version's language, how the words of a diff are joined, and the rows of a
translation check."""

from __future__ import annotations

from ...text.chars import UNSAFE_CHAR
from ..report import Finding

ROUTE_LABELS = {"standard": "STANDARD FORM", "ministries": "REVIEW: MINISTRIES",
                "council_of_state": "REVIEW: COUNCIL OF STATE", "not_permitted": "NOT PERMITTED"}


def safe(text) -> str:
    """Text fit for a terminal: control characters (escape sequences, bidi overrides) replaced."""
    return UNSAFE_CHAR.sub("\ufffd", "" if text is None else str(text))


def language(code: str | None) -> str:
    """A version's language for a heading: "Thai (th)", "all versions" for none."""
    if not code:
        return "all versions"
    from babel import Locale

    return f"{Locale('en').languages.get(code, code)} ({code})"


def where(f: Finding) -> str:
    """Where a finding is: "clause 3 (c3)", "clause sign_thai", or nothing."""
    if f.clause_number and f.clause_id:
        return f"clause {f.clause_number} ({f.clause_id})"
    if f.clause_number:
        return f"clause {f.clause_number}"
    if f.clause_id:
        return f"clause {f.clause_id}"
    return ""


def join(pieces: list[tuple[str, str]], lang: str | None) -> str:
    """Join (plain text, shown text) pieces of a diff: no space in scripts written without
    spaces, nor before closing punctuation or after an opening bracket."""
    out = ""
    previous = ""
    for plain, shown in pieces:
        if not plain:
            continue
        if out and lang not in ("th", "zh", "ja", "my") and plain[0] not in ",.;:)]!?%" \
                and previous[-1:] not in "([":
            out += " "
        out += shown
        previous = plain
    return out


def unit_words(units: list[str]) -> list[str]:
    """Meaning units as the English form's words: ``"the modalities"``."""
    from ...forms import meaning_units
    from ..translation import gloss_of

    gloss = meaning_units()
    return [gloss_of(gloss, unit) for unit in units]


def clause_label(row: dict) -> str:
    """A translation row's clause: "clause 3" or the clause id."""
    return f"clause {row['clause_number']}" if row.get("clause_number") else str(row["clause_id"])


def row_verdict(row: dict) -> str:
    """A translation row's verdict, with the accepted text it is."""
    if row.get("accepted"):
        return f"{row['verdict']} ({row['accepted']})"
    return str(row["verdict"])
