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
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    StrictInt,
    StringConstraints,
    Tag,
    TypeAdapter,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..forms import get_form, vocabulary
from ..i18n import N_, Message
from ..text.chars import BIDI, CONTROL
from . import dates, labels, names
from .dossier import DossierSections, no_items
from .provinces import find_province, province_alias, suggest_province

SPEC_VERSION = 1
MAX_TEXT = 2000

LanguageCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}$"),
    Field(description="ISO 639-1 language code, e.g. th, en, zh, ja, ko, vi"),
]
_FORBIDDEN = re.compile(f"[{CONTROL}{BIDI}\ue000-\uf8ff]")  # private use: moukit's markers


def refusal(message: Message, hint: Message | None = None) -> PydanticCustomError:
    """A validation error whose message (and the hint a spec error shows) are catalog messages:
    pydantic shows the English, :mod:`moukit.spec.load` keeps both to show them in any language."""
    return PydanticCustomError("moukit", "{message}", {"message": message, "hint": hint})


def _plain_text(value: str) -> str:
    """Refuse characters that make a text read differently from what it holds."""
    m = _FORBIDDEN.search(value)
    if m:
        ch = m.group(0)
        code = f"U+{ord(ch):04X}"
        if "\u202a" <= ch <= "\u2069":
            message = N_("contains a bidirectional override ({code}), which can make the text print "
                         "or read differently from what it holds: remove it", code=code)
        elif ch >= "\ue000":
            message = N_("contains a private-use character ({code}), which can make the text print "
                         "or read differently from what it holds: remove it", code=code)
        else:
            message = N_("contains a control character ({code}), which can make the text print "
                         "or read differently from what it holds: remove it", code=code)
        raise refusal(message)
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


Reader = Callable[[Any, type], tuple[Any, list[tuple[str, str, Any]]]]


def _apply_reader(cls: type, value: Any, info: Any) -> Any:
    return cls.readers[info.field_name](value, cls)[0]


def reading(*fields: str) -> Any:
    """A before-validator that reads ``fields`` with the class's ``readers`` (errors located at
    the field)."""
    return field_validator(*fields, mode="before")(_apply_reader)


