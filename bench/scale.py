"""Scaling benchmark: check time against draft length, and the in-process goals of issue 13.

Run ``python bench/scale.py`` (``--quick``: one round per size; ``--pages 1,10,30`` for other
sizes). The drafts are the trilingual (Thai, Japanese, English) MOU of
examples/chiang-mai-hokkaido.yaml rendered to DOCX by moukit, with an English annex of N pages
appended (four paragraphs of running English a page, about 2,700 characters, seeded), once
untouched and once with one word changed in clause 2 ("cooperate" becomes "collaborate"): a
variant clause (the named fields), which makes the check choose the variant. The script first
makes sure the check finds that one change, and every annex paragraph as added text.

It prints the check time (CPU time of this process, median of N rounds after a warm-up check)
for each size, the exponent k fitted to time ~ characters^k over the sizes from 10 pages up
(k near 1 is linear), and the two in-process goals: a check of a draft with 10 deviations
(<= 40 ms) and of a 300-page draft with one changed word (<= 1.5 s). Nothing is written into
the repository.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the repository (bench/, src/moukit/)

from render import Table, environment, median_times, ms  # noqa: E402

SPEC = Path(__file__).resolve().parent.parent / "examples" / "chiang-mai-hokkaido.yaml"
PAGES = (1, 10, 100, 300)
PARAGRAPHS_PER_PAGE = 4
CLAUSE_2_EDIT = ("will cooperate with each other in the fields", "will collaborate with each other in the fields")
# Ten deviations spread over the numbered clauses of the three versions (text before -> after):
# words replaced, deleted and inserted.
DEVIATIONS = (
    ("en", "mutual prosperity", "shared prosperity"),
    ("en", "maintain direct contact", "maintain contact"),
    ("en", "annual meetings", "annual and regular meetings"),
    ("en", "written notice", "prior written notice"),
    ("th", "ความเจริญรุ่งเรือง", "ความมั่งคั่ง"),
    ("th", "โดยตรง", ""),
    ("th", "ประชุมประจำปี", "ประชุมประจำไตรมาส"),
    ("ja", "平等", "公平"),
    ("ja", "直接の", ""),
    ("ja", "年次会合", "四半期会合"),
)
GOALS = {"deviations": 0.040, "long": 1.5}  # seconds, in-process

_WHO = "office teachers students delegation council committee museum library school university".split()
_VERB = "visit discuss describe list review plan note welcome organise report".split()
_THING = "exchange programme festival visit meeting course exhibition report schedule project".split()
_WHEN = "January February March April May June July August September October November December".split()


def annex(pages: int) -> list[str]:
    """The paragraphs of an English annex of ``pages`` pages (a heading, then four paragraphs
    of six sentences a page)."""
    return annex_paragraphs(pages * PARAGRAPHS_PER_PAGE, 6)


def annex_paragraphs(count: int, sentences: int, seed: int = 7) -> list[str]:
    """An "Annex" heading and ``count`` paragraphs of ``sentences`` sentences each: running
    English about visits and programmes, none of it the form's wording (so each paragraph is
    added text, MK-C002)."""
    rng = random.Random(seed)
    paragraphs = ["Annex"] if count else []
    for _ in range(count):
        paragraphs.append(" ".join(
            f"The {rng.choice(_WHO)} of the city will {rng.choice(_VERB)} the {rng.choice(_THING)} "
            f"with the {rng.choice(_WHO)} of the province in {rng.choice(_WHEN)}, after the "
            f"{rng.choice(_THING)}." for _ in range(sentences)))
    return paragraphs


def rendered_docx() -> bytes:
    """The trilingual MOU, as moukit renders it."""
    import moukit

    return moukit.render(SPEC, "docx").data


def edited(data: bytes, edits, *, appended: list[str] = ()) -> bytes:
    """``data`` with each ``(lang, old, new)`` edit made in the one run holding ``old``, and the
    paragraphs ``appended`` at its end (python-docx)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    for _, old, new in edits:
        runs = [r for p in document.paragraphs for r in p.runs if old in r.text]
        if len(runs) != 1 or runs[0].text.count(old) != 1:
            sys.exit(f"could not make the edit {old!r}: the form's wording changed")
        runs[0].text = runs[0].text.replace(old, new)
    for text in appended:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def scaled(data: bytes, pages: int, edit: bool) -> bytes:
    """The trilingual draft with an annex of ``pages`` pages, clause 2 edited when ``edit``."""
    old, new = CLAUSE_2_EDIT
    return edited(data, [("en", old, new)] if edit else [], appended=annex(pages))


