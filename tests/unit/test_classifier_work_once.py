"""The classifier's shortcuts give the answers of the long way round.

`Classifier.classify` scans the lines once for both cleaners and splits only
the lines that can hold evidence (issue 7). These tests run the long way
(every line decided by each cleaner, every line split into sentences, every
match scored) on the labelled devset and demand the same result.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.classifier.cleaning import assemble, scan_lines
from newsevents.classifier.core import candidate_sentences
from newsevents.classifier.matcher import tokenize
from newsevents.classifier.sentences import split_sentences
from tests.unit.classifier_lang_cases import classifier

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
YEAR = 2025


def _articles() -> list[dict[str, str]]:
    found = []
    for path in sorted(DEVSET.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            found.append({"id": record["id"], "language": record["language"],
                          "title": record.get("title", ""), "text": record["text"]})
    return found


ARTICLES = _articles()
LANGUAGES = sorted({a["language"] for a in ARTICLES})
# English furniture on a page in another language, and the reverse.
FURNITURE = ("Read more:\nRusia klaim kuasai desa di Donetsk\nShare this article\n"
             "Baca juga:\nPhoto: Reuters/John Doe\nADVERTISEMENT\n")


def test_devset_is_there() -> None:
    assert len(ARTICLES) >= 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_scan_cleans_like_two_cleaners(language: str) -> None:
    packs = classifier()._packs
    pack = packs.get(language) or packs["en"]
    union = classifier()._cleaner
    assert pack.cleaner is not None
    for article in ARTICLES:
        if article["language"] != language:
            continue
        for text in (article["text"], FURNITURE + article["text"],
                     article["text"] + "\n" + FURNITURE):
            scanned = scan_lines(text, article["title"])
            kinds = union.line_kinds(scanned)
            assert assemble(scanned, kinds) == union.clean(text, article["title"]), article["id"]
            narrowed = pack.cleaner.refine(scanned, kinds)
            assert narrowed == pack.cleaner.line_kinds(scanned), article["id"]


def _long_way_equal(language: str, text: str) -> bool:
    pack = classifier()._packs[language]
    scorer = classifier()._scorer
    tokens = tokenize(text, pack.lexicon.segmentation, pack.lexicon.language)
    matches = pack.matcher.match(text, tokens)
    lexicon = pack.lexicon
    every = split_sentences(text, language, lexicon.abbreviations, lexicon.sentence_joins)
    sentences, kept = candidate_sentences(text, tokens, matches, language,
                                          lexicon.abbreviations, lexicon.sentence_joins)
    assert set(sentences) <= set(every)
    long_way = scorer.score(text, tokens, matches, every, reference_year=YEAR)
    short_way = scorer.score(text, tokens, kept, sentences, reference_year=YEAR)
    return long_way == short_way


@pytest.mark.parametrize("language", LANGUAGES)
def test_splitting_only_candidate_lines_scores_the_same(language: str) -> None:
    if language not in classifier()._packs:
        pytest.skip(f"no lexicon for {language}: its articles are scored with a fallback's")
    for article in ARTICLES:
        if article["language"] == language:
            cleaned = classifier()._cleaner.clean(article["text"], article["title"]).text
            assert _long_way_equal(language, cleaned), article["id"]


def test_lines_naming_parties_are_split_too() -> None:
    # The meeting line names no state; the two states are only named in other
    # lines, and the article-wide count of states decides the meeting's fit.
    text = ("The foreign minister held talks on Monday with his counterpart.\n"
            "Officials from Indonesia attended the ceremony last week in the city.\n"
            "Malaysia sent a delegation to the same ceremony, officials said.")
    pack = classifier()._packs["en"]
    tokens = tokenize(text, "words", "en")
    matches = pack.matcher.match(text, tokens)
    assert any(m.term.kind == "trigger" for m in matches)
    sentences, _ = candidate_sentences(text, tokens, matches, "en", frozenset())
    starts = [start for start, _ in sentences]
    assert text.index("Officials") in starts and text.index("Malaysia") in starts
    assert _long_way_equal("en", text)


def test_no_trigger_no_sentences() -> None:
    text = "Officials from Indonesia and Malaysia attended the ceremony in the city."
    pack = classifier()._packs["en"]
    tokens = tokenize(text, "words", "en")
    matches = pack.matcher.match(text, tokens)
    assert matches and not any(m.term.kind == "trigger" for m in matches)
    assert candidate_sentences(text, tokens, matches, "en", frozenset()) == ([], [])
