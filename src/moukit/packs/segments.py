"""What a translator translates to add a language: the *segments* of the English master pack,
the placeholder notation they are shown in, and the pack's templates and lexicon rebuilt from
their translations.

(A segment is a piece of text to translate. It is not a *meaning unit*, the concept of the
translation check and of ``packs/<lang>/units.yaml``.)

The segments are derived, never listed by hand: every ``{% block %}`` of the English
templates (``packs/en/loi.j2``, ``mou.j2``) is read from its Jinja syntax tree. A block
without conditions is one segment; a block with ``{% if %}...{% else %}...{% endif %}`` is one
segment per branch combination, each a whole sentence, so that a translator may order the
words of each as the language needs (MOU clause 5 with a fixed term, and with an open term).
Then every entry of the English lexicon a translation needs: the wording of the alternatives,
the fields of cooperation, the names of languages, the term, the draft marker...

The variables of a template are shown as placeholders the translator keeps: ``{{ fields }}`` as
``{fields}``, ``{{ thai_signatory.name }}`` as ``{thai_signatory.name}``, and a value that starts
a sentence, ``{{ parties|capfirst }}``, as ``{Parties}`` (the same value, its first letter a
capital). The lexicon's own patterns (``{name}``, ``{n}``, ``{words}``) are shown as they are.

>>> segs = {s.id: s for s in english_segments("tr")}
>>> segs["loi.c1"].english
'{Parties} will strengthen and further improve the existing cooperation {preposition} {fields}.'
>>> sorted(s for s in segs if s.startswith("mou.c5."))
['mou.c5.term-fixed', 'mou.c5.term-open']
>>> segs["lexicon.alternatives.parties.both_sides"].english
'both sides'
>>> [p.name for p in find_placeholders("{ Parties } und {thai_signatory.name}")]
['parties', 'thai_signatory.name']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._yaml import load_yaml
from ..errors import TemplateError
from ..forms import INSTRUMENTS, Form, get_form
from ..i18n import N_

LEXICON = "lexicon"  # the group of the lexicon's segments (the others are the instruments)

# What a segment's placeholders may look like as a translator types them back: braces (also
# full-width ones, as an input method types them), spaces inside, any case.
PLACEHOLDER = re.compile(
    r"[{\uff5b]\s*([A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*[}\uff5d]")

# Lexicon keys that are settings of the pack, not wording (``moukit pack new`` fills them in)
SETTINGS = ("language", "name", "locale", "date_pattern", "calendar", "date_strftime", "list", "digits")

# How the form's clauses are named to a translator, by kind and id (a clause not listed here is
# named by its kind and id, so a new clause needs no entry)
CLAUSE_NAMES = {
    "title": "the title (one line per line)",
    "preamble": "the preamble",
    "parties": "the paragraph naming the parties",
    "guided": "the paragraph 'Guided by ...'",
    "considering": "the paragraph 'Taking into consideration ...'",
    "opening": "the formula that opens the clauses",
    "signing": "the signing clause",
    "nonbinding": "the sentence saying the Letter creates no rights or obligations",
    "sign_thai": "the Thai party's signature block (one line per line)",
    "sign_partner": "the partner's signature block (one line per line)",
}


@dataclass(frozen=True)
class Placeholder:
    """A placeholder found in a text: where, its canonical name, and whether the value's first
    letter is a capital there (``{Parties}``)."""

    start: int
    end: int
    name: str
    capfirst: bool

    @property
    def shown(self) -> str:
        """How the placeholder is written: ``{parties}`` or ``{Parties}``."""
        return "{" + (self.name[:1].upper() + self.name[1:] if self.capfirst else self.name) + "}"


def find_placeholders(text: str) -> list[Placeholder]:
    """The placeholders of ``text`` as a translator may have typed them (``{ Parties }``,
    ``｛fields｝``), each with its canonical lower-case name."""
    out = []
    for m in PLACEHOLDER.finditer(text):
        raw = re.sub(r"\s+", "", m.group(1))
        out.append(Placeholder(m.start(), m.end(), raw.lower(), raw[:1].isupper()))
    return out


def canonical_placeholders(text: str, *, capitals: bool = True) -> str:
    """``text`` with every placeholder written the canonical way (``{ Parties }`` becomes
    ``{Parties}``; without ``capitals``, ``{parties}``)."""
    out, pos = [], 0
    for ph in find_placeholders(text):
        out.append(text[pos:ph.start])
        out.append(ph.shown if capitals else "{" + ph.name + "}")
        pos = ph.end
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True)
class Segment:
    """One piece of the English master to translate, and where its translation goes back.

    ``id`` is stable: ``<instrument>.<clause>`` (``mou.c3``), with the branch for a clause
    with conditions (``mou.c5.term-fixed``), or ``lexicon.<key path>``
    (``lexicon.alternatives.parties.both_sides``, ``lexicon.number_words.5``).
    """

    id: str
    english: str
    note: str
    group: str  # "loi", "mou"... or LEXICON
    placeholders: tuple[str, ...] = ()  # the names the English uses, in order, once each
    allowed: frozenset[str] = frozenset()  # the names a translation may use
    required: frozenset[str] = frozenset()  # the names a translation must use
    one_of: frozenset[str] = frozenset()  # a translation must use at least one of these
    optional: bool = False  # may be left empty (see the note for what happens then)
    multiline: bool = False  # its line breaks are kept (a title, a signature block)
    clause: str = ""  # the clause of a template segment
    condition: str = ""  # the Jinja condition of its branch ("" for a clause without)
    path: tuple = ()  # the key path in the lexicon of a lexicon segment
    formatted: bool = False  # a lexicon pattern read with str.format ({name}, {n}, {words})

    @property
    def name_like(self) -> bool:
        """True when the English has no words of its own (only placeholders and
        punctuation): a translation may well be the same."""
        rest = PLACEHOLDER.sub("", self.english)
        return not re.search(r"\w", rest)


# ------------------------------------------------------------------ templates: the syntax tree


@dataclass
class _Path:
    """One way through a block: the text with placeholders, and the branch taken at each
    condition on the way (``(test source, branch index, branch count, labels)``)."""

    text: str = ""
    choices: list = field(default_factory=list)


def _expr_source(node) -> str:
    """The Jinja source of a condition (names, attributes, not/and/or, comparisons with
    constants): what a rebuilt template tests."""
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_expr_source(node.node)}.{node.attr}"
    if isinstance(node, nodes.Not):
        return f"not ({_expr_source(node.node)})"
    if isinstance(node, (nodes.And, nodes.Or)):
        op = "and" if isinstance(node, nodes.And) else "or"
        return f"({_expr_source(node.left)}) {op} ({_expr_source(node.right)})"
    if isinstance(node, nodes.Const) and isinstance(node.value, (str, int, float, bool, type(None))):
        return repr(node.value) if not isinstance(node.value, str) else '"' + node.value.replace(
            "\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(node, nodes.Compare):
        ops = {"eq": "==", "ne": "!=", "gt": ">", "gteq": ">=", "lt": "<", "lteq": "<=",
               "in": "in", "notin": "not in"}
        parts = [_expr_source(node.expr)]
        for operand in node.ops:
            if operand.op not in ops:
                break
            parts += [ops[operand.op], _expr_source(operand.expr)]
        else:
            return "(" + " ".join(parts) + ")"
    raise _unsupported(node)


def _unsupported(node) -> TemplateError:
    return TemplateError(
        N_("the English template uses {construct} (line {line}), which a translator's file cannot show",
           construct=type(node).__name__, line=getattr(node, "lineno", "?")),
        hint=N_("keep the English templates to text, {variables}, {capfirst} and {conditions} in blocks",
                variables="{{ variables }}", capfirst="{{ x|capfirst }}",
                conditions="{% if %}/{% elif %}/{% else %}"))


def _placeholder_of(node) -> str:
    """``{name}`` or ``{Name}`` for an expression the English prints."""
    from jinja2 import nodes

    if isinstance(node, nodes.Filter) and node.name == "capfirst" and not node.args \
            and not node.kwargs and node.node is not None:
        return Placeholder(0, 0, _dotted(node.node), True).shown
    return "{" + _dotted(node) + "}"


def _dotted(node) -> str:
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr) and isinstance(node.node, (nodes.Name, nodes.Getattr)):
        return f"{_dotted(node.node)}.{node.attr}"
    raise _unsupported(node)


def _paths(body: list, form: Form | None) -> list[_Path]:
    """Every way through ``body`` (a list of template nodes)."""
    from jinja2 import nodes

    paths = [_Path()]
    for node in body:
        if isinstance(node, nodes.Output):
            piece = "".join(child.data if isinstance(child, nodes.TemplateData) else _placeholder_of(child)
                            for child in node.nodes)
            for p in paths:
                p.text += piece
        elif isinstance(node, nodes.If):
            branches = [(node.test, node.body)] + [(e.test, e.body) for e in node.elif_] \
                + [(None, node.else_)]
            tests = [_expr_source(t) for t, _ in branches if t is not None]
            labels = _branch_labels(branches, form)
            grown = []
            for p in paths:
                for index, (_test, branch_body) in enumerate(branches):
                    for sub in _paths(branch_body, form):
                        grown.append(_Path(p.text + sub.text,
                                           p.choices + [(tests, index, labels[index])] + sub.choices))
            paths = grown
        else:
            raise _unsupported(node)
    return paths


def _branch_labels(branches, form: Form | None) -> list[tuple[str, str]]:
    """A short id and a note for each branch of a condition: the form's variant when the
    condition tests a slot shown in one variant (``term-fixed``: "Option 2: ..."), else the
    condition itself."""
    from jinja2 import nodes

    first = branches[0][0]
    slot = None
    if form is not None and len(branches) == 2 and isinstance(first, (nodes.Name, nodes.Getattr)):
        try:
            slot = form.slot(_dotted(first))
        except KeyError:
            slot = None
    if slot is not None and len(slot.variant) == 1:
        (name, value), = slot.variant.items()
        variant = form.variants.get(name)
        others = [v for v in (variant.values if variant else ()) if v != value]
        if variant is not None and len(others) == 1:
            return [(f"{name}-{value}", variant.values[value]),
                    (f"{name}-{others[0]}", variant.values[others[0]])]
    labels = []
    for test, _ in branches:
        if test is None:
            labels.append(("else" if len(branches) > 2 else f"not-{_slug(_expr_source(first))}",
                           "when none of the conditions above holds"))
        else:
            labels.append((f"if-{_slug(_expr_source(test))}", f"when {_expr_source(test)}"))
    return labels


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "-", text).strip("-") or "x"


def _condition(choices) -> str:
    """The condition under which a path is taken (``""`` when it takes no branch)."""
    parts = []
    for tests, index, _ in choices:
        parts += [f"not ({t})" if "(" in t or " " in t else f"not {t}" for t in tests[:index]]
        if index < len(tests):
            parts.append(tests[index])
    return " and ".join(parts)


def _clean(text: str) -> str:
    """A rendered block as the library cleans it: the whole and each line stripped."""
    return "\n".join(line.strip() for line in text.strip().split("\n"))


def clause_name(form: Form | None, clause_id: str) -> str:
    """How a clause is named to a translator: "clause 3", "the signing clause"..."""
    clause = None
    if form is not None:
        clause = next((c for c in form.clauses if c.id == clause_id), None)
    if clause is not None and clause.kind == "numbered" and clause.number:
        return f"clause {clause.number}"
    if clause_id in CLAUSE_NAMES:
        return CLAUSE_NAMES[clause_id]
    return f"the {clause.kind if clause else 'block'} '{clause_id}'"


def template_segments(instrument: str, source: str, form: Form | None = None) -> list[Segment]:
    """The segments of one English template (its Jinja ``source``): one per block, or one per
    branch combination of a block with conditions, in the order of the template."""
    from jinja2 import TemplateSyntaxError, nodes

    from .jinja import environment

    try:
        tree = environment([]).parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(N_("template syntax error: {error}", error=exc.message),
                            file=f"en/{instrument}.j2", line=exc.lineno) from None
    form_name = form.name if form is not None else instrument.upper()
    out = []
    for block in tree.find_all(nodes.Block):
        paths = _paths(block.body, form)
        where = f"{form_name}, {clause_name(form, block.name)}"
        for p in paths:
            english = _clean(p.text)
            names = tuple(dict.fromkeys(ph.name for ph in find_placeholders(english)))
            suffix = ".".join(label for _, _, (label, _) in p.choices)
            notes = "; ".join(note for _, _, (_, note) in p.choices)
            out.append(Segment(
                id=f"{instrument}.{block.name}" + (f".{suffix}" if suffix else ""),
                english=english,
                note=where + (f" - {notes}" if notes else ""),
                group=instrument,
                placeholders=names,
                allowed=frozenset(names),
                # the wording of an alternative (the parties, the title) may be said otherwise
                # in a clause (ฝ่ายใดฝ่ายหนึ่ง for "either of the Participants"); values may not
                required=frozenset(n for n in names if form is None or n not in form.alternatives),
                multiline="\n" in english,
                clause=block.name,
                condition=_condition(p.choices),
            ))
    return out


# ------------------------------------------------------------------ the lexicon


def _language_names(lang: str) -> dict[str, str]:
    """Names of languages in ``lang`` as babel has them (suggestions for a translator)."""
    from babel import Locale, UnknownLocaleError

    try:
        return dict(Locale.parse(lang).languages)
    except (UnknownLocaleError, ValueError):
        return {}


def main_territory(lang: str) -> str | None:
    """The country where ``lang`` is most spoken, as babel's likely subtags say (tr -> TR)."""
    from babel.core import get_global

    likely = get_global("likely_subtags").get(lang)
    parts = str(likely or "").split("_")
    return parts[-1] if len(parts) > 1 and parts[-1].isupper() else None


