"""The New agreement page's questions and answers: ``moukit init``'s questions
(:class:`moukit.Interview`) laid out as a web form, the answers made into a spec the way
``init`` makes it, validated by :func:`moukit.parse_spec`, and every problem placed next to
the field it is about.

A field is named like its question (``partner_en``, ``date``...), except the form's listed
alternatives, one group per instrument (``mou_parties``, ``loi_parties``), since the two
forms list different options.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import Interview, MoukitError, SpecError
from ..i18n import N_, translate
from .texts import ALTERNATIVE_HELP

QUESTIONS = Interview.questions
ALTERNATIVES = Interview().alternatives  # the questions that choose among a form's listed alternatives

KEPT = "__kept__"  # an alternative kept as the uploaded spec worded it (custom wording)
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sec_instrument", ("instrument",)),
    ("sec_thai", ("province", "thai_name_other")),
    ("sec_partner", ("partner_lang", "country", "level", "partner_en", "partner_th", "partner_name_other")),
    ("sec_wording", ("title", "relationship", "parties", "opening", "preposition", "intent")),
    ("sec_fields", ("fields", "term")),
    ("sec_signing", ("place_en", "place_th", "place_other", "date")),
    ("sec_signatories", tuple(q.key for q in QUESTIONS if q.key.startswith(
        ("thai_signatory", "thai_position", "partner_signatory", "partner_position")))),
)


@dataclass
class Outcome:
    """What the answers made: the spec (model and plain data) when valid, else the problems,
    by field (``errors``) and for the whole form (``general``)."""

    answers: dict[str, str]
    spec: Any = None
    data: dict | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)  # catalog messages (Message)
    general: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """True when the answers made a valid spec."""
        return self.spec is not None


# ---------------------------------------------------------------- answers from the page


def alternative_field(instrument: str, key: str) -> str:
    """The field of alternative ``key`` of ``instrument``: ``mou_parties``."""
    return f"{instrument}_{key}"


def read_answers(form: Mapping[str, Any], getlist) -> dict[str, str]:
    """The answers a POSTed page gives, as text keyed like the questions (``fields`` is the
    ticked ids joined with commas, ``term`` is ``open`` or the years)."""
    answers: dict[str, str] = {}
    instrument = str(form.get("instrument") or "")
    for question in QUESTIONS:
        key = question.key
        if key in ALTERNATIVES:
            value = form.get(alternative_field(instrument, key)) if instrument else None
        elif key == "fields":
            value = ",".join(str(v) for v in getlist("fields"))
        elif key == "term":
            value = "open" if form.get("term") == "open" else str(form.get("term_years") or "")
        else:
            value = form.get(key)
        if isinstance(value, str):
            answers[key] = value.strip()
    if form.get("draft"):
        answers["draft"] = "1"
    return answers


def base_of(text: object) -> dict:
    """The uploaded spec's values kept in the page (a hidden JSON field), or ``{}``."""
    if not isinstance(text, str) or not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def make_spec(answers: dict[str, str], base: Mapping | None = None) -> Outcome:
    """Parse the answers as ``moukit init`` does, build its spec and validate it with
    :func:`moukit.parse_spec`; values of ``base`` (an uploaded spec) that no question asks
    for are kept."""
    import moukit

    outcome = Outcome(dict(answers))
    keys = {q.key for q in QUESTIONS}
    given = {k: v for k, v in answers.items() if k in keys and v != KEPT and (v or k == "fields")}
    if given.get("fields") == "" and given.get("instrument") != "mou":
        given.pop("fields")
    interview = Interview()
    parsed, problems = interview.parse(given)
    outcome.errors.update(problems)  # messages: the page shows them in its language
    if outcome.errors:
        return outcome
    if answers.get("draft"):
        parsed["draft"] = True
    try:
        data = interview.spec_data(parsed)
    except MoukitError as exc:
        outcome.general.append(exc.message)
        return outcome
    data = _with_base(data, answers, base or {})
    try:
        outcome.spec = moukit.parse_spec(data, file="spec")
    except SpecError as exc:
        for problem in exc.problems:
            where = field_of(problem.path, parsed.get("partner_lang"))
            text = N_("{message}: {hint}", message=problem.message, hint=problem.hint) \
                if problem.hint else problem.message
            if where is None:
                outcome.general.append(text)
            else:
                outcome.errors.setdefault(where, []).append(text)
        return outcome
    outcome.data = data
    return outcome


