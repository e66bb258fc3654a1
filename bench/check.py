"""Check benchmark: moukit's deviation check against the redlines package (English text diff).

Run ``python bench/check.py`` (``--quick`` for fewer rounds). The draft is the trilingual
(Thai, Chinese, English) MOU of examples/chiang-mai-chengdu.yaml rendered to DOCX by moukit,
then edited with python-docx: one word changed in clause 3 of each language version ("will
encourage" -> "shall encourage", and the same change in Thai and Chinese). The script first
makes sure the check finds exactly that change in every version (in the English version a
changed word of the form; in the Thai and Chinese versions, checked as translations, binding
language in clause 3).

The baseline is redlines comparing the English version's standard text with its edited text
(a plain text diff: it does not read the DOCX, find the form, infer values or route findings).
Medians of N rounds after warm-up, contenders interleaved round by round (see render.py,
whose helpers this script shares). Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the repository (bench/, src/moukit/)

from render import (  # noqa: E402
    ENV,
    SPEC,
    Table,
    environment,
    median_times,
    moukit_command,
    ms,
    process_medians,
    use_bytecode_cache,
)

# One word of clause 3 in each language version: the form's "will" becomes "shall".
EDITS = {
    "th": ("ฝ่ายทั้งสองจะส่งเสริมให้", "ฝ่ายทั้งสองต้องส่งเสริมให้"),
    "zh": ("双方将鼓励", "双方应鼓励"),
    "en": ("will encourage their concerned", "shall encourage their concerned"),
}
CHECKS = {"rounds": 40, "warmup": 3}
QUICK = {"rounds": 10, "warmup": 2}

# Run in a fresh process: time of the first check (imports included), of a second check,
# whether moukit built its Thai segmenter (textnorm._thai_trie, a dictionary trie) and
# whether pythainlp's full Thai word list was loaded.
FIRST_CHECK = """\
import json, sys, time
start = time.perf_counter()
import moukit
moukit.check([sys.argv[1]])
first = time.perf_counter() - start
start = time.perf_counter()
moukit.check([sys.argv[1]])
second = time.perf_counter() - start
from moukit.text import normalize as textnorm
trie = getattr(textnorm, "_thai_trie", None)
segmenter = bool(trie and trie.cache_info().currsize)
common = sys.modules.get("pythainlp.corpus.common")
word_list = bool(common and common._THAI_WORDS)
print(json.dumps({"first": first, "second": second, "thai_segmenter": segmenter,
                  "thai_word_list": word_list}))
"""

THAI_DICTIONARY = """\
import json, time
start = time.perf_counter()
from pythainlp.corpus.common import thai_words
from pythainlp.util import dict_trie
dict_trie(set(thai_words()))
print(json.dumps({"load": time.perf_counter() - start}))
"""


def edited_docx(data: bytes, langs) -> bytes:
    """``data`` with the one-word edit of each language in ``langs`` (python-docx)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    todo = {lang: EDITS[lang] for lang in langs}
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            for lang, (old, new) in list(todo.items()):
                if old in run.text:
                    run.text = run.text.replace(old, new, 1)
                    del todo[lang]
    if todo:
        sys.exit(f"could not edit the {', '.join(todo)} version(s): the clause 3 wording changed")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def verify(data: bytes, langs) -> None:
    """Stop unless the check finds exactly the one changed word of clause 3 in each version:
    in English a change of the form's wording; in a translation, binding language (MK-P001)
    in clause 3 and nothing else."""
    import moukit

    report = moukit.check([data])
    for lang in langs:
        if lang != "en":
            found = [(f.code, f.clause_id) for f in report.findings if f.lang == lang and f.route != "standard"]
            if found != [("MK-P001", "c3")]:
                sys.exit(f"the check did not find the one edit of the {lang} version: {found}")
            continue
        changes = [f for f in report.findings if f.lang == lang and f.kind == "changed"]
        ops = [(op.op, op.text) for f in changes for op in f.diff if op.op != "equal"]
        deleted = [text for op, text in ops if op == "delete"]
        inserted = [text for op, text in ops if op == "insert"]
        old, new = EDITS[lang]
        if len(changes) != 1 or changes[0].clause_id != "c3" or len(ops) != 2:
            sys.exit(f"the check did not find the one edit of the {lang} version: {ops}")
        if not (deleted and inserted and deleted[0] in old and inserted[0] in new):
            sys.exit(f"the check found another change in the {lang} version: {ops}")


def english_texts(spec) -> tuple[str, str]:
    """The English version's standard text and its edited text."""
    import moukit

    standard = moukit.render(spec, "txt", languages=["en"]).data.decode("utf-8")
    old, new = EDITS["en"]
    return standard, standard.replace(old, new, 1)


def fresh_runs(commands: dict[str, list[str]], rounds: int, cwd: Path) -> dict[str, list[dict]]:
    """Run each command ``rounds`` times in fresh processes, in turn, after one untimed round
    that fills the bytecode cache; each run prints one JSON object."""
    runs: dict[str, list[dict]] = {name: [] for name in commands}
    for i in range(rounds + 1):
        for name, argv in commands.items():
            done = subprocess.run(argv, cwd=cwd, env=ENV, capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"{' '.join(argv)} failed:\n{done.stderr}")
            if i:
                runs[name].append(json.loads(done.stdout))
    return runs