class _Model(BaseModel):
    """A spec model. Values a person may write in another form than the id or code (a Thai
    date, a language's name, a label) are read by the class's ``readers``; what was read so is
    remembered in ``read_as`` (path, as written, as read), which the spec's notices show."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    readers: ClassVar[dict[str, Reader]] = {}
    _read_as: tuple[tuple[str, str, Any], ...] = PrivateAttr(default=())

    @property
    def read_as(self) -> tuple[tuple[str, str, Any], ...]:
        """The values of this model (not of the models inside it) that were written in another
        form, as ``(field path, as written, as read)``."""
        return self._read_as

    @model_validator(mode="wrap")
    @classmethod
    def _remember_reading(cls, data: Any, handler: Callable) -> Any:
        model = handler(data)
        if cls.readers and isinstance(data, dict):
            notes = [(name + suffix, written, value)
                     for name, reader in cls.readers.items() if name in data
                     for suffix, written, value in reader(data[name], cls)[1]]
            if notes:
                model._read_as = tuple(notes)
        return model


def _read_date(value: Any, model: type) -> tuple[Any, list]:
    try:
        found = dates.read_date(value)
    except dates.DateError as exc:
        raise refusal(exc.message, exc.hint) from None
    return found.date, [("", str(value), dates.shown(found.date))] if found.converted else []


def _read_name(find: Callable[[str], str], shown: type) -> Reader:
    def read(value: Any, model: type) -> tuple[Any, list]:
        if not isinstance(value, str):
            return value, []
        try:
            code = find(value)
        except names.NameNotFound as exc:
            raise refusal(exc.message, exc.hint) from None
        same = names.name_key(value) == names.name_key(code)
        return code, [] if same else [("", value, N_("{value} ({name})", value=code, name=shown(code)))]
    return read


def _read_label(kind: str) -> Reader:
    def read(value: Any, model: type) -> tuple[Any, list]:
        instrument = getattr(model, "instrument_id", None)
        if kind == "preposition" and value is True:  # YAML 1.1 reads an unquoted `on` as true
            return "on", []
        if isinstance(value, list):
            items, notes = [], []
            for i, item in enumerate(value):
                found, note = read(item, model)
                items.append(found)
                notes += [(f"[{i}]", written, shown) for _, written, shown in note]
            return items, notes
        if not isinstance(value, str):
            return value, []
        found = labels.read_label("fields" if kind == "further_fields" else kind, value, instrument)
        if found is None:
            return value, []
        return found, [] if labels.is_id(kind, value, found) else [("", value, found)]
    return read


class Custom(_Model):
    """A wording not in the form's list (the form's "etc."), given in every language."""

    custom: Localized


def _read_province(value: Any, model: type) -> tuple[Any, list]:
    """The official English name of the province ``value`` names (noted when by an alias)."""
    if not isinstance(value, str):
        return value, []
    found = find_province(value)
    if found is None:
        close = suggest_province(value)
        hint = (N_("did you mean {names}?", names=names.OneOf(close)) if close
                else N_("write the official Thai or English name, e.g. Chiang Mai"))
        raise refusal(N_("'{value}' is not a Thai province: {hint}", value=value, hint=hint))
    alias = province_alias(value) is not None
    return found.name_en, [("", value, N_("{value} ({name})", value=found.name_en,
                                          name=found.name_th))] if alias else []


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

    readers = {"province": _read_province}
    _read_values = reading(*readers)


class Partner(_Model):
    """The foreign partner: name in each language, country, level and language."""

    name: Localized
    country: str = Field(description="ISO 3166-1 alpha-2 country code, e.g. JP, CN, KR, VN "
                                     "(or the country's name in English or Thai)")
    level: PartnerLevel = Field(description="Administrative level of the partner (the id, or its "
                                            "English or Thai label)")
    language: str = Field(description="The partner's official language: ISO 639-1 code, e.g. ja, "
                                      "zh, ko, vi (or the language's name in English or Thai)")

    readers = {"country": _read_name(names.country_code, names.CountryName),
               "language": _read_name(names.language_code, names.LanguageName),
               "level": _read_label("level")}
    _read_values = reading(*readers)


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

    # The date is a date, or text in a form Thai documents use (20/08/2569, 22 พฤศจิกายน 2569,
    # Thai digits), converted from the Buddhist Era; a year that looks like a B.E. year in
    # YYYY-MM-DD form is refused (see moukit.spec.dates).

    place: Localized
    date: dt.date = Field(description="The date of signing, YYYY-MM-DD (or 20/08/2569, "
                                      "22 พฤศจิกายน 2569: B.E. dates are converted)")

    readers = {"date": _read_date}
    _read_values = reading(*readers)


class FixedTerm(_Model):
    """MOU clause 5, Option 2: in effect for a number of years, renewable by mutual decision."""

    years: StrictInt = Field(ge=1, le=99, description="Number of years, 1 to 99")


FieldOfCooperation = Union[FieldId, Custom]


class _SpecBase(_Model, DossierSections):  # the dossier's optional sections: spec/dossier.py
    instrument_id: ClassVar[str]
    spec_version: Literal[1] = Field(default=SPEC_VERSION, description="Spec format version")
    thai_party: ThaiParty
    partner: Partner
    fields: list[FieldOfCooperation] = Field(
        default_factory=no_items, max_length=40, description="Fields of cooperation"
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


def _read_instrument(value: Any, model: type) -> tuple[Any, list]:
    found = labels.read_label("instrument", value) if isinstance(value, str) else None
    if found is None:
        return value, []
    return found, [] if labels.is_id("instrument", value, found) else [("", value, found)]


def _spec_readers(instrument: str) -> dict[str, Reader]:
    readers: dict[str, Reader] = {"instrument": _read_instrument}
    for name in get_form(instrument).alternatives:
        readers[name] = _read_label(name)
    readers["fields"] = _read_label("fields")
    if instrument == "loi":
        readers["further_fields"] = _read_label("further_fields")
    else:
        readers["term"] = _read_term
    return readers


def _read_term(value: Any, model: type) -> tuple[Any, list]:
    """``open`` (or its label) as it is; a number of years written as text or a bare number is
    refused with the way to write it."""
    if isinstance(value, str):
        found = labels.read_label("term", value)
        if found is not None:
            return found, [] if labels.is_id("term", value, found) else [("", value, found)]
    years = value if isinstance(value, int) and not isinstance(value, bool) else \
        term_years(value) if isinstance(value, str) else None
    if years is not None:
        raise refusal(N_("'{value}' is not a term moukit can read", value=value),
                      N_("write {example} for a fixed term, or term: open",
                         example=f"term: {{years: {years}}}"))
    return value, []


_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                 "seventeen", "eighteen", "nineteen", "twenty")


def term_years(text: str) -> int | None:
    """The number of years ``text`` gives (``5``, ``๕``, ``5 years``, ``5 ปี``, ``five years``),
    or None.

    >>> term_years("5 ปี"), term_years("five years"), term_years("๑๐"), term_years("open")
    (5, 5, 10, None)
    """
    from ..text.formatting import to_arabic_digits

    words = to_arabic_digits(text).casefold().replace("ปี", " ").split()
    if words and words[-1] in ("year", "years", "yr", "yrs"):
        words = words[:-1]
    if len(words) != 1:
        return None
    word = words[0]
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.index(word) if word in _NUMBER_WORDS else None


class LoiSpec(_SpecBase):
    """A Letter of Intent to establish a sister-city relationship."""

    instrument_id = "loi"
    readers = _spec_readers("loi")
    _read_values = reading(*readers)
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

    @field_validator("fields")
    @classmethod
    def _names_fields(cls, value: list) -> list:
        if not value:
            raise refusal(N_("a Letter of Intent names the fields of cooperation (clauses 1 and 2)"),
                          N_("add fields: [economy, tourism] (the ids that 'moukit forms' lists)"))
        return value


class MouSpec(_SpecBase):
    """A Memorandum of Understanding on the establishment of a sister-city relationship."""

    instrument_id = "mou"
    readers = _spec_readers("mou")
    _read_values = reading(*readers)
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
            raise refusal(N_("fields_clause is 'named' but no fields are given"),
                          N_("add fields: [economy, tourism], or write fields_clause: various"))
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


def _instrument_of(data: Any) -> str | None:
    """The instrument a spec's data names (its id or label, e.g. MOU, บันทึกความเข้าใจ), or None."""
    value = data.get("instrument") if isinstance(data, dict) else getattr(data, "instrument", None)
    if not isinstance(value, str):
        return None
    return labels.read_label("instrument", value) or value


Spec = Annotated[Union[tuple(Annotated[m, Tag(m.instrument_id)] for m in SPEC_MODELS)],  # type: ignore[misc]
                 Discriminator(_instrument_of, custom_error_type="instrument",
                               custom_error_message="instrument must be 'loi' or 'mou'")]
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
                problems.append((path + (lang,), N_("missing the {lang} text", lang=lang),
                                 N_("add {where}: <text in {lang}>", where=where, lang=lang)))
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
    # the models are told apart by a function (it reads labels such as MOU); say which for editors
    schema["discriminator"] = {"propertyName": "instrument",
                               "mapping": {m.instrument_id: f"#/$defs/{m.__name__}" for m in SPEC_MODELS}}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "moukit agreement spec"
    return schema
