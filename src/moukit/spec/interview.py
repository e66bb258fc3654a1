"""``moukit init``: the questions, the answers, and the commented spec file they make.

The functions here are pure (text in, data out) except :func:`interview`, which asks the
questions through the ``ask`` and ``say`` callables it is given (``input`` and ``print`` on
the command line, plain functions in tests). Answers are keyed like the command's options:
answer ``partner_en`` is option ``--partner-en``.

>>> parse_answer("term", "5", {"instrument": "mou"}), parse_answer("term", "5 ปี", {"instrument": "mou"})
(5, 5)
>>> parse_answer("partner_lang", "ภาษาตุรกี", {}), parse_answer("country", "USA", {})
('tr', 'US')
>>> print(echo("date", "20/08/2569", parse_answer("date", "20/08/2569", {})))
20/08/2569 → 2026-08-20 (20 สิงหาคม พ.ศ. 2569)
>>> option_name("partner_name_other")
'--partner-name-other'
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..errors import AnswerError, UsageError
from ..i18n import N_, Message, translate, translation
from ..i18n import gettext as _
from . import labels
from .labels import INSTRUMENT_NAMES

if TYPE_CHECKING:
    from .._args import PathsArg

COMMENT_WIDTH = 92  # comment lines are wrapped at this width


@dataclass(frozen=True)
class Question:
    """One question: the answer key, the prompt (a catalog message) and when it is asked."""

    key: str
    prompt: str
    kind: str = "text"
    instrument: str | None = None  # asked only for this instrument
    other_language: bool = False   # asked only when the partner's language is not th or en


def _people(prefix: str, prompt: str) -> list[Question]:
    return [Question(f"{prefix}_en", prompt), Question(f"{prefix}_th", prompt),
            Question(f"{prefix}_other", prompt, other_language=True)]


QUESTIONS: tuple[Question, ...] = (
    Question("instrument", N_("Instrument"), "choice"),
    Question("province", N_("Thai province (Thai or English name)"), "province"),
    Question("partner_lang", N_("Partner's language (code or name, e.g. ja, Japanese, ญี่ปุ่น; "
                                "en if the partner writes English)"), "language"),
    Question("country", N_("Partner's country (code or name, e.g. JP, Japan, ญี่ปุ่น)"), "country"),
    Question("level", N_("Partner's administrative level"), "choice"),
    Question("partner_en", N_("Partner's name in {language}")),
    Question("partner_th", N_("Partner's name in {language}")),
    Question("partner_name_other", N_("Partner's name in {language}"), other_language=True),
    Question("thai_name_other", N_("The province's name in {language}"), other_language=True),
    Question("title", N_("Title of the MOU"), "choice", instrument="mou"),
    Question("relationship", N_("Name of the relationship"), "choice"),
    Question("parties", N_("How the two parties are called"), "choice"),
    Question("opening", N_("Formula that opens the clauses"), "choice", instrument="mou"),
    Question("preposition", N_("Clauses 1 and 2: cooperation 'on' or 'in' the fields"), "choice",
             instrument="loi"),
    Question("intent", N_("Clause 4: 'aim to' or 'will' establish the relationship"), "choice",
             instrument="loi"),
    Question("fields", N_("Fields of cooperation (ids, numbers or names, comma-separated)"), "fields"),
    Question("term", N_("Term of the MOU: open, or a number of years"), "term", instrument="mou"),
    Question("place_en", N_("Place of signing in {language}")),
    Question("place_th", N_("Place of signing in {language}")),
    Question("place_other", N_("Place of signing in {language}"), other_language=True),
    Question("date", N_("Date of signing (YYYY-MM-DD, or as Thai documents write it: 22/11/2569)"),
             "date"),
    *_people("thai_signatory", N_("Thai signatory's name in {language}")),
    *_people("thai_position", N_("Thai signatory's position in {language}")),
    *_people("partner_signatory", N_("Partner's signatory's name in {language}")),
    *_people("partner_position", N_("Partner's signatory's position in {language}")),
)
QUESTION_BY_KEY = {q.key: q for q in QUESTIONS}
RANK_TEXT = {"equal": N_("equal to or above a Thai province"),
             "lower": N_("below a Thai province: needs an exception (MOI and MFA)")}


@cache
def alternatives() -> tuple[str, ...]:
    """The forms' listed alternatives, each asked as a choice among its options."""
    from ..forms import all_forms

    return tuple(dict.fromkeys(name for form in all_forms() for name in form.alternatives))


