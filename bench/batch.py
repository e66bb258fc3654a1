"""Batch benchmark: 140 drafts checked in one process, each verdict checked.

Run ``python bench/batch.py`` (``--rounds N`` to repeat the in-process timing; ``--profile``
to print where the time of the drafts after the first goes). The stock is made in a temporary
folder, never in the repository: the 77 Thai provinces (Bangkok included), each paired with a
partner in one of five partner languages of the shipped packs (Chinese, Japanese, Korean,
Vietnamese, Indonesian), 35 Letters of Intent and 105 Memoranda of Understanding with assorted
relationships, fields, wordings and terms, each rendered to DOCX by ``moukit.render``. Half
are untouched renders; the other half carry 1 to 3 seeded word edits (a word replaced,
deleted or inserted) in the numbered clauses: the first in the English version, the others in
any language version.

The figure is the time to check all 140 with ``moukit.check_all(..., separately=True)`` (what
``moukit check FOLDER`` does) in a fresh process, imports included; then, in that process,
140 other drafts made the same way from another seed (everything built once is reused; none
of those files was seen, though most of their paragraphs are the form's own, as in a real
batch: the cost of a draft once a process is warm), then the first 140
again (what a process keeps of each text helps too); and the whole command ``moukit check
FOLDER`` (CPU time of the child). Every verdict must be right: an untouched render is the
standard form, an edited draft is flagged (not standard). Goal: 140 drafts <= 2 s in all.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the repository

DRAFTS = 140
LOIS = 35
GOAL_SECONDS = 2.0
SEED = 140

# Partners by language: (en, th, partner-language name), country, level, (place en, th, own),
# (signatory en, th, own), (position en, th, own), the Thai party's name pattern in the language.
PARTNERS = {
    "zh": [
        (("Chengdu Municipality", "นครเฉิงตู", "中华人民共和国成都市"), "CN", "sub_provincial_city",
         ("Chengdu", "นครเฉิงตู", "成都"), ("Mr. Wang Fei", "นายหวัง เฟย", "王飞"),
         ("Mayor of Chengdu", "นายกเทศมนตรีนครเฉิงตู", "成都市市长")),
        (("Yunnan Province", "มณฑลยูนนาน", "中华人民共和国云南省"), "CN", "province",
         ("Kunming", "นครคุนหมิง", "昆明"), ("Mr. Liu Hong", "นายหลิว หง", "刘洪"),
         ("Governor of Yunnan Province", "ผู้ว่าการมณฑลยูนนาน", "云南省省长")),
        (("Xiamen Municipality", "นครเซี่ยเหมิน", "中华人民共和国厦门市"), "CN", "sub_provincial_city",
         ("Xiamen", "นครเซี่ยเหมิน", "厦门"), ("Mr. Huang Wenhua", "นายหวง เหวินหัว", "黄文华"),
         ("Mayor of Xiamen", "นายกเทศมนตรีนครเซี่ยเหมิน", "厦门市市长")),
    ],
    "ja": [
        (("Hokkaido Prefecture", "จังหวัดฮอกไกโด", "日本国北海道"), "JP", "prefecture",
         ("Sapporo", "นครซัปโปโร", "札幌市"), ("Mr. Naomichi Suzuki", "นายนาโอมิจิ ซูซูกิ", "鈴木直道"),
         ("Governor of Hokkaido", "ผู้ว่าราชการจังหวัดฮอกไกโด", "北海道知事")),
        (("Nagano Prefecture", "จังหวัดนากาโนะ", "日本国長野県"), "JP", "prefecture",
         ("Nagano", "นครนากาโนะ", "長野市"), ("Mr. Shuichi Abe", "นายชูอิจิ อาเบะ", "阿部守一"),
         ("Governor of Nagano", "ผู้ว่าราชการจังหวัดนากาโนะ", "長野県知事")),
    ],
    "ko": [
        (("Jeollanam-do Province", "จังหวัดช็อลลาใต้", "대한민국 전라남도"), "KR", "province",
         ("Muan", "มูอัน", "무안"), ("Mr. Kim Min-soo", "นายคิม มิน-ซู", "김민수"),
         ("Governor of Jeollanam-do", "ผู้ว่าราชการจังหวัดช็อลลาใต้", "전라남도지사")),
        (("Gyeongsangbuk-do Province", "จังหวัดคย็องซังเหนือ", "대한민국 경상북도"), "KR", "province",
         ("Andong", "อันดง", "안동"), ("Mr. Lee Cheol-woo", "นายอี ช็อล-อู", "이철우"),
         ("Governor of Gyeongsangbuk-do", "ผู้ว่าราชการจังหวัดคย็องซังเหนือ", "경상북도지사")),
    ],
    "vi": [
        (("Da Nang City", "นครดานัง", "thành phố Đà Nẵng"), "VN", "municipality_under_central_government",
         ("Da Nang", "ดานัง", "Đà Nẵng"), ("Mr. Le Trung Chinh", "นายเล จุง จิ๋ง", "Lê Trung Chinh"),
         ("Chairman of the People's Committee of Da Nang", "ประธานคณะกรรมการประชาชนนครดานัง",
          "Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng")),
        (("Quang Ninh Province", "จังหวัดกว๋างนิญ", "tỉnh Quảng Ninh"), "VN", "province",
         ("Ha Long", "ฮาลอง", "Hạ Long"), ("Mr. Cao Tuong Huy", "นายกาว เตือง ฮวี", "Cao Tường Huy"),
         ("Chairman of the People's Committee of Quang Ninh", "ประธานคณะกรรมการประชาชนจังหวัดกว๋างนิญ",
          "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh")),
    ],
    "id": [
        (("Special Region of Yogyakarta", "เขตปกครองพิเศษยอกยาการ์ตา", "Daerah Istimewa Yogyakarta"), "ID",
         "province", ("Yogyakarta", "ยอกยาการ์ตา", "Yogyakarta"),
         ("Mr. Hamengku Buwono", "นายฮาเมิงกูบูโวโน", "Hamengku Buwono"),
         ("Governor of Yogyakarta", "ผู้ว่าการยอกยาการ์ตา", "Gubernur Daerah Istimewa Yogyakarta")),
        (("West Java Province", "จังหวัดชวาตะวันตก", "Provinsi Jawa Barat"), "ID", "province",
         ("Bandung", "บันดุง", "Bandung"), ("Mr. Dedi Mulyadi", "นายเดดี มุลยาดี", "Dedi Mulyadi"),
         ("Governor of West Java", "ผู้ว่าการชวาตะวันตก", "Gubernur Jawa Barat")),
    ],
}
THAI_PARTY = {"zh": "泰王国{}府", "ja": "タイ王国{}県", "ko": "태국 {}주", "vi": "tỉnh {}",
              "id": "Provinsi {}"}
GOVERNOR = {"zh": "{}府尹", "ja": "{}県知事", "ko": "{}주지사", "vi": "Tỉnh trưởng tỉnh {}",
            "id": "Gubernur Provinsi {}"}
THAI_SIGNATORIES = [("Mr. Somchai Jaidee", "นายสมชาย ใจดี"), ("Ms. Suda Srisawat", "นางสาวสุดา ศรีสวัสดิ์"),
                    ("Mr. Prasert Boonmee", "นายประเสริฐ บุญมี"), ("Mrs. Malee Thongdee", "นางมาลี ทองดี")]
FIELDS = ["economy", "trade", "investment", "education", "culture", "tourism", "health", "agriculture",
          "science_and_technology", "environment", "sport", "youth", "transport"]
CLAUSE_NUMBER = re.compile(r"([0-9]+|[๐-๙]+)\. ")


def spec_for(number: int, rng: random.Random) -> dict:
    """The spec of draft ``number``: a province, a partner, an instrument and its choices."""
    from moukit.spec.provinces import all_provinces, names_in

    province = all_provinces()[number % 77]
    lang = list(PARTNERS)[number % len(PARTNERS)]
    (name, country, level, place, person, position) = rng.choice(PARTNERS[lang])
    own = (names_in(province, lang) or (province.name_en,))[0]
    triple = lambda en, th, other: {"en": en, "th": th, lang: other}  # noqa: E731
    thai_person = rng.choice(THAI_SIGNATORIES)
    instrument = "loi" if number % 4 == 0 else "mou"
    data = {
        "instrument": instrument,
        "relationship": rng.choice(["sister", "friendship", "partnership", "twin"]),
        "thai_party": {"province": province.name_en, "name": {lang: THAI_PARTY[lang].format(own)}},
        "partner": {"name": triple(*name), "country": country, "level": level, "language": lang},
        "fields": rng.sample(FIELDS, rng.randint(2, 6)),
        "signing": {"place": triple(*place), "date": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"},
        "signatories": {
            "thai": {"name": triple(*thai_person, thai_person[0].split(". ", 1)[1]),
                     "position": triple(f"Governor of {province.name_en} Province",
                                        f"ผู้ว่าราชการจังหวัด{province.name_th}", GOVERNOR[lang].format(own))},
            "partner": {"name": triple(*person), "position": triple(*position)},
        },
    }
    if province.name_en == "Bangkok":
        data["signatories"]["thai"]["position"] = triple("Governor of Bangkok", "ผู้ว่าราชการกรุงเทพมหานคร",
                                                         GOVERNOR[lang].format(own))
    if instrument == "loi":
        data.update(parties=rng.choice(["the_two_cities", "the_two_sides", "both_sides"]),
                    intent=rng.choice(["aim_to", "will"]))
    else:
        data.update(parties=rng.choice(["participants", "two_sides"]),
                    opening=rng.choice(["common_understandings", "following_understanding"]),
                    term=rng.choice(["open", {"years": rng.choice([3, 5])}]))
    return data


def _clause_runs(document) -> list:
    """The text run of each numbered clause (after its number), version after version: the
    Thai, the partner's, then the English."""
    numbered = [p for p in document.paragraphs if CLAUSE_NUMBER.match(p.text.strip()) and p.runs]
    return [max(p.runs, key=lambda r: len(r.text)) for p in numbered]


