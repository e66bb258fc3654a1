"""Rule packs: what a province may not commit to, as data.

A rule pack is a YAML file (see ``moukit/rules/default.yaml``) with rules of two kinds:
pattern rules (regular expressions per language, matched on the clauses a draft changes or
adds, beyond what the form's own clause says) and named checks (a function in :data:`moukit.checking.rules.checks.CHECKS`, for a clause
the form requires that was removed or changed). Users add packs with ``moukit check
--rules FILE``; codes must be unique across packs and differ from the check's own codes
(:data:`moukit.checking.codes.CODES`).

A pack may also list *negations* (``negation:``): wording that denies what a rule's words
would otherwise say ("is not legally binding", "does not cover visas"). A match that lies
wholly inside a negation's match is not counted; a negation names the codes it applies to
(all the pack's pattern rules when it names none).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ..._yaml import load_yaml, yaml_errors
from ...errors import RulePackError
from ...i18n import N_
from ...text import literals, regex_cache
from ..codes import CODES, ROUTES
from .checks import CHECKS


class RuleName(str):
    """A rule's name: the English ``name`` of the pack, shown in Thai (``name_th``) when a
    message quoting it is.

    >>> name = RuleName("land", "ที่ดิน")
    >>> name, name.in_language("th"), RuleName("land").in_language("th")
    ('land', 'ที่ดิน', 'land')
    """

    th: str

    def __new__(cls, name: str, th: str = "") -> RuleName:
        self = super().__new__(cls, name)
        self.th = th
        return self

    def in_language(self, lang: str) -> str:
        """The name in ``lang``: the Thai name when there is one, else the English."""
        return self.th if lang == "th" and self.th else str(self)


@dataclass(frozen=True)
class Rule:
    """One rule: a stable code, the route it triggers, and its patterns or named check."""

    code: str
    name: str
    route: str
    patterns: Mapping[str, tuple[re.Pattern, ...]] = field(default_factory=dict)
    check: str | None = None
    clause: str | None = None  # the clause a named check looks at
    units: tuple[str, ...] = ()  # the meaning units a translation of that clause must keep
    rationale: str = ""
    rationale_th: str = ""
    negations: Mapping[str, tuple[re.Pattern, ...]] = field(default_factory=dict)  # lang -> spans that deny

    def find(self, lang: str, text: str) -> list[re.Match]:
        """Matches of this rule's patterns for ``lang`` in ``text``, less those a negation
        of the pack denies (a match wholly inside a negation's match). A pattern is searched
        only when ``text`` holds one of the words every match of it needs
        (:mod:`moukit.text.literals`): most texts hold none."""
        indexes = self.patterns.candidates(lang, text)
        if not indexes:  # (nearly every text for nearly every rule)
            return []
        found = []
        for index in indexes:
            found.extend(self.patterns.compiled(lang, index).finditer(text))
        denied = self.denied(lang, text) if found else []
        if denied:
            found = [m for m in found if not any(a <= m.start() and m.end() <= b for a, b in denied)]
        return found

    def denied(self, lang: str, text: str) -> list[tuple[int, int]]:
        """The spans of ``text`` where a negation of this rule denies what its words say."""
        return [(m.start(), m.end()) for rx in self.negations.get(lang, ()) for m in rx.finditer(text)
                if m.end() > m.start()]


class Patterns(Mapping):
    """A rule's patterns by language, each compiled when a text may match it (the default
    pack holds a thousand; a check reads two or three languages and most texts hold none of
    a pattern's words)."""

    def __init__(self, sources: dict[str, tuple[str, ...]]) -> None:
        self._sources = sources
        self._compiled: dict[tuple[str, int], re.Pattern] = {}
        # lang -> (each required word -> the patterns needing it, those needing none, the words)
        self._by_literal: dict[str, tuple[dict[str, tuple[int, ...]], tuple[int, ...], frozenset[str]]] = {}
        self.known: dict[str, list] = {}  # lang -> the required words of each pattern, from the build

    def __getitem__(self, lang: str) -> tuple[re.Pattern, ...]:
        return tuple(self.compiled(lang, i) for i in range(len(self._sources[lang])))

    def compiled(self, lang: str, index: int) -> re.Pattern:
        """Pattern ``index`` for ``lang``, compiled (case ignored)."""
        key = (lang, index)
        if key not in self._compiled:
            self._compiled[key] = regex_cache.compile(self._sources[lang][index], re.IGNORECASE)
        return self._compiled[key]

    def candidates(self, lang: str, text: str) -> tuple[int, ...]:
        """The indexes (in order) of the patterns for ``lang`` that may match ``text``: those
        with a required word ``text`` holds, and those that need none."""
        by_literal, always, needed = self.index(lang)
        words = _words_in(lang, text, len(_REQUIRED_WORDS[lang])) if needed else ()
        if needed.isdisjoint(words):  # (most texts for most rules: no word any pattern needs)
            return always
        found = set(always)
        for literal in words:
            indexes = by_literal.get(literal)
            if indexes:
                found.update(indexes)
        return tuple(sorted(found))

    def index(self, lang: str) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...], frozenset[str]]:
        """For the patterns for ``lang``: each required word -> the patterns that need it, the
        patterns that need none, and the required words (registered for :func:`_words_in`
        when first asked for)."""
        if lang not in self._by_literal:
            by_literal, always = _index_by_literal(self.sources(lang), self.known.get(lang))
            self._by_literal[lang] = (by_literal, always, frozenset(by_literal))
            _register_literals(lang, by_literal)
        return self._by_literal[lang]

    def __contains__(self, lang: object) -> bool:
        return lang in self._sources

    def sources(self, lang: str) -> tuple[str, ...]:
        """The patterns for ``lang`` as written (none compiled), or ()."""
        return self._sources.get(lang, ())

    def __iter__(self):
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


