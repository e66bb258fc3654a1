"""Rule packs: what a province may not commit to, as data.

A rule pack is a YAML file (see ``moukit/rules/default.yaml``) with rules of two kinds:
pattern rules (regular expressions per language, matched on the wording a draft adds to
the form) and named checks (a function in :data:`CHECKS`, for removals the form forbids).
Users add packs with ``moukit check --rules FILE``; codes must be unique across packs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import MoukitError
from .report import ROUTES
from .yamlload import load_yaml

CHECKS = ("nonbinding_sentence", "prevailing_language")


@dataclass(frozen=True)
class Rule:
    """One rule: a stable code, the route it triggers, and its patterns or named check."""

    code: str
    name: str
    route: str
    patterns: dict[str, tuple[re.Pattern, ...]] = field(default_factory=dict)
    check: str | None = None
    rationale: str = ""
    rationale_th: str = ""

    def find(self, lang: str, text: str) -> list[re.Match]:
        """Matches of this rule's patterns for ``lang`` in ``text``."""
        found = []
        for rx in self.patterns.get(lang, ()):
            found.extend(rx.finditer(text))
        return found


def _parse_pack(data: object, source: str) -> list[Rule]:
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise MoukitError(f"{source}: a rule pack must be a mapping with a 'rules' list",
                          hint="see moukit/rules/default.yaml for the format")
    rules = []
    for i, item in enumerate(data["rules"]):
        where = f"{source}: rules[{i}]"
        if not isinstance(item, dict) or "code" not in item or "route" not in item:
            raise MoukitError(f"{where}: each rule needs a code and a route")
        if item["route"] not in ROUTES[1:]:
            raise MoukitError(f"{where}: route must be one of {', '.join(ROUTES[1:])}")
        patterns = {}
        for lang, items in (item.get("patterns") or {}).items():
            try:
                patterns[lang] = tuple(re.compile(p, re.IGNORECASE) for p in items)
            except re.error as exc:
                raise MoukitError(f"{where}: bad pattern for {lang}: {exc}") from None
        check = item.get("check")
        if check is not None and check not in CHECKS:
            raise MoukitError(f"{where}: unknown check {check!r}", hint=f"known checks: {', '.join(CHECKS)}")
        if not patterns and check is None:
            raise MoukitError(f"{where}: a rule needs patterns or a check")
        rules.append(Rule(str(item["code"]), str(item.get("name", item["code"])), item["route"],
                          patterns, check, str(item.get("rationale", "")).strip(),
                          str(item.get("rationale_th", "")).strip()))
    return rules


@cache
def default_rules() -> tuple[Rule, ...]:
    """The rules shipped with moukit."""
    text = resources.files(__package__).joinpath("rules", "default.yaml").read_text("utf-8")
    return tuple(_parse_pack(load_yaml(text), "default.yaml"))


def load_rules(paths=()) -> tuple[Rule, ...]:
    """The default rules plus the packs at ``paths``; codes must be unique."""
    rules = list(default_rules())
    for path in paths:
        path = Path(path)
        try:
            data = load_yaml(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise MoukitError(f"{path}: cannot read the rule pack ({exc})") from None
        except yaml.YAMLError as exc:
            raise MoukitError(f"{path}: the rule pack is not valid YAML ({exc})") from None
        rules.extend(_parse_pack(data, str(path)))
    codes = [r.code for r in rules]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise MoukitError(f"rule codes used twice: {', '.join(duplicates)}",
                          hint="give each rule of your pack its own code")
    return tuple(rules)
