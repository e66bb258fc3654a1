"""Warnings carried in a result: things that are accepted but need the ministries' attention."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import LoiSpec, MouSpec


@dataclass(frozen=True)
class Notice:
    """A warning about a spec: a stable code, a message and the spec path it concerns."""

    code: str
    message: str
    path: str = ""

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.code} {self.path}: {self.message}" if self.path else f"{self.code}: {self.message}"


def spec_notices(spec: LoiSpec | MouSpec) -> tuple[Notice, ...]:
    """The warnings a valid spec carries (non-province party, lower-level partner, variants)."""
    from ..forms import vocabulary
    from ..text.chars import ZERO_WIDTH_CHAR
    from .models import Custom
    from .provinces import find_province

    out = []
    province = find_province(spec.thai_party.province)
    if province is not None and not province.is_province:
        out.append(Notice(
            "MK-W001",
            f"{province.name_en} is not a province: the guideline reserves sister-city relations "
            "to provinces; expect the MOI and the MFA to question it",
            "thai_party.province",
        ))
    if vocabulary()["partner_levels"].get(spec.partner.level) == "lower":
        out.append(Notice(
            "MK-W002",
            f"the partner's level ({spec.partner.level.replace('_', ' ')}) is below a Thai province: "
            "an exception from the MOI and the MFA is needed",
            "partner.level",
        ))
    for path, text in _texts(spec.model_dump(mode="json")):
        if ZERO_WIDTH_CHAR.search(text):
            out.append(Notice(
                "MK-W004",
                "contains an invisible zero-width character; keep it only where it is meant "
                "(a word-break hint in Thai), otherwise remove it",
                path,
            ))
    for name in ("relationship", "title"):
        if isinstance(getattr(spec, name, None), Custom):
            out.append(Notice(
                "MK-W003",
                f"the {name} is not one of the form's listed names: accepted under the form's "
                "'etc.' but reported as a variant, review by the MOI and the MFA",
                name,
            ))
    return tuple(out)


def _texts(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (dotted path, text) in the spec's data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, f"{path}[{i}]")
    elif isinstance(data, str):
        yield path, data
