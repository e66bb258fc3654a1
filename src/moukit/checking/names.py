"""Names across language versions: do the versions name the same parties, place and signatories?

Without a spec, moukit cannot know how a name is written in another language; it can still
tell, often, whether two versions name the same thing:

- **the same script** (a Vietnamese or a Thai version writing a name in Latin letters):
  the names are compared after *folding* (letter case, diacritics, spacing and hyphens,
  titles such as "Mr." or นาย, and the words for "province", "city", "prefecture"...);
- **a Thai province** is recognised in every language: by the province list (Thai and
  English names) and by its established names in Chinese, Japanese, Korean and Vietnamese
  (``spec/province_names.yaml``): 清迈 is Chiang Mai, 清莱 is Chiang Rai;
- **transliteration**: a name written in the version's own script is romanised (Thai with
  pythainlp's Royal Institute system, Chinese with pypinyin, Japanese with pykakasi's Hepburn,
  Korean with korean-romanizer's Revised Romanization) and compared tolerantly with the
  English (a phonetic key that folds aspiration, voicing, vowel length and doubled letters).

Each comparison gives ``same``, ``different`` or ``unknown``. ``different`` is given only when
the evidence is clear: another province of the list, or a romanised name that shares little
with the English one, read from a script whose romanisation is reliable for that name (a Thai
name written in Chinese, Japanese or Korean characters is not: 颂猜 is Somchai only by
convention; it is compared through the province lexicon or not at all). Everything in
between is ``unknown``: the report says the name could not be compared.

>>> compare_name("partner_name", "Chengdu City", "重庆市", "zh").verdict
'different'
>>> compare_name("partner_name", "Chengdu City", "成都市", "zh").verdict
'same'
>>> compare_name("thai_name", "Chiang Mai Province", "泰王国清莱府", "zh").shown
'清莱 (Chiang Rai, by the province list)'
"""

from __future__ import annotations

import difflib
import itertools
import json
import pickle
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from ..i18n import N_
from ..spec.provinces import Province, find_province, names_in, province_named

# the names the versions are compared on: the parties, the place of signing, the signatories
NAME_SLOTS = ("thai_name", "partner_name", "place", "thai_signatory.name", "partner_signatory.name")
THAI_SIDE = ("thai_name", "thai_signatory.name")
SHIPPED = ("th", "zh", "ja", "ko", "vi", "id", "tr")  # the languages whose names the comparison can read

# Similarity of the phonetic keys (0..1): at least SAME is the same name, below DIFFERENT a
# different one, in between cannot be told. Set on the real names of the examples, the test
# specs and the drafts corpus (tests/test_names_across_versions.py lists them): every right
# pair is at least SAME, every wrong pair below DIFFERENT.
SAME = 0.8
DIFFERENT = 0.5

_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor|h\.?\s?e|his excellency|her excellency|acting sub-? ?lt|"
    r"acting sub-? ?lieutenant|pol|gen|col|maj|lt|ông|bà|ngài|nhà|ts|pgs|gs|bapak|bpk|ibu|sdr|sdri|tuan|nyonya)\.?\s+)+", re.IGNORECASE)
_THAI_TITLES = ("ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ว่าที่ร.ต.", "นายแพทย์", "แพทย์หญิง",
                "ผู้ช่วยศาสตราจารย์", "รองศาสตราจารย์", "ศาสตราจารย์", "นางสาว", "นาง", "นาย", "ดร.", "ท่าน")
_NAME_SUFFIXES = ("先生", "女士", "阁下", "閣下", "氏", "様", "殿", "님", "씨")
# words for a kind of place, dropped before comparing (Latin script, after folding)
_DESIGNATIONS = frozenset(
    "province prefecture city municipality metropolitan metropolis administration state county "
    "region autonomous special of the government people's peoples tinh thanh pho tp "
    "provinsi kota kabupaten daerah istimewa khusus pemerintah".split())
