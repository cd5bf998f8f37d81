"""The retrospective frame, row by row in every language.

An article framed as a retrospective (an anniversary, "N years ago", "looking
back", a trial over past fighting, in the headline or the lead) retells old
events throughout: its sentences with no current-time anchor must not become
events. A current event reported in such a piece, dated "on Tuesday", "hôm
nay", "6月10日" or by the year of publication, still counts. Each row is
written for this test; none retells a dev-set article.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from newsevents.classifier.monthdates import month_dates
from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (language, id, title, text, event types that must not be detected)
FRAMED_NEGATIVES: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("en", "en-retro-frame", 'Thirty years on, the Dayton talks still shape the Balkans', """Looking back, few diplomats believed that talks at a remote American air base would produce a settlement.
The presidents of Serbia, Croatia and Bosnia negotiated for three weeks before initialling the agreement, while rebel commanders were kept far from the table.
Historians still argue over who made the decisive concession.
""", (DIP, CLASH)),
    ("id", "id-retro-frame", 'Mengenang Konferensi Meja Bundar di Den Haag', """Delegasi Indonesia dan Belanda berunding selama berminggu-minggu di Den Haag sebelum menandatangani persetujuan pengakuan kedaulatan.
Perundingan itu dipimpin oleh Mohammad Hatta dan diawasi sebuah komisi PBB.
Kini naskah aslinya disimpan di Arsip Nasional dan dapat dilihat oleh pelajar.
""", (DIP,)),
    ("ms", "ms-retro-frame", 'Imbas kembali: rundingan damai Hat Yai yang menamatkan perjuangan bersenjata', """Kerajaan Malaysia dan Thailand berunding dengan Parti Komunis Malaya di Hat Yai selama beberapa bulan sebelum perjanjian damai dimeterai.
Bekas pegawai kerajaan yang terlibat berkata rundingan itu berlangsung secara rahsia dan penuh syak wasangka.
Kawasan sempadan itu kini menjadi tumpuan pelancong dari kedua-dua negara.
""", (DIP,)),
    ("tl", "tl-retro-frame", 'Ginunita ang anibersaryo ng paglaya ng Maynila', """Naglaban ang mga sundalong Amerikano at Pilipino at ang hukbong Hapones sa loob ng halos isang buwan sa mga kalye ng Intramuros.
Libu-libong sibilyan ang nasawi sa labanan, ayon sa mga mananalaysay na dumalo sa programa.
Nag-alay ng bulaklak ang mga beterano at kanilang mga pamilya.
""", (CLASH,)),
    ("fr", "fr-retro-frame", 'Retour sur la bataille de Bir Hakeim, seize jours dans le désert', """Les soldats des Forces françaises libres ont repoussé pendant seize jours les assauts des divisions allemandes et italiennes autour du fortin.
Les combats acharnés ont permis aux troupes britanniques de se replier vers l'Égypte.
Les derniers témoins de cet épisode se font rares.
""", (CLASH,)),
    ("es", "es-retro-frame", 'Se cumplen treinta años de la paz firmada en Guatemala', """El gobierno guatemalteco y la guerrilla de la URNG negociaron durante años con la mediación de las Naciones Unidas hasta firmar el acuerdo de paz firme y duradera.
Los excomandantes recuerdan aquellas rondas en México y Oslo como una escuela de paciencia.
Muchas de las promesas de entonces siguen sin cumplirse.
""", (DIP,)),
    ("pt", "pt-retro-frame", 'Retrospectiva: o cerco de Cuito Cuanavale visto pelos seus protagonistas', """Tropas angolanas e cubanas combateram durante meses contra o exército sul-africano e os guerrilheiros da UNITA em torno da pequena cidade do sul.
Os confrontos terminaram com negociações que abriram caminho à independência da Namíbia.
O antigo quartel é agora um museu.
""", (DIP, CLASH)),
    ("de", "de-retro-frame", 'Rückblick: Wie der Zwei-plus-Vier-Vertrag zustande kam', """Die Außenminister der beiden deutschen Staaten und der vier Siegermächte verhandelten monatelang in Bonn, Ost-Berlin, Paris und Moskau.
