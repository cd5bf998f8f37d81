"""Shared classifier mechanisms: compiled lemma forms, case folding, NFC,
short names, demonyms, masking phrases, link lists, gaps."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from newsevents.classifier.cleaning import Cleaner
from newsevents.classifier.lexicon import Term, load_common, load_language
from newsevents.classifier.matcher import Lemmatizer, TermMatcher, casefold, tokenize


def _party(text: str, code: str) -> Term:
    from newsevents.classifier.lexicon import _make_term

    return _make_term(text, "party", f"state:{code}")


def _labels(matcher: TermMatcher, text: str, language: str = "") -> list[str]:
    tokens = tokenize(text, matcher.segmentation, language)
    return sorted(m.term.label for m in matcher.match(text, tokens))


def test_turkish_casefold_keeps_length_and_dotless_i() -> None:
    assert casefold("İSTANBUL IRAK", "tr") == "istanbul ırak"
    assert casefold("İzmir", "en") == "izmir"
    assert len(casefold("İİİ", "de")) == 3


def test_compiled_forms_keep_affix_rules_without_dictionaries() -> None:
    # Only the lemma is compiled; "memediasi" reaches it through simplemma's
    # morpheme rules applied to the small map.
    lemmatizer = Lemmatizer(("id",), {"mediasi": "mediasi"}, "id")
    assert lemmatizer("memediasi") == "mediasi"
    assert lemmatizer("mediasi") == "mediasi"
    assert lemmatizer("pasar") == "pasar"


def test_short_names_need_capitals_only_when_the_entry_is_an_acronym() -> None:
    matcher = TermMatcher(
        [_party("Mỹ", "USA"), _party("AS", "USA")], "words", Lemmatizer(()), "vi"
    )
    assert _labels(matcher, "Ngoại trưởng Mỹ đến Hà Nội") == ["state:USA"]
    assert _labels(matcher, "Mereka datang as usual") == []
    assert _labels(matcher, "Presiden AS tiba") == ["state:USA"]


def _write_lexicon(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "xx.yaml"
    path.write_text("language: xx\nsimplemma: []\n" + body, encoding="utf-8")
    return path


def test_demonyms_match_in_any_case_and_mask_phrases_hide_triggers(tmp_path: Path) -> None:
    path = _write_lexicon(
        tmp_path,
        "max_gap: 5\n"
        "demonyms:\n  RUS: [russkiy]\n"
        "not_triggers: [press conference]\n"
        "triggers:\n  diplomatic-engagement:\n    meeting:\n"
        "      0.85: [conference, held ... talks]\n",
    )
    lexicon = load_language(path, load_common())
    assert lexicon.max_gap == 5
    matcher = TermMatcher(lexicon.terms, "words", Lemmatizer(()), "xx", lexicon.max_gap)
    assert "state:RUS" in _labels(matcher, "Russkiy envoy said")
    assert "state:RUS" in _labels(matcher, "the russkiy envoy said")
    found = _labels(matcher, "they held one two three four talks")
    assert "diplomatic-engagement" in found
    masks = [m for m in matcher.match("a press conference", tokenize("a press conference", "words"))
             if m.term.kind == "mask"]
    assert len(masks) == 1


def test_nfd_text_is_cleaned_to_nfc_with_offsets_into_the_original() -> None:
    original = "Thủ tướng Việt Nam hội đàm với Tổng thống Pháp tại Paris hôm thứ Ba vừa qua."
    decomposed = unicodedata.normalize("NFD", original)
    cleaned = Cleaner().clean(decomposed)
    assert cleaned.text == original
    for word in ("Việt", "Pháp", "Paris"):
        start = cleaned.to_original(cleaned.text.index(word))
        assert start is not None
        assert unicodedata.normalize("NFC", decomposed[start:start + 12]).startswith(word)


def test_bulleted_read_also_items_stay_dropped_however_long() -> None:
    cleaner = Cleaner(read_also=["Baca juga"])
    text = (
        "Menteri Luar Negeri bertemu mitranya di Jakarta pada Senin untuk membahas kerja sama.\n"
        "Baca juga:\n"
        "- Presiden resmikan bendungan baru di Jawa Tengah yang menelan biaya triliunan rupiah\n"
        "Kedua menteri juga sepakat memperkuat kerja sama perdagangan dan investasi tahun depan."
    )
    cleaned = cleaner.clean(text)
    assert "bendungan" not in cleaned.text
    assert "Kedua menteri" in cleaned.text
    assert cleaned.markers_used


def test_verb_final_time_word_ahead_of_its_verb_governs_it_within_the_clause() -> None:
    from tests.unit.classifier_lang_cases import DIP, classify, detection

    # German dates a participle from before it: "the rules agreed last year
    # under Norway's mediation" is background, however many words intervene.
    background = classify(
        "Belgrad. Die neuen Zwischenfälle an der Grenze gefährden die im vergangenen Jahr "
        "zwischen Serbien und dem Kosovo unter Vermittlung der EU ausgehandelten Regeln "
        "für den Grenzverkehr.\nDie Polizei verstärkte ihre Präsenz.\n"
    )
    assert detection(background, DIP) is None
    # Past a comma the time word has no hold on the next clause's verb.
    meeting = classify(
        "Belgrad. Wie im vergangenen Jahr bei der Gründung der gemeinsamen Kommission "
        "vereinbart, trafen sich die Außenminister von Serbien und Ungarn am Montag in "
        "Belgrad zu Gesprächen über den Bahnausbau.\nDie Gespräche dauerten drei Stunden.\n"
    )
    found = detection(meeting, DIP)
    assert found is not None and "trafen sich" in found.evidence[0].text
