"""The bench corpus: deterministic, every devset language, 1-10 KB, a third with events."""

from __future__ import annotations

import itertools
from pathlib import Path

import orjson
import pytest
from bench.corpus import (
    BOILERPLATE,
    DEVSET,
    MAX_BYTES,
    MIN_BYTES,
    article_payload,
    generate,
    load_devset,
    make_article,
)

from newsevents.messages import RawArticle

N = 540


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, object]]:
    return list(generate(N, seed=11))


def test_same_seed_same_corpus_other_seed_other_corpus(corpus: list[dict[str, object]]) -> None:
    again = list(generate(N, seed=11))
    assert orjson.dumps(again) == orjson.dumps(corpus)
    other = list(generate(40, seed=12))
    assert [a["text"] for a in other] != [a["text"] for a in corpus[:40]]


def test_article_depends_only_on_seed_and_index(corpus: list[dict[str, object]]) -> None:
    pools = load_devset()
    for index in (0, 17, 333, N - 1):
        assert make_article(index, 11, pools) == corpus[index]


def test_covers_every_devset_language(corpus: list[dict[str, object]]) -> None:
    devset_languages = {p.stem for p in Path(DEVSET).glob("*.jsonl")}
    assert {a["_lang"] for a in corpus} == devset_languages


def test_sizes_between_1_and_10_kb_near_3_kb(corpus: list[dict[str, object]]) -> None:
    sizes = [len(str(a["text"]).encode("utf-8")) for a in corpus]
    assert min(sizes) >= MIN_BYTES
    assert max(sizes) <= MAX_BYTES
    assert 2000 <= sum(sizes) / len(sizes) <= 4500


def test_about_a_third_carry_an_event(corpus: list[dict[str, object]]) -> None:
    share = sum(bool(a["_event"]) for a in corpus) / len(corpus)
    assert 0.27 <= share <= 0.40


def test_pages_carry_boilerplate_and_the_story_lede(corpus: list[dict[str, object]]) -> None:
    pools = load_devset()
    for article in itertools.islice(corpus, 60):
        text = str(article["text"])
        lang = str(article["_lang"])
        stories = pools[lang].stories_with_event + pools[lang].stories_without
        story = next(s for s in stories if s.title == article["title"])
        assert story.paragraphs[0] in text
        # Page furniture around the story: a leftover at the top and the share bar.
        assert text.split("\n\n", 1)[0] in BOILERPLATE.get(lang, ()) + BOILERPLATE["en"]
        assert "WhatsApp" in text


def test_payloads_are_valid_raw_articles_with_unique_ids(corpus: list[dict[str, object]]) -> None:
    parsed = [RawArticle.model_validate(article_payload(a)) for a in corpus]
    assert len({a.id for a in parsed}) == len(parsed)
    published = [a.published_at for a in parsed if a.published_at is not None]
    assert len(published) == len(parsed)
    assert published == sorted(published)
