"""The agreement spec: typed pydantic models for every blank and alternative of the forms.

A spec is either a :class:`LoiSpec` or a :class:`MouSpec`, told apart by ``instrument``.
The listed alternatives come from the form definitions (``moukit/forms/*.yaml``), so the
models and the forms cannot disagree. Structure is checked by pydantic; completeness of the
translations (every text in every language of the document) by :func:`translation_problems`,
which reports every missing text with its path.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    TypeAdapter,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..forms import get_form, vocabulary
from ..text.chars import BIDI, CONTROL
from .provinces import find_province, suggest_province

SPEC_VERSION = 1
MAX_TEXT = 2000

LanguageCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}$"),
    Field(description="ISO 639-1 language code, e.g. th, en, zh, ja, ko, vi"),
]
_FORBIDDEN = re.compile(f"[{CONTROL}{BIDI}\ue000-\uf8ff]")  # private use: moukit's markers


def _plain_text(value: str) -> str:
    """Refuse characters that make a text read differently from what it holds."""
    m = _FORBIDDEN.search(value)
    if m:
        ch = m.group(0)
        what = ("a bidirectional override" if "\u202a" <= ch <= "\u2069" else
                "a private-use character" if ch >= "\ue000" else "a control character")
        raise ValueError(f"contains {what} (U+{ord(ch):04X}), which can make the text print or "
                         f"read differently from what it holds; remove it")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
                 AfterValidator(_plain_text)]


class InEveryLanguage:
    """Marks a localized text that a spec must give in every language of the document, but
    for the ``official`` languages whose text moukit knows itself."""

    def __init__(self, official: tuple[str, ...] = ()) -> None:
        self.official = official


Localized = Annotated[
    dict[LanguageCode, Text],
    Field(description="The same text in each language of the document, keyed by language code"),
    InEveryLanguage(),
]


def _choice(instrument: str, name: str) -> Any:
    options = get_form(instrument).alternatives[name].options
    return Literal[options]  # type: ignore[valid-type]


def _default(instrument: str, name: str) -> str:
    return get_form(instrument).alternatives[name].default


if TYPE_CHECKING:  # the vocabularies are read at run time: a static checker sees strings
    FieldId = str
    PartnerLevel = str
else:
    FieldId = Literal[tuple(vocabulary()["fields"])]
    PartnerLevel = Literal[tuple(vocabulary()["partner_levels"])]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Custom(_Model):
    """A wording not in the form's list (the form's "etc."), given in every language."""

    custom: Localized


class ThaiParty(_Model):
    """The Thai party: a province (or Bangkok), named as in pythainlp's list."""

    province: str = Field(description="Province name in Thai or English, e.g. Chiang Mai or เชียงใหม่")
    # th and en names come from the official province list
    name: Annotated[Localized, InEveryLanguage(official=("th", "en"))] = Field(
        default_factory=dict,
        description=(
            "The party's name in other languages (required for the partner's language); "
            "th and en default to the official names"
        ),
    )

    @field_validator("province")
    @classmethod
    def _known_province(cls, value: str) -> str:
        found = find_province(value)
        if found is None:
            close = suggest_province(value)
            hint = f"did you mean {' or '.join(close)}?" if close else "use the official name"
            raise ValueError(f"{value!r} is not a Thai province; {hint}")
        return found.name_en


class Partner(_Model):
    """The foreign partner: name in each language, country, level and language."""

    name: Localized
    country: str = Field(description="ISO 3166-1 alpha-2 country code, e.g. JP, CN, KR, VN")
    level: PartnerLevel = Field(description="Administrative level of the partner")
    language: LanguageCode = Field(description="The partner's official language")

    @field_validator("country")
    @classmethod
    def _iso_country(cls, value: str) -> str:
        from babel import Locale

        code = value.strip().upper()
        territories = Locale("en").territories
        if not re.fullmatch(r"[A-Z]{2}", code) or code not in territories or code == "ZZ":
            raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. JP, CN)")
        return code

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        from babel import Locale

        if value not in Locale("en").languages:
            raise ValueError(f"{value!r} is not an ISO 639-1 language code (e.g. zh, ja, ko, vi)")
        return value


class Signatory(_Model):
    """A signatory's name and position in each language."""

    name: Localized
    position: Localized


class Signatories(_Model):
    """The two signatories: the Thai party's (the governor) and the partner's."""

    thai: Signatory
    partner: Signatory


class Signing(_Model):
    """Where and when the instrument is signed."""

    place: Localized
    date: dt.date


class FixedTerm(_Model):
    """MOU clause 5, Option 2: in effect for a number of years, renewable by mutual decision."""

    years: StrictInt = Field(ge=1, le=99, description="Number of years, 1 to 99")


FieldOfCooperation = Union[FieldId, Custom]


