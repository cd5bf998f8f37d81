"""Body paragraphs in scripts without case or word spaces survive cleaning.

Caps-only lines ("ADVERTISEMENT", "BREAKING NEWS") are furniture; a Thai or
Chinese paragraph has no lower-case letters either, and must not look like
one because it names "(TNLA)" or "(RSF)". Short unpunctuated lines are
furniture too, counted in words; a Thai paragraph has few spaces and often
no full stop, yet is long.
"""

from __future__ import annotations

import pytest

from newsevents.classifier.cleaning import Cleaner


@pytest.mark.parametrize("paragraph", [
    "据当地媒体报道，政府军与德昂民族解放军（TNLA）在掸邦北部交火，双方动用了迫击炮。",
    "（达尔富尔综合电）苏丹武装部队与快速支援部队（RSF）周二在城西爆发激烈交火。",
    "ฝ่ายไทยเสนอให้ใช้กลไกคณะกรรมการชายแดนทั่วไป (GBC) ในการติดตามผลการหยุดยิง",
    "قالت قوات الدعم السريع (RSF) إنها صدت هجوماً للجيش قرب المدينة",
])
def test_a_caseless_paragraph_with_an_acronym_is_kept(paragraph: str) -> None:
    text = f"{paragraph}\nADVERTISEMENT\nBREAKING NEWS\n"
    cleaned = Cleaner().clean(text)
    assert paragraph in cleaned.text
    assert "ADVERTISEMENT" not in cleaned.text and "BREAKING NEWS" not in cleaned.text


def test_short_lines_without_word_spaces_are_still_dropped() -> None:
    body = "ฝ่ายไทยเสนอให้ใช้กลไกคณะกรรมการชายแดนทั่วไปในการติดตามผลการหยุดยิงตามแนวชายแดน"
    cleaned = Cleaner().clean(f"{body}\nข่าวที่เกี่ยวข้อง\n相关阅读\n")
    assert cleaned.text == body
