"""Evidence and trigger offsets point back into cleaned and original text."""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from functools import cache

from newsevents.classifier.cleaning import Cleaner
from newsevents.classifier.core import Classifier
from newsevents.messages import ClassifiedArticle, RawArticle

ARTICLE = """JAKARTA, KOMPAS.com - Menteri Pertahanan RI menerima kunjungan Menteri Pertahanan Australia di Kementerian Pertahanan, Jakarta, Kamis (5/6).
Foto: KOMPAS.com/Nur Aini
ADVERTISEMENT
Kedua menteri menandatangani perjanjian kerja sama pertahanan yang baru, termasuk pertukaran perwira dan latihan bersama.
Baca juga: Prabowo Resmikan Pabrik Amunisi di Jawa Barat
   Di Papua, prajurit TNI terlibat baku tembak dengan kelompok bersenjata di Kabupaten Puncak pada Rabu sore.
(nad/ama)
"""

HTML = """<html><head><script>var x = 1;</script><title>t</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers meet</h1>
<p>The foreign ministers of Japan and South Korea held talks in Seoul on Monday, the first such meeting in a year.</p>
<p>They agreed to resume regular consultations between the two countries.</p></article>
<footer>Copyright 2025</footer></body></html>"""


@cache
def _classifier() -> Classifier:
    return Classifier.load()


def _classify(article: RawArticle) -> ClassifiedArticle:
    return _classifier().classify(article, pipeline_version="test")


def test_offsets_round_trip() -> None:
    result = _classify(RawArticle(id="o", title="Menhan RI terima Menhan Australia", text=ARTICLE))
    assert {d.event_type for d in result.detections} == {"diplomatic-engagement", "armed-clash"}
    for detection in result.detections:
        for evidence in detection.evidence:
            assert result.cleaned_text[evidence.start:evidence.end] == evidence.text
            assert evidence.original_start is not None
            original = ARTICLE[evidence.original_start:evidence.original_start + len(evidence.text)]
            assert original == evidence.text
            for trigger in evidence.triggers:
                assert result.cleaned_text[trigger.start:trigger.end] == trigger.text
                assert evidence.start <= trigger.start < trigger.end <= evidence.end


def test_dateline_prefix_is_cut_but_mapped() -> None:
    cleaned = Cleaner().clean(ARTICLE)
    assert cleaned.text.startswith("Menteri Pertahanan RI")
    assert cleaned.to_original(0) == ARTICLE.index("Menteri Pertahanan RI")
    assert "KOMPAS.com/Nur" not in cleaned.text
    assert "ADVERTISEMENT" not in cleaned.text
    assert "(nad/ama)" not in cleaned.text


def test_read_also_line_and_link_list_dropped() -> None:
    text = ("Pasukan Ukraina dan Rusia kembali bertempur di sekitar Pokrovsk pada Selasa, kata "
            "militer Ukraina.\nBaca juga:\nRusia klaim kuasai desa di Donetsk\n"
            "Zelensky minta tambahan sistem pertahanan udara dari sekutu Barat\n"
            "Pertempuran itu disebut sebagai yang paling sengit dalam sepekan terakhir menurut "
            "laporan staf umum.\n")
    cleaned = Cleaner(read_also=["baca juga"]).clean(text)
    assert "klaim kuasai" not in cleaned.text
    assert "Zelensky" not in cleaned.text
    assert "paling sengit" in cleaned.text


def test_html_only_article() -> None:
    result = _classify(RawArticle(id="h", html=HTML))
    assert "Home" not in result.cleaned_text and "var x" not in result.cleaned_text
    detection = next(d for d in result.detections if d.event_type == "diplomatic-engagement")
    assert detection.subtype == "meeting"
    for evidence in detection.evidence:
        assert result.cleaned_text[evidence.start:evidence.end] == evidence.text
        assert evidence.original_start is None  # there is no original `text` to point into
