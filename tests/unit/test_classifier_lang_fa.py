"""Persian (fa) positives and hard negatives, per EVENTS.md.

Every article here is written for this test in the manner of Iranian agency
copy and the Afghan Dari press, boilerplate included. Diplomatic engagement
needs two parties named in a sentence; Persian has no letter case, so those
tests only run where the matcher accepts party names in scripts without case
(see CASELESS_NAMES).
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

import pytest

from newsevents.classifier.core import Classifier
from newsevents.classifier.lexicon import _make_term
from newsevents.classifier.matcher import Lemmatizer, TermMatcher, tokenize
from newsevents.messages import ClassifiedArticle, Detection, RawArticle

DIP = "diplomatic-engagement"
CLASH = "armed-clash"
PUBLISHED = datetime(2025, 6, 10, 8, 0, tzinfo=UTC)


@cache
def _classifier() -> Classifier:
    return Classifier.load()


def classify(title: str, text: str) -> ClassifiedArticle:
    # No language hint: the language must be recognised from the text itself.
    article = RawArticle(id="t", title=title, text=text, published_at=PUBLISHED)
    return _classifier().classify(article, pipeline_version="test")


def detection(result: ClassifiedArticle, event_type: str) -> Detection | None:
    return next((d for d in result.detections if d.event_type == event_type), None)


def _party_name_matches(name: str, text: str) -> bool:
    term = _make_term(name, "party", "state:XXX")
    matcher = TermMatcher([term], "words", Lemmatizer(()))
    return bool(matcher.match(text, tokenize(text, "words")))

LANG = "fa"

# Party names must be capitalised in the text (matcher.TermMatcher._case_ok);
# Persian letters have no case, so no state can be named until the matcher lets
# caseless scripts through. Diplomatic positives wait for that fix, strictly:
# they start failing as XPASS the day it lands, so the marker gets removed.
CASELESS_NAMES = _party_name_matches("ایران", "سفر به ایران")
needs_names = pytest.mark.xfail(
    not CASELESS_NAMES, strict=True,
    reason="matcher.TermMatcher._case_ok rejects party names in scripts without letter case",
)

POSITIVES: list[tuple[str, str, str, str, set[str], str, bool]] = [
    # (id, title, text, event type, acceptable subtypes, evidence excerpt, needs party names)
    ("fa-visit", "ورود وزیر امور خارجه به باکو",
     """به گزارش خبرنگار سیاسی، وزیر امور خارجه کشورمان صبح امروز (دوشنبه) در راس هیئتی سیاسی و اقتصادی برای سفری دو روزه وارد باکو پایتخت جمهوری آذربایجان شد.
وی در بدو ورود در فرودگاه حیدر علی‌اف مورد استقبال معاون وزیر خارجه آذربایجان و سفیر ایران در باکو قرار گرفت.
بیشتر بخوانید:
قیمت دلار امروز در بازار آزاد
پیش‌بینی هوای تهران
قرار است وزیر خارجه در این سفر با رئیس‌جمهور و همتای آذربایجانی خود دیدار و گفت‌وگو کند.
انتهای پیام""", DIP, {"visit"}, "وارد باکو پایتخت جمهوری آذربایجان شد", True),
    ("fa-meeting", "دیدار سرپرست وزارت خارجه با سفیر ازبکستان در کابل",
     """کابل - سرپرست وزارت امور خارجه امارت اسلامی روز یکشنبه در کابل با سفیر جدید ازبکستان دیدار کرد.
در این دیدار دو طرف درباره گسترش همکاری‌های اقتصادی، پروژه راه‌آهن ترانس‌افغان و تجارت مرزی میان افغانستان و ازبکستان گفت‌وگو کردند.
عکس: وزارت خارجه""", DIP, {"meeting"}, "با سفیر جدید ازبکستان دیدار کرد", True),
    ("fa-call", "گفت‌وگوی تلفنی وزیران خارجه ایران و ترکیه",
     """وزیر امور خارجه کشورمان شامگاه سه‌شنبه در تماس تلفنی با هاکان فیدان، وزیر امور خارجه ترکیه، درباره تحولات سوریه و قفقاز گفت‌وگو کرد.
دو طرف در این گفت‌وگوی تلفنی بر ادامه رایزنی‌ها میان تهران و آنکارا تاکید کردند.
اشتراک گذاری""", DIP, {"call"}, "در تماس تلفنی با هاکان فیدان", True),
    ("fa-agreement", "امضای ۶ سند همکاری میان ایران و ترکمنستان",
     """عشق‌آباد - رئیس‌جمهور کشورمان و رئیس‌جمهور ترکمنستان روز چهارشنبه در عشق‌آباد شش سند همکاری در زمینه‌های ترانزیت، انرژی و گمرک را امضا کردند.