# Turkish (folded): il/ili (province), büyükşehir belediyesi (metropolitan municipality),
# belediye(si) (municipality), valilik (governorship), şehri/kenti (the city of), şehrinde/kentinde
# (in the city of)
_DESIGNATIONS |= frozenset("il ili buyuksehir belediyesi belediye valiligi sehri kenti sehrinde kentinde".split())
_PREFIXES = {
    "th": ("จังหวัด", "นคร", "เมือง", "มณฑล", "เทศบาล", "รัฐ", "แคว้น", "เขต"),
    "zh": ("泰王国", "泰国", "中华人民共和国", "中国"),
    "ja": ("タイ王国", "タイ国", "タイ", "日本国", "日本"),
    "ko": ("태국", "타이", "대한민국", "한국"),
}
_SUFFIXES = {
    "zh": ("直辖市", "自治州", "省", "市", "府", "县"),
    "ja": ("県", "府", "市", "省"),
    "ko": ("특별시", "광역시", "특별자치도", "도", "시", "현", "성", "주", "부"),
}
_TURKISH_CASE_ENDING = re.compile(r"['’][a-zçğıöşü]{1,6}\b")
_SEPARATORS = re.compile(r"[\s\-‐‑–—·・･.,，、()（）'\"’]+")


@dataclass(frozen=True)
class NameComparison:
    """How a version's name for ``slot`` compares with the English: ``verdict`` is ``same``,
    ``different`` or ``unknown``; ``shown`` says how the version's name was read."""

    slot: str
    english: str
    other: str
    lang: str
    verdict: str
    shown: str


def script_of(text: str) -> str:
    """The script a name is written in: ``thai``, ``hangul``, ``kana`` (Japanese, with or
    without kanji), ``han`` or ``latin``."""
    scripts = set()
    for ch in text:
        code = ord(ch)
        if 0x0E00 <= code <= 0x0E7F:
            scripts.add("thai")
        elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            scripts.add("hangul")
        elif 0x3040 <= code <= 0x30FF:
            scripts.add("kana")
        elif 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            scripts.add("han")
    for script in ("thai", "hangul", "kana", "han"):
        if script in scripts:
            return script
    return "latin"


def fold_latin(text: str) -> str:
    """Latin letters folded: no case, no diacritics (đ is d), letters and spaces only.

    >>> fold_latin("Thành phố Đà Nẵng"), fold_latin("Ahmet Yılmaz, Chiang Mai İli")
    ('thanh pho da nang', 'ahmet yilmaz chiang mai ili')
    """
    text = text.replace("đ", "d").replace("Đ", "D").replace("ı", "i")  # Turkish dotless ı
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z' ]+", " ", text.casefold()).split())


def _without_titles(text: str) -> str:
    text = _TITLES.sub("", text.strip())
    for suffix in _NAME_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)].strip()
            break
    for title in _THAI_TITLES:  # ว่าที่ร้อยตรี นายสมชาย: a rank, then นาย
        if text.startswith(title) and len(text) > len(title) + 1:
            text = text[len(title):].strip()
    return text


def cores(text: str, lang: str) -> list[str]:
    """The name itself, without a title and the words for a kind of place: the forms to
    compare, the barest last (泰王国清迈府 -> 清迈府, 清迈)."""
    text = _without_titles(text)
    script = script_of(text)
    if lang == "tr":  # a case ending after an apostrophe is not the name: Bursa'da, Ankara'nın
        text = _TURKISH_CASE_ENDING.sub("", text)
    if script == "latin":
        words = [w for w in fold_latin(text).split() if w not in _DESIGNATIONS]
        return [" ".join(words)] if words else []
    key = {"thai": "th", "han": "zh", "kana": "ja", "hangul": "ko"}[script]
    if script == "han" and lang in ("ja", "ko"):
        key = lang
    out = [text]
    for prefix in _PREFIXES.get(key, ()):
        if out[-1].startswith(prefix) and len(out[-1]) > len(prefix) + 1:
            out.append(out[-1][len(prefix):].strip())
            break
    for suffix in _SUFFIXES.get(key, ()):
        if out[-1].endswith(suffix) and len(out[-1]) > len(suffix):
            out.append(out[-1][: -len(suffix)].strip())
            break
    return list(dict.fromkeys(o for o in out if o))


def province_of(text: str, lang: str) -> Province | None:
    """The Thai province a name in ``lang`` names, by the province list and its names in other
    languages (``spec/province_names.yaml``), or None."""
    for core in reversed(cores(text, lang)):
        script = script_of(core)
        if script == "latin":
            found = find_province(core) or (province_named(core, "vi") if lang == "vi" else None)
            found = found or _latin_exonym(core)
        elif script == "thai":
            found = find_province(core)
        else:
            key = {"han": lang if lang in ("zh", "ja", "ko") else "zh", "kana": "ja", "hangul": "ko"}[script]
            found = province_named(core, key) or (province_named(core, "zh") if script == "han" else None)
        if found is not None:
            return found
    return None


