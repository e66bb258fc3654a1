"""Render benchmark: moukit (Thai, Chinese, English) against docxtpl (English only).

Run ``python bench/render.py`` (``--quick`` for fewer rounds). Everything is measured in
one run and reported as ratios, since the machine may be shared and noisy: each figure is
the median of N rounds after warm-up rounds, and the two contenders alternate round by
round (A B, B A, A B, ...) so that a slow spell hits both. Whole processes are timed by
their CPU time (user + system, from ``os.wait4``), which other jobs on a shared machine
disturb less than the wall time printed beside it; a ratio is the median of the ratios of
each round (paired).

The baseline is docxtpl filling a Word template that this script builds itself at start
(with python-docx, in a temporary folder): the English MOU form with ``{{ }}`` placeholders
for its blanks and alternatives. The script first checks that the baseline writes the same
English text as moukit's English version, so both fill the same values.

The timing helpers and the table at the end of this file are shared with ``bench/check.py``.
Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the repository (src/moukit/)
REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "examples" / "chiang-mai-chengdu.yaml"
os.environ.update(PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1")
# The environment of every measured process; see use_bytecode_cache.
ENV = dict(os.environ)
ENTRY = "moukit.cli:console"  # pyproject.toml's [project.scripts] moukit

# The values of examples/chiang-mai-chengdu.yaml, as the English version words them.
VALUES = {
    "title": "Memorandum of Understanding",
    "relationship": "Sister Cities",
    "thai_name": "Chiang Mai Province",
    "partner_name": "Chengdu City",
    "parties": "two Sides",
    "opening": "Have reached the following understanding",
    "fields": "the fields of trade, investment, tourism, culture, education and science and technology",
    "term": "will remain in effect until either of the two Sides terminates it by written notice "
            "to the other",
    "place": "Chiang Mai",
    "date": "15 September 2026",
    "partner_language": "Chinese",
    "thai_signatory": {"name": "Mr. Somchai Srisawat", "position": "Governor of Chiang Mai Province"},
    "partner_signatory": {"name": "Mr. Zhang Wei", "position": "Mayor of Chengdu"},
}

# The English MOU form, one paragraph a line; {{ }} marks a blank or an alternative.
TEMPLATE_PARAGRAPHS = [
    "{{ title }}",
    "on the Establishment of {{ relationship }}",
    "between",
    "{{ thai_name }}",
    "and",
    "{{ partner_name }}",
    '{{ thai_name }} and {{ partner_name }} (hereinafter collectively referred to as the '
    '"{{ parties }}");',
    "Guided by mutual aspiration toward the strengthening of understanding and goodwill between "
    "{{ thai_name }} and {{ partner_name }}; and",
    "Taking into consideration the existing contacts between them;",
    "{{ opening }}:",
    "1. The {{ parties }} will, within their authority and to the extent permitted by the laws "
    "and regulations in force in their respective countries, cooperate with each other to "
    "promote mutual prosperity and development on the basis of equality and mutual benefits.",
    "2. The {{ parties }} will cooperate with each other in {{ fields }} compatible with their "
    "respective government's policies, domestic laws, and international obligations.",
    "3. The {{ parties }} will encourage their concerned agencies to maintain direct contact with "
    "each other for cooperation under this {{ title }}. The {{ parties }} will also encourage "
    "the exchange of visits between their officials.",
    "4. The {{ parties }} will consult each other regarding the modalities and programs of "
    "cooperation in implementing this {{ title }} by convening annual meetings, or other meetings "
    "when necessary, to monitor and evaluate the achievement of joint projects as well as to "
    "ensure concrete results and mutual benefits.",
    "5. This {{ title }} will come into effect on the date of its signature and {{ term }}.",
    "Signed in duplicate at {{ place }} on {{ date }} in the Thai, {{ partner_language }} and "
    "English language. In case of divergence of interpretation, the English text will be used.",
]
SIGNATURE_CELLS = [
    ["For {{ thai_name }}", "....................", "{{ thai_signatory.name }}",
     "{{ thai_signatory.position }}"],
    ["For {{ partner_name }}", "....................", "{{ partner_signatory.name }}",
     "{{ partner_signatory.position }}"],
]

ONE_SHOT = """\
import json, sys
from docxtpl import DocxTemplate

