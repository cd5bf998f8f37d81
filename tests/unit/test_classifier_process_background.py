"""A peace process told as background inside other news is no engagement.

Clash reports often close on the state of the diplomacy ("talks remain
stalled", "mediators are trying to revive the plan", "a blow to the accord
brokered last year"): the `stalled` and `revival` cue kinds block such a
sentence for diplomatic-engagement. A sentence dated to the present ("met on
Monday to revive the stalled talks") still reports an engagement.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, language, title, text): a clash story whose only diplomacy is background.
BACKGROUND: list[tuple[str, str, str, str]] = [
    ("en-revive", "en", "Rebels seize border town after two days of fighting", """Rebel fighters seized the border town of Tine on Sunday after two days of heavy fighting with government troops, residents said.
The army said it had withdrawn to positions outside the town to protect civilians.
Mediators from Qatar and the African Union are still trying to revive the peace talks between the government and the rebels, which broke off in March.
"""),
    ("en-blow", "en", "Insurgents overrun army base in the north", """Insurgents overran an army base in the north of the country on Saturday, killing at least twelve soldiers, the military said.
The attack is a fresh setback for the peace framework agreed between the government and the rebel alliance under Turkish and Qatari mediation.
"""),
    ("es-intentan", "es", "Combates en el este tras un ataque contra posiciones del ejército", """Las fuerzas rebeldes atacaron posiciones del ejército en la provincia oriental, donde se registraron intensos combates durante toda la noche, según fuentes militares.
El ataque se produce mientras los mediadores de Catar y Estados Unidos intentan reactivar las negociaciones entre el Gobierno y los rebeldes.
"""),
    ("ms-tergantung", "ms", "Askar terbunuh dalam serangan hendap di Narathiwat", """NARATHIWAT: Dua anggota tentera Thailand terbunuh apabila rondaan mereka diserang hendap oleh sekumpulan militan bersenjata di daerah Rueso awal pagi tadi.
Militan melepaskan tembakan ke arah kenderaan tentera sebelum melarikan diri ke kawasan hutan berhampiran.
Rundingan damai antara kerajaan Thailand dan kumpulan pemisah yang difasilitasi Malaysia masih tergantung sejak awal tahun.
"""),
    ("vi-be-tac", "vi", "Giao tranh ác liệt tại miền đông Ukraine", """Quân đội Nga và Ukraine tiếp tục giao tranh ác liệt gần thành phố Pokrovsk, theo thông báo của Bộ Tổng tham mưu Ukraine.
Các cuộc đàm phán hòa bình giữa Nga và Ukraine do Thổ Nhĩ Kỳ làm trung gian vẫn rơi vào bế tắc.
"""),
    ("ar-mutaathira", "ar", "اشتباكات عنيفة بين الجيش والدعم السريع في الفاشر", """اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في مدينة الفاشر، وفق مصادر محلية، وسط قصف مدفعي متبادل.
وتأتي المعارك في وقت لا تزال فيه المفاوضات بين الطرفين برعاية سعودية وأمريكية متعثرة.
"""),
    ("fr-relancer", "fr", "Violents combats dans l'est de la RDC", """De violents combats ont opposé l'armée congolaise aux rebelles du M23 près de la ville de Sake, selon des sources militaires.
Ces affrontements interviennent alors que les médiateurs angolais tentent de relancer les pourparlers entre Kinshasa et Kigali.
"""),
    ("ru-no-success", "ru", "Бои у Покровска продолжаются", """Российские и украинские войска ведут ожесточённые бои в районе Покровска, сообщили в Генштабе ВСУ.
Попытки посредников из Турции и Катара добиться прекращения огня между Москвой и Киевом пока не увенчались успехом.
"""),
    ("zh-jiangju", "zh", "苏丹军队与快速支援部队在法希尔激战", """据当地消息人士称，苏丹武装部队与快速支援部队在北达尔富尔州首府法希尔爆发激烈交火，双方互相炮击。
由沙特和美国斡旋的两军和谈至今仍陷入僵局。
"""),
    ("hi-thap", "hi", "नियंत्रण रेखा पर भारी गोलीबारी", """जम्मू-कश्मीर में नियंत्रण रेखा पर भारतीय सेना और पाकिस्तानी सेना के बीच भारी गोलीबारी हुई, सेना के एक प्रवक्ता ने बताया।
भारत और पाकिस्तान के बीच द्विपक्षीय वार्ता वर्षों से ठप पड़ी है।
"""),
]

# (id, language, title, text, evidence): the process words stand beside an
# engagement dated to the present, which must stay detected.
ANCHORED: list[tuple[str, str, str, str, str]] = [
    ("en-met-monday", "en", "CIA chief meets Qatari premier in Doha", """CIA Director William Burns met Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani in Doha on Monday in a bid to revive the stalled ceasefire talks on Gaza.
The two discussed a short truce and the release of hostages, officials said.
""", "met Qatari Prime Minister"),
    ("en-resumed", "en", "Armenia and Azerbaijan resume peace talks", """Foreign ministers of Armenia and Azerbaijan resumed peace talks in Almaty on Tuesday after months of deadlock, the Kazakh foreign ministry said.
The talks are expected to last two days.
""", "resumed peace talks"),
    ("es-reunion-lunes", "es", "Reunión en Doha sobre el alto el fuego", """El jefe de la CIA se reunió el lunes en Doha con el primer ministro de Catar para intentar reactivar las negociaciones de alto el fuego en Gaza, estancadas desde hace semanas.
Ambos abordaron una tregua breve y la liberación de rehenes, según fuentes oficiales.
""", "se reunió el lunes"),
    ("ms-rundingan-hari-ini", "ms", "Rundingan damai selatan Thailand disambung semula", """KUALA LUMPUR: Rundingan damai antara kerajaan Thailand dan Barisan Revolusi Nasional (BRN) disambung semula di ibu negara hari ini selepas terkandas hampir setahun, dengan Malaysia bertindak sebagai fasilitator.
Kedua-dua pihak dijadual membincangkan pelan tindakan bersama untuk mengurangkan keganasan di wilayah selatan Thailand.
""", "Rundingan damai antara kerajaan Thailand"),
]


@pytest.mark.parametrize(("case_id", "language", "title", "text"),
                         [pytest.param(*c, id=c[0]) for c in BACKGROUND])
def test_process_background_is_no_engagement(case_id: str, language: str, title: str,
                                             text: str) -> None:
    cases.check_negative(language, cases.negative(case_id, title, text, DIP))
    # The clash the article reports is untouched by the diplomatic cues.
    assert cases.detection(cases.classify(text, title), CLASH) is not None


@pytest.mark.parametrize(("case_id", "language", "title", "text", "evidence"),
                         [pytest.param(*c, id=c[0]) for c in ANCHORED])
def test_engagement_dated_to_the_present_survives_process_words(
        case_id: str, language: str, title: str, text: str, evidence: str) -> None:
    found = cases.detection(cases.classify(text, title), DIP)
    assert found is not None, case_id
    assert any(evidence in ev.text for ev in found.evidence), [ev.text for ev in found.evidence]