def _latin_exonym(folded: str) -> Province | None:
    """A province named by its Vietnamese exonym, folded (chieng mai)."""
    name_en = _vietnamese_exonyms().get(folded)
    return find_province(name_en) if name_en is not None else None


@lru_cache(maxsize=1)
def _vietnamese_exonyms() -> dict[str, str]:
    """The provinces' Vietnamese names, folded, to their English names (the first listed wins)."""
    from ..spec.provinces import province_names

    out: dict[str, str] = {}
    for name_en, langs in province_names().items():
        for spelling in langs.get("vi", ()):
            out.setdefault(fold_latin(spelling), name_en)
    return out


# ----------------------------------------------------------------------------- romanisation


_UNREADABLE: set[tuple[str, str]] = set()  # (script, lang) whose romaniser could not be loaded


def romanised(text: str, lang: str, person: bool = False, quick: bool = False,
              phrases: bool = True) -> list[tuple[list[str], str]]:
    """The readings of a name in Latin letters: (its words romanised, how it was read). A name
    in Han characters in a Japanese version is read both in Japanese and in Chinese (a Chinese
    partner's signatory written in kanji), in Chinese in every reading of its characters
    (which can only make names the same, never different, and needs no phrase dictionary). A
    ``person``'s name written without spaces in Chinese characters or in hangul is read as a
    surname and a given name (张伟: Zhang Wei).
    ``quick`` reads Chinese character by character, without pypinyin's phrase dictionary, each
    character in every reading the dictionary lists (厦门 is "sha men" and "xia men"), and Han
    characters in a Japanese version only in Japanese: readings good enough to say two names
    are the same, never that they differ. ``phrases=False`` reads Chinese in every reading
    of its characters instead of by pypinyin's phrase dictionary (Japanese is still read).

    None when the romaniser cannot be loaded where memory is short (pykakasi's kanji
    dictionary takes about 120 MB): the name then cannot be compared, which the report says,
    and the rest of the check goes on."""
    where = (script_of(text), lang)
    if where in _UNREADABLE:
        return []
    try:
        return _romanised(text, lang, person, quick, phrases)
    except (MemoryError, OSError, ImportError):  # out of memory, or a library that cannot map
        _UNREADABLE.add(where)
        return []


def _romanised(text: str, lang: str, person: bool, quick: bool = False,
               phrases: bool = True) -> list[tuple[list[str], str]]:
    words = [w for w in _SEPARATORS.split(text) if w]
    script = script_of(text)
    if script == "latin":
        return [([fold_latin(w).replace(" ", "") for w in words], N_("as written"))]
    if script == "thai":
        return [([_thai(w) for w in words], N_("romanised from Thai"))]
    if person and len(words) == 1 and len(words[0]) in (2, 3, 4) and script in ("han", "hangul"):
        words = [words[0][0], words[0][1:]]
    if script == "hangul":
        return [([_korean(w) for w in words], N_("romanised from Korean"))]
    if script == "kana" or (script == "han" and lang == "ja"):
        out = [([p for w in words for p in _japanese(w)], N_("romanised from Japanese"))]
        if script == "han" and not quick:  # a Chinese name in kanji: every reading of its characters
            out += _chinese(words, phrases=False)
        return out
    return _chinese(words, phrases and not quick)


def _chinese(words: list[str], phrases: bool) -> list[tuple[list[str], str]]:
    """``words`` in pinyin: by pypinyin with its phrase dictionary, else in every combination
    of the readings of their characters (at most :data:`MAX_READINGS`)."""
    if phrases:
        return [([_pinyin(w) for w in words], N_("in pinyin"))]
    combinations = itertools.product(*(_pinyin_readings(w) for w in words))
    return [(list(c), N_("in pinyin")) for c in itertools.islice(combinations, MAX_READINGS)]


@lru_cache(maxsize=4096)
def _thai(word: str) -> str:
    # the Royal Institute engine misreads ใ (read as ไ), keeps the sign ็ and reads the silent
    # ห before a low consonant (เหงียน is Nguyen)
    word = re.sub("ห(?=[งญนมยรลว])", "", word.replace("ใ", "ไ").replace("\u0e47", ""))
    return re.sub(r"[^a-z]", "", _royin(word).casefold())


