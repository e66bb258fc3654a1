"""The review routes and the finding codes the check makes itself: one table.

Routes, from least to most serious:

- ``standard``: only listed alternatives and filled blanks; no review beyond the usual.
- ``ministries``: a variant the form tolerates, a partner below province level, or the
  language versions disagree (a translation that leaves out or adds to what the English
  says): review by the Ministry of Interior and the MFA.
- ``council_of_state``: any other change of wording, an added or a removed clause: review by
  the MOI, the MFA **and** the Office of the Council of State (months).
- ``not_permitted``: content beyond a province's authority: must be removed before signing.

Exit codes of ``moukit check``: 0 standard form, 1 review needed, 3 not permitted (2 is bad
input or usage). Each code of :data:`CODES` carries its route, kind, meaning and the
rationale a Thai official reads; rule packs bring codes of their own and may not reuse
these (:func:`moukit.checking.rules.load_rules`).

>>> CODES["MK-C001"].route
'council_of_state'
>>> worst(["ministries", "standard"])
'ministries'
"""

from __future__ import annotations

from dataclasses import dataclass

ROUTES = ("standard", "ministries", "council_of_state", "not_permitted")
ROUTE_TITLES = {
    "standard": "standard form",
    "ministries": "review by the Ministry of Interior and the Ministry of Foreign Affairs",
    "council_of_state": "review by the MOI, the MFA and the Office of the Council of State",
    "not_permitted": "not permitted for a province",
}
ROUTE_TITLES_TH = {
    "standard": "เป็นไปตามแบบฟอร์มมาตรฐาน",
    "ministries": "ต้องเสนอกระทรวงมหาดไทยและกระทรวงการต่างประเทศพิจารณา",
    "council_of_state": "ต้องเสนอกระทรวงมหาดไทย กระทรวงการต่างประเทศ และสำนักงานคณะกรรมการกฤษฎีกาพิจารณา",
    "not_permitted": "จังหวัดไม่มีอำนาจลงนามในเนื้อหานี้",
}
EXIT_CODES = {"standard": 0, "ministries": 1, "council_of_state": 1, "not_permitted": 3}


def worst(routes) -> str:
    """The most serious of ``routes`` (``standard`` when empty)."""
    return max(routes, key=ROUTES.index, default="standard")


@dataclass(frozen=True)
class Code:
    """A finding code the check itself makes (rule packs bring their own codes): its route,
    kind, meaning and the rationale a Thai official reads, in English and Thai."""

    code: str
    route: str
    kind: str
    meaning: str
    rationale: str
    rationale_th: str


_ADJUSTMENT = ("an adjustment of the form, for the MOI, the MFA and the Office of the Council "
               "of State.")
_ADJUSTMENT_TH = ("ถือเป็นการปรับแก้แบบฟอร์ม ต้องเสนอกระทรวงมหาดไทย กระทรวงการต่างประเทศ "
                  "และสำนักงานคณะกรรมการกฤษฎีกา")
_VALUES = (
    "The same value is written differently in different places. Every place must name the "
    "same party, date, term and fields; the MOI checks this and returns drafts that disagree.",
    "ข้อมูลเดียวกันเขียนไม่ตรงกันในแต่ละแห่ง ทุกแห่งต้องระบุคู่ภาคี วันที่ ระยะเวลา และสาขาความร่วมมือ"
    "ให้ตรงกัน กระทรวงมหาดไทยจะตรวจและส่งร่างที่ไม่ตรงกันกลับมาแก้ไข",
)
_VARIANT = (
    "A name the form tolerates under its 'etc.' but does not list: accepted, but the MOI and "
    "the MFA review it.",
    "ใช้ชื่อที่แบบฟอร์มยอมรับได้ภายใต้คำว่า 'ฯลฯ' แต่ไม่ได้ระบุไว้ กระทรวงมหาดไทยและกระทรวงการต่างประเทศจะพิจารณา",
)