def summary(runs: list[dict]) -> dict:
    """Median of each timing of ``runs``; a flag is true if it was true in any run."""
    return {key: (any(r[key] for r in runs) if isinstance(runs[0][key], bool)
                  else statistics.median(r[key] for r in runs)) for key in runs[0]}


def main(argv: list[str] | None = None) -> int:
    """Measure and print the check table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a rough figure)")
    args = parser.parse_args(argv)
    n = QUICK if args.quick else CHECKS
    proc_rounds = 3 if args.quick else 9

    from redlines import Redlines

    import moukit
    from moukit.checking.output.redline import write_redline
    from moukit.checking.pipeline import check_detailed

    spec = moukit.load_spec(SPEC)
    trilingual = edited_docx(moukit.render(spec, "docx").data, ("th", "zh", "en"))
    verify(trilingual, ("th", "zh", "en"))
    standard, edited = english_texts(spec)
    print(f"# moukit check benchmark ({environment()})")
    print("draft check: the check finds the one-word edit of clause 3 in th, zh and en: yes\n")
    table = Table()

    med = median_times({
        "moukit": lambda: moukit.check([trilingual]),
        "redlines": lambda: Redlines(standard, edited).output_markdown,
    }, n["rounds"], n["warmup"])
    per_version = med["moukit"] / 3
    table.add("check in-process, th+zh+en DOCX (baseline: redlines, en text)", ms(med["moukit"]),
              ms(med["redlines"]), med["moukit"] / med["redlines"])
    table.add("  per language version (moukit / 3)", ms(per_version), ms(med["redlines"]),
              per_version / med["redlines"], "<= 10 ms", per_version <= 0.010)
    cpu = median_times({"moukit": lambda: moukit.check([trilingual])}, n["rounds"], 1,
                       clock=time.process_time)["moukit"] / 3
    table.add("  per language version, CPU time (less sensitive to load)", ms(cpu))

    with tempfile.TemporaryDirectory(prefix="moukit-bench-") as tmp:
        tmp = Path(tmp)
        use_bytecode_cache(tmp / "pycache")
        drafts = {"th+zh+en": tmp / "draft.docx", "zh+en": tmp / "draft-zh-en.docx",
                  "en": tmp / "draft-en.docx"}
        drafts["th+zh+en"].write_bytes(trilingual)
        for langs in (["zh", "en"], ["en"]):
            data = edited_docx(moukit.render(spec, "docx", languages=langs).data, langs)
            verify(data, langs)
            drafts["+".join(langs)].write_bytes(data)

        script, dictionary = tmp / "first_check.py", tmp / "thai_dictionary.py"
        script.write_text(FIRST_CHECK, encoding="utf-8")
        dictionary.write_text(THAI_DICTIONARY, encoding="utf-8")
        commands = {name: [sys.executable, str(script), str(path)] for name, path in drafts.items()}
        commands["dictionary"] = [sys.executable, str(dictionary)]
        fresh = {name: summary(runs) for name, runs in fresh_runs(commands, proc_rounds, tmp).items()}
        with_thai, en = fresh["th+zh+en"], fresh["en"]
        table.add("first check in a fresh process, en only (baseline: th+zh+en)", ms(en["first"]),
                  ms(with_thai["first"]), en["first"] / with_thai["first"])
        yes = lambda flag: "yes" if flag else "no"
        table.add("  en only: Thai segmenter built / pythainlp word list loaded",
                  f"{yes(en['thai_segmenter'])} / {yes(en['thai_word_list'])}", "-", None,
                  "no / no", not (en["thai_segmenter"] or en["thai_word_list"]))
        table.add("  th+zh+en: Thai segmenter built / pythainlp word list loaded",
                  f"{yes(with_thai['thai_segmenter'])} / {yes(with_thai['thai_word_list'])}")
        warm_up = {k: ms(fresh[k]["first"] - fresh[k]["second"]) for k in drafts}
        table.add("  warm-up (first - second check): th+zh+en / zh+en / en",
                  " / ".join(warm_up[k] for k in drafts))
        table.add("  pythainlp word list + trie alone (fresh process, reference)",
                  ms(fresh["dictionary"]["load"]))

        draft = drafts["th+zh+en"]
        moukit_cli = moukit_command()
        med = process_medians({
            "check": [*moukit_cli, "check", str(draft)],
            "redline": [*moukit_cli, "check", str(draft), "--redline", str(tmp / "out.docx")],
        }, proc_rounds, warmup=1, cwd=tmp, ok=(0, 1, 3))
        table.add("moukit check draft.docx, whole process (th+zh+en)", ms(med["check"]), "-", None,
                  "< 1000 ms", med["check"] < 1.0)
        table.add("  with --redline out.docx (baseline: without)", ms(med["redline"]),
                  ms(med["check"]), med["redline"] / med["check"])
        table.add("  extra time for --redline, whole process", ms(med["redline"] - med["check"]))

        report, analyses = check_detailed([str(draft)])
        med = median_times({"redline": lambda: write_redline(str(draft), analyses)},
                           n["rounds"], n["warmup"])
        table.add("write_redline in-process (after check_detailed)", ms(med["redline"]), "-", None,
                  "< 200 ms", med["redline"] < 0.200)
    table.print()
    print(f"\nrounds: in-process {n['rounds']} (after {n['warmup']} warm-up), fresh processes "
          f"{proc_rounds}; medians, contenders interleaved.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