def _with_base(data: dict, answers: dict[str, str], base: Mapping) -> dict:
    """``data`` with the uploaded spec's values that the page does not ask for: other keys
    (``further_fields``...) and alternatives kept in their custom wording."""
    if base.get("instrument") != data["instrument"]:
        return data
    merged = {k: v for k, v in base.items() if k not in data and k != "spec_version"}
    merged.update(data)
    for key in ALTERNATIVES:
        if answers.get(key) == KEPT and key in base:
            merged[key] = base[key]
    if merged.get("draft") is False:
        merged.pop("draft")
    return merged


def field_of(path: str, partner_lang: str | None) -> str | None:
    """The field a spec problem at YAML ``path`` is about (None: the whole form).

    >>> field_of("signatories.thai.position.ja", "ja"), field_of("partner.name.en", "ja")
    ('thai_position_other', 'partner_en')
    >>> field_of("signing.date", None), field_of("fields.2", None), field_of("custom", None)
    ('date', 'fields', None)
    """
    parts = path.split(".") if path else []
    if not parts:
        return None

    def suffix(lang: str | None) -> str:
        return {"en": "en", "th": "th"}.get(lang or "", "other")

    head = parts[0]
    lang = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
    if head in ("instrument", "fields", "term") or head in ALTERNATIVES:
        return head
    if head == "thai_party":
        return "thai_name_other" if len(parts) > 1 and parts[1] == "name" else "province"
    if head == "partner" and len(parts) > 1:
        if parts[1] == "name":
            return "partner_" + ("name_other" if suffix(lang if len(parts) > 2 else "en") == "other"
                                 else suffix(lang if len(parts) > 2 else "en"))
        return {"country": "country", "level": "level", "language": "partner_lang"}.get(parts[1])
    if head == "signing" and len(parts) > 1:
        if parts[1] == "date":
            return "date"
        return "place_" + suffix(lang if len(parts) > 2 else "en")
    if head == "signatories" and len(parts) > 2 and parts[1] in ("thai", "partner"):
        what = "signatory" if parts[2] == "name" else "position"
        return f"{parts[1]}_{what}_" + suffix(lang if len(parts) > 3 else "en")
    return None


# ---------------------------------------------------------------- answers from a spec


def answers_of(spec) -> tuple[dict[str, str], dict]:
    """A spec (an uploaded file) as the page's answers, and its plain values (kept in the
    page so that what the questions do not cover survives the edit)."""
    data = spec.model_dump(mode="json", exclude_none=True)
    partner = data["partner"]
    other = partner["language"] if partner["language"] not in ("th", "en") else None

    def name(mapping: dict, lang: str | None) -> str:
        return str(mapping.get(lang, "")) if lang else ""

    answers = {"instrument": data["instrument"], "province": data["thai_party"]["province"],
               "partner_lang": partner["language"], "country": partner["country"],
               "level": partner["level"], "fields": ",".join(data.get("fields") or [])}
    for lang, tail in (("en", "en"), ("th", "th"), (other, "other")):
        answers["partner_name_other" if tail == "other" else f"partner_{tail}"] = name(partner["name"], lang)
        answers[f"place_{tail}"] = name(data["signing"]["place"], lang)
        for side in ("thai", "partner"):
            person = data["signatories"][side]
            answers[f"{side}_signatory_{tail}"] = name(person["name"], lang)
            answers[f"{side}_position_{tail}"] = name(person["position"], lang)
    answers["thai_name_other"] = name(data["thai_party"].get("name", {}), other)
    for key in ALTERNATIVES:
        if key in data:
            answers[key] = data[key] if isinstance(data[key], str) else KEPT
    if data["instrument"] == "mou":
        term = data.get("term", "open")
        answers["term"] = "open" if term == "open" else str(term.get("years", ""))
    answers["date"] = Interview.date_text(dt.date.fromisoformat(data["signing"]["date"]))
    if data.get("draft"):
        answers["draft"] = "1"
    return answers, data


