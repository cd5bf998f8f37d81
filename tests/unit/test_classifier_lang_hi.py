"""Hindi (hi) positives and hard negatives, per EVENTS.md.

Every article here is written for this test in the manner of the Hindi
national and regional press, boilerplate included. Devanagari vowel signs are
combining marks, and Devanagari has no letter case: these tests need the
matcher to keep a word with its vowel signs in one token (WHOLE_WORDS) and, for
diplomatic engagement, to accept party names in scripts without case
(CASELESS_NAMES).
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

LANG = "hi"

# matcher._WORD is r"\w+", which does not match combining marks: "हमला" falls
# apart into "हमल", and the lexicon's words into fragments that match inside
# unrelated words. Party names must be capitalised (matcher.TermMatcher._case_ok),
# which Devanagari cannot be. Tests that need either fix are strict xfails
# until it lands: they start failing as XPASS the day it does.
WHOLE_WORDS = len(tokenize("हमला मुठभेड़", "words")) == 2
CASELESS_NAMES = _party_name_matches("भारत", "भारत यात्रा")
needs_words = pytest.mark.xfail(
    not WHOLE_WORDS, strict=True,
    reason="matcher._WORD splits Devanagari words at their vowel signs (combining marks)",
)
needs_names = pytest.mark.xfail(
    not (WHOLE_WORDS and CASELESS_NAMES), strict=True,
    reason="matcher.TermMatcher._case_ok rejects party names in scripts without letter case",
)

POSITIVES: list[tuple[str, str, str, str, set[str], str, str]] = [
    # (id, title, text, event type, acceptable subtypes, evidence excerpt,
    #  "names" / "words" when the case waits for the fix above, else "")
    ("hi-visit", "श्रीलंका के राष्ट्रपति तीन दिवसीय भारत दौरे पर नई दिल्ली पहुंचे",
     """नई दिल्ली, एजेंसी। श्रीलंका के राष्ट्रपति अपनी तीन दिवसीय राजकीय यात्रा पर सोमवार शाम नई दिल्ली पहुंचे, जहां हवाई अड्डे पर विदेश राज्य मंत्री ने उनका स्वागत किया।
यह भी पढ़ें:
दिल्ली में आज फिर बढ़ेगा तापमान
मंगलवार को राष्ट्रपति भवन में उनका औपचारिक स्वागत किया जाएगा, जिसके बाद वह प्रधानमंत्री के साथ द्विपक्षीय वार्ता करेंगे।
विज्ञापन""", DIP, {"visit"}, "अपनी तीन दिवसीय राजकीय यात्रा पर सोमवार शाम नई दिल्ली पहुंचे", "names"),
    ("hi-meeting", "जयशंकर ने चीनी विदेश मंत्री से की मुलाकात",
     """विदेश मंत्री एस जयशंकर ने शंघाई सहयोग संगठन की बैठक के इतर बुधवार को चीन के विदेश मंत्री वांग यी से मुलाकात की।
दोनों नेताओं के बीच सीमा पर शांति बनाए रखने और सीधी उड़ानें फिर शुरू करने पर चर्चा हुई।
फोटो: एक्स/@DrSJaishankar""", DIP, {"meeting"}, "वांग यी से मुलाकात की", "names"),
    ("hi-call", "पीएम मोदी ने यूक्रेन के राष्ट्रपति से फोन पर बात की",
     """प्रधानमंत्री नरेंद्र मोदी ने शुक्रवार को यूक्रेन के राष्ट्रपति वोलोदिमीर जेलेंस्की से फोन पर बात की और संघर्ष के शांतिपूर्ण समाधान के लिए भारत के समर्थन को दोहराया।
विदेश मंत्रालय ने बताया कि बातचीत करीब आधे घंटे चली।""", DIP, {"call"}, "जेलेंस्की से फोन पर बात की", "names"),
    ("hi-agreement", "भारत और मालदीव के बीच चार समझौतों पर हस्ताक्षर",
     """माले में गुरुवार को भारत और मालदीव ने रक्षा, स्वास्थ्य और डिजिटल भुगतान के क्षेत्र में चार समझौता ज्ञापनों पर हस्ताक्षर किए।
इन समझौतों पर दोनों देशों के विदेश मंत्रियों की मौजूदगी में हस्ताक्षर हुए।
ये भी पढ़ें:
सोना-चांदी के भाव में गिरावट""", DIP, {"agreement"}, "चार समझौता ज्ञापनों पर हस्ताक्षर किए", "names"),
    ("hi-honour", "फिजी ने पीएम मोदी को सर्वोच्च नागरिक सम्मान से नवाजा",
     """फिजी के राष्ट्रपति ने सोमवार को प्रधानमंत्री नरेंद्र मोदी को देश के सर्वोच्च नागरिक सम्मान 'कम्पैनियन ऑफ द ऑर्डर ऑफ फिजी' से सम्मानित किया।