def option_name(key: str) -> str:
    """The command-line option that gives answer ``key``."""
    return "--" + key.replace("_", "-")


def other_language(answers: dict) -> str | None:
    """The partner's language when it is neither Thai nor English, else None."""
    lang = answers.get("partner_lang")
    return lang if lang and lang not in ("th", "en") else None


def applies(question: Question, answers: dict) -> bool:
    """Whether ``question`` is asked, given the answers so far (instrument, partner language)."""
    if question.instrument and answers.get("instrument") not in (None, question.instrument):
        return False
    if question.other_language and "partner_lang" in answers and not other_language(answers):
        return False
    return True


def question_language(key: str, answers: dict) -> str | None:
    """The language a text question asks for: ``en``, ``th`` or the partner's; None for others."""
    if key.endswith("_en"):
        return "en"
    if key.endswith("_th"):
        return "th"
    if key.endswith("_other"):
        return other_language(answers)
    return None


# ---------------------------------------------------------------- choices and defaults


def choices(key: str, answers: dict) -> list[tuple[str, str]]:
    """The listed values of a choice question with their meaning, in the form's order."""
    from . import labels

    if key == "level":
        from ..forms import vocabulary

        return [(k, _("{labels}: {rank}").format(labels=labels.label_text("level", k),
                                                   rank=_(RANK_TEXT[v])))
                for k, v in vocabulary()["partner_levels"].items()]
    kind = _label_kind(key)
    if kind is None:
        return []
    return [(k, labels.label_text(kind, k)) for k in labels.options(kind, answers.get("instrument"))]


def _label_kind(key: str) -> str | None:
    """The kind of listed values question ``key`` chooses among (None for other questions)."""
    return key if key in ("instrument", "level", "fields") or key in alternatives() else None


def _field_ids() -> list[str]:
    from ..forms import vocabulary

    return list(vocabulary()["fields"])


def default_answer(key: str, answers: dict) -> str | None:
    """The default of a question as text (taken on an empty answer), or None when required."""
    if key in alternatives() and answers.get("instrument"):
        from ..forms import get_form

        return get_form(answers["instrument"]).alternatives[key].default
    if key == "fields" and answers.get("instrument") == "mou":
        return ""  # no fields named: "in various fields"
    if key in ("thai_position_en", "thai_position_th") and answers.get("province"):
        from .provinces import find_province

        province = find_province(answers["province"])
        if province is None:
            return None
        if key == "thai_position_en":
            return ("Governor of Bangkok" if not province.is_province
                    else f"Governor of {province.name_en} Province")
        return ("ผู้ว่าราชการกรุงเทพมหานคร" if not province.is_province
                else f"ผู้ว่าราชการจังหวัด{province.name_th}")
    return None


# ---------------------------------------------------------------- parsing one answer


def parse_answer(key: str, text: str, answers: dict):
    """The value of answer ``key`` given as ``text``; :class:`AnswerError` when it is not valid."""
    question = QUESTION_BY_KEY[key]
    text = str(text).strip()
    if not text and key == "fields" and answers.get("instrument") == "mou":
        return []
    if not text:
        raise AnswerError(key, N_("an answer is needed"))
    parser = {"choice": _parse_choice, "province": _parse_province, "language": _parse_language,
              "country": _parse_country, "fields": _parse_fields, "term": _parse_term,
              "date": _parse_date}.get(question.kind, _parse_text)
    return parser(key, text, answers)


