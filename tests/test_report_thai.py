"""The check report in Thai: realistic edited drafts, reported in Thai on the terminal and in
HTML, leave no English sentence untranslated; the report's language follows --ui-lang (or a
Thai locale) and --report-lang; the JSON stays English; the wording defects of the first
trial are gone; and no message of the check is built outside the catalog (an AST scan).

"No English left" is tested on what the report itself says: the draft's and the form's own
words (quoted, in a diff, or a value read from the draft) are the draft's, not the report's,
and are taken out first; then no line may hold three ASCII words in a row.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

import moukit
from moukit import i18n
from moukit.checking.codes import CODES, ROUTE_TITLES, ROUTE_TITLES_TH, ROUTES
from moukit.checking.output.html import format_html
from moukit.checking.output.terminal import format_terminal
from moukit.checking.pipeline import check_detailed
from moukit.checking.wording import excerpt, story_name, whole_words, words_found
from moukit.cli import main
from translation_corpus import draft_of, entries, variant_text

ROOT = Path(__file__).resolve().parent.parent
CHECKING = ROOT / "src" / "moukit" / "checking"
THAI = re.compile(r"[\u0E01-\u0E5B]")
ENGLISH_RUN = re.compile(r"(?<![\w/.-])[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*){2,}(?![\w/])")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|«[^»]*»")


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    i18n.set_language(None)


# ----------------------------------------------------------------------------- the drafts


def _english_mou() -> str:
    spec = moukit.load_spec(ROOT / "examples" / "chiang-mai-chengdu.yaml")
    return moukit.render(spec, "txt").data.decode("utf-8")


def _thai_corpus(**changes: str) -> bytes:
    _, clauses = entries("corpus", "th", "mou")
    replacements = {c: found[1]["text"] for c, found in clauses.items()}
    return draft_of("th", "mou", "corpus", {**replacements, **changes})


def _corpus_clause(clause_id: str, kind: str, k: int = 0) -> str:
    _, clauses = entries("corpus", "th", "mou")
    return variant_text(clauses[clause_id][k], kind)


def _edited() -> dict[str, bytes]:
    """Drafts a province could send back: each a realistic edit of a rendered MOU."""
    text = _english_mou()
    c5 = _corpus_clause("c5", "faithful", 1)
    drafts = {
        "changed word": text.replace("encourage their concerned agencies", "encourage their relevant agencies"),
        "binding word": text.replace("The two Sides will encourage their concerned",
                                     "The two Sides shall encourage their concerned")
                            .replace("๓. ฝ่ายทั้งสองจะส่งเสริม", "๓. ฝ่ายทั้งสองต้องส่งเสริม"),
        "added clause": text.replace(
            "\n\n5. This Memorandum", "\n\n6. The two Sides will provide an annual budget of USD 50,000 "
            "for joint projects.\n\n5. This Memorandum", 1),
        "removed clause": re.sub(r"\n\n4\. The two Sides will consult[^\n]*", "", text, count=1),
    }
    drafts = {name: value.encode("utf-8") for name, value in drafts.items()}
    drafts["translation drops a meaning"] = _thai_corpus(c3=_corpus_clause("c3", "drop"))
    drafts["translation changes the term"] = _thai_corpus(c5=c5.replace("5 ปี", "3 ปี"))
    drafts["translation adds content"] = _thai_corpus(c2=_corpus_clause("c2", "add"))
    for name, data in drafts.items():
        assert data.decode("utf-8") not in (text, _thai_corpus().decode("utf-8")), name
    return drafts


EDITED = _edited()


def _draft_words(report) -> list[str]:
    """Everything the report quotes from the draft or the form: texts, diffs, values read."""
    out: list[str] = []

    def add(value) -> None:
        if isinstance(value, dict):
            for item in value.values():
                add(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                add(item)
        elif isinstance(value, str) and value.strip():
            out.append(str(value))
            out.extend(line for line in str(value).split("\n") if line.strip())

    for f in report.findings:
        add([f.draft, f.standard, [op.text for op in f.diff]])
    for v in report.versions:
        add(v.values)
        for row in v.translation or ():
            add([row["english"], row["text"], row["added"]])
    return sorted(set(out), key=len, reverse=True)


def english_left(text: str, report) -> list[str]:
    """Runs of three ASCII words in ``text`` (a sentence, not a list of identifiers) once the
    draft's and form's own words are out."""
    for quoted in _draft_words(report):
        text = re.sub(rf"(?<!\w){re.escape(quoted)}(?!\w)", " ", text)
    text = re.sub(re.escape(i18n.translate(i18n.N_("diff (form -> draft):"), "th")) + ".*", " ", text)
    text = QUOTED.sub(" ", text)
    text = re.sub(r"…[^\n]*…", " ", text)  # a shortened stretch of a diff
    return [m.group(0) for line in text.split("\n") for m in ENGLISH_RUN.finditer(line)]


def _html_text(page: str, lang: str = "th") -> str:
    """The text of the page the report writes in its own language: elements in another
    language (the draft's and the form's text, marked with their ``lang``) and the <del>
    and <ins> of a diff are left out."""
    root = lxml_html.fromstring(page.encode("utf-8"))
    for element in root.xpath(f"//*[@lang and @lang != '{lang}'] | //del | //ins | //style"):
        element.drop_tree()
    return "\n".join(t for t in root.itertext())


@pytest.fixture(scope="module", params=sorted(EDITED))
def edited(request):
    report, analyses = check_detailed([EDITED[request.param]])
    assert report.verdict != "standard", request.param  # a real edit, not an accepted one
    return request.param, report, analyses


def test_the_thai_terminal_report_has_no_english_sentence(edited):
    name, report, _ = edited
    text = format_terminal(report, color=False, show_editorial=True, lang="th")
    assert THAI.search(text.splitlines()[0]), name
    assert not english_left(text, report), (name, english_left(text, report))


def test_the_thai_html_report_has_no_english_sentence(edited):
    name, report, analyses = edited
    page = format_html(report, analyses, lang="th")
    assert '<html lang="th">' in page
    left = english_left(_html_text(page), report)
    assert not left, (name, left)


def test_the_test_would_see_english(edited):
    """The same scan finds the English of the English report (so it can fail)."""
    _, report, analyses = edited
    assert english_left(format_terminal(report, color=False, lang="en"), report)
    assert english_left(_html_text(format_html(report, analyses, lang="en"), "en"), report)


def test_every_finding_and_note_is_in_thai(edited):
    _, report, _ = edited
    for text in [report.reason, *report.notes, *(f.message for f in report.findings)]:
        thai = i18n.translate(text, "th")
        assert THAI.search(thai), text


# ----------------------------------------------------------------------------- the HTML page


def test_html_in_thai_has_thai_headings():
    report, analyses = check_detailed([EDITED["changed word"]])
    root = lxml_html.fromstring(format_html(report, analyses, lang="th").encode("utf-8"))
    assert root.get("lang") == "th"
    h1 = root.findtext(".//h1")
    assert h1 == i18n.translate(i18n.N_("{label}: {title}", label=i18n.N_("REVIEW: COUNCIL OF STATE"),
                                        title=ROUTE_TITLES["council_of_state"]), "th")
    assert THAI.search(h1) and "REVIEW" not in h1
    headings = [h.text_content() for h in root.iter("h2")]
    assert headings and all(h.startswith("ฉบับภาษา") or h.startswith("ประเด็นที่พบ") for h in headings), headings
    assert any("ฉบับภาษาอังกฤษ (en)" in h for h in headings)


def test_html_in_english_is_english():
    report, analyses = check_detailed([EDITED["changed word"]])
    root = lxml_html.fromstring(format_html(report, analyses).encode("utf-8"))
    assert root.get("lang") == "en"
    assert root.findtext(".//h1").startswith("REVIEW: COUNCIL OF STATE: review by the MOI")
    assert any(h.text_content().startswith("English (en) version") for h in root.iter("h2"))


# ----------------------------------------------------------------------------- the command line


def _check(capsys, *args, env=None, monkeypatch=None):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "edited.txt"
    path.write_bytes(EDITED["binding word"])
    return path


def test_ui_lang_th_prints_the_report_in_thai(capsys, draft, tmp_path):
    code, out, _ = _check(capsys, "--ui-lang", "th", "check", "--no-color", draft,
                          "--html", tmp_path / "r.html")
    assert code == 3
    first = out.splitlines()[0]
    assert first.startswith(i18n.translate(i18n.N_("NOT PERMITTED"), "th")), first
    assert "reason:" not in out and i18n.translate(i18n.N_("why:"), "th") in out
    assert (tmp_path / "r.html").read_text("utf-8").count('<html lang="th">') == 1


def test_report_lang_overrides_the_interface_language(capsys, draft):
    _, out, _ = _check(capsys, "--ui-lang", "th", "check", "--no-color", "--report-lang", "en", draft)
    assert out.startswith("NOT PERMITTED: not permitted for a province (exit code 3)")
    _, out, _ = _check(capsys, "--ui-lang", "en", "check", "--no-color", "--report-lang", "th", draft)
    assert THAI.search(out.splitlines()[0])


def test_a_thai_locale_gives_a_thai_report(capsys, draft, monkeypatch):
    for name in i18n.LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    _, out, _ = _check(capsys, "check", "--no-color", draft)
    assert "  " + i18n.translate(i18n.N_("reason: {reason}", reason=""), "th").strip() in out


def test_the_json_stays_english(capsys, draft):
    import json

    _, english, _ = _check(capsys, "--ui-lang", "en", "check", "--json", draft)
    _, thai, _ = _check(capsys, "--ui-lang", "th", "check", "--json", draft)
    assert json.loads(english) == json.loads(thai)
    data = json.loads(thai)
    english = [f["message"] for f in data["findings"] if f["lang"] == "en"]
    assert english and not THAI.search("".join(english))
    assert data["verdict_title_th"] == ROUTE_TITLES_TH["not_permitted"] == "จังหวัดไม่มีอำนาจลงนามในเนื้อหานี้"


def test_a_batch_summary_in_thai(capsys, tmp_path):
    for name in ("changed word", "added clause"):
        (tmp_path / f"{name}.txt").write_bytes(EDITED[name])
    code, out, _ = _check(capsys, "--ui-lang", "th", "check", "--batch", *sorted(tmp_path.glob("*.txt")))
    assert code == 3
    *rows, total = out.strip().splitlines()
    assert len(rows) == 2 and all(THAI.search(row) for row in rows)
    assert total.startswith("2 ไฟล์") and "worst verdict" not in total


# ----------------------------------------------------------------------------- catalog


def test_route_titles_and_rationales_come_from_the_catalog():
    for route in ROUTES:
        assert ROUTE_TITLES_TH[route] == i18n.translate(ROUTE_TITLES[route], "th")
        assert THAI.search(ROUTE_TITLES_TH[route]), route
    for code in CODES.values():
        assert isinstance(code.rationale, i18n.Message)
        assert THAI.search(code.rationale_th) and code.rationale_th != code.rationale, code.code
    assert CODES["MK-C001"].rationale_th.startswith("มีการแก้ไขถ้อยคำของแบบฟอร์มมาตรฐาน")


def test_a_finding_keeps_its_thai_rationale():
    report = moukit.check([EDITED["changed word"]])
    changed = next(f for f in report.findings if f.code == "MK-C001")
    assert changed.rationale_th == CODES["MK-C001"].rationale_th
    assert report.to_dict()["findings"][0]["rationale_th"] == report.findings[0].rationale_th


# ----------------------------------------------------------------------------- wording


def test_a_match_is_never_cut_inside_a_number():
    report = moukit.check([EDITED["added clause"]])
    funding = next(f for f in report.findings if f.code == "MK-P008")
    assert "'USD 50,000'" in funding.message and "'USD 5'" not in funding.message
    assert whole_words("a budget of USD 1.500,75 each", ["USD 1"]) == ["USD 1.500,75"]
    assert whole_words("the partners shall cooperate", ["hall"]) == ["shall"]
    assert whole_words("ฝ่ายทั้งสองต้องส่งเสริม", ["ต้อง"]) == ["ต้อง"]  # Thai: no word boundary to guess


def test_a_match_that_is_the_whole_text_is_said_once():
    message = words_found("binding language", ["ต้อง"], "ต้อง")
    assert message == "binding language: 'ต้อง'"
    assert i18n.translate(message, "th") == "binding language: พบ 'ต้อง'"
    longer = words_found("binding language", ["ต้อง"], "ฝ่ายทั้งสองต้องส่งเสริม")
    assert longer == "binding language: 'ต้อง' in 'ฝ่ายทั้งสองต้องส่งเสริม'"


def test_an_excerpt_is_cut_between_words():
    text = " ".join(f"word{n}" for n in range(60)) + " shall " + " ".join(f"more{n}" for n in range(60))
    shown = excerpt(text, ["shall"])
    assert shown.startswith("…") and shown.endswith("…") and "shall" in shown
    inner = shown.strip("…")
    assert inner.split()[0] in text.split() and inner.split()[-1] in text.split()


def test_values_are_named_in_words_in_both_languages(tmp_path):
    spec = moukit.load_spec(ROOT / "examples" / "chiang-mai-chengdu.yaml")
    text = _english_mou().replace("Mr. Somchai Srisawat", "Mr. Somsak Srisawat")
    report = moukit.check([text.encode()], spec)
    (finding,) = [f for f in report.findings if f.code == "MK-S001" and f.lang == "en"]
    assert finding.message.startswith("the Thai signatory's name is 'Mr. Somsak Srisawat' in the draft")
    assert "signatory.name" not in finding.message
    assert i18n.translate(finding.message, "th").startswith("ชื่อผู้ลงนามฝ่ายไทยในร่างคือ")


def test_where_text_outside_the_body_stands_in_thai():
    assert i18n.translate(story_name("footer of section 2"), "th") == "ท้ายกระดาษของส่วนที่ 2"
    assert i18n.translate(story_name("comment 1 (A. Partner)"), "th") == "ความเห็นที่ 1 (A. Partner)"
    assert story_name("something else") == "something else"


# ----------------------------------------------------------------------------- no message outside the catalog


def _message_arguments(tree: ast.AST):
    """(line, argument) of what the check gives a person to read: a finding's message, a
    note or an editorial note appended, a report's notes extended, an error's message."""
    errors = {"UsageError", "DraftError", "LanguageNotAvailable", "TemplateError", "NotTheForm",
              "MoukitError", "OutputError"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name == "finding" and len(node.args) > 1:
                yield node.lineno, node.args[1]
            if name in ("finding", "Finding") or name in errors:
                yield from ((node.lineno, k.value) for k in node.keywords if k.arg in ("message", "hint"))
            if name in errors and node.args:
                yield node.lineno, node.args[-1] if name in ("DraftError", "NotTheForm") else node.args[0]
            if name == "append" and isinstance(node.func, ast.Attribute):
                target = ast.unparse(node.func.value)
                if target.endswith(("notes", "editorial")) and node.args:
                    yield node.lineno, node.args[0]
        elif isinstance(node, ast.AugAssign) and ast.unparse(node.target).endswith(("message", "notes")):
            yield node.lineno, node.value


def _built_outside_the_catalog(value: ast.AST) -> bool:
    """An f-string, a concatenation, a ``.format()`` or a bare string literal."""
    if isinstance(value, ast.IfExp):
        return _built_outside_the_catalog(value.body) or _built_outside_the_catalog(value.orelse)
    if isinstance(value, (ast.JoinedStr, ast.BinOp)):
        return True
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return True
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "format"


def _checking_sources() -> list[Path]:
    return [p for p in sorted(CHECKING.rglob("*.py"))
            if not {"readers", "rules"} & set(p.relative_to(CHECKING).parts[:-1])]


def test_no_message_of_the_check_is_built_outside_the_catalog():
    found = []
    for path in _checking_sources():
        tree = ast.parse(path.read_text("utf-8"))
        found += [f"{path.relative_to(ROOT)}:{line}: {ast.unparse(value)[:80]}"
                  for line, value in _message_arguments(tree) if _built_outside_the_catalog(value)]
    assert not found, "\n".join(found)


def test_the_scan_sees_an_f_string_message():
    tree = ast.parse('finding("MK-C001", f"clause {n} changed")\nnotes.append("plain")\n'
                     'raise UsageError("x" + y, hint=N_("ok"))\nf.message += f" (in {s})"\n')
    assert sorted(line for line, value in _message_arguments(tree) if _built_outside_the_catalog(value)) == [1, 2, 3, 4]
