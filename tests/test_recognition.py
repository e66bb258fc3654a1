"""A document that is not an LOI or MOU of the form gets NotTheForm (exit 2), not a route."""

from __future__ import annotations

import pytest

import moukit
from moukit.cli import main
from moukit.spec.models import SPEC_ADAPTER
from specdata import spec_data

PRESS_RELEASE = """Chiang Mai and Hokkaido sign sister-city memorandum

CHIANG MAI, 22 November 2026 - The Governor of Chiang Mai and the Governor of Hokkaido
today signed a memorandum of understanding on the establishment of sister cities at a
ceremony attended by officials and business leaders of both provinces.

The two sides discussed tourism promotion, student exchanges and agricultural research,
and agreed to hold a first joint meeting next year. "This is a proud day for our people,"
the Governor said after the signing.

For more information, please contact the Foreign Affairs Section of the Provincial Office.
"""

MEMO_TH = """บันทึกข้อความ
ส่วนราชการ สำนักงานจังหวัดเชียงใหม่ กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด
ที่ ชม ๐๐๑๗/๑๒๓๔ วันที่ ๑๐ พฤศจิกายน ๒๕๖๙
เรื่อง ขอความเห็นชอบร่างบันทึกความเข้าใจว่าด้วยการสถาปนาความสัมพันธ์ฉันเมืองพี่เมืองน้อง
เรียน ผู้ว่าราชการจังหวัดเชียงใหม่
ด้วยจังหวัดได้รับร่างบันทึกความเข้าใจจากจังหวัดฮอกไกโด จึงขอเสนอร่างดังกล่าวเพื่อโปรดพิจารณา
จึงเรียนมาเพื่อโปรดพิจารณาให้ความเห็นชอบ และลงนามในหนังสือถึงกระทรวงมหาดไทยต่อไป
"""


@pytest.mark.parametrize("text", [PRESS_RELEASE, MEMO_TH, "Memorandum of Understanding\n"],
                         ids=["press release", "Thai cover memo", "title only"])
def test_a_document_that_is_not_the_form_is_refused(text):
    with pytest.raises(moukit.NotTheForm) as caught:
        moukit.check(text.encode("utf-8"))
    assert caught.value.found < 0.5
    assert "not a Letter of Intent or Memorandum of Understanding of the form" in str(caught.value)
    assert isinstance(caught.value, moukit.DraftError)


def test_a_heavily_edited_mou_is_still_routed():
    spec = SPEC_ADAPTER.validate_python(spec_data("mou", "zh"))
    text = moukit.render(spec, "txt", languages=["en"]).data.decode("utf-8")
    text = text.replace("will encourage", "shall require").replace("maintain direct contact",
                                                                    "keep in touch")
    assert moukit.check(text.encode("utf-8")).verdict == "not_permitted"


def test_the_command_line_says_it_is_not_the_form(tmp_path, capsys):
    path = tmp_path / "press.txt"
    path.write_text(PRESS_RELEASE, "utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "not a Letter of Intent or Memorandum of Understanding of the form" in err
    assert "Traceback" not in err