# The words the patterns of every rule need, by language: a text is searched for them once,
# not once by each rule (a check asks every rule of a pack about the same few dozen texts).
_REQUIRED_WORDS: dict[str, tuple[str, ...]] = {}


def may_match(rules: Sequence[Rule], lang: str, texts: Sequence[str]) -> list[set[str]]:
    """For each of ``texts``, the codes of the pattern rules among ``rules`` that may match
    it in ``lang``: a rule with a pattern that needs none of the required words, or one that
    needs a word the text holds (:meth:`Rule.find` finds nothing for the others). One set
    test per rule and text, instead of a search of each rule's patterns.

    >>> rules = default_rules()
    >>> may_match(rules, "en", ["Both cities exchange students.", "Both cities met."])  # (visas: "exchange")
    [{'MK-P003'}, set()]
    >>> sorted(may_match(rules, "en", ["Any dispute shall be settled by arbitration."])[0])
    ['MK-P001', 'MK-P008', 'MK-P009']
    """
    screen = [(rule.code, *rule.patterns.index(lang)[1:]) for rule in rules if rule.patterns]
    out = []
    for text in texts:
        words = _words_in(lang, text, len(_REQUIRED_WORDS[lang])) if lang in _REQUIRED_WORDS else ()
        out.append({code for code, always, needed in screen if always or not needed.isdisjoint(words)})
    return out


def _register_literals(lang: str, words) -> None:
    """Add the required ``words`` of a rule's patterns in ``lang`` to those searched for."""
    known = _REQUIRED_WORDS.get(lang, ())
    seen = set(known)
    new = [w for w in words if w not in seen]
    if new:
        _REQUIRED_WORDS[lang] = known + tuple(dict.fromkeys(new))


@lru_cache(maxsize=4096)
def _words_in(lang: str, text: str, registered: int) -> tuple[str, ...]:
    """The required words of the rules' patterns in ``lang`` that ``text`` holds (folded as
    the engine ignores case). ``registered``: how many words are known for ``lang``, so that
    a word registered later is never missed by an answer kept from before."""
    folded = literals.folded(text)
    return tuple([w for w in _REQUIRED_WORDS[lang][:registered] if w in folded])