def _royin(word: str) -> str:
    """One word of a name in the Royal Institute's romanisation (pythainlp's engine), read
    syllable by syllable.

    pythainlp's public ``romanize`` first cuts its text into dictionary words, which builds
    its whole word list (about 0.8 s) for a name that is not in it anyway. A name is cut into
    syllables with pythainlp's syllable list instead (a tenth of the time), and each syllable
    romanised by the engine's own function; should pythainlp rename it, the public function
    is used. The tokenizer is given the syllables found in the word (a trie of all ten
    thousand takes longer to build than a name to read; the cut is the same, since a syllable
    found nowhere in the word cannot match)."""
    try:
        from pythainlp.transliterate.royin import _romanize  # noqa: F401 - is the engine's function there?
    except ImportError:  # pragma: no cover - a pythainlp without it
        from pythainlp.transliterate import romanize

        return romanize(word, engine="royin")
    from pythainlp.tokenize import word_tokenize
    from pythainlp.util import Trie

    by_start = _syllables_by_start()
    found = {s for i in range(len(word)) for s in by_start.get(word[i:i + 2], ()) if word.startswith(s, i)}
    found.update(ch for ch in word if ch in by_start.get(ch, ()))  # one-letter syllables
    # a word with no syllable of the list (ง alone) still gets a dictionary: given an empty one,
    # the tokenizer would load pythainlp's whole word list (a second); this one matches nothing
    syllables = Trie(found or {_NO_SYLLABLE})
    return "".join(map(_royin_syllable, word_tokenize(word, custom_dict=syllables, engine="newmm")))


@lru_cache(maxsize=4096)
def _royin_syllable(syllable: str) -> str:
    """One syllable in the Royal Institute's romanisation (pythainlp's engine: some fifty
    substitutions, 0.1 ms), kept: Thai names share their syllables (สม, ชาย, ศักดิ์)."""
    from pythainlp.transliterate.royin import _romanize

    return _romanize(syllable)


_NO_SYLLABLE = "\x00"  # in no Thai word


@lru_cache(maxsize=1)
def _syllables_by_start() -> dict[str, tuple[str, ...]]:
    """pythainlp's list of Thai syllables by their first two letters (a one-letter syllable
    under itself)."""
    from pythainlp.corpus import thai_syllables

    out: dict[str, list[str]] = {}
    for syllable in thai_syllables():
        out.setdefault(syllable[:2], []).append(syllable)
    return {start: tuple(group) for start, group in out.items()}


@lru_cache(maxsize=4096)
def _korean(word: str) -> str:
    from korean_romanizer.romanizer import Romanizer

    return re.sub(r"[^a-z]", "", Romanizer(word).romanize().casefold())


@lru_cache(maxsize=1)
def _kakasi():
    """pykakasi's converter, its kanji dictionary read entry by entry (:class:`_KanjiEntries`)
    unless a program loaded it whole already. Kana are read with pykakasi's small tables."""
    kakasi = _pykakasi()
    state = getattr(kakasi.Kanwa, "_shared_state", None)
    if isinstance(state, dict) and state.get("_jisyo_table") is None:
        state["_jisyo_table"] = _KanjiEntries(kakasi.Configurations.dictpath(kakasi.Configurations.jisyo_kanwa))
    return kakasi.Kakasi()


@lru_cache(maxsize=1)
def _pykakasi() -> SimpleNamespace:
    """The three classes of pykakasi a name needs (``Kakasi``, ``Kanwa``, ``Configurations``).

    pykakasi's ``__init__`` also imports the package's old interface, whose ``deprecated``
    decorator imports wrapt and asyncio: about 80 ms, more than the rest of pykakasi, for
    nothing a name needs. Unless a program imported pykakasi already, its modules are imported
    under a package object that has the package's folder but runs nothing, and then taken out
    of ``sys.modules`` with it: moukit keeps its own copy, and a later ``import pykakasi`` by
    the program imports the package as usual, untouched (only an import of pykakasi by
    another thread in those few milliseconds would find the empty package; moukit's own
    threads wait for the first). Should that fail (pykakasi laid out otherwise), pykakasi is
    imported as a whole."""
    import importlib
    import importlib.util
    import sys

    def classes() -> SimpleNamespace:
        return SimpleNamespace(Kakasi=importlib.import_module("pykakasi.kakasi").Kakasi,
                               Kanwa=importlib.import_module("pykakasi.kanji").Kanwa,
                               Configurations=importlib.import_module("pykakasi.properties").Configurations)

    with _IMPORTING:
        if "pykakasi" not in sys.modules:
            spec = importlib.util.find_spec("pykakasi")
            if spec is not None and spec.submodule_search_locations:
                sys.modules["pykakasi"] = importlib.util.module_from_spec(spec)  # its folder, nothing run
                try:
                    return classes()
                except (ImportError, AttributeError):
                    pass
                finally:
                    for name in [n for n in sys.modules if n == "pykakasi" or n.startswith("pykakasi.")]:
                        del sys.modules[name]
        importlib.import_module("pykakasi")
        return classes()