CODES: dict[str, Code] = {c.code: c for c in (
    Code("MK-C001", "council_of_state", "changed", "the wording of a clause of the form was changed",
         "The wording of the standard form was changed. Any adjustment of the form must be "
         "approved by the MOI, the MFA and the Office of the Council of State before signing.",
         "มีการแก้ไขถ้อยคำของแบบฟอร์มมาตรฐาน การปรับแก้ใด ๆ ต้องเสนอกระทรวงมหาดไทย "
         "กระทรวงการต่างประเทศ และสำนักงานคณะกรรมการกฤษฎีกาพิจารณาก่อนลงนาม"),
    Code("MK-C002", "council_of_state", "added", "text that is not in the form was added",
         "A clause that is not in the standard form was added: " + _ADJUSTMENT,
         "มีการเพิ่มข้อความที่ไม่มีในแบบฟอร์มมาตรฐาน " + _ADJUSTMENT_TH),
    Code("MK-C003", "council_of_state", "removed", "a clause of the form is missing",
         "A clause of the standard form was removed: " + _ADJUSTMENT,
         "มีการตัดข้อความของแบบฟอร์มมาตรฐานออก " + _ADJUSTMENT_TH),
    Code("MK-C004", "council_of_state", "moved", "a clause of the form was moved",
         "A clause of the standard form was moved: the order of the form is part of the form.",
         "มีการย้ายลำดับข้อความของแบบฟอร์มมาตรฐาน ลำดับของข้อความเป็นส่วนหนึ่งของแบบฟอร์ม"),
    Code("MK-M001", "ministries", "value_mismatch",
         "within one version, a name or value is written differently in different places", *_VALUES),
    Code("MK-V001", "ministries", "variant", "the relationship name is not one the form lists", *_VARIANT),
    Code("MK-V002", "ministries", "variant", "the title is not one the form lists", *_VARIANT),
    Code("MK-X001", "ministries", "value_mismatch", "the language versions disagree on a value",
         "All language versions must say the same thing: the same parties, fields, term and "
         "date. The MOI checks every version against the others.",
         "ทุกฉบับภาษาต้องมีสาระตรงกัน ทั้งคู่ภาคี สาขาความร่วมมือ ระยะเวลา และวันที่ "
         "กระทรวงมหาดไทยตรวจทุกฉบับเทียบกัน"),
    Code("MK-X002", "council_of_state", "value_mismatch",
         "the language versions do not carry the same clauses",
         "A clause present in one language version and not in another changes what is signed; "
         "every version must have the same clauses in the same order.",
         "หากฉบับภาษาหนึ่งมีข้อความที่อีกฉบับไม่มี เนื้อหาที่ลงนามจะไม่ตรงกัน "
         "ทุกฉบับต้องมีข้อความครบและเรียงลำดับเหมือนกัน"),
    Code("MK-T001", "ministries", "translation", "a language version leaves out something the English says",
         "The form is in English; every other version is its translation and must say everything "
         "the English version says: the same meanings, parties, date, term and fields. The "
         "translation must be corrected (or, if the change is meant, the form was adjusted and "
         "the English must say it too). The MOI checks every version against the English.",
         "แบบฟอร์มเป็นภาษาอังกฤษ ฉบับภาษาอื่นเป็นคำแปลและต้องมีสาระครบตามฉบับภาษาอังกฤษ "
         "ทั้งความหมาย คู่ภาคี วันที่ ระยะเวลา และสาขาความร่วมมือ ต้องแก้ไขคำแปลให้ครบ "
         "(หากตั้งใจเปลี่ยนสาระ ถือเป็นการปรับแก้แบบฟอร์มและฉบับภาษาอังกฤษต้องแก้ไขด้วย) "
         "กระทรวงมหาดไทยตรวจทุกฉบับเทียบกับฉบับภาษาอังกฤษ"),
    Code("MK-T002", "ministries", "translation", "a language version says more than the English",
         "A translation may word a clause in its own way but may not add to it: words that carry "
         "a meaning the English version does not have make the versions disagree. Correct the "
         "translation, or, if the addition is meant, add it to the English too (an adjustment "
         "of the form).",
         "คำแปลใช้ถ้อยคำของตนเองได้ แต่จะเพิ่มสาระที่ฉบับภาษาอังกฤษไม่มีไม่ได้ "
         "ต้องแก้ไขคำแปล หากตั้งใจเพิ่มสาระนั้น ต้องเพิ่มในฉบับภาษาอังกฤษด้วย "
         "ซึ่งถือเป็นการปรับแก้แบบฟอร์ม"),
    Code("MK-T003", "standard", "translation",
         "a language version is worded differently from moukit's translation and says the same",
         "Every meaning of the English version is there, nothing is added and the values agree: "
         "a faithful translation in other words is not an adjustment of the form. Listed for "
         "the ministry's translator, who reads every version against the English.",
         "มีสาระครบตามฉบับภาษาอังกฤษ ไม่มีการเพิ่มเติม และข้อมูลตรงกัน "
         "คำแปลที่ถูกต้องแม้ใช้ถ้อยคำต่างไปไม่ถือเป็นการปรับแก้แบบฟอร์ม "
         "แจ้งไว้ให้ผู้แปลของกระทรวงทราบเพื่อตรวจทานเทียบกับฉบับภาษาอังกฤษ"),
    Code("MK-T004", "ministries", "translation", "a clause of the English version is missing in a language version",
         "Every language version must have every clause of the English version, in the same "
         "order: the missing clause must be translated, or, if it was meant to go, removed "
         "from the English too (an adjustment of the form).",
         "ทุกฉบับภาษาต้องมีข้อความครบทุกข้อตามฉบับภาษาอังกฤษและเรียงลำดับเดียวกัน "
         "ต้องแปลข้อที่ขาดไป หากตั้งใจตัดออก ต้องตัดออกจากฉบับภาษาอังกฤษด้วย "
         "ซึ่งถือเป็นการปรับแก้แบบฟอร์ม"),
    Code("MK-T005", "ministries", "translation", "a language version has a paragraph the English does not have",
         "A paragraph in one language version only changes what is signed in that language: "
         "remove it, or, if it is meant, add it to the English too (an adjustment of the form).",
         "ข้อความที่มีเฉพาะในฉบับภาษาหนึ่งทำให้สาระที่ลงนามแตกต่างกัน ต้องตัดออก "
         "หากตั้งใจให้มี ต้องเพิ่มในฉบับภาษาอังกฤษด้วย ซึ่งถือเป็นการปรับแก้แบบฟอร์ม"),
    Code("MK-S001", "ministries", "value_mismatch", "a value of the draft differs from the spec",
         "The draft no longer says what was agreed in the spec (names, date, fields, term).",
         "ร่างไม่ตรงกับข้อมูลที่ตกลงกันไว้ในไฟล์ spec เช่น ชื่อ วันที่ สาขาความร่วมมือ หรือระยะเวลา"),
    Code("MK-S002", "council_of_state", "value_mismatch",
         "the draft is a different instrument (LOI/MOU) from the spec",
         "An MOU was expected and an LOI was found, or the reverse: the whole text departs from "
         "the form that was agreed.",
         "ร่างเป็นเอกสารคนละประเภทกับที่ระบุในไฟล์ spec (บันทึกความเข้าใจกับหนังสือแสดงเจตจำนง) "
         "จึงไม่เป็นไปตามแบบฟอร์มที่ตกลงไว้"),
    Code("MK-W001", "ministries", "notice", "the Thai party is not a province",
         "The guideline reserves sister-city relations to provinces; the MOI and the MFA will "
         "question another kind of party (for example Bangkok).",
         "แนวทางกำหนดให้จังหวัดเป็นผู้สถาปนาความสัมพันธ์เมืองพี่เมืองน้อง หากคู่ภาคีฝ่ายไทยไม่ใช่จังหวัด "
         "กระทรวงมหาดไทยและกระทรวงการต่างประเทศจะพิจารณาเป็นกรณีไป"),
    Code("MK-W002", "ministries", "notice", "the partner is below the level of a Thai province",
         "A partner must be of equal or higher administrative level; a lower-level partner needs "
         "an exception from the MOI and the MFA and is usually refused.",
         "คู่ภาคีต่างประเทศต้องมีระดับเทียบเท่าหรือสูงกว่าจังหวัด หากต่ำกว่าต้องได้รับการยกเว้น"
         "จากกระทรวงมหาดไทยและกระทรวงการต่างประเทศ ซึ่งโดยปกติมักไม่อนุมัติ"),
)}