def _index_by_literal(sources: tuple[str, ...], known: list | None = None) \
        -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """For patterns ``sources``: each required word -> the patterns that need it, and the
    patterns that need none (always searched). ``known``: the words, found at build time."""
    by_literal: dict[str, list[int]] = {}
    always = []
    if known is not None and len(known) != len(sources):
        known = None
    for index, source in enumerate(sources):
        needed = known[index] if known is not None else literals.required_literals(source, re.IGNORECASE)
        if needed is None:
            always.append(index)
            continue
        for literal in needed:
            by_literal.setdefault(literal, []).append(index)
    return {literal: tuple(indexes) for literal, indexes in by_literal.items()}, tuple(always)


def _parse_negations(data: dict, source: str) -> list[tuple[frozenset | None, dict[str, list[str]]]]:
    """The pack's negations: (the codes each applies to or None for all, patterns by language)."""
    items = data.get("negation") or []
    if not isinstance(items, list):
        raise RulePackError(N_("{source}: negation must be a list", source=source),
                            hint=N_("each item: {example}",
                                    example="{name, codes (optional), patterns: {lang: [regex...]}}"))
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("patterns"), dict):
            raise RulePackError(N_("{source}: negation[{index}]: a negation needs patterns by language",
                                   source=source, index=i))
        codes = item.get("codes")
        if codes is not None and not (isinstance(codes, list) and all(isinstance(c, str) for c in codes)):
            raise RulePackError(N_("{source}: negation[{index}]: codes must be a list of rule codes",
                                   source=source, index=i))
        out.append((frozenset(codes) if codes is not None else None,
                    {str(lang): [str(p) for p in pats or []] for lang, pats in item["patterns"].items()}))
    return out


def _negations_of(code: str, negations) -> Patterns:
    """The negation patterns that apply to the rule ``code``, by language."""
    sources: dict[str, list[str]] = {}
    for codes, patterns in negations:
        if codes is None or code in codes:
            for lang, items in patterns.items():
                sources.setdefault(lang, []).extend(items)
    return Patterns({lang: tuple(items) for lang, items in sources.items()})


def _parse_pack(data: object, source: str, validate: bool = True) -> list[Rule]:
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulePackError(N_("{source}: a rule pack must be a mapping with a 'rules' list", source=source),
                            hint=N_("see moukit/rules/default.yaml for the format"))
    negations = _parse_negations(data, source)
    if validate:
        for i, (_, patterns) in enumerate(negations):
            for lang, items in patterns.items():
                for p in items:
                    try:
                        re.compile(p)
                    except re.error as exc:
                        raise RulePackError(N_("{source}: negation[{index}]: bad pattern for {lang}: {error}",
                                               source=source, index=i, lang=lang, error=exc)) from None
    rules = []
    for i, item in enumerate(data["rules"]):
        where = f"{source}: rules[{i}]"  # a location, quoted in the messages
        if not isinstance(item, dict) or "code" not in item or "route" not in item:
            raise RulePackError(N_("{where}: each rule needs a code and a route", where=where))
        if item["route"] not in ROUTES[1:]:
            raise RulePackError(N_("{where}: route must be one of {routes}", where=where,
                                   routes=", ".join(ROUTES[1:])))
        patterns = Patterns({lang: tuple(str(p) for p in items)
                             for lang, items in (item.get("patterns") or {}).items()})
        if validate:
            for lang in patterns:
                try:
                    patterns[lang]
                except re.error as exc:
                    raise RulePackError(N_("{where}: bad pattern for {lang}: {error}", where=where,
                                           lang=lang, error=exc)) from None
        check = item.get("check")
        if check is not None and check not in CHECKS:
            raise RulePackError(N_("{where}: unknown check {check}", where=where, check=repr(check)),
                                hint=N_("known checks: {checks}", checks=", ".join(CHECKS)))
        if not patterns and check is None:
            raise RulePackError(N_("{where}: a rule needs patterns or a check", where=where))
        if check is not None and not item.get("clause"):
            raise RulePackError(N_("{where}: a named check needs the clause it looks at", where=where),
                                hint=N_("add clause: <clause id>"))
        units = item.get("units") or []
        if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
            raise RulePackError(N_("{where}: units must be a list of meaning unit ids", where=where))
        name = RuleName(str(item.get("name", item["code"])), str(item.get("name_th") or "").strip())
        rules.append(Rule(str(item["code"]), name, item["route"],
                          patterns, check, item.get("clause"), tuple(units),
                          str(item.get("rationale", "")).strip(),
                          str(item.get("rationale_th", "")).strip(),
                          _negations_of(str(item["code"]), negations)))
    return rules