Am Ende unterzeichneten sie den Vertrag, der Deutschland die volle Souveränität zurückgab.
Zeitzeugen erinnern sich an lange Nächte und viel Kaffee.
""", (DIP,)),
    ("ru", "ru-retro-frame", 'Годовщина Ташкентской декларации: как Москва мирила Индию и Пакистан', """Премьер-министр Индии и президент Пакистана провели переговоры в Ташкенте при посредничестве советского правительства и подписали декларацию об отводе войск.
Историки называют эту встречу вершиной советской дипломатии в Азии.
Архивные снимки переговоров выставлены в городском музее.
""", (DIP,)),
    ("uk", "uk-retro-frame", 'Річниця оборони донецького аеропорту: як це було', """Українські військові та десантники понад двісті днів обороняли термінали від атак російських військ і бойовиків.
Після запеклих боїв захисники залишили зруйновану будівлю.
Ветерани зібралися, щоб згадати побратимів.
""", (CLASH,)),
    ("tr", "tr-retro-frame", 'Hendek operasyonlarının yıl dönümü: ilçede izler hâlâ silinmedi', """Güvenlik güçleri ile PKK'lı teröristler arasında aylarca süren çatışmalarda ilçe merkezinde ağır hasar oluştu.
Askerler mahalle mahalle ilerleyerek barikatları tek tek kaldırdı.
Yıkılan evlerin yerine yeni konutlar yapıldı.
""", (CLASH,)),
    ("ar", "ar-retro-frame", 'ذكرى اتفاقيات كامب ديفيد: ثلاثة عشر يوما غيرت المنطقة', """أجرى الرئيس المصري ورئيس الوزراء الإسرائيلي مفاوضات استمرت ثلاثة عشر يوما في منتجع أمريكي بوساطة الرئيس الأمريكي.
وانتهت المفاوضات بتوقيع إطار للسلام بين البلدين وسط انتقادات عربية واسعة.
ولا يزال المؤرخون يختلفون حول ثمن ذلك السلام.
""", (DIP,)),
    ("fa", "fa-retro-frame", 'سالروز پذیرش قطعنامه ۵۹۸؛ روایت مذاکرات ژنو', """نمایندگان ایران و عراق در ژنو با میانجیگری دبیرکل سازمان ملل مذاکره کردند و سرانجام آتش‌بس برقرار شد.
بسیاری از رزمندگان آن روزها را هنوز به یاد دارند.
اسناد این مذاکرات در آرشیو وزارت خارجه نگهداری می‌شود.
""", (DIP,)),
    ("hi", "hi-retro-frame", 'शिमला समझौते की वर्षगांठ: जब भारत और पाकिस्तान ने की थी बातचीत', """भारत की प्रधानमंत्री और पाकिस्तान के राष्ट्रपति ने शिमला में कई दिनों तक बातचीत की और अंत में एक समझौते पर हस्ताक्षर किए।
इतिहासकार इसे दोनों देशों के रिश्तों का अहम मोड़ मानते हैं।
उस बैठक की तस्वीरें आज भी राजभवन में लगी हैं।
""", (DIP,)),
    ("my", "my-retro-frame", 'ပင်လုံစာချုပ် နှစ်ပတ်လည် အထိမ်းအမှတ် ဆောင်းပါး', """ဗမာ ခေါင်းဆောင်များနှင့် တောင်တန်းဒေသ ခေါင်းဆောင်များသည် ပင်လုံတွင် ရက်အတော်ကြာ ဆွေးနွေးညှိနှိုင်းပြီး စာချုပ်ကို လက်မှတ်ရေးထိုးခဲ့ကြသည်။ ဗြိတိသျှ ကိုယ်စားလှယ်များလည်း တက်ရောက်ခဲ့ကြသည်။
သမိုင်းပညာရှင်များက ထိုစာချုပ်ကို ပြည်ထောင်စု၏ အုတ်မြစ်ဟု ဆိုကြသည်။
""", (DIP,)),
    ("th", "th-retro-frame", 'ย้อนรอยการเจรจาสันติภาพปารีส ยุติสงครามเวียดนาม', """คณะผู้แทนสหรัฐอเมริกาและเวียดนามเหนือได้เจรจากันที่กรุงปารีสนานหลายปี ก่อนจะลงนามในข้อตกลงสันติภาพ ที่ทำให้ทหารอเมริกันถอนกำลังออกไป
