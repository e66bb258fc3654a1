"""Mutation cases generated from the form definitions and templates, for the trust suite.

Every clause of both forms in every shipped language is rendered with its blanks and
alternatives marked; each word of the form's wording is then deleted, replaced and
followed by an inserted word, one edit at a time. A mutant that happens to equal another
rendering of the form (another listed alternative) is not a deviation and is set aside; an
insertion next to a blank that occurs once (place, fields, a signatory's line) is a
different filled blank, not a deviation, and is set aside too (counted, not hidden). So is
the deletion of a serial comma in English (", and": editorial, listed in
src/moukit/forms/editorial.yaml), and its replacement by a word glued onto the blank just
before it ("Chinesebanana and English": a different filled blank).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from moukit.checking.segment import VersionText
from moukit.forms import get_form
from moukit.packs.library import default_library
from moukit.rendering.context import build_context
from moukit.rendering.writers.text import clause_text
from moukit.text.markers import MARK, mark, unmark
from moukit.text.normalize import tokenize
from specdata import spec

FOREIGN = {"en": "banana", "th": "กล้วยหอม", "zh": "香蕉", "ja": "バナナ", "ko": "바나나", "vi": "chuối",
           "id": "pisang", "tr": "muz"}
ONCE_ONLY = ("fields", "further_fields", "place", "partner_language", "thai_signatory", "partner_signatory",
             "date", "term_text")
LANGS = ("en", "th", "zh", "ja", "ko", "vi", "id", "tr")


@dataclass(frozen=True)
class Mutant:
    """One edited version text and what was done."""

    lang: str
    instrument: str
    clause_id: str
    kind: str  # delete | replace | insert | add_clause | binding | topic | value
    detail: str
    blocks: tuple[str, ...]


def base_spec(instrument: str, lang: str, **changes):
    """The spec whose ``lang`` version the mutants edit."""
    partner = lang if lang not in ("en", "th") else "zh"
    return spec(instrument, partner, **changes)


def _wrap(value, name: str):
    if isinstance(value, dict):
        return {k: _wrap(v, f"{name}.{k}") for k, v in value.items()}
    if isinstance(value, str) and value:
        return mark(name, value)
    return value


def marked_clauses(s, lang: str) -> list[tuple[str, str, str | None, str]]:
    """(clause id, kind, number, marked text) of ``lang``'s version of spec ``s``."""
    pack = default_library().pack(lang)
    ctx = {k: (_wrap(v, k) if k not in ("term_years",) else v) for k, v in build_context(s, pack).items()}
    form = get_form(s.instrument)
    rendered = dict(pack.render_clauses(form, ctx))
    return [(c.id, c.kind, str(c.number) if c.number else None, rendered[c.id]) for c in form.clauses]


def blocks_of(clauses) -> list[str]:
    from moukit.rendering.document import Clause

    return [clause_text(Clause(cid, kind, number, unmark(text))) for cid, kind, number, text in clauses]


def _pieces(marked: str):
    """Split a marked clause into (text, slot or None) pieces."""
    pos = 0
    for m in MARK.finditer(marked):
        if m.start() > pos:
            yield marked[pos:m.start()], None
        yield m.group(2), m.group(1)
        pos = m.end()
    if pos < len(marked):
        yield marked[pos:], None


def _serial_comma(lang: str, text: str, token: str, end: int) -> bool:
    """True for a comma before the last "and" of an English list (the serial comma)."""
    return lang == "en" and token == "," and re.match(r"\s+and\b", text[end:]) is not None


def word_edits(marked: str, lang: str):
    """Every single-word edit of the form's own wording: (kind, detail, new text, editorial),
    ``editorial`` True for an edit that is no deviation (a serial comma, see the module)."""
    pieces = list(_pieces(marked))
    foreign = FOREIGN[lang]
    for index, (text, slot) in enumerate(pieces):
        if slot is not None:
            continue
        cursor = 0
        for token in tokenize(text, lang):
            start = text.find(token, cursor)
            if start < 0:
                continue
            end = start + len(token)
            cursor = end

            def rebuild(new_piece: str, index: int = index) -> str:
                return "".join(new_piece if i == index else p for i, (p, _) in enumerate(pieces))

            deleted = text[:start] + text[end:]
            serial = _serial_comma(lang, text, token, end)
            yield "delete", token, rebuild(re.sub(r"  +", " ", deleted)), serial
            glued = serial and start == 0 and index > 0 and pieces[index - 1][1] is not None
            yield "replace", token, rebuild(text[:start] + foreign + text[end:]), glued
            after_slot = pieces[index + 1][1] if index + 1 < len(pieces) else None
            next_is_once = not text[end:].strip() and after_slot and after_slot.split(".")[0] in ONCE_ONLY
            if not next_is_once:
                sep = "" if lang in ("th", "zh", "ja") else " "
                yield "insert", token, rebuild(text[:end] + sep + foreign + text[end:]), False


