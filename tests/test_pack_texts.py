"""Every shipped language pack as a text: its record (version, status, reviews), a round trip
through the check for combinations covering every alternative, and its earlier wordings
still accepted, so that a draft made with an earlier moukit checks clean after a correction.
"""

from __future__ import annotations

import shutil
from functools import cache

import pytest

import moukit
from moukit.forms import all_forms
from moukit.packs.library import TemplateLibrary, builtin_templates_dir
from moukit.spec.models import SPEC_ADAPTER
from specdata import spec_data

LIBRARY = TemplateLibrary()
SHIPPED = LIBRARY.available()
TRANSLATIONS = [lang for lang in SHIPPED if lang != "en"]
# The partner language of a spec whose versions include ``lang``: a Thai version comes with
# a partner language beside it.
PARTNER_OF = {lang: lang if lang != "th" else "zh" for lang in TRANSLATIONS}
EARLIER = [(lang, folder.name) for lang in TRANSLATIONS
           for folder in sorted((builtin_templates_dir() / lang / "accepted").glob("*")) if folder.is_dir()]


def combinations(form) -> list[dict]:
    """Spec values covering every option of every alternative and every variant of ``form``:
    the n-th combination takes the n-th option of each (cycling), so every option appears
    with a changing company."""
    axes = [(alt.name, list(alt.options)) for alt in form.alternatives.values()]
    if form.instrument == "mou":
        axes += [("term", ["open", 5]), ("fields", [["economy", "tourism"], []])]
    axes.append(("partner_language", ["named", "english"]))
    count = max(len(options) for _, options in axes)
    out = []
    for n in range(count):
        values = {name: options[(n + i) % len(options)] for i, (name, options) in enumerate(axes)}
        out.append(values)
    return out


def make_spec(instrument: str, lang: str, values: dict | None = None):
    """A spec with a ``lang`` version (Thai beside a partner language), with ``values``."""
    values = dict(values or {})
    english = values.pop("partner_language", "named") == "english"
    data = spec_data(instrument, PARTNER_OF[lang])
    if values.get("term") not in (None, "open"):
        values["term"] = {"years": values["term"]}
    data.update(values)
    if english:
        data["partner"]["language"] = "en"
    return SPEC_ADAPTER.validate_python(data)


@cache
def record(lang: str):
    return LIBRARY.pack(lang).record


# -- the record ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", SHIPPED)
def test_every_pack_carries_a_version_and_a_status(lang):
    rec = record(lang)
    assert rec.version and rec.status == ("official" if lang == "en" else "unofficial")


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_translation_was_reviewed_and_nothing_serious_was_left(lang):
    rec = record(lang)
    assert rec.reviews, f"{lang}: no review recorded"
    for review in rec.reviews:
        assert review.findings, f"{lang}: the review of {review.of} lists no findings"
        ids = [f.id for f in review.findings]
        assert len(ids) == len(set(ids)), f"{lang}: a finding is listed twice"
        serious_left = [f.id for f in review.findings if f.severity in ("S1", "S2") and f.status == "left"]
        assert not serious_left, f"{lang}: S1/S2 findings left unresolved: {serious_left}"
        assert all(f.why for f in review.findings if f.status != "resolved")


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_a_released_wording_a_review_corrected_stays_accepted(lang):
    """A review of an earlier version whose findings were resolved made a new version, and the
    earlier wording stays an accepted text. A review of a wording never released (a new
    pack's own review of its first draft, ``of: 0.1-draft``) needs none: no draft has it."""
    rec = record(lang)
    for review in rec.reviews:
        released = review.of != rec.version and not review.of.endswith("-draft")
        if released and any(f.status == "resolved" for f in review.findings):
            assert (lang, f"moukit-{review.of}") in EARLIER, f"{lang}: {review.of} not kept as accepted"


def test_each_version_of_a_render_names_its_text():
    document = moukit.render(make_spec("mou", "zh"), "json").document
    texts = {v.lang: (v.text_version, v.text_status) for v in document.versions}
    assert texts == {lang: (record(lang).version, record(lang).status) for lang in ("th", "zh", "en")}
    assert document.fingerprint["texts"] == ",".join(
        f"{lang} {record(lang).version} {record(lang).status}" for lang in ("th", "zh", "en"))


# -- round trips -----------------------------------------------------------------------------

def _assert_standard(report, lang: str, accepted: str | None = None) -> None:
    messages = [f"{f.code} {f.lang} {f.clause_id}: {f.message}" for f in report.findings]
    assert report.verdict == "standard", messages
    if accepted:
        version = next(v for v in report.versions if v.lang == lang)
        assert version.accepted == accepted


@pytest.mark.slow
@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.instrument)
def test_every_alternative_checks_clean_against_itself(lang, form):
    for values in combinations(form):
        rendering = moukit.render(make_spec(form.instrument, lang, values), "txt")
        _assert_standard(moukit.check([rendering.data]), lang)


@pytest.mark.parametrize("lang,name", EARLIER)
@pytest.mark.parametrize("instrument", ["loi", "mou"])
def test_a_draft_in_an_earlier_wording_still_checks_clean(tmp_path, lang, name, instrument):
    earlier = builtin_templates_dir() / lang / "accepted" / name
    shutil.copytree(earlier, tmp_path / lang)
    spec = make_spec(instrument, lang)
    old = moukit.render(spec, "txt", templates=[tmp_path]).data
    new = moukit.render(spec, "txt").data
    if old == new:
        pytest.skip(f"{lang} {instrument}: the wording did not change since {name}")
    _assert_standard(moukit.check([old]), lang, accepted=name)


BUILT_FROM_A_TRANSLATORS_FILE = [lang for lang in TRANSLATIONS
                                 if (builtin_templates_dir() / lang / "translation.xlf").is_file()]


@pytest.mark.parametrize("lang", BUILT_FROM_A_TRANSLATORS_FILE)
def test_a_pack_made_with_the_pack_tool_is_its_translators_file_built(tmp_path, lang):
    """A pack made with ``moukit pack build`` is corrected through its translator's file:
    building that file again (with the pack's own settings) gives the shipped files byte for
    byte."""
    from moukit.packs.build import build_pack

    shipped = builtin_templates_dir() / lang
    (tmp_path / lang).mkdir()
    shutil.copy(shipped / "lexicon.yaml", tmp_path / lang / "lexicon.yaml")  # the pack's settings
    built = build_pack(shipped / "translation.xlf", tmp_path, force=True)
    for name in ("loi.j2", "mou.j2", "lexicon.yaml"):
        assert (built.folder / name).read_bytes() == (shipped / name).read_bytes(), f"{lang} {name}"


def test_the_packs_made_with_the_pack_tool_are_there():
    assert {"id", "tr", "my"} <= set(BUILT_FROM_A_TRANSLATORS_FILE)
