"""Check benchmark against Accord Project's Cicero: ``moukit check`` and ``cicero parse``.

Run ``python bench/cicero.py`` (``--quick`` for fewer rounds) after installing the baseline
once: ``npm install --prefix bench/peers`` (Cicero 0.21.26, pinned in bench/peers/package.json;
or point ``MOUKIT_CICERO`` at a ``cicero`` executable). Without it the script says so and stops.

The baseline parses the English MOU as an Accord template (``bench/peers/cicero-mou``: the
form's text as a TemplateMark grammar whose variables are the blanks, the model caching the
Accord system models so that it runs offline). Cicero reads one English text, matches it
against the grammar and stops at the first departure; moukit reads the trilingual DOCX
(Thai, Chinese, English), recognises each version, checks all of them against the form and
finds every deviation. Both are whole processes; the figures are the child's CPU time
(user + system, from ``os.wait4``), which a busy shared machine disturbs less than wall
time (shown beside it), medians of rounds in which the contenders take turns.

| figure | moukit | baseline | goal |
|---|---|---|---|
| untouched | ``moukit check draft.docx`` (th+zh+en, untouched) | ``cicero parse`` of the conforming English text | <= 0.25x |
| one word edited | the same draft with one word edited per version | ``cicero parse`` of the English text with that edit | <= 0.3x |
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True

from check import EDITS, edited_docx, verify  # noqa: E402
from render import (  # noqa: E402
    SPEC,
    Table,
    environment,
    moukit_command,
    ms,
    paired,
    paired_ratio,
    run_child,
    use_bytecode_cache,
)

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "peers" / "cicero-mou"
ROUNDS = {"rounds": 15, "warmup": 2}
QUICK = {"rounds": 5, "warmup": 1}


def cicero_command() -> list[str] | None:
    """The ``cicero`` executable: ``MOUKIT_CICERO``, else bench/peers' npm install, else PATH."""
    for candidate in (os.environ.get("MOUKIT_CICERO"),
                      str(HERE / "peers" / "node_modules" / ".bin" / "cicero"),
                      shutil.which("cicero")):
        if candidate and Path(candidate).is_file():
            return [candidate]
    return None


def english_samples(tmp: Path) -> tuple[Path, Path]:
    """The conforming English sample of the template, and the same with the one-word edit."""
    conforming = TEMPLATE / "text" / "sample.md"
    old, new = EDITS["en"]
    text = conforming.read_text(encoding="utf-8")
    assert old in text, "the sample no longer holds the edited words"
    edited = tmp / "edited-sample.md"
    edited.write_text(text.replace(old, new, 1), encoding="utf-8")
    return conforming, edited


def verify_cicero(cicero: list[str], conforming: Path, edited: Path, cwd: Path) -> None:
    """Stop unless Cicero parses the conforming text and rejects the edited one (run in
    ``cwd``, a temporary folder: Cicero writes its log into ./log)."""
    for sample, expect in ((conforming, b'"$class"'), (edited, b"Expected:")):
        _, _, _, out = run_child([*cicero, "parse", "--template", str(TEMPLATE), "--sample", str(sample)], cwd)
        if expect not in out:
            raise SystemExit(f"cicero parse {sample.name}: expected {expect.decode()!r} in:\n{out.decode()[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args(argv)
    cicero = cicero_command()
    if cicero is None:
        print("cicero is not installed: npm install --prefix bench/peers (or set MOUKIT_CICERO)")
        return 2
    settings = QUICK if args.quick else ROUNDS
    import moukit

    spec = moukit.load_spec(SPEC)
    langs = ("th", "zh", "en")
    with tempfile.TemporaryDirectory(prefix="moukit-bench-") as name:
        tmp = Path(name)
        use_bytecode_cache(tmp)
        untouched = tmp / "untouched.docx"
        untouched.write_bytes(moukit.render(spec, "docx", languages=langs).data)
        edited = tmp / "edited.docx"
        edited.write_bytes(edited_docx(untouched.read_bytes(), langs))
        verify(edited.read_bytes(), langs)
        conforming_md, edited_md = english_samples(tmp)
        verify_cicero(cicero, conforming_md, edited_md, tmp)
        check = [*moukit_command(), "check"]
        parse = [*cicero, "parse", "--template", str(TEMPLATE), "--sample"]
        if run_child([*check, str(untouched)], tmp)[2] != 0:
            raise SystemExit("the untouched draft is not judged standard")
        med = paired({"check": [*check, str(untouched)], "check-edited": [*check, str(edited)],
                      "parse": [*parse, str(conforming_md)], "parse-edited": [*parse, str(edited_md)]},
                     settings["rounds"], settings["warmup"], tmp, ok=(0, 3))  # 3: the edit's "shall"
    print(f"# moukit check against Cicero ({environment()}; {settings['rounds']} rounds, CPU time)")
    table = Table()
    for label, ours, theirs, goal in (
            ("moukit check, untouched th+zh+en DOCX / cicero parse, conforming en", "check", "parse", 0.25),
            ("moukit check, one word edited per version / cicero parse, edited en", "check-edited",
             "parse-edited", 0.3)):
        ratio = paired_ratio(med, ours, theirs)
        table.add(label + " (CPU)", ms(med[ours]["cpu"]), ms(med[theirs]["cpu"]), ratio,
                  f"<= {goal}x", ratio <= goal)
        table.add("  the same, wall time", ms(med[ours]["wall"]), ms(med[theirs]["wall"]),
                  paired_ratio(med, ours, theirs, "wall"))
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