_IMPORTING = threading.Lock()


class _KanjiEntries:
    """pykakasi's kanji dictionary (``kanwadict4.db``), read one first character at a time.

    pykakasi unpickles the whole dictionary (9.7 MB on disk, about 120 MB and 0.5 s in memory)
    to read a name of a few characters. Its pickle is a dict from a kanji's code point to that
    kanji's words, each entry starting with the opcodes ``BININT2 code EMPTY_DICT MEMOIZE``,
    with no references between entries: the file is indexed once by that pattern (11 to
    15 ms), and an entry is unpickled from its own bytes when a name needs it. Should the file
    not read so (another pykakasi), the whole dictionary is loaded as pykakasi does."""

    _ENTRY = re.compile(rb"M(..)\}\x94", re.DOTALL)
    _PADDING = bytes(1 << 17)  # the pickle's frames are at most 64 KiB plus one object

    def __init__(self, path: str) -> None:
        self._path = path
        self._index: dict[int, tuple[int, int]] | None = None
        self._entries: dict[int, dict | None] = {}
        self._whole: dict | None = None

    def get(self, code: int, default=None):
        """The words of the kanji ``code`` (``{word: [(reading, condition)]}``), or ``default``."""
        if self._whole is not None:
            return self._whole.get(code, default)
        if code not in self._entries:
            try:
                self._entries[code] = self._entry(code)
            except (pickle.UnpicklingError, ValueError, KeyError, EOFError):
                self._whole = self._load_whole()
                return self._whole.get(code, default)
        found = self._entries[code]
        return default if found is None else found

    def _entry(self, code: int) -> dict | None:
        if self._index is None:
            self._index = self._read_index()
        if code not in self._index:
            return None
        start, end = self._index[code]
        with open(self._path, "rb") as file:
            file.seek(start)
            data = file.read(end - start)
        # a dict, a mark, the entry, set the items: one entry's dict
        entry = pickle.loads(b"\x80\x04}(" + data + b"u." + self._PADDING)
        if list(entry) != [code]:
            raise ValueError("not one entry")
        return entry[code]

    def _read_index(self) -> dict[int, tuple[int, int]]:
        """Where each entry starts and ends in the file, read a megabyte at a time (the file
        whole would add 10 MB to the check's peak)."""
        starts: list[tuple[int, int]] = []
        with open(self._path, "rb") as file:
            if file.read(2) != b"\x80\x04":
                raise ValueError("not a protocol 4 pickle")
            offset, tail = 2, b""
            while chunk := file.read(1 << 20):
                data = tail + chunk  # an entry's first bytes may end one chunk and start the next
                base = offset - len(tail)
                starts += [(int.from_bytes(m.group(1), "little"), base + m.start()) for m in self._ENTRY.finditer(data)]
                offset += len(chunk)
                tail = data[-4:]  # shorter than the pattern: no start is found twice
        if not starts:
            raise ValueError("no entries")
        ends = [start for _, start in starts[1:]] + [offset]
        return {code: (start, end) for (code, start), end in zip(starts, ends)}

    def _load_whole(self) -> dict:
        with open(self._path, "rb") as file:
            return pickle.load(file)


@lru_cache(maxsize=4096)
def _japanese(word: str) -> tuple[str, ...]:
    """The words pykakasi reads in ``word`` (鈴木直道: suzuki, naomichi), romanised."""
    read = (re.sub(r"[^a-z]", "", item["hepburn"].casefold()) for item in _kakasi().convert(word))
    return tuple(r for r in read if r)


@lru_cache(maxsize=4096)
def _pinyin(word: str, phrases: bool = True) -> str:
    """``word`` in pinyin; ``phrases=False`` reads it character by character, without
    pypinyin's phrase dictionary (much cheaper to load, but wrong for the characters of more
    than one reading: 成都 as cheng dou, 重庆 as zhong qing)."""
    if not phrases:
        readings = _character_readings()
        if readings is not None:
            return re.sub(r"[^a-z]", "", "".join(_first_reading(readings, ch) for ch in word).casefold())
    lazy_pinyin = _pypinyin()
    if phrases:
        _load_phrases()
    return re.sub(r"[^a-z]", "", "".join(lazy_pinyin(word)).casefold())