def verify_scaled(report, pages: int, edit: bool) -> None:
    """Stop unless the check found the clause 2 edit (when made) and each annex paragraph as
    added text, and nothing else in the English version."""
    english = [f for f in report.findings if f.lang == "en"]
    added = [f for f in english if f.code == "MK-C002"]
    changed = [f for f in english if f.code != "MK-C002"]
    want_added = len(annex(pages))
    if len(added) != want_added:
        sys.exit(f"{pages} pages: {len(added)} added paragraphs found, {want_added} expected")
    if edit:
        ops = [(op.op, op.text) for f in changed for op in f.diff if op.op != "equal"]
        if [(f.code, f.clause_id) for f in changed] != [("MK-C001", "c2")] or \
                ops != [("delete", "cooperate"), ("insert", "collaborate")]:
            sys.exit(f"{pages} pages: the clause 2 edit was not found as one changed word: {ops}")
    elif changed:
        sys.exit(f"{pages} pages: unexpected findings {[f.code for f in changed]}")


def verify_deviations(report) -> None:
    """Stop unless each English deviation is found in its clause and the verdict is not standard."""
    clauses = {f.clause_id for f in report.findings if f.lang == "en" and f.code == "MK-C001"}
    if clauses != {"c1", "c3", "c4", "c5"} or report.verdict == "standard":
        sys.exit(f"the 10-deviation draft was not checked as expected: {sorted(clauses)}, {report.verdict}")


def exponent(sizes: list[int], times: list[float]) -> float | None:
    """The least-squares slope of log(time) on log(size): time ~ size^k."""
    points = [(math.log(s), math.log(t)) for s, t in zip(sizes, times) if s > 0 and t > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def check_time(data: bytes, rounds: int) -> tuple[float, object]:
    """Median CPU seconds of ``moukit.check`` on ``data`` over ``rounds``, and its report."""
    import moukit

    report = moukit.check([data])
    seconds = median_times({"check": lambda: moukit.check([data])}, rounds, 0, time.process_time)["check"]
    return seconds, report


def main(argv: list[str] | None = None) -> int:
    """Measure and print the tables."""
    import moukit

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one round per size")
    parser.add_argument("--pages", default=",".join(map(str, PAGES)),
                        help="annex sizes in pages, comma-separated (default: %(default)s)")
    args = parser.parse_args(argv)
    pages = [int(p) for p in args.pages.split(",")]
    rounds = 1 if args.quick else 3
    print(f"# moukit check: time against draft length ({environment()})\n")

    base = rendered_docx()
    moukit.check([edited(base, DEVIATIONS)])  # warm-up: the one-time work of a check
    sizes: dict[bool, list[tuple[int, int, float]]] = {False: [], True: []}
    size_table = Table()
    for n in pages:
        for edit in (False, True):
            data = scaled(base, n, edit)
            seconds, report = check_time(data, 1 if n >= 100 else rounds)
            verify_scaled(report, n, edit)
            chars = sum(len(p) for p in annex(n))
            sizes[edit].append((n, chars, seconds))
        untouched, changed = sizes[False][-1][2], sizes[True][-1][2]
        size_table.add(f"{n} page(s) + the form (annex {sizes[False][-1][1]:,} chars): untouched / "
                       "one word changed in clause 2", f"{ms(untouched)} / {ms(changed)}",
                       ratio=changed / untouched)
    for edit, label in ((False, "untouched"), (True, "one word changed in clause 2")):
        big = [(c, t) for n, c, t in sizes[edit] if n >= 10]
        k = exponent([c for c, _ in big], [t for _, t in big])
        size_table.add(f"fitted exponent k (time ~ chars^k, 10 pages up), {label}",
                       "-" if k is None else f"{k:.2f}", goal="k <= 1.2",
                       met=None if k is None else k <= 1.2)
    size_table.print()

    print("\n## In-process goals\n")
    goals = Table()
    data = edited(base, DEVIATIONS)
    seconds, report = check_time(data, 10 if args.quick else 30)
    verify_deviations(report)
    goals.add(f"check of 10 deviations (th+ja+en, {len(report.findings)} findings)", ms(seconds),
              goal="<= 40 ms", met=seconds <= GOALS["deviations"])
    long = next((t for n, _, t in sizes[True] if n == 300), None)
    if long is None:
        data = scaled(base, 300, True)
        long, report = check_time(data, 1)
        verify_scaled(report, 300, True)
    goals.add("check of a 300-page draft with one changed word", ms(long), goal="<= 1500 ms",
              met=long <= GOALS["long"])
    goals.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