นักประวัติศาสตร์มองว่าการเจรจาครั้งนั้นเป็นบทเรียนสำคัญของการทูต
""", (DIP,)),
    ("vi", "vi-retro-frame", 'Nhìn lại Hội nghị Paris: những năm tháng đàm phán căng thẳng', """Phái đoàn Việt Nam và Hoa Kỳ đã đàm phán kéo dài tại Paris trước khi ký kết hiệp định chấm dứt chiến tranh, lập lại hòa bình.
Nhiều nhà ngoại giao lão thành vẫn nhớ những phiên họp căng thẳng kéo dài đến khuya.
Các tài liệu gốc hiện được lưu giữ tại Hà Nội.
""", (DIP,)),
    ("zh", "zh-retro-frame", '回顾金门炮战：隔海炮击的四十多天', """解放军炮兵部队与国民党守军隔海交火，双方炮击持续四十多天，岛上工事损毁严重。
许多岛上居民至今仍保存着炮弹壳，把它们做成菜刀出售给游客。
""", (CLASH,)),
]

# (language, id, title, text, event type, subtype, words of the sentence that must be the top evidence)
ANCHORED_POSITIVES: list[tuple[str, str, str, str, str, str, str]] = [
    ("en", "en-retro-anchored", 'On the anniversary of their ties, Japan and Vietnam hold a summit', """The prime ministers of Japan and Vietnam held talks in Hanoi on Tuesday, half a century after the two countries established diplomatic relations.
They agreed to expand cooperation on ports and semiconductors, a government spokesman said.
""", DIP, "meeting", 'held talks in Hanoi on Tuesday'),
    ("id", "id-retro-anchored", 'Peringatan Hubungan Diplomatik, Presiden Terima PM Singapura di Bogor', """Presiden Indonesia menerima kunjungan kenegaraan Perdana Menteri Singapura di Istana Bogor pada Selasa, bertepatan dengan peringatan hubungan diplomatik kedua negara.
Kedua pemimpin membahas kerja sama energi hijau dan investasi di Batam.
""", DIP, "visit", 'kunjungan kenegaraan'),
    ("ms", "ms-retro-anchored", 'Sempena ulang tahun hubungan, Perdana Menteri Malaysia dan Vietnam adakan rundingan', """Perdana Menteri Malaysia mengadakan rundingan dua hala dengan rakan sejawatnya dari Vietnam di Putrajaya pada hari Selasa, sempena ulang tahun hubungan diplomatik kedua-dua negara.
Beliau berkata kedua-dua kerajaan bersetuju untuk meningkatkan perdagangan produk halal.
""", DIP, "meeting", 'rundingan dua hala'),
    ("tl", "tl-retro-anchored", 'Sa anibersaryo ng ugnayan, Pilipinas at Australia nagpulong sa Canberra', """Nagpulong ngayong Martes sa Canberra ang mga pinuno ng Pilipinas at Australia upang pag-usapan ang seguridad sa karagatan.
Nilagdaan din ng dalawang bansa ang isang kasunduan sa pagtatanggol.
""", DIP, "meeting", 'Nagpulong ngayong Martes'),
    ("fr", "fr-retro-anchored", "Pour l'anniversaire du traité, Paris et Berlin réunissent leurs ministres", """Les ministres des Affaires étrangères de la France et de l'Allemagne se sont rencontrés mardi à Aix-la-Chapelle, à l'occasion de l'anniversaire de leur coopération.
Ils ont signé une déclaration commune sur la défense européenne.
""", DIP, "meeting", 'rencontrés mardi'),
    ("es", "es-retro-anchored", 'En el aniversario del tratado, cancilleres de Chile y Argentina se reúnen en Santiago', """Los cancilleres de Chile y Argentina se reunieron este martes en Santiago, en el aniversario del tratado de paz y amistad entre ambos países.
Acordaron agilizar los pasos fronterizos de la cordillera antes del invierno.
""", DIP, "meeting", 'se reunieron este martes'),
    ("pt", "pt-retro-anchored", 'No aniversário da CPLP, Brasil recebe presidente de Moçambique', """O presidente do Brasil recebeu nesta terça-feira em Brasília o presidente de Moçambique, para uma visita oficial que coincide com o aniversário da comunidade lusófona.
