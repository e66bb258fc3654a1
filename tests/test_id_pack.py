"""The Indonesian pack (id), the first pack made with moukit's own pack tool.

- (That its templates and lexicon are its translator's file built again is tested for every
  such pack in test_pack_texts.py.)
- A translated draft of the real relationship Chiang Mai - Yogyakarta: the Indonesian version
  reworded by hand (same meaning, other words) is judged a faithful translation; a sentence of
  obligation added to it is caught as not permitted; the LOI's non-binding sentence dropped
  is caught, reworded it is not.
- The DOCX marks Indonesian runs as id-ID in a font with Latin letters.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml

import moukit
from moukit.packs.library import builtin_templates_dir

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chiang-mai-yogyakarta.yaml"
PACK = builtin_templates_dir() / "id"
SEPARATOR = "=" * 72


# ---------------------------------------------------------------- the pack and its translation file


def test_the_pack_is_unofficial_and_reviewed():
    record = yaml.safe_load((PACK / "pack.yaml").read_text("utf-8"))
    assert (record["language"], record["version"], record["status"]) == ("id", "0.1", "unofficial")
    (review,) = record["reviews"]
    assert review["of"] == "0.1" and review["report"] == "packs/id/review.md"
    ids = [f["id"] for f in review["findings"]]
    assert ids == [f"ID-{n:02d}" for n in range(1, len(ids) + 1)]
    for finding in review["findings"]:
        assert finding["severity"] in ("S1", "S2", "S3")
        assert finding["status"] in ("resolved", "kept", "left")
        assert finding["status"] == "resolved" or finding.get("why")
    text = " ".join((PACK / "review.md").read_text("utf-8").split())
    assert "not an official" in text and "native-speaking government translator" in text
    for finding in ids:
        assert finding in text


# ---------------------------------------------------------------- a translated draft


def _rendered() -> tuple[list[str], list[str]]:
    document = moukit.render(moukit.load_spec(EXAMPLE), "txt")
    return document.data.decode("utf-8").split(SEPARATOR), [v.lang for v in document.document.versions]


# The Indonesian version of the example reworded by hand, paragraph by paragraph: the same
# meaning in other words (word order, synonyms, the treaty formula "Dibuat di ...").
REWORDED = {
    '(selanjutnya secara bersama-sama disebut "Para Peserta");':
        ', yang untuk selanjutnya bersama-sama disebut "Para Peserta";',
    "Berpedoman pada aspirasi bersama untuk memperkuat saling pengertian dan niat baik antara":
        "Didorong oleh keinginan bersama untuk memperkuat saling pengertian dan itikad baik antara",
    "Dengan mempertimbangkan kontak yang telah ada di antara keduanya;":
        "Memperhatikan hubungan yang telah terjalin di antara keduanya;",
    "Telah mencapai kesepahaman berikut:": "Telah mencapai kesepahaman sebagai berikut:",
    "1. Para Peserta akan, dalam batas kewenangan masing-masing dan sejauh diizinkan oleh hukum dan "
    "peraturan perundang-undangan yang berlaku di negara masing-masing, bekerja sama satu sama lain untuk "
    "memajukan kemakmuran dan pembangunan bersama atas dasar kesetaraan dan saling menguntungkan.":
        "1. Para Peserta akan bekerja sama satu sama lain, sesuai dengan kewenangan masing-masing dan "
        "sepanjang diizinkan oleh peraturan perundang-undangan yang berlaku di negara masing-masing, guna "
        "meningkatkan kemakmuran dan pembangunan bersama berdasarkan kesetaraan dan prinsip saling "
        "menguntungkan.",
    "2. Para Peserta akan bekerja sama satu sama lain di bidang kebudayaan, pariwisata, pendidikan, "
    "perdagangan, dan pertanian sejalan dengan kebijakan pemerintah, hukum nasional, dan kewajiban "
    "internasional masing-masing.":
        "2. Para Peserta akan saling bekerja sama di bidang kebudayaan, pariwisata, pendidikan, "
        "perdagangan, dan pertanian, selaras dengan kebijakan pemerintah, hukum nasional, serta kewajiban "
        "internasional masing-masing.",
    "3. Para Peserta akan mendorong instansi terkait masing-masing untuk memelihara kontak langsung satu "
    "sama lain bagi kerja sama berdasarkan Nota Kesepahaman ini. Para Peserta juga akan mendorong "
    "pertukaran kunjungan antara para pejabat mereka.":
        "3. Para Peserta akan mendorong instansi yang berwenang di pihak masing-masing agar menjalin "
        "hubungan langsung satu sama lain dalam rangka kerja sama berdasarkan Nota Kesepahaman ini. Para "
        "Peserta juga akan mendorong saling kunjung antarpejabat mereka.",
    "4. Para Peserta akan saling berkonsultasi mengenai modalitas dan program kerja sama dalam "
    "pelaksanaan Nota Kesepahaman ini dengan menyelenggarakan pertemuan tahunan, atau pertemuan lain "
    "apabila diperlukan, untuk memantau dan mengevaluasi pencapaian proyek bersama serta untuk memastikan "
    "hasil yang konkret dan manfaat bersama.":
        "4. Para Peserta akan saling berkonsultasi tentang tata cara dan program kerja sama dalam rangka "
        "pelaksanaan Nota Kesepahaman ini melalui penyelenggaraan pertemuan tahunan atau pertemuan lainnya "
        "bila diperlukan, guna memantau dan menilai capaian proyek bersama serta memastikan hasil yang "
        "nyata dan manfaat bersama.",
    "5. Nota Kesepahaman ini akan mulai berlaku pada tanggal penandatanganannya dan akan tetap berlaku "
    "untuk jangka waktu 5 (lima) tahun. Pembaruan/perpanjangan hubungan Provinsi Bersaudara akan "
    "bergantung pada keputusan bersama Para Peserta.":
        "5. Nota Kesepahaman ini mulai berlaku sejak tanggal ditandatangani dan berlaku untuk jangka waktu "
        "5 (lima) tahun. Perpanjangan hubungan Provinsi Bersaudara akan ditentukan berdasarkan keputusan "
        "bersama Para Peserta.",
    "Ditandatangani dalam rangkap dua di Yogyakarta pada tanggal 15 September 2026 dalam bahasa Thai, "
    "bahasa Indonesia, dan bahasa Inggris. Dalam hal terdapat perbedaan penafsiran, naskah bahasa "
    "Inggris yang akan digunakan.":
        "Dibuat di Yogyakarta pada tanggal 15 September 2026 dalam rangkap dua, dalam bahasa Thai, bahasa "
        "Indonesia, dan bahasa Inggris. Apabila terjadi perbedaan penafsiran, naskah bahasa Inggris yang "
        "akan dipergunakan.",
}
OBLIGATION = "Para Peserta wajib menyediakan anggaran tahunan untuk kegiatan bersama."


def _reworded(extra: str = "") -> bytes:
    parts, langs = _rendered()
    i = langs.index("id")
    version = parts[i]
    for old, new in REWORDED.items():
        assert version.count(old) == 1, old
        version = version.replace(old, new)
    if extra:  # a sentence added at the end of clause 2
        version = re.sub(r"(?m)^(2\. .*)$", lambda m: m.group(1) + " " + extra, version)
    parts[i] = version
    return SEPARATOR.join(parts).encode("utf-8")


def test_the_example_renders_and_checks_as_the_standard_form():
    parts, langs = _rendered()
    assert langs == ["th", "id", "en"]
    assert "Nota Kesepahaman\ntentang Pembentukan Hubungan Provinsi Bersaudara" in parts[1]
    assert moukit.check([SEPARATOR.join(parts).encode("utf-8")]).verdict == "standard"


def test_a_faithful_translation_in_other_words_is_the_standard_form():
    report = moukit.check([_reworded()], moukit.load_spec(EXAMPLE))
    assert report.verdict == "standard", [(f.code, f.message) for f in report.findings]
    assert not [f for f in report.findings if f.code.startswith(("MK-C", "MK-T001", "MK-T002", "MK-P"))]
    reworded = next(f for f in report.findings if f.code == "MK-T003")
    assert reworded.lang == "id"


def test_an_obligation_added_in_indonesian_is_not_permitted():
    report = moukit.check([_reworded(OBLIGATION)], moukit.load_spec(EXAMPLE))
    assert report.verdict == "not_permitted"
    codes = {(f.code, f.lang) for f in report.findings}
    assert ("MK-P001", "id") in codes and ("MK-T002", "id") in codes
    binding = next(f for f in report.findings if f.code == "MK-P001")
    assert "wajib" in binding.message


def _loi_parts():
    spec = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    spec.update(instrument="loi", parties="both_sides", preposition="in", intent="will",
                further_fields=["youth", "sport"])
    for key in ("title", "opening", "term"):
        spec.pop(key, None)
    document = moukit.render(moukit.parse_spec(yaml.safe_dump(spec, allow_unicode=True)), "txt")
    return document.data.decode("utf-8").split(SEPARATOR), [v.lang for v in document.document.versions]


NONBINDING = ("Surat Pernyataan Kehendak ini tidak bermaksud menimbulkan hak atau kewajiban berdasarkan "
              "hukum internasional.")


@pytest.mark.parametrize("replacement, verdict, code", [
    (NONBINDING, "standard", None),
    ("Surat Pernyataan Kehendak ini tidak dimaksudkan untuk menciptakan hak dan kewajiban menurut hukum "
     "internasional.", "standard", None),
    ("", "not_permitted", "MK-P011"),
    ("Surat Pernyataan Kehendak ini menimbulkan hak dan kewajiban berdasarkan hukum internasional.",
     "not_permitted", "MK-P011"),
])
def test_the_loi_non_binding_sentence(replacement, verdict, code):
    parts, langs = _loi_parts()
    i = langs.index("id")
    assert parts[i].count(NONBINDING) == 1
    parts[i] = parts[i].replace(NONBINDING, replacement)
    report = moukit.check([SEPARATOR.join(parts).encode("utf-8")])
    assert report.verdict == verdict, [(f.code, f.message) for f in report.findings]
    if code:
        assert (code, "id") in {(f.code, f.lang) for f in report.findings}


# ---------------------------------------------------------------- DOCX


def test_docx_marks_indonesian_runs_in_a_latin_font():
    data = moukit.render(moukit.load_spec(EXAMPLE), "docx").data
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    runs = re.findall(r"<w:r>(?:(?!</w:r>).)*?Nota Kesepahaman(?:(?!</w:r>).)*?</w:r>", xml)
    assert runs
    for run in runs:
        assert 'w:lang w:val="id-ID"' in run
        assert 'w:ascii="Times New Roman"' in run and 'w:hAnsi="Times New Roman"' in run
