"""Every kind of bad input ends in the dead-letter topic with its reason; good input flows on."""

from __future__ import annotations

import orjson
import pytest

from newsevents import topics
from newsevents.messages import ClassifiedArticle, DeadLetter
from newsevents.settings import Settings
from tests.conftest import Workers
from tests.integration.kafka_io import consume_until, produce

pytestmark = pytest.mark.integration

GOOD = (
    "Pasukan pemerintah dan kelompok bersenjata terlibat baku tembak di perbatasan pada Selasa. "
    "Juru bicara militer mengatakan pertempuran berlangsung selama tiga jam."
)


def article(article_id: str, text: str) -> bytes:
    return orjson.dumps({"id": article_id, "source": "kabar.example", "title": "Berita",
                         "text": text})


def test_bad_input_is_dead_lettered_and_good_input_flows(
    workers: Workers, pipeline_env: dict[str, str]
) -> None:
    limit = 64 * 1024
    env = {**pipeline_env, "NEWSEVENTS_MAX_MESSAGE_BYTES": str(limit)}
    settings = Settings.from_env(env)
    workers.env = env
    workers.start("all")
    workers.wait_ready()
    bootstrap = env["KAFKA_BOOTSTRAP_SERVERS"]

    bad = {
        b"bad-json": b'{"id": "bad-json", "text": ',
        b"bad-utf8": b'{"id": "bad-utf8", "text": "\xff\xfe\xfd"}',
        b"bad-schema": orjson.dumps({"id": "bad-schema", "text": ["not", "a", "string"]}),
        b"bad-empty": article("bad-empty", "   "),
        b"bad-large": article("bad-large", "kata " * (limit // 4)),
    }
    messages = [(b"good-1", article("good-1", GOOD)), *bad.items(),
                (b"good-2", article("good-2", GOOD))]
    produce(bootstrap, settings.topic(topics.RAW), messages)
    # Stages after the first refuse what they cannot read, too.
    produce(bootstrap, settings.topic(topics.CLASSIFIED), [(b"bad-linker", b"{}")])
    produce(bootstrap, settings.topic(topics.LINKED), [(b"bad-alert", b"\xc3\x28")])

    letters_raw = consume_until(bootstrap, [settings.topic(topics.DLQ)],
                                lambda r: len(r) >= len(bad) + 2)
    letters = {DeadLetter.model_validate_json(v).key: DeadLetter.model_validate_json(v)
               for _, _, v in letters_raw}
    expected = {
        "bad-json": ("classifier", "invalid_json"),
        "bad-utf8": ("classifier", "invalid_utf8"),
        "bad-schema": ("classifier", "schema_violation"),
        "bad-empty": ("classifier", "empty_text"),
        "bad-large": ("classifier", "too_large"),
        "bad-linker": ("linker", "schema_violation"),
        "bad-alert": ("alert", "invalid_utf8"),
    }
    assert {k: (v.stage, v.reason) for k, v in letters.items()} == expected
    assert letters["bad-utf8"].payload_encoding == "base64"
    assert letters["bad-json"].payload == '{"id": "bad-json", "text": '
    assert letters["bad-json"].topic == settings.topic(topics.RAW)
    assert letters["bad-json"].offset is not None

    classified = consume_until(bootstrap, [settings.topic(topics.CLASSIFIED)],
                               lambda r: len(r) >= 3)
    ids = {ClassifiedArticle.model_validate_json(v).article.id
           for _, k, v in classified if k != b"bad-linker"}
    assert ids == {"good-1", "good-2"}

    status, body = workers.get("all", "/metrics")
    assert status == 200
    for key, (stage, reason) in expected.items():
        line = f'newsevents_dead_letters_total{{reason="{reason}",stage="{stage}"}}'
        assert line in body, f"{key}: {line} missing"