template = DocxTemplate(sys.argv[1])
template.render(json.loads(sys.argv[2]))
template.save(sys.argv[3])
"""


# --------------------------------------------------------------------------- shared helpers


def median_times(contenders: dict, rounds: int, warmup: int, clock=time.perf_counter) -> dict[str, float]:
    """Median seconds of each callable over ``rounds``, after ``warmup`` untimed rounds.

    The contenders run in turn within each round, in reverse order every other round.
    ``clock`` is wall time by default; ``time.process_time`` gives this process's CPU time.
    """
    names = list(contenders)
    for _ in range(warmup):
        for name in names:
            contenders[name]()
    times: dict[str, list[float]] = {name: [] for name in names}
    for i in range(rounds):
        for name in (names if i % 2 == 0 else names[::-1]):
            gc.collect()
            start = clock()
            contenders[name]()
            times[name].append(clock() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def run_child(command: list[str], cwd: Path) -> tuple[float, float, int, bytes]:
    """Run ``command``; its wall time, CPU time (user + system, from ``os.wait4``) in seconds,
    exit status and output (standard output and error)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = child.stdout.read() if child.stdout else b""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, child.returncode, out


def paired(commands: dict[str, list[str]], rounds: int, warmup: int, cwd: Path, ok=(0,)) -> dict[str, dict]:
    """Whole-process times of each command, the commands taking turns in each round (order
    reversed every other round): per command the medians ``wall`` and ``cpu`` (seconds) and
    the times of each round (``rounds``: (wall, cpu) pairs, for :func:`paired_ratio`). A run
    that fails stops the benchmark."""
    names = list(commands)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for n in range(warmup + rounds):
        for name in (names if n % 2 == 0 else names[::-1]):
            wall, cpu, code, out = run_child(commands[name], cwd)
            if code not in ok:
                sys.exit(f"{' '.join(map(str, commands[name]))} failed ({code}):\n{out.decode(errors='replace')}")
            if n >= warmup:
                times[name].append((wall, cpu))
    return {name: {"wall": statistics.median(w for w, _ in t), "cpu": statistics.median(c for _, c in t),
                   "rounds": t} for name, t in times.items()}


def paired_ratio(result: dict[str, dict], name: str, baseline: str, clock: str = "cpu") -> float:
    """The median over the rounds of ``name``'s time divided by ``baseline``'s in the same round."""
    index = 1 if clock == "cpu" else 0
    return statistics.median(a[index] / b[index]
                             for a, b in zip(result[name]["rounds"], result[baseline]["rounds"]))


def run_process(argv: list[str], cwd: Path, ok=(0,)) -> float:
    """Whole-process wall time of ``argv`` in seconds; a failing run stops the benchmark."""
    wall, _, code, out = run_child(argv, cwd)
    if code not in ok:
        sys.exit(f"{' '.join(map(str, argv))} failed ({code}):\n{out.decode(errors='replace')}")
    return wall


def process_medians(commands: dict, rounds: int, warmup: int, cwd: Path, ok=(0,)) -> dict[str, float]:
    """Median whole-process wall time of each command (argv lists), interleaved like median_times."""
    return median_times({name: (lambda argv=argv: run_process(argv, cwd, ok))
                         for name, argv in commands.items()}, rounds, warmup)


def use_bytecode_cache(folder: Path) -> None:
    """Let measured processes cache compiled modules in ``folder`` (a temporary folder).

    An installed package has its bytecode compiled; an editable checkout run with
    PYTHONDONTWRITEBYTECODE recompiles every module in every process. The warm-up rounds
    fill this cache for both contenders alike, and nothing is written into the repository.
    """
    ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    ENV["PYTHONPYCACHEPREFIX"] = str(folder)


def moukit_command() -> list[str]:
    """The ``moukit`` command as users start it: the console script next to this interpreter
    (not a version manager's shim) when it runs this checkout's entry point, else
    ``python -m moukit`` (the same entry point; an older install's script would not be)."""
    beside = Path(sys.executable).with_name("moukit")
    found = str(beside) if beside.exists() else shutil.which("moukit")
    if found and f"import {ENTRY.split(':')[1]}" in Path(found).read_text("utf-8", errors="replace"):
        return [found]
    return [sys.executable, "-m", "moukit"]


