"""The reference example: the linker must get the seed article's two events right."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.linker.core import Linker
from newsevents.messages import Actor, ArticleRef, ClassifiedArticle, Evidence, LinkedDetection
from tests.unit._linker_fixtures import SEEDS, article, published

SEED_TITLE = "Mulai Keteteran Lawan Milisi, Junta Myanmar Minta Bantuan Rusia"
VISIT = (
    "Penasihat keamanan nasional junta Laksamana Moe Aung pada Minggu (21/4) dilaporkan "
    "bertolak ke St Petersburg, Rusia, untuk menghadiri Pertemuan Internasional Perwakilan "
    "Tinggi untuk Masalah Keamanan ke-12 dan pertemuan-pertemuan terkait mulai 23-26 April."
)
CLASH = (
    "Junta Myanmar dikabarkan kewalahan, terutama dalam serangan selama tiga hari terakhir oleh "
    "Pasukan Pertahanan Rakyat (People's Defense Force/PDF) dan organisasi etnis bersenjata "
    "(ethnic armed organizations/EAO) di negara bagian Karen dan Shan serta wilayah Sagaing "
    "dan Mandalay."
)
PUBLISHED = published(2024, 4, 22)


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.load()


def _has(actors: list[Actor], country: str, sector: str) -> bool:
    return any(a.country == country and a.sector == sector for a in actors)


def _seed_like() -> ClassifiedArticle:
    return article(
        SEED_TITLE,
        [
            "Junta Myanmar diduga kian mendekat ke Rusia di tengah serangan milisi.",
            "Jakarta, Indonesia --",
            VISIT,
            "Pertemuan itu berlangsung saat kelompok bersenjata menggencarkan serangan.",
            CLASH,
        ],
        [("diplomatic-engagement", "visit", [2]), ("armed-clash", "attack", [4])],
        published_at=PUBLISHED,
    )


def _seed_file() -> ClassifiedArticle:
    lines = (SEEDS / "000_7bafbb3fe2aef605.txt").read_text(encoding="utf-8").split("\n")
    title = lines[2].strip()
    body = "\n".join(lines[3:])

    def evidence(prefix: str) -> Evidence:
        start = body.index(prefix)
        end = body.index("\n", start)
        return Evidence(text=body[start:end], start=start, end=end, triggers=[])

    base = _seed_like()
    detections = [
        base.detections[0].model_copy(update={"evidence": [evidence("Penasihat keamanan")]}),
        base.detections[1].model_copy(update={"evidence": [evidence("Junta Myanmar dikabarkan")]}),
    ]
    return base.model_copy(
        update={
            "cleaned_text": body,
            "article": base.article.model_copy(update={"title": title, "text": body}),
            "detections": detections,
        }
    )


@pytest.fixture(params=["hand-built", "seed-file"])
def seed(request: pytest.FixtureRequest) -> ClassifiedArticle:
    return _seed_like() if request.param == "hand-built" else _seed_file()


def test_visit_links_both_states_the_city_and_the_meeting_days(
    linker: Linker, seed: ClassifiedArticle
) -> None:
    visit: LinkedDetection = linker.link(seed).linked[0]
    assert _has(visit.actors, "MMR", "MIL"), visit.actors
    assert _has(visit.actors, "RUS", "GOV"), visit.actors
    roles = {a.country: a.role for a in visit.actors}
    assert roles["RUS"] == "host" and roles["MMR"] == "visitor"
    russia = next(a for a in visit.actors if a.country == "RUS")
    assert russia.qid == "Q159"  # from rigour's territory data, not typed in by hand
    place = visit.location
    assert place is not None
    assert (place.country, place.precision) == ("RUS", "city")
    assert place.entity_id.startswith("city:")
    assert place.latitude is not None and place.longitude is not None
    assert 59 < place.latitude < 61 and 29 < place.longitude < 31  # not St. Petersburg, Florida
    assert visit.date is not None
    assert (visit.date.start, visit.date.end) == (date(2024, 4, 23), date(2024, 4, 26))
    assert visit.date.precision == "day" and not visit.date.assumed


def test_clash_links_rebels_and_junta_in_myanmar(linker: Linker, seed: ClassifiedArticle) -> None:
    clash = linker.link(seed).linked[1]
    assert any(a.country == "MMR" and a.sector == "REB" for a in clash.actors), clash.actors
    assert _has(clash.actors, "MMR", "MIL"), clash.actors
    rebel_ids = {a.entity_id for a in clash.actors if a.sector == "REB"}
    assert {"armed:pdf-myanmar", "armed:eao-myanmar"} <= rebel_ids
    sides = {a.sector: a.role for a in clash.actors}
    assert sides["REB"] != sides["MIL"]
    place = clash.location
    assert place is not None and place.country == "MMR"
    assert place.precision in ("region", "country")
    assert clash.date is not None
    assert clash.date.end == date(2024, 4, 22) and clash.date.start < date(2024, 4, 22)


def test_one_linked_detection_per_detection_in_order(linker: Linker) -> None:
    classified = _seed_like()
    linked = linker.link(classified)
    assert [ld.detection for ld in linked.linked] == classified.detections
    assert linked.article == ArticleRef.of(classified.article)
    assert (linked.language, linked.pipeline_version) == (
        classified.language, classified.pipeline_version)


def test_states_named_in_the_sentence_resolve_regions(linker: Linker) -> None:
    mentions = linker.annotator.resolve(
        CLASH, linker.annotator.matches(CLASH), linker.annotator.context_countries([])
    )
    regions = {m.place.id for m in mentions if m.place is not None and m.place.kind == "region"}
    assert {"region:MM-13", "region:MM-17", "region:MM-01", "region:MM-04"} <= regions


def test_own_article_in_the_seeds_image(linker: Linker) -> None:
    visit = (
        "Menteri Luar Negeri junta Myanmar Than Swe pada Selasa (14/5) bertolak ke Vientiane, "
        "Laos, untuk menghadiri pertemuan para menteri luar negeri ASEAN pada 16-17 Mei."
    )
    clash = (
        "Tentara Arakan (Arakan Army/AA) merebut markas batalion junta di kota Buthidaung, "
        "negara bagian Rakhine, Sabtu (11/5), setelah pertempuran sengit selama dua pekan."
    )
    classified = article(
        "Junta Myanmar Terdesak di Rakhine, Menlu Bertolak ke Laos",
        ["Yangon, Myanmar --", visit, clash],
        [("diplomatic-engagement", "visit", [1]), ("armed-clash", "territory", [2])],
        published_at=published(2024, 5, 15),
    )
    linked_visit, linked_clash = linker.link(classified).linked
    assert _has(linked_visit.actors, "MMR", "MIL")
    assert _has(linked_visit.actors, "LAO", "GOV")
    assert linked_visit.location is not None
    assert (linked_visit.location.name, linked_visit.location.country) == ("Vientiane", "LAO")
    assert linked_visit.date is not None
    assert (linked_visit.date.start, linked_visit.date.end) == (
        date(2024, 5, 16),
        date(2024, 5, 17),
    )
    assert any(a.entity_id == "armed:arakan-army" for a in linked_clash.actors)
    assert _has(linked_clash.actors, "MMR", "MIL")
    assert linked_clash.location is not None and linked_clash.location.country == "MMR"
    assert linked_clash.date is not None
    assert (linked_clash.date.start, linked_clash.date.precision) == (date(2024, 5, 11), "day")
