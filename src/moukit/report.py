"""The deviation report: findings, the review route they trigger, and the verdict.

Routes, from least to most serious:

- ``standard``: only listed alternatives and filled blanks; no review beyond the usual.
- ``ministries``: a variant the form tolerates, a partner below province level, or the
  language versions disagree: review by the Ministry of Interior and the MFA.
- ``council_of_state``: any other change of wording, an added or a removed clause: review by
  the MOI, the MFA **and** the Office of the Council of State (months).
- ``not_permitted``: content beyond a province's authority: must be removed before signing.

Exit codes of ``moukit check``: 0 standard form, 1 review needed, 3 not permitted (2 is bad
input or usage).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

REPORT_SCHEMA = "moukit.check-report"
REPORT_SCHEMA_VERSION = 1

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
class DiffOp:
    """One step of a word-level difference: equal, insert (draft only), delete (form only)."""

    op: str  # equal | insert | delete
    text: str


@dataclass
class Finding:
    """One departure from the standard form, or one disagreement between versions."""

    code: str
    route: str
    kind: str
    message: str
    lang: str | None = None
    clause_id: str | None = None
    clause_number: str | None = None
    standard: str | None = None
    draft: str | None = None
    diff: list[DiffOp] = field(default_factory=list)
    rationale: str = ""
    rationale_th: str = ""
    values: dict = field(default_factory=dict)  # for value mismatches: lang -> value
    source: str | None = None

    def to_dict(self) -> dict:
        """JSON-ready form."""
        data = asdict(self)
        data["diff"] = [asdict(op) for op in self.diff]
        return data


@dataclass
class VersionResult:
    """What the check found in one language version of a draft."""

    lang: str
    instrument: str | None
    source: str
    values: dict = field(default_factory=dict)
    exact: bool = False  # the text equals a rendering of the form (editorial noise aside)
    editorial: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "lang": self.lang,
            "instrument": self.instrument,
            "source": self.source,
            "exact": self.exact,
            "values": self.values,
            "editorial": list(self.editorial),
        }


@dataclass
class Report:
    """The result of a check: verdict, findings, versions, inferred values."""

    versions: list[VersionResult]
    findings: list[Finding]
    sources: list[str]
    form_id: str | None = None
    form_version: str | None = None
    pending_changes: bool = False
    untouched_render: bool = False
    fingerprint: dict | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """The route of the most serious finding (``standard`` if none)."""
        return worst(f.route for f in self.findings)

    @property
    def exit_code(self) -> int:
        """0 standard form, 1 review needed, 3 not permitted."""
        return EXIT_CODES[self.verdict]

    @property
    def reason(self) -> str:
        """Why the verdict is what it is: the first finding of the highest route."""
        top = [f for f in self.findings if f.route == self.verdict]
        if not top:
            return "the draft is the standard form: only listed alternatives and filled blanks"
        return top[0].message

    def to_dict(self) -> dict:
        """The report as JSON-ready data (schema ``moukit.check-report`` v1, see docs/)."""
        from ._version import __version__

        return {
            "schema": REPORT_SCHEMA,
            "schema_version": REPORT_SCHEMA_VERSION,
            "moukit_version": __version__,
            "verdict": self.verdict,
            "verdict_title": ROUTE_TITLES[self.verdict],
            "verdict_title_th": ROUTE_TITLES_TH[self.verdict],
            "exit_code": self.exit_code,
            "reason": self.reason,
            "form": {"id": self.form_id, "version": self.form_version},
            "sources": list(self.sources),
            "pending_changes": self.pending_changes,
            "untouched_render": self.untouched_render,
            "fingerprint": self.fingerprint,
            "notes": list(self.notes),
            "versions": [v.to_dict() for v in self.versions],
            "findings": [f.to_dict() for f in self.findings],
            "counts": {route: sum(f.route == route for f in self.findings) for route in ROUTES},
        }


# --------------------------------------------------------------------------- finding codes


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


def finding(code: str, message: str, **fields) -> Finding:
    """A finding of one of :data:`CODES`, with its route, kind and rationale from the table."""
    c = CODES[code]
    return Finding(code=code, route=c.route, kind=c.kind, message=message,
                   rationale=c.rationale, rationale_th=c.rationale_th, **fields)