class _SpecBase(_Model):
    spec_version: Literal[1] = Field(default=SPEC_VERSION, description="Spec format version")
    thai_party: ThaiParty
    partner: Partner
    fields: list[FieldOfCooperation] = Field(
        default_factory=list, max_length=40, description="Fields of cooperation"
    )
    signing: Signing
    signatories: Signatories
    draft: bool = Field(default=False, description='Print the form\'s "(Draft)" marker')

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of the document: Thai, the partner's language, English."""
        return tuple(dict.fromkeys(("th", self.partner.language, "en")))

    @property
    def form(self):
        """The form definition this spec fills."""
        return get_form(self.instrument)  # type: ignore[attr-defined]

    @property
    def partner_is_provincial(self) -> bool:
        """True when the partner is itself a province-like unit (state, province,
        prefecture...): some languages then word the alternatives for provinces."""
        return self.partner.level in vocabulary()["provincial_levels"]

    def variant(self) -> dict[str, str]:
        """The structural variants of the form this spec asks for (see the form's ``variants``)."""
        return {"partner_language": "english" if self.partner.language == "en" else "named"}


class LoiSpec(_SpecBase):
    """A Letter of Intent to establish a sister-city relationship."""

    instrument: Literal["loi"]
    relationship: Union[_choice("loi", "relationship"), Custom] = _default("loi", "relationship")
    parties: _choice("loi", "parties") = _default("loi", "parties")
    preposition: _choice("loi", "preposition") = _default("loi", "preposition")
    intent: _choice("loi", "intent") = _default("loi", "intent")
    further_fields: list[FieldOfCooperation] | None = Field(
        default=None,
        min_length=1,
        max_length=40,
        description="Clause 2's fields (new cooperation); defaults to the fields of clause 1",
    )


    @field_validator("preposition", mode="before")
    @classmethod
    def _yaml_on(cls, value: object) -> object:
        # YAML 1.1 reads an unquoted `on` as true: that can only mean the preposition "on".
        return "on" if value is True else value

    @field_validator("fields")
    @classmethod
    def _names_fields(cls, value: list) -> list:
        if not value:
            raise ValueError("a Letter of Intent names the fields of cooperation (clauses 1 and 2)")
        return value


class MouSpec(_SpecBase):
    """A Memorandum of Understanding on the establishment of a sister-city relationship."""

    instrument: Literal["mou"]
    title: Union[_choice("mou", "title"), Custom] = _default("mou", "title")
    relationship: Union[_choice("mou", "relationship"), Custom] = _default("mou", "relationship")
    parties: _choice("mou", "parties") = _default("mou", "parties")
    opening: _choice("mou", "opening") = _default("mou", "opening")
    fields_clause: Literal["various", "named"] | None = Field(
        default=None,
        description='Clause 2: "various" fields, or the "named" fields; default named when fields are given',
    )
    term: Union[Literal["open"], FixedTerm] = Field(
        description='Clause 5: "open" (Option 1, until ended by written notice) or {years: N} (Option 2)'
    )

    @model_validator(mode="after")
    def _named_fields_given(self) -> "MouSpec":
        if self.fields_clause == "named" and not self.fields:
            raise PydanticCustomError(
                "fields_required", "fields_clause is 'named' but no fields are given: add fields"
            )
        return self

    @property
    def names_fields(self) -> bool:
        """True when clause 2 names the fields of cooperation."""
        if self.fields_clause is None:
            return bool(self.fields)
        return self.fields_clause == "named"

    def variant(self) -> dict[str, str]:
        """The structural variants: languages named, fields named or "various", the term."""
        return {**super().variant(),
                "fields": "named" if self.names_fields else "various",
                "term": "open" if self.term == "open" else "fixed"}


# One spec model per form definition, told apart by ``instrument``.
SPEC_MODELS: tuple[type[_SpecBase], ...] = (LoiSpec, MouSpec)
Spec = Annotated[Union[SPEC_MODELS], Field(discriminator="instrument")]
SPEC_ADAPTER: TypeAdapter = TypeAdapter(Spec)


def translation_problems(spec: LoiSpec | MouSpec) -> list[tuple[tuple, str, str]]:
    """Every text missing in a language of the document, as ``(path, message, hint)``.

    Every localized text of the spec (see :class:`InEveryLanguage`) is looked at, wherever it
    sits in the model. A missing translation is an error, never silent English.
    """
    problems: list[tuple[tuple, str, str]] = []
    for path, texts, marker in _localized_texts(spec, ()):
        for lang in spec.languages:
            if lang not in texts and lang not in marker.official:
                where = ".".join(map(str, path + (lang,)))
                problems.append((path + (lang,), f"missing the {lang} text",
                                 f"add {where}: <text in {lang}>"))
    return problems


def _localized_texts(value: Any, path: tuple):
    """Every (path, texts, marker) of the localized texts inside a model, list or value."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _localized_texts(item, path + (i,))
    if not isinstance(value, BaseModel):
        return
    for name, info in type(value).model_fields.items():
        item = getattr(value, name)
        markers = [m for m in info.metadata if isinstance(m, InEveryLanguage)]
        if markers and isinstance(item, dict):
            yield path + (name,), item, markers[-1]
        else:
            yield from _localized_texts(item, path + (name,))


def spec_json_schema() -> dict:
    """The JSON Schema of a spec file, for editors that validate YAML."""
    schema = SPEC_ADAPTER.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "moukit agreement spec"
    return schema
