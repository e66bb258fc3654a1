"""Warnings carried in a result: things that are accepted but need the ministries' attention,
and values moukit read from another form than the one a spec stores (a Thai date, a name)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import LoiSpec, MouSpec

from ..i18n import N_, translate


@dataclass(frozen=True)
class Notice:
    """A warning about a spec: a stable code, a message and the spec path it concerns."""

    code: str
    message: str
    path: str = ""

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {**asdict(self), "message": str(self.message)}

    def in_language(self, lang: str) -> str:
        """The notice in ``lang`` (``en`` or ``th``): code, path and message."""
        message = translate(self.message, lang)
        return f"{self.code} {self.path}: {message}" if self.path else f"{self.code}: {message}"

    def __str__(self) -> str:
        return self.in_language("en")


def current_date() -> dt.date:
    """Today's date (tests replace this function to fix the day)."""
    return dt.date.today()


def spec_notices(spec: LoiSpec | MouSpec, today: dt.date | None = None) -> tuple[Notice, ...]:
    """The warnings a valid spec carries: a non-province party, a lower-level partner, invisible
    characters, custom wordings, the values read from another form, and a signing date far from
    ``today`` (default: the real day)."""
    from ..forms import vocabulary
    from ..text.chars import ZERO_WIDTH_CHAR
    from .models import Custom
    from .provinces import find_province

    out = []
    province = find_province(spec.thai_party.province)
    if province is not None and not province.is_province:
        out.append(Notice(
            "MK-W001",
            N_("{name} is not a province: the guideline reserves sister-city relations to "
               "provinces; expect the MOI and the MFA to question it", name=province.name_en),
            "thai_party.province",
        ))
    if vocabulary()["partner_levels"].get(spec.partner.level) == "lower":
        out.append(Notice(
            "MK-W002",
            N_("the partner's level ({level}) is below a Thai province: an exception from the MOI "
               "and the MFA is needed", level=spec.partner.level.replace("_", " ")),
            "partner.level",
        ))
    for path, text in _texts(spec.model_dump(mode="json")):
        if ZERO_WIDTH_CHAR.search(text):
            out.append(Notice(
                "MK-W004",
                N_("contains an invisible zero-width character; keep it only where it is meant "
                   "(a word-break hint in Thai), otherwise remove it"),
                path,
            ))
    for name in ("relationship", "title"):
        if isinstance(getattr(spec, name, None), Custom):
            out.append(Notice(
                "MK-W003",
                N_("the {name} is not one of the form's listed names: accepted under the form's "
                   "'etc.' but reported as a variant, review by the MOI and the MFA", name=name),
                name,
            ))
    out += read_as_notices(spec)
    out += date_notices(spec, today or current_date())
    return tuple(out)


def read_as_notices(spec: LoiSpec | MouSpec) -> list[Notice]:
    """MK-W005 for every value written in another form than the one the spec stores (a Thai
    date, a language's or country's name, a label): what it was read as."""
    return [Notice("MK-W005", N_("'{written}' was read as {value}", written=written, value=value), path)
            for path, written, value in _read_as(spec, "")]


def date_notices(spec: LoiSpec | MouSpec, today: dt.date) -> list[Notice]:
    """MK-W006 when the signing date is far from ``today`` (see :func:`moukit.spec.dates.far_from_today`)."""
    from .dates import far_from_today

    message = far_from_today(spec.signing.date, today)
    return [Notice("MK-W006", message, "signing.date")] if message else []


def _read_as(model: object, path: str) -> Iterator[tuple[str, str, object]]:
    """Every (path, as written, as read) of the models inside ``model``."""
    from pydantic import BaseModel

    if isinstance(model, list):
        for i, item in enumerate(model):
            yield from _read_as(item, f"{path}[{i}]")
        return
    if not isinstance(model, BaseModel):
        return
    for name, written, value in getattr(model, "read_as", ()):
        yield (f"{path}.{name}" if path else name), written, value
    for name in type(model).model_fields:
        yield from _read_as(getattr(model, name), f"{path}.{name}" if path else name)


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