MAX_READINGS = 64  # combinations of the readings of a name's characters tried by the quick reading


@lru_cache(maxsize=4096)
def _pinyin_readings(word: str) -> tuple[str, ...]:
    """``word`` in pinyin, character by character, in every combination of the readings
    pypinyin's character dictionary lists for its characters (at most :data:`MAX_READINGS`),
    the first readings first: what the quick comparison of names tries, so that a name of a
    character of several readings (厦门, Xiamen: 厦 is first read sha) is found the same
    without the phrase dictionary (0.3 s and 45 MB).

    >>> _pinyin_readings("厦门")[:2]
    ('shamen', 'xiamen')
    """
    readings = _character_readings()
    if readings is None:
        return (_pinyin(word, phrases=False),)
    each = [dict.fromkeys(_readings_of(readings, ch)) for ch in word]
    out = ("".join(c) for c in itertools.product(*each))
    return tuple(dict.fromkeys(re.sub(r"[^a-z]", "", w.casefold()) for w in itertools.islice(out, MAX_READINGS)))


@lru_cache(maxsize=1)
def _character_readings() -> str | None:
    """The text of pypinyin's character dictionary (``pinyin_dict.json``: a code point's
    readings, one entry a line), read without importing pypinyin: importing it parses the
    whole dictionary (30 ms of a check) to read the two or three characters of a name. None
    when the file is not where pypinyin keeps it (then pypinyin itself reads)."""
    from importlib.util import find_spec

    spec = find_spec("pypinyin")
    folder = Path(spec.origin).parent if spec is not None and spec.origin else None
    try:
        return (folder / "pinyin_dict.json").read_text("utf-8") if folder else None
    except OSError:
        return None


def _first_reading(readings: str, char: str) -> str:
    """``char``'s first reading as pypinyin's ``lazy_pinyin`` gives it without tones (ü as v:
    lü is lv); a character the dictionary lacks as it is. The same as pypinyin for each of the
    dictionary's 41,923 characters (tests/test_names_across_versions.py)."""
    return _readings_of(readings, char)[0]


def _readings_of(readings: str, char: str) -> list[str]:
    """Every reading of ``char`` in pypinyin's character dictionary ``readings``, in its
    order, without tones (ü as v); a character the dictionary lacks as it is."""
    at = _entry_at(readings, ord(char))
    if at < 0:
        return [char]
    start = readings.index(': "', at) + 2
    end = readings.index('"', start + 1)
    listed = json.loads(readings[start:end + 1]).split(",")  # the JSON string, escapes and all
    return [_toneless(reading) for reading in listed]


def _entry_at(readings: str, code: int) -> int:
    """Where the entry of the code point ``code`` starts in the dictionary text ``readings``,
    or -1 when it has none. pypinyin writes one entry a line (``"19968": "yī,…",``) in the
    order of the code points, so the entry is found by halving: a few hundred characters read
    instead of the whole text (tests/test_names_across_versions.py reads every character of
    the dictionary so). A text not read so is searched from its start."""
    lo, hi, lines = 0, len(readings), False
    try:
        while lo < hi:
            mid = (lo + hi) // 2
            start = readings.find('\n"', mid) + 1
            if start == 0:  # no line starts after mid
                hi = mid
                continue
            end = readings.index('"', start + 1)
            number, lines = int(readings[start + 1:end]), True
            if number < code:
                lo = start
            elif number > code:
                hi = mid
            elif readings.startswith('": "', end):
                return start
            else:
                raise ValueError("not an entry")
    except ValueError:  # not one entry a line
        lines = False
    return -1 if lines else readings.find(f'"{code}": "')


def _toneless(reading: str) -> str:
    """A pinyin reading without its tone mark, ü written v (lǘ: lv)."""
    out: list[str] = []
    for piece in unicodedata.normalize("NFD", reading):
        if unicodedata.combining(piece):
            if piece == "\u0308" and out and out[-1] == "u":
                out[-1] = "v"  # ü
            continue
        out.append(piece)
    return "".join(out)


