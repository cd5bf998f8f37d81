"""classify never raises, whatever text it is given."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.classifier.core import Classifier
from newsevents.messages import RawArticle

# Pieces that stress the pipeline: boilerplate shapes, triggers, RTL and
# zero-width characters, scripts without spaces, control characters.
FRAGMENTS = [
    "ADVERTISEMENT", "\n", "\n\n", "(blq/dna)", "[Gambas:Video CNN]", "Foto: AFP/X",
    "Baca juga:", "Jakarta, Indonesia --", "baku tembak", "exchanged fire", "troops",
    "bertemu", "Rusia", "Jl.", "Kol.", "Dr.", "...", "—", "\u200b", "\u200f", "\u202e",
    "مرحبا بالعالم", "军队交火", "တပ်မတော်", "ทหาร", "\x00", "\x1b", "\ud800", "-", "- -",
    "PDF", "A.S.", "2021", "\r\n", "\t", "  ",
]

text_strategy = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=60).map(" ".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join),
)


@cache
def _classifier() -> Classifier:
    return Classifier.load()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy, title=st.text(max_size=40),
       hint=st.sampled_from([None, "id", "en", "ms", "xx", ""]))
def test_classify_never_raises(text: str, title: str, hint: str | None) -> None:
    if not text.strip():
        text = text + "x"
    article = RawArticle(id="p", text=text, title=title, language_hint=hint)
    result = _classifier().classify(article, pipeline_version="test")
    for detection in result.detections:
        assert 0.0 <= detection.confidence <= 1.0
        for evidence in detection.evidence:
            assert result.cleaned_text[evidence.start:evidence.end] == evidence.text


@settings(max_examples=50, deadline=None)
@given(html=st.text(max_size=300).map(lambda t: f"<p>{t}</p><div>{t}</div>"))
def test_html_only_never_raises(html: str) -> None:
    article = RawArticle(id="h", html=html + "<p>x</p>")
    _classifier().classify(article, pipeline_version="test")


def test_huge_article() -> None:
    body = ("Pasukan junta terlibat baku tembak dengan milisi di negara bagian Shan. " * 3000
            + "x" * 50_000)
    result = _classifier().classify(RawArticle(id="big", text=body), pipeline_version="test")
    assert any(d.event_type == "armed-clash" for d in result.detections)
    assert all(len(d.evidence) <= 8 for d in result.detections)