def _key(text: str) -> str:
    """The test's own comparison key: NFC, no whitespace (independent of moukit's keys)."""
    return "".join(unicodedata.normalize("NFC", text).split())


def _renderings(instrument: str, lang: str):
    """Every combination of the listed alternatives and structural choices, rendered and marked."""
    for changes in combinations(instrument):
        yield changes, marked_clauses(base_spec(instrument, lang, **changes), lang)


def _standard_keys(instrument: str, lang: str, clause_id: str) -> tuple[set[str], set[tuple[str, str]]]:
    """Keys of every rendering of one clause over all listed alternatives (same blanks), and
    the (before, after) keys around the fields blank of every rendering that names fields."""
    keys, frames = set(), set()
    for _, clauses in _renderings(instrument, lang):
        marked = next(text for cid, _, _, text in clauses if cid == clause_id)
        keys.add(_key(unmark(marked)))
        fields = [m for m in MARK.finditer(marked) if m.group(1) == "fields"]
        if len(fields) == 1:
            m = fields[0]
            frames.add((_key(unmark(marked[:m.start()])), _key(unmark(marked[m.end():]))))
    return keys, frames


def _structural(instrument: str):
    if instrument == "loi":
        return [{}]
    return [{"fields_clause": f, "term": t} for f in ("various", "named") for t in ("open", {"years": 5})]


_KEYS: dict[tuple, tuple[set[str], set[tuple[str, str]]]] = {}


def is_standard_clause(instrument: str, lang: str, clause_id: str, text: str) -> bool:
    """True if ``text`` is a rendering of the clause with some listed alternative, or one with
    named fields whose fields blank holds other words (a different filled blank: "in various
    fields" edited into "in the fields of ...")."""
    cache_key = (instrument, lang, clause_id)
    if cache_key not in _KEYS:
        _KEYS[cache_key] = _standard_keys(instrument, lang, clause_id)
    keys, frames = _KEYS[cache_key]
    key = _key(text)
    return key in keys or any(
        len(key) > len(before) + len(after) and key.startswith(before) and key.endswith(after)
        for before, after in frames)


ADDED = {
    "en": "The Participants will exchange information on festivals.",
    "th": "ทั้งสองฝ่ายจะแลกเปลี่ยนข้อมูลเกี่ยวกับเทศกาล",
    "zh": "双方将交流节庆活动信息。",
    "ja": "双方は祭りに関する情報を交換する。",
    "ko": "양측은 축제에 관한 정보를 교환한다.",
    "vi": "Hai Bên sẽ trao đổi thông tin về lễ hội.",
    "id": "Para Peserta akan bertukar informasi mengenai festival.",
    "tr": "Katılımcılar, festivaller hakkında bilgi alışverişinde bulunacaktır.",
}
BINDING = {  # a binding sentence appended to a clause: the province would undertake something
    "en": "The Participants shall bear this obligation.",
    "th": "ทั้งสองฝ่ายต้องปฏิบัติตามพันธกรณีนี้",
    "zh": "双方必须履行此项义务。",
    "ja": "双方は、この義務を履行しなければならない。",
    "ko": "양측은 이 의무를 이행하여야 한다.",
    "vi": "Hai Bên phải thực hiện nghĩa vụ này.",
    "id": "Para Peserta wajib melaksanakan kewajiban ini.",
    "tr": "Katılımcılar bu yükümlülüğü yerine getirmek zorundadır.",
}
TOPIC = {
    "en": "The Participants will facilitate visas for each other's residents.",
    "th": "ทั้งสองฝ่ายจะอำนวยความสะดวกด้านการตรวจลงตราแก่ประชาชนของกันและกัน",
    "zh": "双方将为彼此居民提供签证便利。",
    "ja": "双方は相互の住民に査証の便宜を図る。",
    "ko": "양측은 상대방 주민에게 비자 편의를 제공한다.",
    "vi": "Hai Bên sẽ tạo thuận lợi về thị thực cho cư dân của nhau.",
    "id": "Para Peserta akan memberikan kemudahan visa bagi penduduk masing-masing.",
    "tr": "Katılımcılar, birbirlerinin sakinlerine vize kolaylığı sağlayacaktır.",
}