@lru_cache(maxsize=1)
def _pypinyin():
    """pypinyin's ``lazy_pinyin``, imported without the phrase dictionary (about 0.3 s and
    45 MB) unless a program imported pypinyin already; :func:`_load_phrases` adds it."""
    import os
    import sys

    if "pypinyin" not in sys.modules:
        before = os.environ.get("PYPINYIN_NO_PHRASES")
        os.environ["PYPINYIN_NO_PHRASES"] = "1"
        try:
            import pypinyin  # noqa: F401
        finally:
            if before is None:
                del os.environ["PYPINYIN_NO_PHRASES"]
            else:
                os.environ["PYPINYIN_NO_PHRASES"] = before
    from pypinyin import lazy_pinyin

    return lazy_pinyin


@lru_cache(maxsize=1)
def _load_phrases() -> None:
    """Give pypinyin its phrase dictionary (and its word segmenter the phrases), once."""
    from pypinyin.constants import PHRASES_DICT

    if PHRASES_DICT:  # imported with its phrases
        return
    from pypinyin import load_phrases_dict
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.seg import mmseg

    load_phrases_dict(phrases_dict)
    mmseg.retrain(mmseg.seg)


_KEY_STEPS = (
    ("tch", "c"), ("tsu", "tu"), ("ts", "c"), ("ch", "c"), ("sh", "s"), ("zh", "c"), ("kh", "k"),
    ("ph", "p"), ("th", "t"), ("gh", "g"), ("q", "c"), ("x", "s"), ("j", "c"), ("z", "c"),
    ("g", "k"), ("b", "p"), ("d", "t"), ("v", "w"), ("f", "p"), ("r", "l"), ("y", "i"),
    ("ou", "o"), ("oo", "u"), ("eo", "o"), ("oe", "e"), ("ae", "e"), ("ue", "u"), ("ee", "i"),
    ("h", ""),
)


@lru_cache(maxsize=8192)
def phonetic_key(roman: str) -> str:
    """A romanised name folded for comparison: aspiration, voicing, vowel length, doubled
    letters and the spellings of the same sound (ch, j, q, zh) made one.

    >>> phonetic_key("chengdu") == phonetic_key("choengtu")
    True
    """
    key = roman.casefold()
    for old, new in _KEY_STEPS:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0


def similarity(english: list[str], other: list[str], by_word: bool = True) -> float:
    """How alike two names are (0..1), the words of the English in any order (Suzuki
    Naomichi, Naomichi Suzuki). Names of as many words as each other are as alike as their
    least alike words (Somchai Srisawat is not Somchai Jaidee) when ``by_word``; others, and
    all when not ``by_word``, are compared whole."""
    theirs = [phonetic_key(w) for w in other]
    best = 0.0
    for order in itertools.islice(itertools.permutations(english), 24):
        ours = [phonetic_key(w) for w in order]
        score = _ratio("".join(ours), "".join(theirs))
        if by_word and len(ours) == len(theirs) > 1:
            score = min(score, min(_ratio(a, b) for a, b in zip(ours, theirs)))
        best = max(best, score)
    return best


# ----------------------------------------------------------------------------- comparison