def _edit(run, donor, rng: random.Random) -> None:
    """One word of ``run`` replaced by a word of ``donor``, deleted, or followed by it; in a
    language written without spaces, a run of 2 to 4 characters stands for a word."""
    unspaced = any("\u0e00" <= ch <= "\u0e7f" or "\u3040" <= ch <= "\u9fff" for ch in run.text)
    if unspaced:
        at, size = rng.randrange(2, len(run.text) - 6), rng.randint(2, 4)
        start = rng.randrange(0, len(donor.text) - 4)
        before, old, after = run.text[:at], run.text[at:at + size], run.text[at + size:]
        word = donor.text[start:start + size]
    else:
        words = run.text.split(" ")
        at = rng.choice([i for i, w in enumerate(words[:-1]) if i and sum(c.isalpha() for c in w) >= 4])
        before, old, after = " ".join(words[:at]) + " ", words[at], " " + " ".join(words[at + 1:])
        donated = [w for w in donor.text.split(" ") if sum(c.isalpha() for c in w) >= 4 and w != old]
        word = rng.choice(donated) if donated else "jointly"  # (a donor in Thai or Chinese has no spaces)
    kind = rng.choice(["replace", "delete", "insert"])
    if kind == "replace" and word == old:
        kind = "delete"
    new = {"replace": word, "delete": "", "insert": old + ("" if unspaced else " ") + word}[kind]
    run.text = before + new + after if unspaced or new else before.rstrip() + after


