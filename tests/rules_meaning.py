"""The rules-by-meaning cases (tests/data/rules/<lang>.yaml) as drafts, and their figures.

Each data file names an example spec (``example:``) and lists sentences that must fire a
rule (``fire:``, by code) and sentences that must not (``quiet:``). A case is a sentence
added as a new numbered clause after the form's last numbered clause of the version in the
file's language, or a mapping:

- ``{text: ..., append: N}``: the sentence added at the end of clause N of that version;
- ``{replace: [old, new]}``: ``old`` (found once in that version) replaced by ``new``;
- ``{unchanged: true}``: the example as rendered (the form's own words);
- ``example: NAME`` in a case uses another example spec (e.g. an LOI).

``round2:`` holds a second set of ``fire`` and ``quiet`` cases, written after the rules were
widened and measured before any pattern was changed for them (a held-out check of the first);
``round3:`` safeguards followed by a commitment in the same sentence (the negation must end
where the safeguard does), written after the translation corpora showed the need;
``round4:`` look-alikes decided after probing common harmless additions, and funding made
conditional on its availability (no pledge) beside a pledge so conditioned.

A draft is the example rendered in Thai, the partner's language and English, changed in
one version only. A ``fire`` case passes when the check reports the case's code in that
version and the verdict is not permitted; a ``quiet`` case when no rule (MK-P...) fires in
any version. ``python tests/rules_meaning.py`` prints recall and false alarms per language.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import yaml

import moukit

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "rules"
EXAMPLES = ROOT / "examples"
SEPARATOR = "=" * 72
LANGS = ["en", "th", "zh", "ja", "ko", "vi", "id", "tr"]


@cache
def data(lang: str) -> dict:
    return yaml.safe_load((DATA / f"{lang}.yaml").read_text("utf-8"))


@cache
def rendered(example: str) -> tuple[list[str], list[str]]:
    """The example's versions as text (Thai, partner's language, English) and their languages."""
    spec = moukit.load_spec(EXAMPLES / f"{example}.yaml")
    document = moukit.render(spec, "txt")
    text = document.data.decode("utf-8")
    parts = text.split(SEPARATOR)
    langs = [v.lang for v in document.document.versions]
    assert len(parts) == len(langs), (example, langs)
    return parts, langs


def cases(lang: str) -> list[tuple[str, str | None, object]]:
    """(case id, expected code or None, case) of ``lang``'s data file."""
    out = []
    rounds = [(lang, data(lang))] + [(f"{lang}-r{key[5:]}", data(lang)[key]) for key in data(lang)
                                      if key.startswith("round")]
    for prefix, d in rounds:
        for code, items in (d.get("fire") or {}).items():
            for n, item in enumerate(items, 1):
                out.append((f"{prefix}-{code}-{n}", code, item))
        for n, item in enumerate(d.get("quiet") or [], 1):
            out.append((f"{prefix}-quiet-{n}", None, item))
    return out


def draft(lang: str, case) -> str:
    """The draft of one case: the example with one version changed."""
    item = case if isinstance(case, dict) else {"text": case}
    parts, langs = rendered(item.get("example") or data(lang)["example"])
    i = langs.index(lang)
    version = parts[i]
    sep = "" if lang in ("zh", "ja") else " "
    if item.get("unchanged"):
        pass
    elif "replace" in item:
        old, new = item["replace"]
        assert version.count(old) == 1, f"{old!r} occurs {version.count(old)} times in the {lang} version"
        version = version.replace(old, new)
    elif "append" in item:
        m = re.search(rf"(?m)^{item['append']}\. .*$", version)
        assert m, f"no clause {item['append']} in the {lang} version"
        version = version[:m.end()] + sep + item["text"] + version[m.end():]
    else:
        last = list(re.finditer(r"(?m)^(\d+)\. .*$", version))[-1]
        number = int(last.group(1)) + 1
        version = version[:last.end()] + f"\n\n{number}. {item['text']}" + version[last.end():]
    parts = list(parts)
    parts[i] = version
    return SEPARATOR.join(parts)


def outcome(lang: str, code: str | None, case) -> tuple[bool, object]:
    """Whether the case behaves as expected, and the report."""
    report = moukit.check([draft(lang, case).encode("utf-8")])
    rules = [f for f in report.findings if f.code.startswith("MK-P")]
    if code is None:
        return not rules, report
    hit = any(f.code == code and f.lang == lang for f in rules)
    return hit and report.verdict == "not_permitted", report


def figures(langs=LANGS) -> dict:
    """Per language: fire cases caught / all, quiet cases that fired / all, the failures."""
    out = {}
    for lang in langs:
        caught = fired = n_fire = n_quiet = 0
        failures = []
        for case_id, code, case in cases(lang):
            ok, report = outcome(lang, code, case)
            if code is None:
                n_quiet += 1
                fired += not ok
            else:
                n_fire += 1
                caught += ok
            if not ok:
                failures.append((case_id, sorted({(f.code, f.lang) for f in report.findings})))
        out[lang] = (caught, n_fire, fired, n_quiet, failures)
    return out


if __name__ == "__main__":  # pragma: no cover
    verbose = "-v" in sys.argv
    langs = [a for a in sys.argv[1:] if not a.startswith("-")] or LANGS
    total = [0, 0, 0, 0]
    for lang, (caught, n_fire, fired, n_quiet, failures) in figures(langs).items():
        print(f"{lang}: recall {caught}/{n_fire}, false alarms {fired}/{n_quiet}")
        for x, v in zip(range(4), (caught, n_fire, fired, n_quiet)):
            total[x] += v
        if verbose:
            for case_id, found in failures:
                print(f"   {case_id}: {found}")
    print(f"all: recall {total[0]}/{total[1]}, false alarms {total[2]}/{total[3]}")
