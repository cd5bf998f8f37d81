"""Article-level language identification, Indonesian vs Malay above all."""

from __future__ import annotations

from functools import cache

from newsevents.classifier.language import LanguageIdentifier

INDONESIAN = ("Pemerintah Indonesia berencana memperluas program makan bergizi gratis ke seluruh "
              "provinsi tahun depan, kata Menteri Keuangan kepada wartawan di Jakarta, Senin. "
              "Anggaran untuk program tersebut akan dinaikkan secara bertahap.")
MALAY = ("Kerajaan Malaysia akan meneruskan rundingan dengan pihak berkuasa Thailand berhubung "
         "isu sempadan, kata Menteri Luar Negeri pada sidang media di Putrajaya semalam. "
         "Beliau berkata kedua-dua negara komited untuk mencari penyelesaian secara aman.")
ENGLISH = "The central bank left interest rates unchanged on Thursday, citing stable inflation."
BURMESE = "မြန်မာနိုင်ငံ အစိုးရသည် ယနေ့ နေပြည်တော်တွင် အစည်းအဝေး ကျင်းပခဲ့သည်။"


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier()


def test_indonesian_and_malay_are_told_apart() -> None:
    assert _identifier().identify(INDONESIAN).code == "id"
    assert _identifier().identify(MALAY).code == "ms"


def test_other_scripts_and_english() -> None:
    english = _identifier().identify(ENGLISH)
    assert english.code == "en" and english.confidence > 0.5
    assert _identifier().identify(BURMESE).code == "my"


def test_hint_only_breaks_ties() -> None:
    # A clear English text stays English whatever the scraper believed.
    assert _identifier().identify(ENGLISH, hint="id").code == "en"
    # Text with no linguistic content: the hint is all there is.
    assert _identifier().identify("12345 67890", hint="id").code == "id"


def test_empty_text_is_undetermined() -> None:
    guess = _identifier().identify("   \u200b ")
    assert guess.code == "und" and guess.confidence == 0.0


def test_lingua_fallback_knows_persian_and_hindi() -> None:
    # Where CLD2 is unsure (short or mixed text) lingua decides among our
    # languages; without Persian there it would call Persian Arabic.
    fallback = _identifier()
    persian = "وزیر امور خارجه ایران با همتای عمانی خود در مسقط دیدار و گفتگو کرد"
    hindi = "विदेश मंत्री ने अपने समकक्ष के साथ द्विपक्षीय बैठक की"
    assert fallback._lingua(fallback._all, persian, None).code == "fa"
    assert fallback._lingua(fallback._all, hindi, None).code == "hi"


ENGLISH_LEAD = (
    "The foreign ministers of two neighbouring states met on Tuesday to discuss a new border "
    "crossing, officials said after the talks. The meeting in the capital lasted three hours "
    "and ended with a joint statement on trade, transport and the return of refugees. Both "
    "delegations described the discussions as frank and constructive, and agreed to meet "
    "again in the spring. Diplomats said the two governments had also discussed electricity "
    "exports, fishing rights along the shared coast and the reopening of two consulates. "
    "A technical committee will draft the text of the crossing agreement over the winter. "
)
SPANISH_REST = (
    "El gobierno regional anunció ayer un nuevo plan de inversiones para las carreteras del "
    "norte del país, que incluirá la reparación de puentes y la construcción de dos nuevas "
    "variantes. Según el consejero de obras públicas, las obras comenzarán en marzo y durarán "
    "al menos tres años. Los alcaldes de la comarca celebraron la noticia, aunque pidieron "
    "que se acelere la licitación de los proyectos más urgentes. "
) * 3


def test_a_lead_cld2_is_sure_of_decides() -> None:
    """CLD2 reads the lead (`_CLD2_LEAD_CHARS`) first; a long mixed sample would
    otherwise be called by its majority."""
    guess = _identifier().identify(ENGLISH_LEAD + SPANISH_REST)
    assert guess.code == "en" and guess.confidence >= 0.9
    assert _identifier().identify(SPANISH_REST + ENGLISH_LEAD).code == "es"


def test_an_indonesian_or_malay_lead_still_goes_to_the_vote() -> None:
    # The lead is never enough for the pair CLD2 confuses: the longer sample and lingua vote.
    long_malay = (MALAY + " ") * 8
    assert _identifier().identify(long_malay).code == "ms"
    assert _identifier().identify((INDONESIAN + " ") * 8).code == "id"