def echo(key: str, text: str, value) -> Message | None:
    """What an answer written in another form than the value was read as (``20/08/2569 →
    2026-08-20 (20 สิงหาคม พ.ศ. 2569)``, ``Turkish → tr (Turkish)``), shown before the spec is
    written; None when ``text`` is the value itself (or its number in a list)."""
    from . import dates, labels, names
    from .provinces import find_province, province_alias

    kind = QUESTION_BY_KEY[key].kind
    text = str(text).strip()
    shown = None
    if kind == "date" and dates.read_date(text).converted:
        shown = dates.shown(value)
    elif kind in ("language", "country") and names.name_key(text) != names.name_key(value):
        name = names.LanguageName(value) if kind == "language" else names.CountryName(value)
        shown = N_("{value} ({name})", value=value, name=name)
    elif kind == "province" and province_alias(text) is not None:
        province = find_province(text)
        shown = N_("{value} ({name})", value=province.name_en, name=province.name_th)
    elif kind == "term" and value != "open" and not text.isdigit():
        shown = N_("{years} years", years=value)
    elif kind == "fields" and any(not part.strip().isdigit() and not labels.is_id("fields", part, v)
                                  for part, v in zip(text.split(","), value)):
        shown = ", ".join(value)
    elif kind == "choice" and not text.isdigit() and not labels.is_id(key, text, value):
        shown = value
    return N_("{text} → {value}", text=text, value=shown) if shown is not None else None


def _parse_text(key: str, text: str, answers: dict) -> str:
    from .models import (
        MAX_TEXT,  # the spec's own limit (imported here: the CLI starts without pydantic)
    )

    if len(text) > MAX_TEXT or any(ord(c) < 32 for c in text):
        raise AnswerError(key, N_("write one line of text of at most {count} characters", count=MAX_TEXT))
    return text


def _parse_choice(key: str, text: str, answers: dict) -> str:
    from .labels import read_label

    options = [value for value, _meaning in choices(key, answers)]
    if text.isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1]
    found = read_label(_label_kind(key) or key, text, answers.get("instrument"))
    if found in options:
        return found
    raise AnswerError(key, N_("'{value}' is not one of {options}", value=text, options=", ".join(options)),
                      hint=N_("give the value, its number in the list or its name"))


def _parse_province(key: str, text: str, answers: dict) -> str:
    from .names import OneOf
    from .provinces import find_province, suggest_province

    found = find_province(text)
    if found is not None:
        return found.name_en
    close = suggest_province(text)
    if close:
        raise AnswerError(key, N_("'{value}' is not a Thai province", value=text),
                          hint=N_("did you mean {names}?", names=OneOf(close)))
    raise AnswerError(key, N_("'{value}' is not a Thai province", value=text),
                      hint=N_("write the official Thai or English name, e.g. Chiang Mai"))


def _parse_language(key: str, text: str, answers: dict) -> str:
    from .names import NameNotFound, language_code

    try:
        return language_code(text)
    except NameNotFound as exc:
        raise AnswerError(key, exc.message, hint=exc.hint) from None


def _parse_country(key: str, text: str, answers: dict) -> str:
    from .names import NameNotFound, country_code

    try:
        return country_code(text)
    except NameNotFound as exc:
        raise AnswerError(key, exc.message, hint=exc.hint) from None


def _parse_fields(key: str, text: str, answers: dict) -> list[str]:
    from .labels import read_label

    known = _field_ids()
    given = [part.strip() for part in text.split(",") if part.strip()]
    values, unknown = [], []
    for part in given:
        found = known[int(part) - 1] if part.isdigit() and 1 <= int(part) <= len(known) \
            else read_label("fields", part)
        if found is None:
            unknown.append(part)
        values.append(found)
    if unknown:
        raise AnswerError(key, N_("unknown fields of cooperation: {ids}", ids=", ".join(unknown)),
                          hint=N_("use the ids, numbers or names that the list shows; add other "
                                  "fields to the spec afterwards as custom wording"))
    if not values:
        raise AnswerError(key, N_("a Letter of Intent names at least one field of cooperation"))
    return list(dict.fromkeys(values))


def _parse_term(key: str, text: str, answers: dict):
    from .labels import read_label
    from .models import term_years

    if read_label("term", text) == "open":
        return "open"
    years = term_years(text)
    if years is not None and 1 <= years <= 99:
        return years
    raise AnswerError(key, N_("the term is 'open' or a number of years from 1 to 99"),
                      hint=N_("e.g. open, 5, 5 ปี or 5 years"))


def _parse_date(key: str, text: str, answers: dict) -> dt.date:
    from .dates import DateError, read_date

    try:
        return read_date(text).date
    except DateError as exc:
        raise AnswerError(key, exc.message, hint=exc.hint) from None


# ---------------------------------------------------------------- all the answers


def needed(answers: dict) -> list[str]:
    """The keys of every question asked, given the answers so far, in order."""
    return [q.key for q in QUESTIONS if applies(q, answers)]


