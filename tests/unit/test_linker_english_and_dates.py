"""English events of both types, the date patterns news uses, and that link never raises."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.linker.core import Linker
from newsevents.linker.dates import resolve_date
from newsevents.messages import ClassifiedArticle, Detection, Evidence, RawArticle
from tests.unit._linker_fixtures import article, published


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.load()


def test_english_meeting(linker: Linker) -> None:
    classified = article(
        "Lavrov and Wang hold talks in Beijing",
        [
            "BEIJING (Reuters) -",
            "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing "
            "on Tuesday to discuss the war in Ukraine and trade.",
        ],
        [("diplomatic-engagement", "meeting", [1])],
        language="en",
        published_at=published(2024, 4, 10),  # a Wednesday
    )
    linked = linker.link(classified).linked[0]
    sectors = {(a.country, a.sector) for a in linked.actors}
    assert {("RUS", "GOV"), ("CHN", "GOV")} <= sectors
    assert linked.location is not None
    assert (linked.location.name, linked.location.precision) == ("Beijing", "city")
    assert linked.date is not None
    assert (linked.date.start, linked.date.precision) == (date(2024, 4, 9), "day")


def test_english_clash(linker: Linker) -> None:
    classified = article(
        "Fighting erupts in Sudan's capital",
        [
            "Sudan's army clashed with the paramilitary Rapid Support Forces in Khartoum on "
            "15 April 2023, witnesses said.",
        ],
        [("armed-clash", "battle", [0])],
        language="en",
        published_at=published(2023, 4, 16),
    )
    linked = linker.link(classified).linked[0]
    assert any(a.country == "SDN" and a.sector == "MIL" for a in linked.actors), linked.actors
    assert any(a.entity_id == "armed:rsf" and a.sector == "REB" for a in linked.actors)
    assert len({a.role for a in linked.actors}) == 2
    assert linked.location is not None
    assert (linked.location.name, linked.location.country) == ("Khartoum", "SDN")
    assert linked.date is not None
    assert (linked.date.start, linked.date.end) == (date(2023, 4, 15), date(2023, 4, 15))


PUB = datetime(2024, 4, 22, 8, 30, tzinfo=UTC)  # a Monday


@pytest.mark.parametrize(
    ("sentence", "language", "start", "end", "precision"),
    [
        (
            "Talks were held in Jakarta on 10-12 April.",
            "en",
            date(2024, 4, 10),
            date(2024, 4, 12),
            "day",
        ),
        (
            "Delegasi itu menghadiri pertemuan mulai 23-26 April.",
            "id",
            date(2024, 4, 23),
            date(2024, 4, 26),
            "day",
        ),
        (
            "The summit ran from April 3 to 5, 2024.",
            "en",
            date(2024, 4, 3),
            date(2024, 4, 5),
            "day",
        ),
        (
            "Ia tiba di Moskow pada Minggu (21/4) malam.",
            "id",
            date(2024, 4, 21),
            date(2024, 4, 21),
            "day",
        ),
        (
            "Penghargaan diserahkan pada 28 Maret lalu.",
            "id",
            date(2024, 3, 28),
            date(2024, 3, 28),
            "day",
        ),
        (
            "Gelar kehormatan diberikan pada Maret lalu.",
            "id",
            date(2024, 3, 1),
            date(2024, 3, 31),
            "month",
        ),
        (
            "Kedua menteri akan bertemu pekan depan.",
            "id",
            date(2024, 4, 29),
            date(2024, 5, 5),
            "week",
        ),
        (
            "Serangan terjadi selama tiga hari terakhir.",
            "id",
            date(2024, 4, 19),
            date(2024, 4, 22),
            "day",
        ),
        (
            "Fighting raged over the past three days.",
            "en",
            date(2024, 4, 19),
            date(2024, 4, 22),
            "day",
        ),
        ("Rebels seized the town yesterday.", "en", date(2024, 4, 21), date(2024, 4, 21), "day"),
        (
            "Las conversaciones se celebraron el 15 de abril.",
            "es",
            date(2024, 4, 15),
            date(2024, 4, 15),
            "day",
        ),
        (
            "Les ministres se sont rencontrés le 2 avril 2024.",
            "fr",
            date(2024, 4, 2),
            date(2024, 4, 2),
            "day",
        ),
    ],
)
def test_date_patterns(
    linker: Linker, sentence: str, language: str, start: date, end: date, precision: str
) -> None:
    span = resolve_date(linker.dates, [sentence], language, PUB)
    assert span is not None
    assert (span.start, span.end, span.precision) == (start, end, precision)
    assert not span.assumed


def test_person_name_min_is_not_sunday(linker: Linker) -> None:
    sentence = "Pemimpin junta Min Aung Hlaing menerima 27 pejabat militer Rusia di Naypyidaw."
    span = resolve_date(linker.dates, [sentence], "id", PUB)
    assert span is not None
    assert span.assumed and span.start == PUB.date()


def test_past_tense_date_never_after_publication(linker: Linker) -> None:
    span = resolve_date(linker.dates, ["The ministers met on 25 April."], "en", PUB)
    assert span is not None and span.start <= PUB.date()
    assert span.start == date(2023, 4, 25)


def test_scheduled_date_may_follow_publication(linker: Linker) -> None:
    span = resolve_date(linker.dates, ["The ministers will meet on 25 April."], "en", PUB)
    assert span is not None and span.start == date(2024, 4, 25)


def test_no_stated_date_assumes_publication_day(linker: Linker) -> None:
    span = resolve_date(linker.dates, ["The two leaders held talks."], "en", PUB)
    assert span is not None
    assert (span.start, span.end, span.assumed) == (PUB.date(), PUB.date(), True)


def test_no_publication_date_no_date(linker: Linker) -> None:
    assert resolve_date(linker.dates, ["They met on 25 April."], "en", None) is None


def test_missing_information_gives_empty_results(linker: Linker) -> None:
    classified = article(
        "Talks",
        ["The talks went on for hours and ended without a statement."],
        [("diplomatic-engagement", "meeting", [0])],
        language="en",
    )
    linked = linker.link(classified).linked[0]
    assert (linked.actors, linked.location, linked.date) == ([], None, None)


_VOCAB = [
    "Rusia",
    "Myanmar",
    "junta",
    "Georgia",
    "Karen",
    "Min",
    "Aung",
    "(21/4)",
    "23-26",
    "April",
    "Maret",
    "lalu",
    "pekan",
    "depan",
    "tiga",
    "hari",
    "terakhir",
    "PDF",
    "EAO",
    "di",
    "ke",
    "St",
    "Petersburg",
    "negara",
    "bagian",
    "Shan",
    "Sagaing",
    "Lima",
    "Chad",
    "Niger",
    "the",
    "rebels",
    "attacked",
    "in",
    "Kyiv",
    "Pentagon",
    "2024-02-30",
    "31/31/2024",
    "İstanbul",
    "ß",
    "ﬁ",
    "缅甸",
    "รัสเซีย",
    "ရုရှား",
    "Москва",
    "\u200b",
    "",
    "—",
    "’s",
    "\n",
]
_words = st.lists(st.one_of(st.sampled_from(_VOCAB), st.text(max_size=12)), max_size=40)


@st.composite
def _classified(draw: st.DrawFn) -> ClassifiedArticle:
    text = " ".join(draw(_words))
    detections = []
    for _ in range(draw(st.integers(0, 3))):
        evidence = []
        for _ in range(draw(st.integers(1, 2))):
            start = draw(st.integers(0, len(text) + 5))
            end = draw(st.integers(0, len(text) + 5))
            evidence.append(Evidence(text=text[start:end], start=start, end=end, triggers=[]))
        detections.append(
            Detection(
                event_type=draw(st.sampled_from(["diplomatic-engagement", "armed-clash"])),
                subtype=draw(st.sampled_from(["visit", "meeting", "battle", "attack"])),
                confidence=0.5,
                evidence=evidence,
            )
        )
    pub = draw(
        st.one_of(
            st.none(),
            st.datetimes(
                min_value=datetime(1971, 1, 1),
                max_value=datetime(2090, 1, 1),
                timezones=st.just(timezone(timedelta(hours=draw(st.integers(-12, 12))))),
            ),
        )
    )
    return ClassifiedArticle(
        article=RawArticle(
            id="h",
            title=" ".join(draw(_words)),
            text=text if text.strip() else "x",
            published_at=pub,
        ),
        cleaned_text=text,
        language=draw(st.sampled_from(["en", "id", "ru", "zh", "th", "my", "und", "xx"])),
        language_confidence=0.5,
        language_supported=True,
        detections=detections,
        pipeline_version="test",
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_classified())
def test_link_never_raises(classified: ClassifiedArticle) -> None:
    linked = Linker.load().link(classified)
    assert len(linked.linked) == len(classified.detections)
    for ld, det in zip(linked.linked, classified.detections, strict=True):
        assert ld.detection == det
        if ld.date is not None:
            assert ld.date.start <= ld.date.end