این اسناد در حضور رؤسای دو کشور و پس از پایان مذاکرات هیئت‌های عالی‌رتبه به امضا رسید.
کد خبر: ۵۴۳۲۱""", DIP, {"agreement"}, "شش سند همکاری", True),
    ("fa-negotiation", "دور جدید مذاکرات غیرمستقیم در مسقط",
     """دور جدید مذاکرات غیرمستقیم ایران و آمریکا روز شنبه با میانجیگری عمان در مسقط برگزار شد.
وزیر خارجه عمان پیام‌های دو طرف را در جریان این مذاکرات منتقل کرد.""", DIP, {"negotiation"}, "دور جدید مذاکرات غیرمستقیم ایران و آمریکا", True),
    ("fa-battle", "درگیری شدید نیروهای طالبان و جبهه مقاومت در پنجشیر",
     """منابع محلی در ولایت پنجشیر می‌گویند نیروهای طالبان و جبهه مقاومت ملی شب گذشته در دره عبدالله‌خیل درگیر شدند.
به گفته این منابع، درگیری‌ها چند ساعت ادامه داشت و دو طرف از سلاح سنگین استفاده کردند.
مطالب مرتبط:
افزایش قیمت آرد در کابل""", CLASH, {"battle"}, "درگیر شدند", False),
    ("fa-attack", "حمله تروریستی به پاسگاه مرزی در سیستان و بلوچستان",
     """زاهدان - بامداد امروز گروهک تروریستی جیش‌الظلم به یک پاسگاه مرزی در منطقه میرجاوه حمله کرد که با هوشیاری مرزبانان، مهاجمان پس از درگیری مسلحانه متواری شدند.
فرمانده مرزبانی استان گفت در این حمله یک مرزبان زخمی شد.""", CLASH, {"attack", "battle"}, "به یک پاسگاه مرزی در منطقه میرجاوه حمله کرد", False),
    ("fa-strike", "حملات هوایی اسرائیل به مواضع حزب‌الله در جنوب لبنان",
     """جنگنده‌های ارتش رژیم صهیونیستی بامداد امروز مواضع حزب‌الله در جنوب لبنان را بمباران کردند و رزمندگان مقاومت اسلامی نیز با شلیک موشک یک پایگاه نظامی را هدف قرار دادند.
رسانه‌های لبنانی از وقوع چند انفجار در حومه شهر صور خبر دادند.""", CLASH, {"strike"}, "مواضع حزب‌الله در جنوب لبنان را بمباران کردند", False),
    ("fa-territory", "تصرف مرکز ولسوالی به دست شورشیان",
     """شورشیان مسلح پس از نبردی چند روزه با نیروهای دولتی کنترل شهر مرزی را به دست گرفتند و نیروهای ارتش از این شهر عقب‌نشینی کردند.
یک مقام محلی گفت شورشیان پایگاه اصلی ارتش در این شهر را نیز تصرف کردند.""", CLASH, {"territory", "battle"}, "کنترل شهر مرزی را به دست گرفتند", False),
]

NEGATIVES: list[tuple[str, str, str, set[str]]] = [
    # (id, title, text, event types that must not be detected)
    ("fa-sports", "پرسپولیس در دربی پایتخت پیروز شد",
     """تیم فوتبال پرسپولیس در دیدار امشب شهرآورد تهران با نتیجه دو بر یک استقلال را شکست داد.
در این مسابقه که در ورزشگاه آزادی برگزار شد، بازیکنان دو تیم در نیمه دوم با هم درگیر شدند و داور دو کارت قرمز نشان داد.
سرمربی پرسپولیس پس از بازی گفت تیمش در نبرد قهرمانی لیگ برتر تا پایان می‌جنگد.""", {CLASH, DIP}),
    ("fa-figurative", "جنگ لفظی نمایندگان و وزیر اقتصاد در صحن مجلس",
     """جلسه علنی امروز مجلس شورای اسلامی با درگیری لفظی چند نماینده و وزیر اقتصاد همراه شد.
نمایندگان منتقد در نطق‌های خود به دولت تاختند و از ناکامی دولت در جنگ با تورم انتقاد کردند.
رئیس مجلس در پایان جلسه خواستار آرامش شد.""", {CLASH, DIP}),
    ("fa-protest", "درگیری معترضان و ماموران در مقابل فرمانداری",
     """تجمع اعتراضی کشاورزان در مقابل فرمانداری شهرستان امروز به درگیری میان معترضان و ماموران انتظامی کشیده شد.
ماموران برای متفرق کردن تجمع‌کنندگان از گاز اشک‌آور استفاده کردند و چند نفر بازداشت شدند.""", {CLASH}),
    ("fa-crime", "درگیری مسلحانه پلیس با قاچاقچیان مواد مخدر",
     """ماموران پلیس مبارزه با مواد مخدر استان در درگیری مسلحانه با قاچاقچیان، دو تن از اشرار را دستگیر کردند.