def missing(answers: dict) -> list[str]:
    """The required answers not given (those without a default), in question order.

    Questions that depend on a missing instrument or partner's language are not listed.
    """
    result = []
    for key in needed(answers):
        question = QUESTION_BY_KEY[key]
        if key in answers or default_answer(key, answers) is not None:
            continue
        if "instrument" not in answers and (question.instrument or key in alternatives()):
            continue
        if "partner_lang" not in answers and question.other_language:
            continue
        if "province" not in answers and key in ("thai_position_en", "thai_position_th"):
            continue  # offered from the province once it is known
        result.append(key)
    return result


def parse_given(given: dict[str, str]) -> tuple[dict, list[AnswerError]]:
    """Parse answers given as text (e.g. options); returns the valid values and the errors.

    ``instrument`` and ``partner_lang`` are parsed first since other answers depend on them;
    answers to questions that do not apply are dropped.
    """
    answers: dict = {}
    errors: list[AnswerError] = []
    order = ["instrument", "province", "partner_lang"] + [q.key for q in QUESTIONS]
    for key in dict.fromkeys(order):
        if given.get(key) is None or not applies(QUESTION_BY_KEY[key], answers):
            continue
        try:
            answers[key] = parse_answer(key, given[key], answers)
        except AnswerError as exc:
            errors.append(exc)
    return answers, errors


def complete(answers: dict) -> dict:
    """The answers with every default filled in (for the questions that apply)."""
    result = dict(answers)
    for key in needed(result):
        if key not in result:
            default = default_answer(key, result)
            if default is not None:
                result[key] = parse_answer(key, default, result)
    return result


def _names(answers: dict, prefix: str) -> dict[str, str]:
    names = {"en": answers[f"{prefix}_en"], "th": answers[f"{prefix}_th"]}
    other = other_language(answers)
    if other:
        names[other] = answers[f"{prefix}_other"]
    return names


def build_spec(answers: dict) -> dict:
    """The spec (plain data, in the order a person reads it) that complete ``answers`` describe."""
    answers = complete(answers)
    lacking = missing(answers)
    if lacking:
        raise UsageError(N_("missing answers: {options}", options=", ".join(option_name(k) for k in lacking)))
    instrument = answers["instrument"]
    spec: dict = {"instrument": instrument}
    from ..forms import get_form

    for key in get_form(instrument).alternatives:
        if key in answers:
            spec[key] = answers[key]
    spec["fields"] = list(answers["fields"])
    if instrument == "mou":
        term = answers["term"]
        spec["term"] = term if term == "open" else {"years": term}
    thai_party: dict = {"province": answers["province"]}
    if other_language(answers):
        thai_party["name"] = {other_language(answers): answers["thai_name_other"]}
    spec["thai_party"] = thai_party
    partner_names = {"en": answers["partner_en"], "th": answers["partner_th"]}
    if other_language(answers):
        partner_names[other_language(answers)] = answers["partner_name_other"]
    spec["partner"] = {"name": partner_names, "country": answers["country"],
                       "level": answers["level"], "language": answers["partner_lang"]}
    spec["signing"] = {"place": _names(answers, "place"), "date": answers["date"]}
    spec["signatories"] = {
        side: {"name": _names(answers, f"{side}_signatory"),
               "position": _names(answers, f"{side}_position")}
        for side in ("thai", "partner")
    }
    if answers.get("draft"):
        spec["draft"] = True
    return spec


# ---------------------------------------------------------------- the commented YAML