भारत और फिजी के संबंधों को मजबूत करने में योगदान के लिए यह सम्मान दिया गया।""", DIP, {"honour"}, "सर्वोच्च नागरिक सम्मान", "names"),
    ("hi-battle", "पुंछ में सुरक्षाबलों और आतंकियों के बीच मुठभेड़, एक आतंकी ढेर",
     """जम्मू-कश्मीर के पुंछ जिले में गुरुवार सुबह सुरक्षाबलों और आतंकियों के बीच मुठभेड़ हुई, जिसमें एक आतंकी मारा गया।
सेना के अधिकारियों ने बताया कि इलाके में छिपे आतंकियों ने जवानों पर गोलीबारी शुरू कर दी, जिसके बाद जवाबी फायरिंग की गई।
और पढ़ें
मौसम: घाटी में बारिश के आसार""", CLASH, {"battle"}, "सुरक्षाबलों और आतंकियों के बीच मुठभेड़ हुई", ""),
    ("hi-attack", "बीजापुर में नक्सलियों ने सुरक्षा कैंप पर किया हमला",
     """छत्तीसगढ़ के बीजापुर जिले में मंगलवार रात नक्सलियों ने सीआरपीएफ के एक नए सुरक्षा कैंप पर हमला कर दिया।
जवानों ने मोर्चा संभालते हुए जवाबी कार्रवाई की, जिसके बाद नक्सली जंगल की ओर भाग गए।""", CLASH, {"attack", "battle"}, "सुरक्षा कैंप पर हमला कर दिया", "words"),
    ("hi-strike", "इजरायली सेना के हवाई हमलों में हिजबुल्लाह के ठिकाने तबाह",
     """इजरायली सेना ने बुधवार रात दक्षिणी लेबनान में हिजबुल्लाह के ठिकानों पर हवाई हमले किए, जबकि हिजबुल्लाह ने उत्तरी इजरायल की सैन्य चौकियों पर रॉकेट दागे।
लेबनान की सरकारी समाचार एजेंसी ने कई गांवों में भारी बमबारी की खबर दी।""", CLASH, {"strike"}, "हिजबुल्लाह के ठिकानों पर हवाई हमले किए", "words"),
    ("hi-territory", "अराकान आर्मी ने म्यांमार सेना के मुख्यालय पर कब्जा किया",
     """म्यांमार के रखाइन प्रांत में विद्रोही गुट अराकान आर्मी ने हफ्तों की भीषण लड़ाई के बाद सेना के क्षेत्रीय मुख्यालय पर कब्जा कर लिया।
विद्रोहियों ने दावा किया कि सैकड़ों सैनिकों ने हथियार डाल दिए।""", CLASH, {"territory", "battle"}, "सेना के क्षेत्रीय मुख्यालय पर कब्जा कर लिया", "words"),
]

NEGATIVES: list[tuple[str, str, str, set[str]]] = [
    # (id, title, text, event types that must not be detected)
    ("hi-sports", "एशिया कप: भारत ने पाकिस्तान को 6 विकेट से हराया",
     """दुबई में खेले गए एशिया कप के महामुकाबले में भारत ने पाकिस्तान को 6 विकेट से हराया।
पहले बल्लेबाजी करते हुए पाकिस्तान की टीम 20 ओवर में 147 रन ही बना सकी, जवाब में भारत ने लक्ष्य 19वें ओवर में हासिल कर लिया।
मैच के दौरान दोनों टीमों के खिलाड़ियों के बीच तीखी नोकझोंक भी देखने को मिली, लेकिन अंपायरों ने मामला शांत करा दिया।""", {CLASH, DIP}),
    ("hi-figurative", "संसद में सत्ता पक्ष और विपक्ष के बीच जुबानी जंग",
     """संसद के शीतकालीन सत्र के दौरान मंगलवार को लोकसभा में सत्ता पक्ष और विपक्ष के बीच जमकर जुबानी जंग हुई।
विपक्ष के नेता ने सरकार पर तीखा हमला बोलते हुए महंगाई और बेरोजगारी के मुद्दे उठाए, जिस पर केंद्रीय मंत्री ने पलटवार किया।""", {CLASH, DIP}),
    ("hi-protest", "किसानों और पुलिस के बीच झड़प, आंसू गैस के गोले छोड़े",
     """दिल्ली कूच कर रहे किसानों और पुलिस के बीच मंगलवार को हरियाणा सीमा पर झड़प हो गई।