Os dois chefes de Estado assinaram acordos de cooperação agrícola.
""", DIP, "visit", 'visita oficial'),
    ("de", "de-retro-anchored", 'Zum Jahrestag des Élysée-Vertrags: Kanzler trifft Macron in Paris', """Bundeskanzler Friedrich Merz ist am Dienstag in Paris mit dem französischen Präsidenten Emmanuel Macron zu Gesprächen zusammengetroffen.
Beide vereinbarten eine engere Zusammenarbeit bei der Rüstung.
""", DIP, "meeting", 'am Dienstag in Paris'),
    ("ru", "ru-retro-anchored", 'В годовщину установления отношений главы МИД России и Индии провели переговоры', """Министр иностранных дел России во вторник провёл в Москве переговоры с индийским коллегой, приуроченные к годовщине установления дипломатических отношений.
Стороны подписали план консультаций на ближайшие два года.
""", DIP, "meeting", 'провёл в Москве переговоры'),
    ("uk", "uk-retro-anchored", 'У роковини Будапештського меморандуму глава МЗС України провів переговори в Лондоні', """Міністр закордонних справ України у вівторок провів переговори в Лондоні з британським колегою щодо гарантій безпеки.
Сторони домовилися про нові поставки озброєння.
""", DIP, "meeting", 'провів переговори в Лондоні'),
    ("tr", "tr-retro-anchored", 'Diplomatik ilişkilerin yıl dönümünde Türk ve Azerbaycan dışişleri bakanları görüştü', """Dışişleri Bakanı Hakan Fidan, salı günü Bakü'de Azerbaycanlı mevkidaşı ile bir araya gelerek ikili ilişkileri ele aldı.
İki bakan enerji ve ulaştırma alanlarında iş birliği anlaşması imzaladı.
""", DIP, "meeting", "Bakü'de Azerbaycanlı mevkidaşı"),
    ("ar", "ar-retro-anchored", 'في ذكرى إقامة العلاقات.. وزير الخارجية السعودي يلتقي نظيره الصيني', """التقى وزير الخارجية السعودي نظيره الصيني في بكين يوم الثلاثاء، بمناسبة ذكرى إقامة العلاقات الدبلوماسية بين البلدين.
وبحث الجانبان تعزيز التعاون في مجالي الطاقة والتجارة.
""", DIP, "meeting", 'التقى وزير الخارجية السعودي'),
    ("fa", "fa-retro-anchored", 'در سالگرد روابط دیپلماتیک، وزیران خارجه ایران و عمان دیدار کردند', """وزیر امور خارجه ایران روز سه‌شنبه در مسقط با وزیر خارجه عمان دیدار و گفت‌وگو کرد.
دو طرف درباره همکاری‌های منطقه‌ای و کشتیرانی در تنگه هرمز رایزنی کردند.
""", DIP, "meeting", 'روز سه\u200cشنبه در مسقط'),
    ("hi", "hi-retro-anchored", 'राजनयिक संबंधों की वर्षगांठ पर भारत और जापान के विदेश मंत्रियों की बैठक', """भारत के विदेश मंत्री ने मंगलवार को टोक्यो में जापान के विदेश मंत्री के साथ द्विपक्षीय वार्ता की।
दोनों नेताओं ने रक्षा और सेमीकंडक्टर सहयोग पर चर्चा की।
""", DIP, "meeting", 'मंगलवार को टोक्यो'),
    ("my", "my-retro-anchored", 'သံတမန်ဆက်ဆံရေး နှစ်ပတ်လည် အထိမ်းအမှတ် မြန်မာ-ဗီယက်နမ် နိုင်ငံခြားရေးဝန်ကြီးများ တွေ့ဆုံ', """မြန်မာ နိုင်ငံခြားရေးဝန်ကြီးနှင့် ဗီယက်နမ် နိုင်ငံခြားရေးဝန်ကြီးတို့သည် ယနေ့ ဟနွိုင်းမြို့တွင် တွေ့ဆုံဆွေးနွေးခဲ့ကြသည်။ နှစ်ဖက်သည် ကုန်သွယ်ရေးနှင့် ပညာရေး ပူးပေါင်းဆောင်ရွက်မှုကို ဆွေးနွေးကြသည်။
