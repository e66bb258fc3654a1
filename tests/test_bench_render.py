"""bench/render.py on a machine that cannot write the PDF (no Noto CJK font for the Chinese
version): the PDF rows are left out with moukit's reason, and the run goes on to the others."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import moukit
from moukit.errors import OutputError

BENCH = Path(__file__).resolve().parent.parent / "bench" / "render.py"


def _bench_module():
    spec = importlib.util.spec_from_file_location("moukit_bench_render", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pdf_rows_are_left_out_with_the_reason_when_no_pdf_can_be_written(monkeypatch, tmp_path, capsys):
    bench = _bench_module()
    real_render = moukit.render

    def render(spec, format="docx", **options):
        if format == "pdf":
            raise OutputError("no font on this machine has the character 、 (U+3001) of the zh version",
                              hint="install the Noto CJK fonts")
        return real_render(spec, format, **options)

    monkeypatch.setattr(moukit, "render", render)
    table = bench.Table()
    bench.pdf_rows(table, moukit.load_spec(bench.SPEC), tmp_path, 1, 1, True)

    assert table.rows == []  # nothing timed, no row half made
    assert "PDF rows left out: no font on this machine has the character 、 (U+3001)" in capsys.readouterr().out