पुलिस ने प्रदर्शनकारियों को रोकने के लिए आंसू गैस के गोले छोड़े और पानी की बौछार की, जबकि कुछ किसानों ने बैरिकेड तोड़ दिए।""", {CLASH}),
    ("hi-crime", "पुलिस मुठभेड़ में इनामी बदमाश घायल",
     """गाजियाबाद में देर रात पुलिस और बदमाशों के बीच मुठभेड़ में 50 हजार रुपये का इनामी बदमाश पैर में गोली लगने से घायल हो गया।
पुलिस के मुताबिक बदमाश लूट की कई वारदातों में वांछित था, उसके साथी की तलाश जारी है।""", {CLASH}),
    ("hi-exercise", "भारत-फ्रांस का संयुक्त सैन्य अभ्यास शुरू",
     """भारत और फ्रांस की सेनाओं का संयुक्त सैन्य अभ्यास शक्ति सोमवार को राजस्थान में शुरू हुआ।
दो हफ्ते चलने वाले इस युद्धाभ्यास में दोनों देशों के जवान आतंकी ठिकानों पर हमले और बंधकों को छुड़ाने का अभ्यास करेंगे।""", {CLASH}),
    ("hi-anniversary", "कारगिल विजय दिवस पर शहीदों को श्रद्धांजलि",
     """कारगिल विजय दिवस के मौके पर शनिवार को द्रास स्थित युद्ध स्मारक पर शहीदों को श्रद्धांजलि दी गई।
1999 के कारगिल युद्ध में भारतीय सेना ने पाकिस्तानी घुसपैठियों को खदेड़ कर टाइगर हिल पर फिर से कब्जा किया था।""", {CLASH}),
    ("hi-threat", "सेना प्रमुख की चेतावनी: किसी भी दुस्साहस का मुंहतोड़ जवाब देंगे",
     """सेना प्रमुख ने सोमवार को चेतावनी दी कि सीमा पर किसी भी दुस्साहस का मुंहतोड़ जवाब दिया जाएगा।
उन्होंने कहा कि सेना हर स्थिति से निपटने के लिए पूरी तरह तैयार है।""", {CLASH}),
    ("hi-arms", "नौसेना के बेड़े में शामिल हुए नए राफेल-एम विमान",
     """फ्रांस से खरीदे गए राफेल-एम लड़ाकू विमानों की पहली खेप की डिलीवरी के बाद उन्हें नौसेना के बेड़े में शामिल किया गया।
रक्षा सौदे के तहत कुल 26 विमान खरीदे जा रहे हैं।""", {CLASH}),
    ("hi-cancelled", "पीएम का अमेरिका दौरा टला",
     """प्रधानमंत्री का अगले सप्ताह प्रस्तावित अमेरिका दौरा टल गया है।
सरकारी सूत्रों के मुताबिक दौरे की नई तारीख बाद में तय की जाएगी।""", {DIP}),
    ("hi-speculation", "जी20 में मोदी-बाइडेन मुलाकात की अटकलें",
     """अगले महीने होने वाले शिखर सम्मेलन के इतर प्रधानमंत्री मोदी और अमेरिकी राष्ट्रपति की मुलाकात की अटकलें लगाई जा रही हैं।
हालांकि विदेश मंत्रालय ने अभी तक किसी बैठक की पुष्टि नहीं की है।""", {DIP}),
    ("hi-trade", "चीन के साथ व्यापार घाटा 99 अरब डॉलर पहुंचा",
     """वित्त वर्ष 2024-25 में चीन के साथ भारत का व्यापार घाटा बढ़कर 99 अरब डॉलर हो गया।
वाणिज्य मंत्रालय के आंकड़ों के मुताबिक चीन से आयात 11 फीसदी बढ़ा, जबकि निर्यात में 14 प्रतिशत की गिरावट आई।""", {DIP}),
    ("hi-domestic", "मुख्यमंत्रियों के साथ नीति आयोग की बैठक",
     """प्रधानमंत्री की अध्यक्षता में शनिवार को नीति आयोग की गवर्निंग काउंसिल की बैठक हुई, जिसमें सभी राज्यों के मुख्यमंत्री शामिल हुए।
बैठक में विकसित भारत के लक्ष्य और राज्यों के बीच सहयोग पर चर्चा की गई।""", {DIP}),
]

_MARKS: dict[str, list[pytest.MarkDecorator]] = {"names": [needs_names], "words": [needs_words], "": []}


@pytest.mark.parametrize(
    ("case_id", "title", "text", "event_type", "subtypes", "excerpt", "needs"),
    [pytest.param(*case, id=case[0], marks=_MARKS[case[6]])
     for case in POSITIVES],
)
def test_positive(case_id: str, title: str, text: str, event_type: str, subtypes: set[str],
                  excerpt: str, needs: str) -> None:
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
    assert WHOLE_WORDS
    assert CASELESS_NAMES