def mutants(instrument: str, lang: str, **spec_changes):
    """All mutants of one version; yields (Mutant, expected) with expected 'deviation' or 'skip'."""
    s = base_spec(instrument, lang, **spec_changes)
    clauses = marked_clauses(s, lang)
    base = blocks_of(clauses)
    for i, (clause_id, kind, number, marked) in enumerate(clauses):
        for edit, detail, new_marked, editorial in word_edits(marked, lang):
            new_text = unmark(new_marked)
            blocks = list(base)
            from moukit.rendering.document import Clause

            blocks[i] = clause_text(Clause(clause_id, kind, number, new_text))
            expected = "skip" if editorial or is_standard_clause(instrument, lang, clause_id, new_text) \
                else "deviation"
            yield Mutant(lang, instrument, clause_id, edit, detail, tuple(blocks)), expected
        if kind == "numbered":
            bound = list(base)
            bound[i] = base[i] + " " + BINDING[lang]
            yield Mutant(lang, instrument, clause_id, "binding", BINDING[lang], tuple(bound)), "not_permitted"
        added = list(base)
        added.insert(i + 1, ADDED[lang])
        yield Mutant(lang, instrument, clause_id, "add_clause", ADDED[lang], tuple(added)), "deviation"
        removed = base[:i] + base[i + 1:]
        yield Mutant(lang, instrument, clause_id, "remove_clause", clause_id, tuple(removed)), "deviation"
    topic = list(base)
    topic.insert(len(base) - 3, TOPIC[lang])
    yield Mutant(lang, instrument, "-", "topic", TOPIC[lang], tuple(topic)), "not_permitted"


def version_text(lang: str, blocks) -> VersionText:
    """A VersionText for the checker from plain blocks."""
    return VersionText(lang, list(blocks), "<mutant>")


# --------------------------------------------------------------------------- editorial noise

CURLY = str.maketrans({'"': "\u201c"})
WIDE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


# Editorial variants a person types (written here independently of moukit's data files):
# numbering styles ({n} figures, {r} roman, {c} Chinese numerals), clause titles, and the
# English form's other spellings, serial commas, capitals, dates and terms.
NUMBERING = {
    "en": ["Article {n}. ", "Clause {n}: ", "{r}. ", "Article {r} - "],
    "th": ["ข้อ {n} ", "ข้อที่ {n} ", "ข้อ {t} "],
    "zh": ["第{c}条 ", "{c}、", "（{c}）", "第{n}条 "],
    "ja": ["第{n}条　", "（{n}）", "{w}．"],
    "ko": ["제{n}조 ", "{n}조 ", "제 {n} 조 "],
    "vi": ["Điều {n}. ", "Khoản {n}. ", "ĐIỀU {n}\n", "{r}. "],
    "id": ["Pasal {n}. ", "Butir {n}. ", "PASAL {n}\n", "{r}. "],
    "tr": ["Madde {n}. ", "MADDE {n}\n", "{n}. Madde ", "Madde {n} - ", "{r}. "],
}
TITLES = {
    "en": ["Objective", "Cooperation", "Contacts", "Implementation", "Duration", "SCOPE OF COOPERATION"],
    "th": ["วัตถุประสงค์", "ความร่วมมือ", "การติดต่อ", "การดำเนินการ", "ระยะเวลา"],
    "zh": ["目的", "合作领域", "联系", "实施", "生效"],
    "ja": ["目的", "協力", "連絡", "実施", "効力発生"],
    "ko": ["목적", "협력 분야", "연락", "이행", "발효 및 기간"],
    "vi": ["Mục đích", "Lĩnh vực hợp tác", "Liên lạc", "Thực hiện", "Hiệu lực"],
    "id": ["Tujuan", "Bidang Kerja Sama", "Kontak", "Pelaksanaan", "Jangka Waktu"],
    "tr": ["Amaç", "İşbirliği Alanları", "İletişim", "Uygulama", "Yürürlük", "YÜRÜRLÜK VE SÜRE"],
}
ENGLISH_VARIANTS = [  # (the form's wording, as a drafter may type it)
    ("programs", "programmes"), ("cooperation", "co-operation"), ("cooperate", "co-operate"),
    ("domestic laws, and", "domestic laws and"), ("English language.", "English languages."),
    ("English languages,", "English language,"), ("for a five-year period", "for a period of five (5) years"),
    ("for a five-year period", "for a five (5)-year period"), ("on 22 November 2026", "on November 22, 2026"),
    ("on 22 November 2026", "on 22nd November 2026"), ("on 22 November 2026", "on 22 Nov. 2026"),
]
_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_CHINESE = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def _number(style: str, n: str) -> str:
    wide = "".join(chr(0xFF10 + int(d)) for d in n)
    thai = n.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    return style.format(n=n, r=_ROMAN[int(n)], c=_CHINESE[int(n)], w=wide, t=thai)


