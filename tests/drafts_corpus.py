"""The realistic-drafts corpus (tests/data/drafts): load the cases, build each as a person would
save it (plain text) and as Word writes it (DOCX), check both with ``moukit.check`` and measure.

The case format is described in ``tests/data/drafts/README.md``. Run

    python tests/drafts_corpus.py                       # the figures, per reader and category
    python tests/drafts_corpus.py --misses              # and every case judged wrong
    python tests/drafts_corpus.py --write-known-misses  # rewrite tests/data/drafts/known-misses.yaml
    python tests/drafts_corpus.py --case ID --save DIR  # write a case's .txt and .docx to look at

Figures (issue 10): **false alarms** are cases expected ``standard`` that were judged anything
else; **recall** is the share of cases expected to deviate (any route, or ``not_the_form``)
that were caught: judged non-standard for a deviation, ``moukit.NotTheForm`` for
``not_the_form``; **right route** is the share of cases judged exactly as expected (the verdict
and the findings the case names).
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script
    sys.path.insert(0, str(HERE))

from wordlike import build_docx  # noqa: E402

DRAFTS = HERE / "data" / "drafts"
KNOWN_MISSES = DRAFTS / "known-misses.yaml"
EXPECTS = ("standard", "ministries", "council_of_state", "not_permitted", "not_the_form")
READERS = ("text", "docx")
LANGS = ("en", "th", "zh", "ja", "ko", "vi", "id")
CATEGORIES = ("stories", "plain_text", "not_the_form", "editorial", "splitting", "forbidden", "edits",
              "names", "batch")
MARKUP = re.compile(r"^\[(header|footer|footnote|endnote|comment|textbox|page)\](?:[ \t]+(.*))?$")
FINDING = re.compile(r'^(?P<code>MK-[A-Z]\d{3}|\*)(?:\s+@(?P<story>\w+))?(?:\s+"(?P<word>[^"]+)")?$')


@dataclass(frozen=True)
class Expected:
    """A finding a case requires: its code, the story it stands in (DOCX), a word of it."""

    code: str
    story: str | None = None
    word: str | None = None


@dataclass
class Case:
    id: str
    path: Path
    title: str
    expect: str
    category: str
    langs: tuple[str, ...]
    form: str
    readers: tuple[str, ...]
    findings: tuple[Expected, ...]
    body: str
    autonumber: bool = True
    save: tuple[str, ...] = ()
    blocks: list[dict] = field(default_factory=list)
    files: tuple[Case, ...] = ()  # a batch: the drafts checked together, in this order


class CaseError(ValueError):
    """A case file that does not follow the format."""


def parse_case(path: Path) -> Case:
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    if not sep:
        raise CaseError(f"{path.name}: no '---' line between the header and the draft")
    title: list[str] = []
    keys: dict[str, list[str]] = defaultdict(list)
    for line in head.splitlines():
        if not line.startswith("#"):
            raise CaseError(f"{path.name}: header lines start with '#': {line!r}")
        line = line[1:].strip()
        match = re.match(r"^([a-z]+):\s*(.*)$", line)
        if match and match.group(1) in {"expect", "category", "langs", "form", "readers", "findings",
                                        "autonumber", "save"}:
            keys[match.group(1)].append(match.group(2).strip())
        elif line:
            title.append(line)
    def one(key: str, default: str | None = None) -> str:
        values = keys.get(key) or ([default] if default is not None else [])
        if len(values) != 1:
            raise CaseError(f"{path.name}: '{key}:' must be given once")
        return values[0]
    expect = one("expect")
    if expect not in EXPECTS:
        raise CaseError(f"{path.name}: expect {expect!r} is not one of {EXPECTS}")
    category = one("category")
    if category not in CATEGORIES:
        raise CaseError(f"{path.name}: category {category!r} is not one of {CATEGORIES}")
    langs = tuple(one("langs").split())
    if not langs or any(lang not in LANGS for lang in langs):
        raise CaseError(f"{path.name}: langs {langs!r}: use {LANGS}")
    form = one("form", "mou")
    if form not in ("loi", "mou", "none"):
        raise CaseError(f"{path.name}: form is loi, mou or none")
    readers_value = one("readers", "both")
    readers = READERS if readers_value == "both" else tuple(readers_value.split())
    if any(reader not in READERS for reader in readers):
        raise CaseError(f"{path.name}: readers are docx, text or both")
    findings = []
    for value in keys.get("findings", []):
        for item in value.split(";"):
            match = FINDING.match(item.strip())
            if not match:
                raise CaseError(f"{path.name}: finding {item!r}: write CODE [@story] [\"word\"]")
            findings.append(Expected(match["code"], match["story"], match["word"]))
    save = tuple(one("save", "").split())
    if any(option not in ("bom", "crlf") for option in save):
        raise CaseError(f"{path.name}: save options are bom and crlf")
    case = Case(id=path.stem, path=path, title=" ".join(title), expect=expect, category=category,
                langs=langs, form=form, readers=readers, findings=tuple(findings), body=body,
                autonumber=one("autonumber", "yes") == "yes", save=save)
    case.blocks = parse_body(body, path.name)
    return case


def parse_body(body: str, name: str = "<case>") -> list[dict]:
    """The blocks of a draft: paragraphs, blank lines, tables and the markup of other stories."""
    blocks: list[dict] = []
    for line in body.splitlines():
        stripped = line.rstrip()
        match = MARKUP.match(stripped)
        if match:
            kind, text = match.group(1), (match.group(2) or "").strip()
            if kind == "page":
                blocks.append({"kind": "page"})
            elif kind in ("footnote", "endnote", "comment"):
                target = next((b for b in reversed(blocks) if b["kind"] == "para"), None)
                if target is None or not text:
                    raise CaseError(f"{name}: a [{kind}] needs text and a paragraph before it")
                target.setdefault(f"{kind}s", []).append(text)
            else:
                if not text:
                    raise CaseError(f"{name}: [{kind}] needs text")
                blocks.append({"kind": kind, "text": text})
        elif stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            cells = [cell.strip().replace("<br>", "\n") for cell in stripped[1:-1].split("|")]
            if blocks and blocks[-1]["kind"] == "table":
                blocks[-1]["rows"].append(cells)
            else:
                blocks.append({"kind": "table", "rows": [cells]})
        elif not stripped:
            blocks.append({"kind": "blank"})
        else:
            blocks.append({"kind": "para", "text": line})
    return blocks


def text_of(case: Case) -> str:
    """The draft as a person saves or pastes it: Word's "Save as Text" of the DOCX.

    Headers, footers and comments are left out; a text box is a line where it stands; a table
    is each cell's lines, cell after cell; a page break is an empty line; footnotes and
    endnotes come at the end, numbered (1, 2... and i, ii...), after an empty line.
    """
    lines: list[str] = []
    notes: list[str] = []
    endnotes: list[str] = []
    for block in case.blocks:
        kind = block["kind"]
        if kind == "para":
            lines.append(block["text"])
            notes.extend(block.get("footnotes", []))
            endnotes.extend(block.get("endnotes", []))
        elif kind in ("blank", "page"):
            lines.append("")
        elif kind == "textbox":
            lines.append(block["text"])
        elif kind == "table":
            for row in block["rows"]:
                for cell in row:
                    lines.extend(cell.split("\n"))
    if notes or endnotes:
        lines.append("")
        lines.extend(f"{n} {note}" for n, note in enumerate(notes, start=1))
        lines.extend(f"{_roman(n)} {note}" for n, note in enumerate(endnotes, start=1))
    return "\n".join(lines).rstrip("\n") + "\n"


def _roman(n: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][n - 1]


def text_bytes(case: Case) -> bytes:
    text = text_of(case)
    if "crlf" in case.save:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if "bom" in case.save else data


def docx_bytes(case: Case) -> bytes:
    blocks = [b for b in case.blocks if b["kind"] != "blank"]  # spacing is the style's, not empty paragraphs
    return build_docx(blocks, seed=case.id, autonumber=case.autonumber)


def parse_batch(folder: Path) -> Case:
    """A folder of drafts checked together (``moukit.check([...])``) and its ``expect.yaml``
    (``title``, ``expect``: the verdict of the whole, ``langs``, ``form``, optional ``readers``)."""
    import yaml

    meta = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
    files = tuple(parse_case(path) for path in sorted(folder.glob("*.txt")))
    if len(files) < 2 or meta.get("expect") not in EXPECTS:
        raise CaseError(f"{folder.name}: a batch has two drafts or more and an expect.yaml with expect:")
    readers = meta.get("readers", "both")
    return Case(id=folder.name, path=folder, title=meta["title"], expect=meta["expect"], category="batch",
                langs=tuple(meta["langs"].split()), form=meta.get("form", "mou"),
                readers=READERS if readers == "both" else tuple(readers.split()), findings=(), body="",
                files=files)


def load_cases(folder: Path = DRAFTS) -> list[Case]:
    cases = [parse_case(path) for path in sorted(folder.glob("*.txt"))]
    cases += [parse_batch(path.parent) for path in sorted(folder.glob("*/expect.yaml"))]
    return cases


# -- running ------------------------------------------------------------------------------

@dataclass
class Outcome:
    case: Case
    reader: str
    got: str  # a verdict, "not_the_form", or "error: ..."
    codes: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()  # findings the case names that were not found
    reason: str = ""

    @property
    def right(self) -> bool:
        return self.got == self.case.expect and not self.missing

    @property
    def caught(self) -> bool:
        if self.case.expect == "not_the_form":
            return self.got == "not_the_form"
        return self.got in ("ministries", "council_of_state", "not_permitted")

    @property
    def summary(self) -> str:
        if self.got == self.case.expect and self.missing:
            return f"{self.got}, without {', '.join(self.missing)}"
        return self.got


def _has(finding, expected: Expected, reader: str) -> bool:
    if expected.code != "*" and finding.code != expected.code:
        return False
    said = " ".join(str(x) for x in (finding.message, finding.draft, finding.source) if x).lower()
    if expected.word and expected.word.lower() not in said:
        return False
    if expected.story and reader == "docx" and expected.story.lower() not in said:
        return False
    return True


def run(case: Case, reader: str) -> Outcome:
    """Check ``case`` read by ``reader`` (a file with the right suffix, as a user gives it)."""
    import moukit

    suffix = "txt" if reader == "text" else "docx"
    with tempfile.TemporaryDirectory(prefix="moukit-drafts-") as tmp:
        paths = []
        for part in case.files or (case,):
            path = Path(tmp) / f"{part.id}.{suffix}"
            path.write_bytes(text_bytes(part) if reader == "text" else docx_bytes(part))
            paths.append(str(path))
        try:
            if case.files:  # several files: one verdict per agreement, the worst counts
                batch = moukit.check_all(paths)
                report = max(batch.reports, key=lambda r: ("standard", "ministries",
                                                            "council_of_state",
                                                            "not_permitted").index(r.verdict))
            else:
                report = moukit.check(paths[0])
        except moukit.NotTheForm as error:
            return Outcome(case, reader, "not_the_form", reason=str(error).splitlines()[0])
        except moukit.MoukitError as error:
            return Outcome(case, reader, f"error: {type(error).__name__}: {str(error).splitlines()[0]}")
    codes = tuple(f.code for f in report.findings)
    missing = tuple(
        f"{e.code}{' @' + e.story if e.story else ''}{' ' + repr(e.word) if e.word else ''}"
        for e in case.findings if not any(_has(f, e, reader) for f in report.findings))
    return Outcome(case, reader, report.verdict, codes, missing, report.reason or "")


def run_all(cases: list[Case] | None = None) -> list[Outcome]:
    cases = load_cases() if cases is None else cases
    return [run(case, reader) for case in cases for reader in case.readers]


# -- figures ------------------------------------------------------------------------------

def figures(outcomes: list[Outcome]) -> dict[str, dict[str, tuple[int, int]]]:
    """``{row: {"false alarms": (n, of), "recall": (n, of), "right route": (n, of)}}`` per reader
    and category (rows ``reader``, ``reader/category`` and ``all``)."""
    table: dict[str, dict[str, list[int]]] = {}

    def add(row: str, outcome: Outcome) -> None:
        cells = table.setdefault(row, {"false alarms": [0, 0], "recall": [0, 0], "right route": [0, 0]})
        if outcome.case.expect == "standard":
            cells["false alarms"][1] += 1
            cells["false alarms"][0] += outcome.got != "standard"
        else:
            cells["recall"][1] += 1
            cells["recall"][0] += outcome.caught
        cells["right route"][1] += 1
        cells["right route"][0] += outcome.right

    for outcome in outcomes:
        add("all", outcome)
        add(outcome.reader, outcome)
        add(f"{outcome.reader}/{outcome.case.category}", outcome)
    order = ["all", *READERS, *(f"{r}/{c}" for r in READERS for c in CATEGORIES)]
    return {row: {k: tuple(v) for k, v in table[row].items()} for row in order if row in table}


def format_figures(outcomes: list[Outcome]) -> str:
    def cell(pair: tuple[int, int]) -> str:
        n, of = pair
        return f"{n}/{of} ({100 * n / of:.0f}%)" if of else "-"

    rows = [f"{'':<24} {'false alarms':>16} {'recall':>16} {'right route':>16}"]
    for row, cells in figures(outcomes).items():
        rows.append(f"{row:<24} {cell(cells['false alarms']):>16} {cell(cells['recall']):>16} "
                    f"{cell(cells['right route']):>16}")
    return "\n".join(rows)


# -- known misses -------------------------------------------------------------------------

def misses_yaml(outcomes: list[Outcome]) -> str:
    lines = ["# Cases of the drafts corpus moukit does not yet judge right, per reader.",
             "# Generated by `python tests/drafts_corpus.py --write-known-misses`; the test fails on a",
             "# new miss and on a listed case that now passes, so regenerate after a fix.",
             ""]
    for outcome in sorted(outcomes, key=lambda o: (o.case.id, o.reader)):
        if outcome.right:
            continue
        got = outcome.summary.replace('"', "'")
        lines += [f"- case: {outcome.case.id}", f"  reader: {outcome.reader}",
                  f"  expected: {outcome.case.expect}", f'  got: "{got}"']
    return "\n".join(lines) + "\n"


def known_misses(path: Path = KNOWN_MISSES) -> dict[tuple[str, str], dict]:
    import yaml

    if not path.is_file():
        return {}
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {(entry["case"], entry["reader"]): entry for entry in entries}


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the cases judged wrong")
    parser.add_argument("--write-known-misses", action="store_true", help=f"rewrite {KNOWN_MISSES.name}")
    parser.add_argument("--case", action="append", help="only this case (repeatable)")
    parser.add_argument("--save", metavar="DIR", help="write the .txt and .docx of the cases run")
    args = parser.parse_args(argv)
    cases = load_cases()
    if args.case:
        cases = [case for case in cases if case.id in args.case]
    if args.save:
        out = Path(args.save)
        out.mkdir(parents=True, exist_ok=True)
        for case in cases:
            for part in case.files or (case,):
                (out / f"{part.id}.txt").write_bytes(text_bytes(part))
                (out / f"{part.id}.docx").write_bytes(docx_bytes(part))
    outcomes = run_all(cases)
    if args.write_known_misses:
        KNOWN_MISSES.write_text(misses_yaml(outcomes), encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for case in cases:
        counts[case.category] += 1
    print(f"{len(cases)} cases: " + ", ".join(f"{c} {counts[c]}" for c in CATEGORIES if counts[c]))
    print(format_figures(outcomes))
    if args.misses or args.case:
        for outcome in outcomes:
            if not outcome.right:
                print(f"MISS {outcome.case.id} [{outcome.reader}] expected {outcome.case.expect}, "
                      f"got {outcome.summary}: {outcome.reason[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
