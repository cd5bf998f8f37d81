"""Reading articles from the seed's text format and from JSON lines."""

from __future__ import annotations

from pathlib import Path

from newsevents.article_files import ReadError, iter_articles, parse_scrape_text
from newsevents.messages import RawArticle


def test_seed_file_parses_into_source_title_body(seed_path: Path) -> None:
    [article] = list(iter_articles([seed_path]))
    assert isinstance(article, RawArticle)
    assert article.id == seed_path.stem
    assert article.source == "yoldash.net"
    assert article.title.startswith("Mulai Keteteran Lawan Milisi")
    assert "Moe Aung" in article.text
    assert not article.text.startswith("Mulai Keteteran")


def test_scrape_text_without_blank_lines() -> None:
    article = parse_scrape_text("news.example\nA title\nFirst paragraph.\nSecond.", "x1")
    assert (article.source, article.title) == ("news.example", "A title")
    assert article.text == "First paragraph.\nSecond."


def test_jsonl_errors_are_reported_in_place(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\nnot json\n\n{"id": "b", "text": ""}\n')
    items = list(iter_articles([path]))
    assert isinstance(items[0], RawArticle)
    assert isinstance(items[1], ReadError) and items[1].where.endswith(":2")
    assert isinstance(items[2], ReadError) and items[2].reason == "empty_text"
    assert len(items) == 3


def test_folder_is_read_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b.example\n\nB\n\nbody b")
    (tmp_path / "a.txt").write_text("a.example\n\nA\n\nbody a")
    (tmp_path / "ignored.md").write_text("# not an article")
    ids = [a.id for a in iter_articles([tmp_path]) if isinstance(a, RawArticle)]
    assert ids == ["a", "b"]