@lru_cache(maxsize=4096)
def compare_name(slot: str, english: str, other: str, lang: str, phrases: bool = True) -> NameComparison:
    """Compare a version's name for ``slot`` (in ``lang``) with the English version's (once
    per process for the same names: a check compares them for its findings and its notes,
    and a batch meets the same names in many drafts). ``phrases=False`` reads Chinese
    characters in every reading they have rather than by pypinyin's phrase dictionary (0.3 s
    and 45 MB to load): enough to tell whether a name is the same, which is all a caller
    looking for a name among the pieces of a line asks; the verdict between "different" and
    "unknown", and the reading shown, are then less sure."""
    def result(verdict: str, shown: str) -> NameComparison:
        return NameComparison(slot, english, other, lang, verdict, shown)

    english_cores, other_cores = cores(english, "en"), cores(other, lang)
    if not english_cores or not other_cores:
        return result("unknown", other)
    theirs, ours = province_of(other, lang), province_of(english, "en")
    if theirs is not None:
        name = next((c for c in reversed(other_cores)
                     if theirs in (province_of(c, lang),)), other_cores[-1])
        shown = name if script_of(name) == "latin" and name.casefold() == theirs.name_en.casefold() \
            else N_("{name} ({english}, by the province list)", name=name, english=theirs.name_en)
        if ours is not None:
            return result("same" if ours == theirs else "different", shown)
        # the English names no province: the same place only if it writes the province's name
        english_name = english_cores[-1].replace(" ", "")
        province_name = fold_latin(theirs.name_en).replace(" ", "")
        if province_name in english_name or _ratio(province_name, english_name) >= 0.85:
            return result("same", shown)
        return result("different", shown)
    script = script_of(other_cores[-1])
    if script == "latin" and other_cores[-1].replace(" ", "") == english_cores[-1].replace(" ", ""):
        return result("same", other)
    if ours is not None and any(name in other or (script_of(name) == "latin" and fold_latin(name)
                                                   in fold_latin(other))
                                for name in names_in(ours, lang)):
        return result("same", other)
    english_words = english_cores[-1].split()
    person = slot.endswith("signatory.name")
    if script == "han" and lang != "ja":  # read cheaply first: the same name needs no more
        if any(similarity(english_words, words) >= SAME
               for core in other_cores for words, _ in romanised(core, lang, person, quick=True)):
            return result("same", other)
        if not _reliable(slot, script, lang, ours):  # no reading could make it different
            return result("unknown", other)
    if script == "han" and lang == "ja":  # read in Japanese first: the same name needs no pinyin
        quick = [(core, words) for core in other_cores for words, _ in romanised(core, lang, person, quick=True)]
        if any(core == other_cores[-1] for core, _ in quick) and any(
                similarity(english_words, words) >= SAME for _, words in quick):
            return result("same", other)
    readings = [(core, words, how) for core in other_cores
                for words, how in romanised(core, lang, person, phrases=phrases)]
    if not any(core == other_cores[-1] for core, _, _ in readings):  # no reading of the name
        return result("unknown", other)
    scored = [(similarity(english_words, words), core, words, how) for core, words, how in readings]
    score = max(s[0] for s in scored)
    _, core, words, how = max((s for s in scored if s[1] == other_cores[-1]), key=lambda s: s[0])
    if script == "hangul":
        # a Korean surname romanised otherwise than by the system (최 is Choi, 이 Lee, 박 Park)
        # must not make a name different by itself: a different name differs as a whole
        score_whole = max(similarity(english_words, words, by_word=False) for _, words, _ in readings)
    else:
        score_whole = score
    shown = other if how == "as written" else N_("{name} ({reading}, {how})", name=core,
                                                 reading=" ".join(words).title(), how=how)
    if ours is not None and script == "thai":
        # the province list has every province in Thai: a Thai name that is none of them is
        # not the English's province, however it sounds
        return result("different" if score < SAME else "unknown", shown)
    if score >= SAME:
        return result("same", shown)
    if script == "latin" and not person and _shares_a_word(english_words, words):
        # a place's name translated word by word (Jawa Barat, West Java): one word is the
        # same name, the others may be translated; moukit cannot tell
        return result("unknown", shown)
    if max(score, score_whole) < DIFFERENT and _reliable(slot, script, lang, ours):
        return result("different", shown)
    return result("unknown", shown)


def _shares_a_word(english: list[str], other: list[str]) -> bool:
    """Whether two names of several words have one word that is the same name (Jawa, Java).

    >>> _shares_a_word(["west", "java"], ["jawa", "barat"]), _shares_a_word(["surabaya"], ["bandung"])
    (True, False)
    """
    if len(english) + len(other) < 3:
        return False
    return any(_ratio(phonetic_key(a), phonetic_key(b)) >= SAME for a in english for b in other)


def _reliable(slot: str, script: str, lang: str, province: Province | None) -> bool:
    """Whether a romanised name that differs is a different name: a name in Latin letters or
    in Thai, or a partner's name in the partner's own script. A Thai name (the Thai party, its
    signatory, a Thai place) written in Chinese, Japanese or Korean has no reliable reading."""
    if lang not in SHIPPED:  # a language moukit has no names of (an Italian "Genova")
        return False
    if script in ("latin", "thai"):
        return True
    thai_side = slot in THAI_SIDE or (slot == "place" and province is not None)
    return not thai_side and {"han": lang in ("zh", "ja"), "kana": lang == "ja", "hangul": lang == "ko"}.get(script, False)


def lexicon_names(english: str, lang: str) -> tuple[str, ...]:
    """How ``lang`` writes the Thai province an English name names (empty when unknown)."""
    province = province_of(english, "en")
    return names_in(province, lang) if province is not None else ()