""", DIP, "meeting", 'တွေ့ဆုံဆွေးနွေး'),
    ("th", "th-retro-anchored", 'ครบรอบความสัมพันธ์ทางการทูต นายกฯ ไทยหารือนายกฯ ญี่ปุ่นที่โตเกียว', """เมื่อวันที่ 10 มิ.ย. นายกรัฐมนตรีไทยได้หารือทวิภาคีกับนายกรัฐมนตรีญี่ปุ่น ที่กรุงโตเกียว เนื่องในโอกาสครบรอบความสัมพันธ์ทางการทูตระหว่างสองประเทศ
ทั้งสองฝ่ายเห็นพ้องขยายความร่วมมือด้านรถยนต์ไฟฟ้า
""", DIP, "meeting", 'หารือทวิภาคี'),
    ("vi", "vi-retro-anchored", 'Kỷ niệm quan hệ ngoại giao, Thủ tướng hội đàm với Thủ tướng Nhật Bản', """Chiều 10/6, tại Hà Nội, Thủ tướng Việt Nam đã hội đàm với Thủ tướng Nhật Bản nhân dịp kỷ niệm thiết lập quan hệ ngoại giao giữa hai nước.
Hai bên đã ký kết nhiều văn kiện hợp tác về năng lượng.
""", DIP, "meeting", 'hội đàm'),
    ("zh", "zh-retro-anchored", '纪念建交周年 中国外长与泰国外长举行会谈', """6月10日，中国外交部长在北京同泰国外交部长举行会谈，双方共同纪念两国建交周年。
双方签署了多项合作文件。
""", DIP, "meeting", '举行会谈'),
]


@pytest.mark.parametrize("row", [pytest.param(r, id=r[1]) for r in FRAMED_NEGATIVES])
def test_retrospective_frame_blocks_undated_retelling(
    row: tuple[str, str, str, str, tuple[str, ...]],
) -> None:
    language, case_id, title, text, absent = row
    cases.check_negative(language, cases.negative(case_id, title, text, absent))


@pytest.mark.parametrize("row", [pytest.param(r, id=r[1]) for r in ANCHORED_POSITIVES])
def test_current_event_in_retrospective_frame_counts(
    row: tuple[str, str, str, str, str, str, str],
) -> None:
    language, case_id, title, text, event_type, subtype, evidence = row
    cases.check_positive(language, cases.positive(case_id, title, text, event_type, subtype, evidence))


# The mechanisms, each shown by one article told two ways.
_FRAMED_VISIT = """The Indonesian foreign minister held talks with her Dutch counterpart in The Hague{when}, where both recalled a long history of ties.
The two ministers discussed maritime trade and the return of colonial-era artefacts.
"""


def test_anchor_keeps_current_event_in_framed_article() -> None:
    title = "Seventy-five years after the round table, ministers meet again"
    dated = cases.classify(_FRAMED_VISIT.format(when=" on Tuesday"), title)
    undated = cases.classify(_FRAMED_VISIT.format(when=""), title)
    assert cases.detection(dated, DIP) is not None
    assert cases.detection(undated, DIP) is None


def test_frame_needs_a_retrospective_headline_or_lead() -> None:
    plain = cases.classify(_FRAMED_VISIT.format(when=""), "Ministers meet in The Hague")
    assert cases.detection(plain, DIP) is not None


def test_headline_with_an_old_year_frames_the_article() -> None:
    framed = cases.classify(_FRAMED_VISIT.format(when=""), "The Hague, 1949: a round table remembered")
    assert cases.detection(framed, DIP) is None


def test_dated_lead_with_background_clause_is_not_a_retrospective() -> None:
    # "a quarrel two years ago" is background to talks resumed on Monday: the
    # undated sentence after it reports the same round at full strength.
    text = """Envoys of Sudan and South Sudan resumed border talks in Juba on Monday{background}.
The Sudanese and South Sudanese delegations discussed the demarcation of the Abyei area, mediators said.
"""
    title = "Sudan and South Sudan resume border talks"
    with_background = cases.detection(cases.classify(
        text.format(background=", the first round since a quarrel over oil fees two years ago"), title), DIP)
    without = cases.detection(cases.classify(text.format(background=""), title), DIP)
    assert with_background is not None and without is not None
    assert with_background.confidence == without.confidence


def test_fronted_time_adverbial_dates_its_whole_sentence() -> None:
    # The adverbial closes with a comma and the verb stands far from it: it
    # still dates the clause after it, unless a current anchor dates it anew.
    old = """Four years ago, in the middle of a cold winter, the foreign ministers of Chile and Peru signed a fisheries accord in Lima.