COMMENTS = {
    "instrument": N_("The instrument: loi (Letter of Intent) or mou (Memorandum of Understanding)."),
    "title": N_("Title of the MOU. Listed values: {options}."),
    "relationship": N_("Name of the relationship (title and last clause). Listed values: {options}."),
    "parties": N_("How the two parties are called in the clauses. Listed values: {options}."),
    "opening": N_("The formula that opens the clauses. Listed values: {options}."),
    "preposition": N_("Clauses 1 and 2: cooperation 'on' or 'in' the fields. Listed values: {options}."),
    "intent": N_("Clause 4: the parties 'aim to' or 'will' establish the relationship. "
                 "Listed values: {options}."),
    "fields": N_("Fields of cooperation, ids listed by 'moukit forms'. "
                 "In an MOU an empty list [] means 'in various fields'."),
    "term": N_("Clause 5: open (in effect until either party ends it by written notice; "
               "reconstructed wording) or years: N (a fixed term, renewable by mutual decision)."),
    "thai_party": N_("The Thai party: the province, by its official English or Thai name."),
    "thai_party.name": N_("The province's name in the partner's language "
                          "(the Thai and English names come from the official list)."),
    "partner": N_("The foreign partner."),
    "partner.name": N_("The partner's name in each language of the document."),
    "partner.country": N_("The partner's country, ISO 3166-1 code."),
    "partner.level": N_("The partner's administrative level: {meaning}."),
    "partner.language": N_("The partner's official language, ISO 639-1 code: the document is "
                           "written in Thai, this language and English."),
    "signing": N_("Where and when the instrument is signed."),
    "signing.place": N_("The place of signing in each language."),
    "signing.date": N_("The date of signing, YYYY-MM-DD."),
    "signatories": N_("The signatories: name and position in each language."),
    "signatories.thai": N_("The Thai party's signatory, usually the governor."),
    "signatories.partner": N_("The partner's signatory."),
    "draft": N_("Print the form's \"(Draft)\" marker."),
}
HEADER = (
    N_("moukit spec: {name}, {thai} and {partner}."),
    N_("Written by 'moukit init'. Check and render it with: moukit render <this file>"),
    N_("Every value may be edited; each comment explains the value below it."),
)


def yaml_scalar(value) -> str:
    """``value`` (text, number, date, bool) as one YAML flow scalar that reads back the same."""
    import yaml

    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1 << 30)
    if text.endswith("\n...\n"):
        text = text[: -len("\n...\n")]
    return text.rstrip("\n")


def _comment_text(path: str, spec: dict, t: Callable[[str], str]) -> str | None:
    template = COMMENTS.get(path)
    if template is None:
        return None
    text = t(template)
    if "{options}" in text:
        from ..forms import get_form

        text = text.format(options=", ".join(get_form(spec["instrument"]).alternatives[path].options))
    elif "{meaning}" in text:
        from ..forms import vocabulary

        rank = vocabulary()["partner_levels"].get(spec["partner"]["level"])
        meaning = {"equal": N_("equal to or above a Thai province"),
                   "lower": N_("below a Thai province: needs an exception (MOI and MFA)")}.get(rank, "")
        text = text.format(meaning=t(meaning))
    return text


def _emit(lines: list[str], key: str, value, path: str, spec: dict, t, indent: int) -> None:
    pad = "  " * indent
    comment = _comment_text(path, spec, t)
    if comment:
        width = max(40, COMMENT_WIDTH - len(pad))
        lines += [f"{pad}# {line}" for line in textwrap.wrap(comment, width, break_long_words=False)]
    name = yaml_scalar(key)
    if isinstance(value, dict) and value:
        lines.append(f"{pad}{name}:")
        for sub_key, sub_value in value.items():
            _emit(lines, sub_key, sub_value, f"{path}.{sub_key}", spec, t, indent + 1)
    elif isinstance(value, list):
        lines.append(f"{pad}{name}: [{', '.join(yaml_scalar(v) for v in value)}]")
    else:
        lines.append(f"{pad}{name}: {yaml_scalar(value)}")


def spec_yaml(spec: dict, lang: str = "en") -> str:
    """The spec as YAML with a comment, in UI language ``lang``, above each value.

    The values read back exactly (``yaml.safe_load(spec_yaml(s)) == s``).
    """
    t = translation(lang).gettext
    head = t(HEADER[0]).format(name=t(INSTRUMENT_NAMES[spec["instrument"]]),
                               thai=spec["thai_party"]["province"],
                               partner=spec["partner"]["name"]["en"])
    lines = [f"# {head}"] + [f"# {t(text)}" for text in HEADER[1:]]
    for key, value in spec.items():
        lines.append("")
        _emit(lines, key, value, key, spec, t, 0)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- asking


def language_name(code: str, ui_lang: str) -> str:
    """The name of language ``code`` in the UI language, e.g. ``ja`` -> Japanese or ภาษาญี่ปุ่น."""
    from .names import language_name as named

    return named(code, ui_lang)


