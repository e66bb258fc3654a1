"""Spec data for tests: a complete, valid spec as a dict, to vary field by field."""

from __future__ import annotations

import copy

_LANG_NAMES = {
    "zh": ("上海市", "清迈府", "上海", "市长", "府尹"),
    "ja": ("上海市", "チェンマイ県", "上海", "市長", "県知事"),
    "ko": ("상하이시", "치앙마이주", "상하이", "시장", "주지사"),
    "vi": ("thành phố Thượng Hải", "tỉnh Chiang Mai", "Thượng Hải", "Thị trưởng", "Tỉnh trưởng"),
    "id": ("Kota Shanghai", "Provinsi Chiang Mai", "Shanghai", "Wali Kota", "Gubernur"),
    "my": ("ရှန်ဟိုင်းမြို့", "ချင်းမိုင်ပြည်နယ်", "ရှန်ဟိုင်းမြို့", "မြို့တော်ဝန်", "ဘုရင်ခံ"),
    "tr": ("Şanghay Belediyesi", "Chiang Mai İli", "Şanghay", "Belediye Başkanı", "Vali"),
}


def spec_data(instrument: str = "mou", partner_language: str = "zh") -> dict:
    """A valid spec for Chiang Mai Province and Shanghai, in Thai, English and ``partner_language``."""
    partner, thai, place, partner_pos, thai_pos = _LANG_NAMES.get(
        partner_language, ("Shanghai", "Chiang Mai", "Shanghai", "Mayor", "Governor")
    )
    names = lambda th, en, other: {"th": th, "en": en, **({partner_language: other} if partner_language not in ("th", "en") else {})}  # noqa: E731
    data = {
        "instrument": instrument,
        "thai_party": {"province": "Chiang Mai"},
        "partner": {
            "name": names("นครเซี่ยงไฮ้", "Shanghai Municipality", partner),
            "country": "CN",
            "level": "municipality_under_central_government",
            "language": partner_language,
        },
        "fields": ["economy", "trade", "tourism"],
        "signing": {"place": names("เซี่ยงไฮ้", "Shanghai", place), "date": "2026-11-22"},
        "signatories": {
            "thai": {"name": names("นายสมชาย ใจดี", "Mr. Somchai Jaidee", "Somchai Jaidee"),
                     "position": names("ผู้ว่าราชการจังหวัดเชียงใหม่", "Governor of Chiang Mai Province", thai_pos)},
            "partner": {"name": names("นายหลี่ หมิง", "Mr. Li Ming", "李明"),
                        "position": names("นายกเทศมนตรีนครเซี่ยงไฮ้", "Mayor of Shanghai", partner_pos)},
        },
    }
    if partner_language not in ("th", "en"):
        data["thai_party"]["name"] = {partner_language: thai}
    if instrument == "mou":
        data["term"] = "open"
    return copy.deepcopy(data)


def spec(instrument: str = "mou", partner_language: str = "zh", **changes):
    """A validated spec, with top-level ``changes`` applied."""
    from moukit.spec.models import SPEC_ADAPTER

    data = spec_data(instrument, partner_language)
    data.update(changes)
    return SPEC_ADAPTER.validate_python(data)