LITERALS_FILE = Path(__file__).resolve().parents[2] / "packs" / "compiled" / "rule-literals.json"


def _shipped_literals(text: str) -> dict[str, dict[str, list]]:
    """The required words of the default pack's patterns (code -> language -> one list or
    None per pattern), as :func:`rule_literals_json` wrote them at build time; {} unless the
    file was made from this ``text`` of the pack and with this Unicode database (the words
    are case-folded with it)."""
    try:
        data = json.loads(LITERALS_FILE.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("unicode") != unicodedata.unidata_version \
            or data.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
        return {}
    return data["rules"]


def rule_literals_json() -> str:
    """The text of ``packs/compiled/rule-literals.json``: for every pattern of the default
    pack, the words one of which each of its matches holds (:mod:`moukit.text.literals`)."""
    found: dict[str, dict[str, list]] = {}
    for rule in default_rules():
        for lang in sorted(rule.patterns):
            found.setdefault(rule.code, {})[lang] = [
                None if needed is None else list(needed)
                for needed in (literals.required_literals(p, re.IGNORECASE) for p in rule.patterns.sources(lang))]
    return json.dumps({"note": "Generated by python -m moukit.reference; do not edit (see moukit.text.literals).",
                       "sha256": hashlib.sha256(_default_text().encode("utf-8")).hexdigest(),
                       "unicode": unicodedata.unidata_version, "rules": found},
                      ensure_ascii=False, indent=0) + "\n"


def _default_text() -> str:
    return resources.files(__package__).joinpath("default.yaml").read_text("utf-8")


@cache
def default_rules() -> tuple[Rule, ...]:
    """The rules shipped with moukit."""
    text = _default_text()
    # the shipped pack is tested (tests/test_rules*): its patterns are compiled when first used
    rules = _parse_pack(load_yaml(text), "default.yaml", validate=False)
    shipped = _shipped_literals(text)
    for rule in rules:  # the words each pattern needs, from the build (or found when first used)
        rule.patterns.known = shipped.get(rule.code, {})
    return tuple(_unique(rules, [], "default.yaml"))


def load_rules(paths=()) -> tuple[Rule, ...]:
    """The default rules plus the packs at ``paths``; every code is used once, and none is
    one of the check's own codes."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    rules = list(default_rules())
    for path in paths:
        path = Path(path)
        try:
            data = load_yaml(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise RulePackError(N_("{file}: cannot read the rule pack ({error})", file=path,
                                   error=exc)) from None
        except yaml_errors() as exc:
            raise RulePackError(N_("{file}: the rule pack is not valid YAML ({error})", file=path,
                                   error=exc)) from None
        rules.extend(_unique(_parse_pack(data, str(path)), rules, str(path)))
    return tuple(rules)


def _unique(new: list[Rule], known: list[Rule], source: str) -> list[Rule]:
    """``new``, unless one of its codes is taken by ``known``, by the check or twice in it."""
    taken = {r.code for r in known} | set(CODES)
    codes = [r.code for r in new]
    clashes = sorted({c for c in codes if c in taken or codes.count(c) > 1})
    if clashes:
        raise RulePackError(N_("{source}: rule code(s) {codes} already taken", source=source,
                               codes=", ".join(clashes)),
                            hint=N_("give each rule of your pack a code of its own (e.g. with your "
                                    "office's prefix); moukit's codes start with MK-"))
    return new