Trade between the neighbours has since doubled.
"""
    renewed = """Four years ago the neighbours quarrelled over fishing rights; on Tuesday the foreign ministers of Chile and Peru signed a fisheries accord in Lima.
Trade between the neighbours has since doubled.
"""
    assert cases.detection(cases.classify(old, "Chile and Peru fisheries"), DIP) is None
    assert cases.detection(cases.classify(renewed, "Chile and Peru fisheries"), DIP) is not None


# A sentence dated only to a month well before publication (10 June 2025)
# retells background; the same sentence dated to days ago is news.
# (language, id, event type, sentence with {when}, an old month date, a current date)
MONTH_DATED: list[tuple[str, str, str, str, str, str]] = [
    ("en", "en-month", CLASH, "Thai and Cambodian troops fought fierce gun battles along the border {when}, the army said.", "in March 2025", "on 9 June"),
    ("fr", "fr-month", DIP, "{when}, le ministre des Affaires étrangères du Maroc a rencontré son homologue français à Rabat.", "En mars dernier", "Le 9 juin"),
    ("vi", "vi-month", DIP, "Bộ trưởng Ngoại giao Việt Nam đã hội đàm với Bộ trưởng Ngoại giao Singapore tại Hà Nội {when}.", "vào tháng 3/2025", "chiều 9/6"),
    ("de", "de-month", DIP, "Die Außenminister Deutschlands und Polens trafen sich {when} in Warschau zu Gesprächen.", "im Februar 2025", "am 9. Juni"),
    ("ru", "ru-month", DIP, "Министры иностранных дел России и Китая провели переговоры в Пекине {when}.", "в марте 2025 года", "9 июня"),
    ("zh", "zh-month", DIP, "{when}，中国外长与越南外长在北京举行会谈。", "2025年3月", "6月9日"),
    ("es", "es-month", CLASH, "Soldados del Ejército y guerrilleros del ELN sostuvieron intensos combates en Arauca {when}.", "en marzo de 2025", "el 9 de junio"),
]


@pytest.mark.parametrize(("language", "event_type", "sentence", "old", "current"), [
    pytest.param(language, event_type, sentence, old, current, id=case_id)
    for language, case_id, event_type, sentence, old, current in MONTH_DATED
])
def test_sentence_dated_months_back_is_background(
    language: str, event_type: str, sentence: str, old: str, current: str
) -> None:
    background = cases.classify(sentence.format(when=old) + "\n")
    news = cases.classify(sentence.format(when=current) + "\n")
    assert background.language == language
    assert cases.detection(background, event_type) is None
    assert cases.detection(news, event_type) is not None


@pytest.mark.parametrize(("language", "text", "months_back"), [
    ("en", "The two ministers met in July 2024 in Doha.", [11]),
    ("en", "They met on 3 June.", [0]),  # this month: current
    ("en", "Talks are due on 3 December.", [None]),  # a later month without a year may lie ahead
    ("fr", "en mars dernier", [3]),
    ("pt", "em julho do ano passado", [11]),
    ("uk", "у липні 2024 року", [11]),
    ("tr", "Mart 2025'te imzalanan mutabakat", [3]),
    ("th", "เมื่อเดือนกรกฎาคม 2567", [11]),  # Buddhist era
    ("fa", "در تیر ۱۴۰۳", [11]),  # solar Hijri: Tir lies mostly in July
    ("vi", "Chiều 9/6, tại Hà Nội", []),  # day and month: dated by the day rule
    ("en", "the first talks since March 2025", []),  # "since" opens a span to now
    ("en", "exports fell 3% in March", []),  # a month with no day, year or "last"
])
def test_month_dates_are_placed_against_publication(
    language: str, text: str, months_back: list[int | None]
) -> None:
    found = month_dates(text, language, cases.PUBLISHED.year, cases.PUBLISHED.month)
    assert [d.months_back for d in found] == months_back