def prompt_text(key: str, answers: dict, ui_lang: str) -> str:
    """The prompt of question ``key`` in the UI language, with its default in brackets."""
    text = _(QUESTION_BY_KEY[key].prompt)
    lang = question_language(key, answers)
    if lang:
        text = text.format(language=language_name(lang, ui_lang))
    default = default_answer(key, answers)
    if default:
        text += f" [{default}]"
    elif default == "":
        text += " " + _("[empty: in various fields]")
    return text + ": "


def interview(answers: dict, ask: Callable[[str], str], say: Callable[[str], None],
              ui_lang: str = "en", on_question: Callable[[str, dict], None] | None = None) -> dict:
    """Ask every question not answered yet (re-asking after an invalid answer); return all answers.

    ``ask(prompt)`` returns one line (``EOFError`` ends the interview with an error);
    ``say(text)`` shows lists of choices and problems; ``on_question(key, answers)``, if given,
    is called before each question (the command line sets up Tab completion there).
    """
    answers = dict(answers)
    while True:
        pending = [k for k in needed(answers) if k not in answers]
        if not pending:
            return answers
        key = pending[0]
        listed = choices(key, answers)
        if listed:
            width = max(len(value) for value, _meaning in listed)
            for number, (value, meaning) in enumerate(listed, 1):
                say(f"  {number:>2}. {value:<{width}}  {meaning}")
        while key not in answers:
            if on_question is not None:
                on_question(key, answers)
            try:
                text = ask(prompt_text(key, answers, ui_lang))
            except EOFError:
                raise UsageError(N_("the input ended before every question was answered"),
                                  hint=N_("answer every question, or give every answer as an "
                                          "option with --non-interactive")) from None
            text = text.strip()
            if not text and default_answer(key, answers) is not None:
                text = default_answer(key, answers)
            try:
                answers[key] = parse_answer(key, text, answers)
            except AnswerError as exc:
                say("  " + problem_text(exc, ui_lang))
                continue
            read = echo(key, text, answers[key])
            if read is not None:
                say("  " + translate(read, ui_lang))


def problem_message(error: AnswerError) -> str:
    """An invalid answer's message and how to fix it, as one sentence: ``'Chiang Mia' is not
    a Thai province: did you mean Chiang Mai or Chiang Rai?``"""
    if not error.hint:
        return error.message
    if str(error.message).endswith("?"):  # "... did you mean 2026-08-20?" then the fix
        return N_("{message} {hint}", message=error.message, hint=error.hint)
    return N_("{message}: {hint}", message=error.message, hint=error.hint)


def problem_text(error: AnswerError, lang: str) -> str:
    """:func:`problem_message` in ``lang``."""
    return translate(problem_message(error), lang)


def completer_words(key: str, answers: dict) -> list[str]:
    """The words Tab completes for question ``key`` (province names, listed values, field ids)."""
    if key == "province":
        from .provinces import all_provinces

        return sorted({p.name_en for p in all_provinces()} | {p.name_th for p in all_provinces()})
    if key == "term":
        from .labels import labels

        return ["open", *labels("term", "open", "th")]
    return [value for value, _meaning in choices(key, answers)]


# ---------------------------------------------------------------- for other programs