def _usage(segments: list[Segment]) -> dict[str, list[str]]:
    """Where each placeholder appears in the templates: name -> ["LOI clause 1", ...]."""
    used: dict[str, list[str]] = {}
    for seg in segments:
        short = seg.group.upper()
        label = f"{short} {clause_name(_form_or_none(seg.group), seg.clause)}"
        for name in seg.placeholders:
            if label not in used.setdefault(name, []):
                used[name].append(label)
    return used


def _form_or_none(instrument: str) -> Form | None:
    return get_form(instrument) if instrument in INSTRUMENTS else None


def lexicon_segments(lang: str, english: dict, templates: list[Segment]) -> list[Segment]:
    """The lexicon entries a translation into ``lang`` needs, from the English ``lexicon``:
    every wording except the pack's settings (:data:`SETTINGS`), and the optional names of the
    relationship for a province-level partner (``provincial_alternatives``). Names of languages: Thai,
    English and ``lang`` itself (the languages a signing clause in ``lang`` names); countries:
    Thailand and ``lang``'s main country; the Thai party's name patterns only for Thai (every
    other language takes that name from the spec); and, optional, the relationship's names for
    a province-level partner (``provincial_alternatives``), which the English does not have:
    the form's English says "Sister Cities" whatever the partner, a language may not."""
    used = _usage(templates)
    babel_names = _language_names(lang)
    out: list[Segment] = []

    def add(path: tuple, english_text: str, note: str, **kw) -> None:
        names = tuple(dict.fromkeys(ph.name for ph in find_placeholders(english_text)))
        kw.setdefault("allowed", frozenset(names))
        kw.setdefault("required", frozenset(names))
        out.append(Segment(id=".".join([LEXICON, *map(str, path)]), english=english_text, note=note,
                           group=LEXICON, placeholders=names, path=path, **kw))

    for key, value in english.items():
        if key in SETTINGS:
            continue
        if key == "alternatives":
            for group, options in value.items():
                for option, word in options.items():
                    forms = [i for i in INSTRUMENTS if group in get_form(i).alternatives
                             and option in get_form(i).alternatives[group].options]
                    capital = any("{" + group.title() + "}" in seg.english for seg in templates
                                  if seg.group in forms)
                    where = " ".join(f"{f.instrument.upper()}: {f.alternatives[group].description}"
                                     for f in (get_form(i) for i in INSTRUMENTS)
                                     if group in f.alternatives and option in f.alternatives[group].options)
                    note = f"{{{group}}} = {option}. {where or 'An alternative of the form.'}"
                    if capital and str(word)[:1].islower():
                        note += (" Write it as inside a sentence (a small first letter where your "
                                 f"language has one): {{{group.title()}}} gives it a capital.")
                    add((key, group, option), str(word), note)
            _provincial_segments(value.get("relationship") or {}, add)
        elif key == "fields":
            where = ", ".join(used.get("fields", [])) or "the fields of cooperation"
            for fid, word in value.items():
                add((key, fid), str(word),
                    f"A field of cooperation ({where}), listed as 'economy, trade and tourism'.")
        elif key == "languages":
            for code in dict.fromkeys(["th", "en", lang]):
                english_name = str(value.get(code) or _language_names("en").get(code, code))
                suggestion = babel_names.get(code)
                add((key, code), english_name,
                    "The name of the language as the signing clause writes it ('in the Thai, "
                    "{partner_language} and English languages')."
                    + (f" babel's name: {suggestion}" if suggestion else ""))
        elif key == "countries":
            territory = main_territory(lang)
            english_names = _territory_names("en")
            local = _territory_names(lang)
            for code in dict.fromkeys(["TH"] + ([territory] if territory else [])):
                add((key, code), str(value.get(code) or english_names.get(code, code)),
                    "The official long name of the country (the document's parties). If left "
                    "empty, babel's name is used" + (f" ({local[code]})." if code in local else "."),
                    optional=True)
        elif key == "thai_party":
            if lang != "th":
                continue  # other languages take the Thai party's name from the spec
            for part, pattern in value.items():
                add((key, part), str(pattern),
                    "The Thai party's name: {name} is the province's Thai name." if part == "province"
                    else "The name of the Bangkok Metropolitan Administration as a party.",
                    formatted=True)
        elif key == "number_words" and isinstance(value, list):
            for n, word in enumerate(value):
                add((key, n), str(word),
                    f"The number {n} in words, for {{words}} of the term (MOU clause 5). If left "
                    "empty, the number is written in figures.", optional=True)
        elif key == "term_years":
            add((key,), str(value),
                "MOU clause 5 (a fixed term): the words for the term in '... for a {term_text} "
                "period'. {n} is the number of years in figures, {words} the number in words "
                "(the number words below); use one of them or both, e.g. '{n} years', "
                "'{words}-year' or '{n} ({words}) years'. Type a placeholder the English does not "
                "show as it is, with its braces.",
                allowed=frozenset({"n", "words"}), required=frozenset(), one_of=frozenset({"n", "words"}),
                formatted=True)
        elif key == "draft_marker":
            add((key,), str(value), "Printed at the top of a draft (a spec with draft: true).")
        else:  # a key a later English lexicon adds: every text in it
            for path, text in _leaves((key,), value):
                add(path, text, f"The lexicon entry {'.'.join(map(str, path))}.",
                    formatted="{" in text)
    return out