def _titled(style: str, n: str, lang: str, rng) -> str:
    """A numbering with a clause title after it, on the same line or a line of its own."""
    title = rng.choice(TITLES[lang])
    if lang in ("zh", "ja"):
        return f"第{n}条（{title}）"
    return rng.choice([f"{_number(style, n).rstrip(' :.-')}: {title}. ", f"{n}. {title}\n"])


def editorial_noise(blocks, lang: str, seed: int) -> list[str]:
    """The same text as a person might retype it: other line breaks and spacing, curly
    quotes, another numbering style, clause titles, Thai digits, a changed first-letter case,
    Thai marks typed in another order, the era written out in Thai, other spellings, serial
    commas, capitals, dates and terms in English. None of it is a deviation."""
    import random

    rng = random.Random(seed)
    more = random.Random(-seed - 1)  # the variants added later draw apart: the rest is as it was
    out = []
    for index, block in enumerate(blocks):
        text = block
        m = re.match(r"^(\d+)\. ", text)
        if m:
            n = m.group(1)
            style = rng.choice(["({n}) ", "{n}) ", "{n}.  ", "ข้อ {n} " if lang == "th" else "Article {n}. " if lang == "en" else "{n}. "])
            if more.random() < 0.5:
                style = more.choice(NUMBERING[lang])
            number = _titled(style, n, lang, more) if more.random() < 0.3 else _number(style, n)
            text = number + text[m.end():]
        if lang == "en":
            for form, typed in ENGLISH_VARIANTS:
                if form in text and more.random() < 0.5:
                    text = text.replace(form, typed)
            if index == 0 and more.random() < 0.3:
                text = text.upper()  # the title in capitals
        if lang == "th" and more.random() < 0.5:
            text = text.replace("พ.ศ.", "พุทธศักราช")
        # quotes: straight to curly, opening and closing
        parts = text.split('"')
        text = "".join(p + ("\u201c" if i % 2 == 0 else "\u201d") for i, p in enumerate(parts[:-1])) + parts[-1]
        text = text.replace("'", "\u2019")
        if lang == "th":
            text = text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
            text = text.replace("แ", "เเ")  # two sara e: pythainlp's normalize makes it แ again
        if lang in ("en", "vi", "id") and text[:1].islower():
            text = text[:1].upper() + text[1:]
        elif lang in ("en", "vi", "id") and text[:1].isupper() and rng.random() < 0.3:
            text = text[:1].lower() + text[1:]
        # spacing and line breaks: paragraphs are wrapped anywhere a line may break; the
        # lines of a title or a signature block stay lines (a title may be run together)
        lined = "\n" in block and not m
        if lined and block.count("\n") >= 4 and "...." not in block and rng.random() < 0.3:
            out.append("  " + " ".join(text.split("\n")) + "  ")
            continue
        chars = []
        for i, ch in enumerate(text):
            if lined:
                chars.append("  " if ch == " " and rng.random() < 0.15 else ch)
                continue
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if ch == " " and rng.random() < 0.15:
                chars.append(rng.choice(["  ", "\n", " \n "]))
            elif WIDE.match(ch) and nxt and WIDE.match(nxt) and rng.random() < 0.02 and lang in ("zh", "ja"):
                chars.append(ch + "\n")
            else:
                chars.append(ch)
        text = "".join(chars)
        out.append("  " + text + "  ")
    return out


def combinations(instrument: str):
    """Every combination of the form's alternatives (and MOU options), as spec changes."""
    form = get_form(instrument)
    names = list(form.alternatives)
    for combo in itertools.product(*(form.alternatives[n].options for n in names)):
        for extra in _structural(instrument):
            yield {**dict(zip(names, combo)), **extra}


STATS: dict[str, dict[str, int]] = {}


def record(kind: str, lang: str, instrument: str, ok: bool) -> None:
    """Count a trust case for the summary printed at the end of the test run."""
    row = STATS.setdefault(f"{kind} {lang} {instrument}", {"cases": 0, "ok": 0})
    row["cases"] += 1
    row["ok"] += int(ok)