# ---------------------------------------------------------------- the questions, laid out


@dataclass
class Control:
    """One field of the page: its name, label and help in the page's language, its kind
    (text, province, country, select, radio, fields, term, date), its options, and the
    instrument or partner's language it depends on."""

    name: str
    label: str
    kind: str = "text"
    help: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)
    instrument: str = ""
    other_language: bool = False
    placeholder: str = ""
    required: bool = True


def controls(section_keys: tuple[str, ...], answers: dict[str, str], lang: str, library=None) -> list[Control]:
    """The controls of one section, for the page in ``lang`` given the answers so far
    (``library``: the language packs whose languages the partner may write)."""
    from .texts import TEXTS

    out: list[Control] = []
    known = {k: v for k, v in answers.items() if v}
    interview = Interview(lang, templates=library or ())
    for key in section_keys:
        question = interview.question(key)
        if key in ALTERNATIVES:
            out += _alternatives(key, answers, lang)
            continue
        control = Control(key, interview.prompt(key, known), kind=question.kind,
                          instrument=question.instrument or "", other_language=question.other_language)
        if question.other_language:
            control.help = translate(TEXTS["other_help"], lang)
        _fill(control, known, lang, interview)
        out.append(control)
    return out


def _fill(control: Control, known: dict[str, str], lang: str, interview: Interview) -> None:
    """Options, help and placeholder of a control by its kind."""
    from .texts import TEXTS

    key = control.name
    if key in ("instrument", "level", "partner_lang"):
        control.kind = "radio" if key == "instrument" else "select"
        control.options = interview.options(key, known)
    if key == "partner_lang":
        control.help = translate(TEXTS["partner_lang_help"], lang)
    elif key == "province":
        control.help = translate(TEXTS["province_help"], lang)
    elif key == "country":
        control.help = translate(TEXTS["country_help"], lang)
    elif key == "fields":
        control.options = interview.options("fields")
        control.required = False
    elif key == "date":
        control.help = translate(TEXTS["date_help"], lang)
        control.placeholder = "22/11/2569"
    default = interview.default(key, known)
    if default and control.kind == "text":
        control.placeholder = default
        control.required = False
        control.help = translate(N_(TEXTS["default_is"].template, value=default), lang)
    if control.other_language:
        control.required = False


def _alternatives(key: str, answers: dict[str, str], lang: str) -> list[Control]:
    """The radio groups of alternative ``key``, one per instrument whose form lists it (with
    the uploaded spec's own wording as one more choice when it had one)."""
    import moukit

    from .texts import TEXTS

    out = []
    for instrument in ("mou", "loi"):
        alternatives = moukit.get_form(instrument).alternatives
        if key not in alternatives:
            continue
        interview = Interview(lang)
        options = interview.options(key, {"instrument": instrument})
        if answers.get(key) == KEPT and answers.get("instrument") == instrument:
            options.append((KEPT, translate(TEXTS["custom_kept"], lang)))
        out.append(Control(alternative_field(instrument, key), interview.prompt(key, {}), "radio",
                           help=translate(ALTERNATIVE_HELP[key], lang), options=options,
                           instrument=instrument, placeholder=alternatives[key].default))
    return out


def partner_languages(library=None) -> list[str]:
    """The partner's languages the packs write (every pack but Thai): the shipped ones, and
    those of ``library`` (the workbench's ``--templates`` folders) when given."""
    return [code for code, _ in Interview(templates=library or ()).options("partner_lang")]


def defaults(answers: dict[str, str]) -> dict[str, str]:
    """The page's values: the answers, with each alternative at the form's default."""
    import moukit

    values = dict(answers)
    for instrument in ("mou", "loi"):
        for key, alt in moukit.get_form(instrument).alternatives.items():
            name = alternative_field(instrument, key)
            chosen = answers.get(key) if answers.get("instrument") == instrument else None
            values.setdefault(name, chosen or alt.default)
    values.setdefault("instrument", "mou")
    term = answers.get("term") or "open"
    values["term"] = "open" if term == "open" else "years"
    values["term_years"] = "" if term == "open" else term
    return values