در این عملیات بیش از یک تن مواد مخدر کشف و دو دستگاه خودرو توقیف شد.""", {CLASH}),
    ("fa-exercise", "آغاز رزمایش مشترک نیروی دریایی در دریای عمان",
     """رزمایش مشترک نیروی دریایی ارتش و سپاه امروز با شلیک موشک‌های کروز و حمله پهپادی به اهداف فرضی در دریای عمان آغاز شد.
سخنگوی رزمایش گفت هدف از این مانور ارتقای آمادگی رزمی یگان‌ها است.""", {CLASH}),
    ("fa-anniversary", "سالروز عملیات فتح‌المبین",
     """مراسم سالروز عملیات فتح‌المبین با حضور پیشکسوتان دفاع مقدس در دزفول برگزار شد.
در این عملیات که در فروردین ۱۳۶۱ انجام شد، رزمندگان اسلام مواضع ارتش بعث را در غرب دزفول تصرف کردند.""", {CLASH}),
    ("fa-threat", "فرمانده سپاه: به هرگونه تعرض پاسخ کوبنده می‌دهیم",
     """فرمانده کل سپاه هشدار داد که هرگونه حمله به خاک کشور با پاسخ کوبنده و پشیمان‌کننده نیروهای مسلح روبه‌رو خواهد شد.
وی افزود نیروهای مسلح در آمادگی کامل برای مقابله با هر تهدیدی هستند.""", {CLASH}),
    ("fa-arms", "تحویل پهپادهای جدید به نیروی هوایی",
     """نسل جدید پهپادهای رزمی ساخت صنایع دفاعی امروز طی مراسمی به نیروی هوایی ارتش تحویل داده شد.
این پهپادها توانایی شلیک موشک‌های هدایت‌شونده را دارند.""", {CLASH}),
    ("fa-denied", "سخنگوی وزارت خارجه: دیداری با مقامات آمریکایی در برنامه نیست",
     """سخنگوی وزارت امور خارجه در نشست خبری هفتگی، گزارش‌ها درباره برنامه‌ریزی برای دیدار وزیر خارجه با مقامات آمریکایی در نیویورک را تکذیب کرد.
وی گفت: هیچ دیداری با طرف آمریکایی در دستور کار نیست.""", {DIP}),
    ("fa-postponed", "سفر رئیس‌جمهور به ترکیه به تعویق افتاد",
     """سفر رئیس‌جمهور به ترکیه که قرار بود هفته آینده انجام شود، به تعویق افتاد.
معاون ارتباطات دفتر رئیس‌جمهور گفت زمان جدید سفر پس از هماهنگی با طرف ترکیه‌ای اعلام می‌شود.""", {DIP}),
    ("fa-trade", "رشد ۲۰ درصدی تجارت ایران و عراق",
     """حجم تجارت ایران و عراق در سال گذشته با رشد ۲۰ درصدی به ۱۲ میلیارد دلار رسید.
بر اساس آمار گمرک، صادرات غیرنفتی ایران به عراق ۱۰ میلیارد دلار بوده است.""", {DIP}),
    ("fa-domestic", "نشست وزیر کشور با استانداران سراسر کشور",
     """وزیر کشور امروز در نشست با استانداران سراسر کشور درباره برگزاری انتخابات شوراها و مدیریت مصرف برق در تابستان گفت‌وگو کرد.
در این جلسه استانداران گزارشی از وضعیت استان‌ها ارائه کردند.""", {DIP}),
]


@pytest.mark.parametrize(
    ("case_id", "title", "text", "event_type", "subtypes", "excerpt", "names"),
    [pytest.param(*case, id=case[0], marks=[needs_names] if case[6] else [])
     for case in POSITIVES],
)
def test_positive(case_id: str, title: str, text: str, event_type: str, subtypes: set[str],
                  excerpt: str, names: bool) -> None:
    result = classify(title, text)
    assert result.language == LANG
    assert result.language_supported
    found = detection(result, event_type)
    assert found is not None, f"{case_id}: no {event_type}"
    assert found.subtype in subtypes
    # The sentence that states the event is among the evidence, with its triggers.
    stating = [ev for ev in found.evidence if excerpt in ev.text]
    assert stating, f"{case_id}: {[ev.text for ev in found.evidence]}"
    assert stating[0].triggers


@pytest.mark.parametrize(("case_id", "title", "text", "absent"), NEGATIVES,
                         ids=[case[0] for case in NEGATIVES])
def test_hard_negative(case_id: str, title: str, text: str, absent: set[str]) -> None:
    result = classify(title, text)
    assert result.language == LANG
    assert result.language_supported
    wrong = {d.event_type: d.evidence[0].text for d in result.detections if d.event_type in absent}
    assert not wrong, f"{case_id}: {wrong}"


def test_matcher_reads_this_script() -> None:
    # The xfail markers above are inert once these hold; this keeps them from
    # ever hiding a regression.
    assert CASELESS_NAMES
