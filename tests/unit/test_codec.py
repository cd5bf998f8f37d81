"""Every way a payload can be unreadable maps to its own dead-letter reason."""

from __future__ import annotations

import base64

import pytest

from newsevents.messages import RawArticle
from newsevents.streaming.codec import RejectedMessage, decode, encode, payload_for_humans


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b'{"id": "a", "text": "x"' , "invalid_json"),
        (b"\xff\xfe\x00garbage", "invalid_utf8"),
        (b'{"id": "a", "text": 5}', "schema_violation"),
        (b'{"id": "a", "text": "x", "unknown_field": 1}', "schema_violation"),
        (b'{"text": "no id"}', "schema_violation"),
        (b'{"id": "a", "text": "   "}', "empty_text"),
        (b'[1, 2, 3]', "schema_violation"),
        (b'{"id": "a", "text": "' + b"x" * 2000 + b'"}', "too_large"),
        (None, "schema_violation"),
    ],
)
def test_refused_payloads_carry_their_reason(payload: bytes | None, reason: str) -> None:
    with pytest.raises(RejectedMessage) as info:
        decode(RawArticle, payload, max_bytes=1024)
    assert info.value.reason == reason
    assert info.value.message


def test_valid_article_decodes() -> None:
    article = decode(RawArticle, b'{"id": "a1", "text": "Halo dunia"}', 1024)
    assert article.id == "a1"
    assert article.text == "Halo dunia"


def test_html_only_article_is_accepted() -> None:
    article = decode(RawArticle, b'{"id": "a1", "html": "<p>Halo</p>"}', 1024)
    assert article.html == "<p>Halo</p>"


def test_payload_for_humans_keeps_utf8_and_base64s_the_rest() -> None:
    assert payload_for_humans(b"Junta Myanmar") == ("Junta Myanmar", "utf-8")
    raw = b"\xff\x00\x01"
    text, encoding = payload_for_humans(raw)
    assert encoding == "base64"
    assert base64.b64decode(text) == raw


def test_encode_gives_the_models_json_as_utf8_and_decodes_back() -> None:
    article = RawArticle(id="a1", title="Lavrov à Pékin", text="Встреча в 北京 — \"citée\"")
    payload = encode(article)
    assert payload == article.model_dump_json().encode("utf-8")
    assert "Встреча в 北京".encode() in payload  # not \u-escaped
    assert decode(RawArticle, payload, 1024) == article