def ms(seconds: float | None) -> str:
    """Seconds as milliseconds for the table."""
    return "-" if seconds is None else f"{seconds * 1000:.1f} ms"


class Table:
    """The result table: figure, measured, baseline, ratio, goal, met."""

    HEAD = ("figure", "measured", "baseline", "ratio", "goal", "met")

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(self, figure: str, measured: str, baseline: str = "-", ratio: float | None = None,
            goal: str = "-", met: bool | None = None) -> None:
        """Add one row; ``met`` None means the figure has no goal."""
        self.rows.append((figure, measured, baseline, "-" if ratio is None else f"{ratio:.2f}",
                          goal, "-" if met is None else ("yes" if met else "NO")))

    def print(self) -> None:
        """Print the table aligned, as Markdown."""
        rows = [self.HEAD, *self.rows]
        widths = [max(len(r[i]) for r in rows) for i in range(len(self.HEAD))]
        line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
        print(line(self.HEAD))
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for row in self.rows:
            print(line(row))


def environment() -> str:
    """One line naming the machine and the versions measured."""
    import moukit

    return (f"{time.strftime('%Y-%m-%d')}, nproc {os.cpu_count()}, Python "
            f"{sys.version.split()[0]}, moukit {moukit.__version__}")


# --------------------------------------------------------------------------- baseline


def build_template(path: Path) -> None:
    """Write the docxtpl template of the English MOU (python-docx) to ``path``."""
    import docx

    document = docx.Document()
    for text in TEMPLATE_PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, SIGNATURE_CELLS):
        cell.paragraphs[0].text = lines[0]
        for text in lines[1:]:
            cell.add_paragraph(text)
    document.save(str(path))


def docxtpl_render(template: Path) -> bytes:
    """The baseline: load the template, fill the values, save the DOCX to bytes."""
    from docxtpl import DocxTemplate

    doc = DocxTemplate(str(template))
    doc.render(VALUES)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docx_words(data: bytes) -> list[str]:
    """The words of a DOCX: body paragraphs, then table cells."""
    import docx

    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [p.text for cell in row.cells for p in cell.paragraphs]
    return " ".join(texts).split()


def same_english(spec, baseline_docx: bytes) -> bool:
    """Whether the baseline wrote the words of moukit's English version."""
    import moukit

    english = moukit.render(spec, "txt", languages=["en"]).data.decode("utf-8")
    return english.split() == docx_words(baseline_docx)


# --------------------------------------------------------------------------- main