class Interview:
    """``moukit init``'s questions for a program that asks them its own way (the workbench
    lays them out as a web form): their wording, listed values and defaults in ``lang``
    (``"th"`` or ``"en"``), the answers read as ``init`` reads them, and the spec they make.
    ``templates``: language-pack folders whose languages the partner may write, as for
    :func:`moukit.render`.

    >>> import moukit
    >>> interview = moukit.Interview("en")
    >>> interview.prompt("partner_th", {"partner_lang": "ja"})
    "Partner's name in Thai"
    >>> values, problems = interview.parse({"instrument": "mou", "date": "22/11/2569"})
    >>> values["date"], problems["province"], problems["province"][0].in_language("th")
    (datetime.date(2026, 11, 22), ['an answer is needed'], 'ต้องตอบข้อนี้')
    """

    questions: tuple[Question, ...] = QUESTIONS

    def __init__(self, lang: str = "en", templates: PathsArg = ()) -> None:
        self.lang = lang
        self.templates = templates

    @property
    def alternatives(self) -> tuple[str, ...]:
        """The keys of the questions that choose among a form's listed alternatives."""
        return alternatives()

    def question(self, key: str) -> Question:
        """The question whose answer is ``key``."""
        return QUESTION_BY_KEY[key]

    def applies(self, key: str, answers: dict) -> bool:
        """Whether question ``key`` is asked, given the answers so far."""
        return applies(QUESTION_BY_KEY[key], answers)

    def prompt(self, key: str, answers: dict) -> str:
        """The question's wording in this interview's language, the language it asks for
        filled in (the partner's, while it is not known)."""
        text = translate(QUESTION_BY_KEY[key].prompt, self.lang)
        if "{language}" in text:
            code = question_language(key, {k: v for k, v in answers.items() if v})
            name = language_name(code, self.lang) if code else translate(N_("the partner's language"), self.lang)
            text = text.format(language=name)
        return text

    def options(self, key: str, answers: dict | None = None) -> list[tuple[str, str]]:
        """The listed values of question ``key`` with their labels in this interview's
        language: the instruments, levels (with what each means for the review), fields,
        partner's languages (those the packs write), Thai provinces (English name, Thai
        name) and, given the instrument, a form's alternatives."""
        answers = answers or {}
        if key == "level":
            from ..forms import vocabulary

            return [(k, f"{labels.label_text('level', k)}: {translate(RANK_TEXT[rank], self.lang)}")
                    for k, rank in vocabulary()["partner_levels"].items()]
        if key == "fields":
            return [(k, labels.labels("fields", k, self.lang)[0]) for k in labels.options("fields")]
        if key == "partner_lang":
            from ..packs.library import TemplateLibrary

            return [(code, f"{language_name(code, self.lang)} ({code})")
                    for code in TemplateLibrary.of(self.templates).available() if code != "th"]
        if key == "province":
            from .provinces import all_provinces

            return [(p.name_en, p.name_th) for p in all_provinces()]
        if key == "instrument" or key in alternatives():
            return [(k, labels.label_text(key, k)) for k in labels.options(key, answers.get("instrument"))]
        return []

    def default(self, key: str, answers: dict) -> str | None:
        """The answer taken when question ``key`` is left empty, or None when it is required."""
        return default_answer(key, answers)

    def parse(self, given: dict[str, str]) -> tuple[dict, dict[str, list[str]]]:
        """The answers given as text read as ``init`` reads them: the values, and the
        problems by question, a required answer not given among them. A problem is a message:
        a ``str`` in English, ``.in_language("th")`` in Thai (as an error's)."""
        values, errors = parse_given(given)
        problems: dict[str, list[str]] = {}
        for error in errors:
            problems.setdefault(error.key, []).append(problem_message(error))
        for key in missing(values):
            problems.setdefault(key, [N_("an answer is needed")])
        return values, problems

    def spec_data(self, values: dict) -> dict:
        """The spec (plain data, in the order a person reads it) that the values of
        :meth:`parse` make, every default filled in; :class:`moukit.MoukitError` when one is
        missing. Validate it with :func:`moukit.parse_spec`."""
        return build_spec(values)

    def spec_yaml(self, data: dict) -> str:
        """The spec as the YAML file ``init`` writes, its comments in this interview's language."""
        return spec_yaml(data, self.lang)

    def language_name(self, code: str) -> str:
        """The name of language ``code`` in this interview's language (``ภาษาญี่ปุ่น``)."""
        return language_name(code, self.lang)

    def label(self, kind: str, key: str) -> str:
        """The label of id ``key`` of ``kind`` (instrument, level, fields, term or an
        alternative) in this interview's language."""
        return labels.labels(kind, key, self.lang)[0]

    @staticmethod
    def date_text(date: dt.date) -> str:
        """A date as a Thai form writes it and the date question reads it: day/month/B.E.
        year (``22/11/2569``)."""
        from ..text.formatting import BE_OFFSET

        return f"{date.day:02d}/{date.month:02d}/{date.year + BE_OFFSET}"

    @staticmethod
    def date_shown(text: str) -> str | None:
        """The date an answer is read as, in Thai (``22 พฤศจิกายน พ.ศ. 2569``), or None."""
        from .dates import DateError, read_date, thai_date

        try:
            return thai_date(read_date(text).date) if text else None
        except DateError:
            return None