def _provincial_segments(relationships: dict, add) -> None:
    """The optional names of the relationship for a partner at the level of a province
    (the lexicon's ``provincial_alternatives``: 'Sister Provinces' where a language does not
    call two provinces cities); the English has none, the form's names stay its own."""
    from ..forms import vocabulary

    levels = ", ".join(str(level).replace("_", " ") for level in vocabulary().get("provincial_levels") or [])
    for option, word in relationships.items():
        add(("provincial_alternatives", "relationship", option), str(word),
            f"{{relationship}} = {option} when the partner is a {levels or 'province'}, "
            "where your language does not call a province and its partner cities (e.g. 'Sister "
            "Provinces'). Left empty, the wording above is used for every partner.", optional=True)


def _territory_names(lang: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    try:
        return dict(Locale.parse(lang).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def _leaves(path: tuple, value: Any):
    """Every (key path, text) of a nested mapping or list of texts."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(path + (k,), v)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(path + (i,), v)
    elif value is not None:
        yield path, str(value)


def glossary(segments: list[Segment]) -> list[tuple[str, str]]:
    """What each placeholder of ``segments`` stands for, in the order first used:
    ``[("{thai_name}", "name of Thai province: ..."), ...]``, from the form definitions."""
    from ..forms import KINDS

    slots = {}
    for form in (get_form(i) for i in INSTRUMENTS):
        for slot in form.slots:
            slots.setdefault(slot.name, (form, slot))
    lexicon_meaning = {
        "name": "in the Thai party's name: the province's name",
        "n": "in the term: the number of years in figures (5)",
        "words": "in the term: the number of years in words (five), from the number words",
    }
    out: dict[str, str] = {}
    for seg in segments:
        for name in seg.placeholders + tuple(sorted(seg.allowed - set(seg.placeholders))):
            if "{" + name + "}" in out:
                continue
            if seg.group == LEXICON or name not in slots:
                meaning = lexicon_meaning.get(name, "a value moukit puts in")
            else:
                form, slot = slots[name]
                if slot.kind == "alternative":
                    meaning = (f"the wording chosen for {name} (see the table of words): "
                               f"{form.alternatives[name].description}")
                else:
                    meaning = slot.label.strip("()") if slot.label.startswith("(") else name
                    if slot.kind in ("date", "language"):
                        meaning += f": {KINDS[slot.kind]}"
                    elif slot.kind == "field_list":
                        meaning += ": fields of cooperation from the table of words, listed"
                    elif slot.kind == "term":
                        meaning += ": the term, worded by lexicon.term_years in the table of words"
                    if slot.kind in ("text", "party_name") and slot.source:
                        meaning += f" (the spec's {slot.source[0]})"
            out["{" + name + "}"] = meaning
    for seg in segments:  # {Parties}: after {parties}
        for ph in find_placeholders(seg.english):
            if ph.capfirst and ph.shown not in out:
                out[ph.shown] = f"{{{ph.name}}} with a capital first letter, at the start of a sentence"
    order = []
    for key in out:
        if not key[1:2].isupper():
            order += [key] + [k for k in out if k[1:2].isupper() and k.lower() == key]
    return [(k, out[k]) for k in order]


# ------------------------------------------------------------------ all segments


def english_dir() -> Path:
    """The English master pack shipped with moukit."""
    from .library import builtin_templates_dir

    return builtin_templates_dir() / "en"


def english_segments(lang: str, source: str | Path | None = None) -> list[Segment]:
    """Every segment a translation into ``lang`` has: the blocks of the English templates (one
    per branch combination), then the lexicon entries. ``source`` is a folder holding the
    English ``lexicon.yaml`` and templates (default: the shipped English pack)."""
    folder = Path(source) if source is not None else english_dir()
    segments: list[Segment] = []
    for instrument in INSTRUMENTS:
        path = folder / f"{instrument}.j2"
        segments += template_segments(instrument, path.read_text("utf-8"), get_form(instrument))
    lexicon = load_yaml((folder / "lexicon.yaml").read_text("utf-8"))
    segments += lexicon_segments(lang, lexicon, segments)
    ids = [s.id for s in segments]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise TemplateError(N_("the English pack gives two segments the same id: {ids}",
                               ids=", ".join(twice)))
    return segments


# ------------------------------------------------------------------ rebuilding a pack


def _jinja_text(text: str) -> str:
    """A translated text as template source: placeholders as variables, and anything the
    translator typed that Jinja would read as its own syntax (``{{``, ``{%``, ``{#``) printed
    as it is."""
    out, pos = [], 0
    for ph in find_placeholders(text):
        out.append(_escape_jinja(text[pos:ph.start]))
        out.append("{{ %s%s }}" % (ph.name, "|capfirst" if ph.capfirst else ""))
        pos = ph.end
    out.append(_escape_jinja(text[pos:]))
    return "".join(out)


def _escape_jinja(text: str) -> str:
    # a "{" that would open a Jinja tag is printed by an expression instead
    return re.sub(r"\{(?=[{%#])", '{{ "{" }}', text)


def _format_text(text: str) -> str:
    """A translated lexicon pattern as str.format reads it: placeholders single, other braces
    doubled."""
    out, pos = [], 0
    for ph in find_placeholders(text):
        out.append(text[pos:ph.start].replace("{", "{{").replace("}", "}}"))
        out.append("{" + ph.name + "}")
        pos = ph.end
    out.append(text[pos:].replace("{", "{{").replace("}", "}}"))
    return "".join(out)


def build_template(instrument: str, segments: list[Segment], texts: dict[str, str], *,
                   header: str) -> str:
    """The template of ``instrument`` in the new language: every block in the English order,
    each the if/elif/else of the English's branches holding the translated sentences."""
    blocks: dict[str, list[Segment]] = {}
    for seg in segments:
        if seg.group == instrument:
            blocks.setdefault(seg.clause, []).append(seg)
    parts = [header]
    for clause, segs in blocks.items():
        if len(segs) == 1 and not segs[0].condition:
            body = _jinja_text(texts[segs[0].id])
        else:
            body = ""
            for i, seg in enumerate(segs):
                if i == len(segs) - 1:
                    body += "{% else %}" if i else ""
                else:
                    body += ("{% if " if i == 0 else "{% elif ") + seg.condition + " %}"
                body += _jinja_text(texts[seg.id])
            body += "{% endif %}" if len(segs) > 1 else ""
        parts.append("{%% block %s %%}%s{%% endblock %%}" % (clause, body))
    return "\n\n".join(parts) + "\n"


def build_lexicon(segments: list[Segment], texts: dict[str, str], settings: dict) -> dict:
    """The lexicon of the new language: its ``settings`` and every translated entry, at the
    English key paths. An optional entry left empty is left out (a number word in the middle
    of the list is then written in figures), and so is a provincial wording that is the same
    as the cities' one."""
    lexicon: dict = dict(settings)
    lists: dict[tuple, dict[int, str]] = {}
    for seg in segments:
        if seg.group != LEXICON:
            continue
        text = texts.get(seg.id, "")
        if not text and seg.optional:
            if isinstance(seg.path[-1], int):
                lists.setdefault(seg.path[:-1], {})
            continue
        value = _format_text(text) if seg.formatted else text
        if isinstance(seg.path[-1], int):
            lists.setdefault(seg.path[:-1], {})[seg.path[-1]] = value
            continue
        target = lexicon
        for key in seg.path[:-1]:
            target = target.setdefault(key, {})
        target[seg.path[-1]] = value
    provincial = lexicon.get("provincial_alternatives") or {}
    for group, options in list(provincial.items()):  # the same as the cities' wording: no entry
        same = {o for o, w in options.items() if w == (lexicon.get("alternatives") or {}).get(group, {}).get(o)}
        provincial[group] = {o: w for o, w in options.items() if o not in same}
        if not provincial[group]:
            del provincial[group]
    if "provincial_alternatives" in lexicon and not provincial:
        del lexicon["provincial_alternatives"]
    for path, items in lists.items():
        if not items:
            continue
        values = [items.get(n, str(n)) for n in range(max(items) + 1)]
        target = lexicon
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = values
    return lexicon


__all__ = ["LEXICON", "SETTINGS", "Placeholder", "Segment", "build_lexicon", "build_template",
           "canonical_placeholders", "clause_name", "english_dir", "english_segments",
           "find_placeholders", "glossary", "main_territory", "lexicon_segments", "template_segments"]
