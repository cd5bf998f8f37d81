"""Which subtype an article's event gets when its evidence names several.

The headline names the story's main event: among the subtypes the body's
evidence bears out, the headline's wins, but a visit stays a visit when the
headline names the talks held during it (EVENTS.md). Within a sentence,
talks held on a trip abroad are the visit. Each row is classified without
and with its headline, so the body's own choice is pinned too. Rows are
written for this test in the manner of wire copy.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from tests.unit.classifier_lang_cases import CLASH, DIP, classify, detection

# (id, title, text, event type, subtype from the body alone, subtype with the headline)
ROWS: list[tuple[str, str, str, str, str, str]] = [
    # The ambush is the news; the exchange of fire it set off is its detail.
    ("en-headline-attack", "Militants ambush army convoy in northern district", """Soldiers and militants exchanged fire for two hours on Monday in the northern district, the army said.
The militants had attacked an army convoy near the river crossing before dawn, a military spokesman said.
""", CLASH, "battle", "attack"),
    # A headline subtype no evidence sentence has is not made up.
    ("en-headline-unsupported", "Rebels seize town in eastern region", """Soldiers and fighters of the rebel movement exchanged fire for several hours near the town on Tuesday, a local official said.
Residents said shops stayed closed on Wednesday.
""", CLASH, "battle", "battle"),
    # Talks held during a state visit: the headline naming them keeps the visit.
    ("en-headline-talks-in-visit", "Kenyan and Tanzanian presidents hold talks on rail link", """DAR ES SALAAM — Kenyan President William Ruto arrived in Dar es Salaam on Monday for a two-day state visit to Tanzania.
On Tuesday Ruto held talks with Tanzanian President Samia Suluhu Hassan on a railway between Kenya and Tanzania, their offices said.
""", DIP, "visit", "visit"),
    # The talks of a trip stated elsewhere in the article ("a two-day working
    # visit") are the visit even without the headline (EVENTS.md: hosting a
    # foreign minister is a `visit`).
    ("id-headline-visit", "Menlu Filipina Kunjungi Jakarta, Bahas Laut China Selatan", """JAKARTA - Menteri Luar Negeri Indonesia menggelar pertemuan bilateral dengan Menteri Luar Negeri Filipina di Gedung Pancasila, Jakarta, Kamis (5/6).
Kunjungan kerja Menlu Filipina ke Indonesia itu berlangsung dua hari.
""", DIP, "visit", "visit"),
    ("ru-headline-territory", "Армия вернула контроль над посёлком на севере страны", """Правительственные войска и боевики повстанческой группировки в течение суток вели бои у посёлка на севере страны, сообщил представитель армии.
Во вторник военные заявили, что отбили посёлок у повстанцев.
""", CLASH, "battle", "territory"),
    # Flying abroad and holding talks there, in one sentence, is the visit.
    ("en-talks-on-trip", "Ghana's foreign minister in Abuja", """ABUJA — Ghana's foreign minister flew to Abuja on Tuesday and held talks with her Nigerian counterpart on trade along the coastal corridor, the Nigerian foreign ministry said.
The two ministers also discussed the regional electricity pool.
""", DIP, "visit", "visit"),
    # Hosting a conference is no trip: its talks stay a meeting.
    ("en-hosted-conference", "Ministers meet on fisheries", """Norway hosted a conference of fisheries ministers from Iceland, Denmark and the Faroe Islands in Bergen on Tuesday, where the ministers held talks on mackerel quotas.
""", DIP, "meeting", "meeting"),
    # An honour conferred during a state visit is the story when the headline names it.
    ("en-honour-on-visit", "Tokayev confers Order of Friendship on Japarov", """ASTANA — Kyrgyzstan's President Sadyr Japarov, in Kazakhstan on a state visit, was decorated with the Order of Friendship by President Kassym-Jomart Tokayev on Tuesday.
""", DIP, "visit", "honour"),
    # An attack on a position that sets off a gun battle is the attack.
    ("en-attack-then-battle", "Army base in Borno targeted", """MAIDUGURI — Militants attacked an army base near Marte in Borno state on Sunday, triggering a gun battle with troops that lasted two hours, the army said.
""", CLASH, "attack", "attack"),
]


@pytest.mark.parametrize(
    ("title", "text", "event_type", "from_body", "with_headline"),
    [pytest.param(*row[1:], id=row[0]) for row in ROWS],
)
def test_subtype(title: str, text: str, event_type: str, from_body: str, with_headline: str) -> None:
    body_only = detection(classify(text), event_type)
    headed = detection(classify(text, title), event_type)
    assert body_only is not None and headed is not None
    assert body_only.subtype == from_body
    assert headed.subtype == with_headline
    # The subtype never changes what is detected or the evidence it rests on.
    assert [e.text for e in headed.evidence] == [e.text for e in body_only.evidence]
    assert headed.confidence == body_only.confidence