def seeded_edits(data: bytes, rng: random.Random, count: int) -> bytes:
    """The DOCX with ``count`` word edits in its numbered clauses: the first in the English
    version (the binding one, checked word for word), the others in any version (a translation
    is checked by meaning: an edit that keeps every meaning is no deviation there)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    runs = _clause_runs(document)
    english = runs[len(runs) * 2 // 3:]
    for number in range(count):
        _edit(rng.choice(english if number == 0 else runs), rng.choice(runs), rng)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_stock(folder: Path, seed: int = SEED) -> dict[str, bool]:
    """The 140 drafts written into ``folder`` (``seed``: another seed, another stock): {file
    name: edited}."""
    import moukit

    rng = random.Random(seed)
    stock = {}
    for number in range(DRAFTS):
        data = moukit.render(moukit.parse_spec(spec_for(number, rng)), "docx").data
        edited = number % 2 == (number >= DRAFTS // 2)  # odd ones, then even ones (LOIs too)
        if edited:
            data = seeded_edits(data, rng, rng.randint(1, 3))
        name = f"{number:03d}-{'edited' if edited else 'render'}.docx"
        (folder / name).write_bytes(data)
        stock[name] = edited
    return stock


# Run in a fresh process: check the whole folder twice, with CPU times; the verdicts.
BATCH_RUN = """\
import json, sys, time
files, others = sys.argv[1:141], sys.argv[141:]
start, cpu = time.perf_counter(), time.process_time()
import moukit
batch = moukit.check_all(files, separately=True)
first = (time.perf_counter() - start, time.process_time() - cpu)
start, cpu = time.perf_counter(), time.process_time()
other = moukit.check_all(others, separately=True)
new = (time.perf_counter() - start, time.process_time() - cpu)
start, cpu = time.perf_counter(), time.process_time()
moukit.check_all(files, separately=True)
again = (time.perf_counter() - start, time.process_time() - cpu)
rows = [{"file": r["file"], "verdict": r["verdict"]} for r in batch.rows() + other.rows()]
print(json.dumps({"first": first, "new": new, "again": again, "rows": rows}))
"""

PROFILE_RUN = """\
import cProfile, pstats, sys
import moukit
files = sys.argv[1:]
moukit.check_all(files[:4], separately=True)  # the one-time work
profile = cProfile.Profile()
profile.enable()
moukit.check_all(files, separately=True)
profile.disable()
pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
"""


def environment(bytecode: Path) -> dict:
    """The environment of the measured processes: this moukit, pythainlp offline, compiled
    modules cached in ``bytecode`` (as an installed package has them), even where
    ``PYTHONDONTWRITEBYTECODE`` is set: else every process would compile moukit's modules
    again (0.2 s on the machine of docs/speed.md), which no installed moukit does."""
    src = Path(__file__).resolve().parent.parent / "src"
    path = os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHONPATH=path, PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1", NO_COLOR="1",
               PYTHONPYCACHEPREFIX=str(bytecode))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def child_cpu(command: list[str], bytecode: Path) -> tuple[float, float, int, str]:
    """Run ``command`` (compiled modules cached in ``bytecode``): its wall time, CPU time (user
    + system), exit status and output."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment(bytecode))
    out = proc.stdout.read().decode("utf-8")
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    return (time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
            os.waitstatus_to_exitcode(status), out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes to time (median)")
    parser.add_argument("--profile", action="store_true", help="profile the drafts after the first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="moukit-batch-") as tmp:
        folder, other_folder = Path(tmp) / "stock", Path(tmp) / "other"
        folder.mkdir()
        other_folder.mkdir()
        stock = make_stock(folder)
        other = make_stock(other_folder, SEED + 1)
        files = [str(folder / name) for name in stock]
        bytecode = Path(tmp) / "pycache"
        if args.profile:
            print(child_cpu([sys.executable, "-c", PROFILE_RUN, *files], bytecode)[3])
            return 0
        expected = {str(folder / name): edited for name, edited in stock.items()}
        expected.update({str(other_folder / name): edited for name, edited in other.items()})
        batch_run = [sys.executable, "-c", BATCH_RUN, *files, *(str(other_folder / n) for n in other)]
        child_cpu(batch_run, bytecode)  # warm-up: compiles moukit's modules into the cache
        runs = [json.loads(child_cpu(batch_run, bytecode)[3]) for _ in range(args.rounds)]
        wrong = [row for row in runs[0]["rows"] if (row["verdict"] == "standard") == expected[row["file"]]]
        commands = [child_cpu([sys.executable, "-m", "moukit", "check", str(folder)], bytecode)
                    for _ in range(args.rounds)]
        first, new, again = (statistics.median(r[key][1] for r in runs) for key in ("first", "new", "again"))
        command = statistics.median(c[1] for c in commands)
        edited = sum(stock.values())
        print(f"stock: {len(stock)} drafts ({DRAFTS - LOIS} MOU, {LOIS} LOI; {len(stock) - edited} untouched, "
              f"{edited} edited), and {len(other)} others made the same way (seed {SEED + 1}); "
              f"load {os.getloadavg()[0]:.1f}; medians of {args.rounds} fresh processes, CPU s")
        print(f"check_all of {len(files)}, fresh process (imports and one-time work included): {first:.2f} s "
              f"(wall {statistics.median(r['first'][0] for r in runs):.2f})  goal <= {GOAL_SECONDS} s: "
              f"{'met' if first <= GOAL_SECONDS else 'NOT met'}")
        print(f"check_all of the {len(other)} others next, in the same process: {new:.2f} s, "
              f"{1000 * new / len(other):.1f} ms a draft")
        print(f"check_all of the first {len(files)} again: {again:.2f} s, {1000 * again / len(files):.1f} ms a draft "
              "(what a process keeps of each text helps)")
        print(f"one-time work (first - others): {first - new:.2f} s")
        print(f"moukit check FOLDER, whole process: {command:.2f} s CPU (exit {commands[0][2]})")
        print(f"verdicts: {len(expected) - len(wrong)}/{len(expected)} right"
              + "".join(f"\n  WRONG {row['file']}: {row['verdict']}" for row in wrong))
        return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