def pdf_rows(table: "Table", spec, tmp: Path, inproc_rounds: int, proc_rounds: int, quick: bool) -> None:
    """PDF beside DOCX (in-process and whole process), and beside what a user would do without
    moukit's PDF: convert moukit's DOCX with LibreOffice headless (wall time: LibreOffice runs
    as a tree of processes). Goal (issue 14): a trilingual PDF in-process in less time than
    LibreOffice needs to start. Where moukit cannot write this PDF here (no Noto CJK font
    for the Chinese version, say), the PDF rows are left out with moukit's reason."""
    import moukit

    try:
        moukit.render(spec, "pdf")
    except moukit.MoukitError as exc:
        print(f"PDF rows left out: {str(exc).splitlines()[0]}\n")
        return
    med = median_times({
        "pdf": lambda: moukit.render(spec, "pdf"),
        "docx": lambda: moukit.render(spec, "docx"),
    }, max(5, inproc_rounds // 3), warmup=2)
    pdf_inproc = med["pdf"]
    table.add("render PDF in-process, th+zh+en (beside moukit's DOCX)", ms(med["pdf"]), ms(med["docx"]),
              med["pdf"] / med["docx"])
    med = paired({
        "pdf": [*moukit_command(), "render", str(SPEC), "-o", str(tmp / "tmp.pdf"), "--force"],
        "docx": [*moukit_command(), "render", str(SPEC), "-o", str(tmp / "tmp2.docx"), "--force"],
    }, max(3, proc_rounds // 2), warmup=1, cwd=tmp)
    for clock in ("cpu", "wall"):
        table.add(f"render PDF whole process, {clock} (beside moukit render DOCX)", ms(med["pdf"][clock]),
                  ms(med["docx"][clock]), paired_ratio(med, "pdf", "docx", clock))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) not found: its rows are left out")
        return
    docx = tmp / "lo.docx"
    docx.write_bytes(moukit.render(spec, "docx").data)
    profile = f"-env:UserInstallation=file://{tmp / 'lo-profile'}"
    lo = {
        "start": [soffice, profile, "--headless", "--terminate_after_init"],
        "convert": [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(docx)],
    }
    run_process(lo["start"], tmp)  # first start makes the profile
    rounds = 2 if quick else 4
    start = statistics.median(run_process(lo["start"], tmp) for _ in range(rounds))
    convert = statistics.median(run_process(lo["convert"], tmp) for _ in range(rounds))
    table.add("LibreOffice headless start, wall (baseline: moukit PDF in-process)", ms(start), ms(pdf_inproc),
              pdf_inproc / start, "PDF < LO start", pdf_inproc < start)
    table.add("LibreOffice DOCX -> PDF, wall (beside moukit render PDF whole process)", ms(convert),
              ms(med["pdf"]["wall"]), med["pdf"]["wall"] / convert)


def main(argv: list[str] | None = None) -> int:
    """Measure and print the render table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a rough figure)")
    args = parser.parse_args(argv)
    inproc_rounds, proc_rounds, help_rounds = (15, 5, 10) if args.quick else (60, 20, 30)

    import moukit

    spec = moukit.load_spec(SPEC)
    table = Table()
    with tempfile.TemporaryDirectory(prefix="moukit-bench-") as tmp:
        tmp = Path(tmp)
        use_bytecode_cache(tmp / "pycache")
        template = tmp / "mou-en-template.docx"
        build_template(template)
        if not same_english(spec, docxtpl_render(template)):
            sys.exit("the docxtpl baseline does not write moukit's English text: fix VALUES")
        print(f"# moukit render benchmark ({environment()})")
        print("baseline check: docxtpl writes the same English words as moukit: yes\n")

        med = median_times({
            "moukit": lambda: moukit.render(spec, "docx"),
            "docxtpl": lambda: docxtpl_render(template),
        }, inproc_rounds, warmup=5)
        ratio = med["moukit"] / med["docxtpl"]
        table.add("render DOCX in-process (moukit th+zh+en / docxtpl en)", ms(med["moukit"]),
                  ms(med["docxtpl"]), ratio, "ratio <= 1.0", ratio <= 1.0)
        table.add("  per language version (moukit / 3)", ms(med["moukit"] / 3), ms(med["docxtpl"]),
                  med["moukit"] / 3 / med["docxtpl"])

        script = tmp / "oneshot_docxtpl.py"
        script.write_text(ONE_SHOT, encoding="utf-8")
        values = json.dumps(VALUES)
        med = paired({
            "moukit": [*moukit_command(), "render", str(SPEC), "-o", str(tmp / "tmp.docx"), "--force"],
            "docxtpl": [sys.executable, str(script), str(template), values, str(tmp / "base.docx")],
        }, proc_rounds, warmup=2, cwd=tmp)
        for clock in ("cpu", "wall"):
            ratio = paired_ratio(med, "moukit", "docxtpl", clock)
            table.add(f"render DOCX whole process, {clock} (moukit render / docxtpl script)",
                      ms(med["moukit"][clock]), ms(med["docxtpl"][clock]), ratio, "ratio <= 1.2",
                      ratio <= 1.2)

        pdf_rows(table, spec, tmp, inproc_rounds, proc_rounds, args.quick)

        med = paired({
            "help": [*moukit_command(), "--help"],
            "python": [sys.executable, "-c", "pass"],
        }, help_rounds, warmup=2, cwd=tmp)
        for clock in ("cpu", "wall"):
            ratio = paired_ratio(med, "help", "python", clock)
            table.add(f"moukit --help whole process, {clock} (baseline: python -c pass)",
                      ms(med["help"][clock]), ms(med["python"][clock]), ratio, "ratio <= 3", ratio <= 3)
    table.print()
    print(f"\nrounds: in-process {inproc_rounds} (after 5 warm-up), processes {proc_rounds}, "
          f"--help {help_rounds} (after 2 warm-up); medians, contenders interleaved; whole-process "
          f"ratios paired per round. moukit command: {' '.join(moukit_command())}; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
