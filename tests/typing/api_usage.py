"""The public API as the documentation shows it, for ``mypy --strict`` (tests/test_typing.py).

Never run: it is only type-checked. Every public function is called as docs/api.md shows,
with the types a caller writes; a missing or wrong hint in moukit fails the check (a call of
an untyped function is an error under --strict).
"""

from __future__ import annotations

from pathlib import Path

import moukit


def specs() -> list[moukit.MouSpec | moukit.LoiSpec]:
    spec = moukit.load_spec("examples/chiang-mai-hokkaido.yaml")
    same = moukit.parse_spec(Path("examples/x.yaml").read_text("utf-8"), file="x.yaml")
    from_data = moukit.parse_spec({"instrument": "mou"})
    from_bytes = moukit.parse_spec(b"instrument: mou\n")
    return [spec, same, from_data, from_bytes, moukit.load_spec(Path("x.yaml"))]


def rendering(spec: moukit.MouSpec) -> bytes:
    result: moukit.Rendering = moukit.render(spec, "docx")
    path: Path = result.save("mou.docx")
    assert path.name and result.suffix and result.media_type
    document: moukit.Document = result.document
    notices: tuple[moukit.Notice, ...] = result.notices
    assert document.languages and notices is not None
    moukit.render("examples/chiang-mai-hokkaido.yaml", "txt", languages="th,en")
    moukit.render(Path("spec.yaml"), "md", languages=["th", "en"], layout="parallel",
                  templates="examples/templates-it", digits="arabic")
    moukit.render({"instrument": "mou"}, templates=[Path("a"), "b"])
    return result.data


def checking(spec: moukit.MouSpec, data: bytes) -> int:
    limits = moukit.Limits(max_part_bytes=100 * 1024 * 1024)
    report: moukit.Report = moukit.check("mou.docx", spec=spec, limits=limits)
    moukit.check(Path("mou.docx"), spec="spec.yaml", rules="extra.yaml", accept=["approved"])
    moukit.check([data, "mou-en.txt"], spec={"instrument": "mou"}, rules=[Path("a.yaml")])
    moukit.check({"mou-th.docx": data})
    text_report: moukit.Report = moukit.check_text("1. A clause.", name="draft.md")
    batch: moukit.Batch = moukit.check_all(["a.txt", "b.txt"], separately=True)
    findings: list[moukit.Finding] = report.findings
    verdict: str = report.verdict
    csv: str = batch.to_csv()
    assert findings is not None and verdict and csv and text_report.sources
    return report.exit_code + batch.exit_code


def forms_and_errors() -> str:
    form: moukit.Form = moukit.get_form("MOU")
    schema: dict[str, object] = moukit.spec_json_schema()
    assert form.id and schema and moukit.__version__
    try:
        moukit.load_spec("spec.yaml")
    except moukit.SpecError as error:
        problems: list[moukit.Problem] = error.problems
        lines = [p.line for p in problems if p.line is not None]
        assert all(isinstance(n, int) for n in lines)
    except moukit.MoukitError as error:
        code: str | None = error.code
        params: dict[str, object] = error.params
        thai: str = error.in_language("th")
        assert thai or code or params
    return str(moukit.UsageError("x"))
