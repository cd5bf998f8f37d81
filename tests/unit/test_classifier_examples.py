"""Positives and hard negatives in English and Indonesian, per EVENTS.md.

Every article here is written for this test in the manner of wire and
Indonesian online news, boilerplate included where such sites leave it.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from newsevents.messages import ClassifiedArticle, RawArticle
from tests.unit.classifier_lang_cases import CLASH, DIP, PUBLISHED
from tests.unit.classifier_lang_cases import classifier as _classifier


def classify(text: str, title: str = "", hint: str | None = None) -> ClassifiedArticle:
    article = RawArticle(
        id="t", title=title, text=text, published_at=PUBLISHED, language_hint=hint
    )
    return _classifier().classify(article, pipeline_version="test")


def detected(result: ClassifiedArticle) -> dict[str, str]:
    return {d.event_type: d.subtype for d in result.detections}


POSITIVES: list[tuple[str, str, str, set[str], str]] = [
    # (id, language, text, acceptable subtypes, event type)
    ("en-visit", "en", """KUALA LUMPUR (Reuters) - Malaysian Prime Minister Anwar Ibrahim arrived in Tokyo on Tuesday for a three-day official visit, his office said.
Anwar is scheduled to meet Japanese Prime Minister Shigeru Ishiba and business leaders during the trip.
Share this article
READ MORE
Floods hit northern states""", {"visit", "meeting"}, DIP),
    ("en-call", "en", """Thailand's foreign minister spoke by phone with his Cambodian counterpart on Sunday to discuss the situation along their shared border, the ministry said in a statement.
The two ministers agreed to keep channels of communication open.""", {"call"}, DIP),
    ("en-agreement", "en", """HANOI - Vietnam and the Philippines signed a memorandum of understanding on coast guard cooperation on Wednesday, officials from both countries said.
The deal was signed in Hanoi by the two foreign ministers in the presence of senior officials.""", {"agreement"}, DIP),
    ("en-battle", "en", """Thai and Cambodian troops exchanged fire along the disputed border early on Thursday, killing one soldier, the Thai army said.
Photo: AFP/John Smith
The clash lasted about ten minutes before both sides withdrew, a military spokesman told reporters.""", {"battle"}, CLASH),
    ("en-territory", "en", """Arakan Army fighters seized a key military base in Rakhine State on Monday after weeks of heavy fighting with junta troops, the rebel group said.
Junta forces had held the base since the 1990s.""", {"territory", "battle"}, CLASH),
    ("en-strike", "en", """Junta airstrikes pounded positions held by the Kachin Independence Army near the Chinese border overnight, as rebels pressed an offensive on the town of Bhamo.
Residents said the shelling continued until dawn.""", {"strike", "attack"}, CLASH),
    ("id-visit", "id", """Jakarta, CNN Indonesia --
Presiden Prabowo Subianto bertolak ke Beijing, China, pada Senin (9/6) untuk melakukan kunjungan kenegaraan selama tiga hari.
Foto: ANTARA/Rivan Awal
Dalam kunjungan itu, Prabowo dijadwalkan bertemu Presiden Xi Jinping dan menyaksikan penandatanganan sejumlah nota kesepahaman.
ADVERTISEMENT
(rds/bac)""", {"visit", "meeting"}, DIP),
    ("id-meeting", "id", """Menteri Luar Negeri Sugiono menggelar pertemuan bilateral dengan Menteri Luar Negeri Malaysia di sela-sela KTT ASEAN di Kuala Lumpur, Minggu (25/5).
Kedua menteri membahas perbatasan laut dan perlindungan pekerja migran asal Indonesia, kata juru bicara Kemlu RI kepada wartawan, Senin (26/5).
"Pertemuan ini sangat produktif dan kami sepakat mempercepat perundingan batas wilayah," ujar Sugiono usai pertemuan tersebut.
Baca juga:
Harga beras naik jelang Iduladha
Pemerintah siapkan bantuan banjir""", {"meeting"}, DIP),
    ("id-honour", "id", """Pemerintah Jepang menganugerahkan tanda kehormatan kepada mantan Duta Besar RI untuk Jepang atas jasanya mempererat hubungan kedua negara.
Penghargaan itu diserahkan dalam upacara di Kedutaan Besar Jepang di Jakarta.""", {"honour"}, DIP),
    ("id-call", "id", """Menteri Luar Negeri Sugiono melakukan pembicaraan telepon dengan Menlu Iran Abbas Araghchi pada Selasa malam untuk membahas situasi di Timur Tengah.
Dalam percakapan itu, Sugiono menyampaikan keprihatinan Indonesia atas meningkatnya ketegangan di kawasan tersebut.""", {"call"}, DIP),
    ("id-battle", "id", """Prajurit TNI terlibat kontak tembak dengan Kelompok Kriminal Bersenjata (KKB) di Distrik Sugapa, Kabupaten Intan Jaya, Papua Tengah, Selasa (3/6).
Baku tembak berlangsung sekitar dua jam sebelum kelompok itu melarikan diri ke hutan.""", {"battle"}, CLASH),
    ("id-territory", "id", """Pasukan perlawanan Myanmar berhasil merebut kembali pangkalan militer di kota Lashio setelah pertempuran sengit dengan pasukan junta selama sepekan.
Junta belum memberikan tanggapan resmi atas klaim tersebut.""", {"territory", "battle"}, CLASH),
    ("id-strike", "id", """Militer Israel melancarkan serangan udara ke posisi Hizbullah di Lebanon selatan pada Rabu malam, setelah kelompok itu menembakkan roket ke pos militer di perbatasan.
Tidak ada laporan korban dari pihak Israel.""", {"strike", "attack"}, CLASH),
]

NEGATIVES: list[tuple[str, str, str, str]] = [
    # (id, language, text, event type that must NOT be detected)
    ("en-sports", "en", """Arsenal and Chelsea clash at the Emirates Stadium on Saturday in a derby that could decide the title race.
The striker is fit to face his former team after missing last week's match.""", CLASH),
    ("en-figurative", "en", """The debate turned into a clash of visions between the two candidates over the future of the economy.
Both men attacked each other's record on inflation.""", CLASH),
    ("en-protest", "en", """Police clashed with thousands of protesters outside parliament on Friday, firing tear gas and water cannon as demonstrators threw stones.
Dozens of students were detained.""", CLASH),
    ("en-crime", "en", """Police exchanged fire with a gang of armed robbers who had stormed a jewellery shop in the city centre, and two suspects were arrested.
Officers recovered stolen gold worth thousands of dollars.""", CLASH),
    ("en-exercise", "en", """Thousands of troops from the United States and the Philippines took part in a joint military exercise that simulated an amphibious assault on an island.
The annual drills end next week.""", CLASH),
    ("en-anniversary", "en", """Veterans gathered in Normandy to commemorate the 81st anniversary of the D-Day landings, when Allied troops fought German forces on the beaches in 1944.
Wreaths were laid at the memorial.""", CLASH),
    ("en-threat", "en", """The army chief warned that troops would launch strikes on rebel camps if the insurgents did not lay down their arms.
Rebel leaders dismissed the threat.""", CLASH),
    ("en-arms", "en", """The defence ministry said it had signed a contract to purchase 42 fighter jets capable of precision strikes from France.
The first aircraft will be delivered in 2027.""", CLASH),
    ("en-negated", "en", """Talks between the foreign ministers of India and Pakistan did not take place on Monday after New Delhi called off the meeting at the last minute.
No new date has been set.""", DIP),
    ("en-speculated", "en", """Analysts say President Trump and Chinese leader Xi Jinping could meet later this year, but neither side has confirmed any plans.
Markets rose on the speculation.""", DIP),
    ("en-speculated-venue", "en", """The two leaders may hold talks on the sidelines of the G20 summit in Johannesburg next month, an official said on condition of anonymity.
No meeting has been scheduled.""", DIP),
    ("en-trade", "en", """Trade between Indonesia and China rose 12 percent year-on-year to $68 billion in the first half, statistics showed on Monday.
Exports of nickel led the increase.""", DIP),
    ("en-domestic", "en", """The president met leaders of the ruling coalition at the palace on Tuesday to discuss the cabinet reshuffle ahead of the budget debate in parliament.
Opposition lawmakers criticised the meeting.""", DIP),
    ("id-sports", "id", """Timnas Indonesia akan bentrok dengan Jepang dalam laga lanjutan kualifikasi Piala Dunia di Stadion Gelora Bung Karno.
Pelatih timnas menyebut pertemuan kedua tim akan berlangsung ketat.""", CLASH),
    ("id-figurative", "id", """Rapat paripurna DPR diwarnai bentrokan pendapat antara fraksi pendukung pemerintah dan oposisi soal RUU Penyiaran.
Sejumlah anggota dewan saling serang dalam adu argumen yang panas.""", CLASH),
    ("id-protest", "id", """Ribuan mahasiswa terlibat bentrok dengan aparat kepolisian saat unjuk rasa menolak kenaikan harga BBM di depan gedung DPRD.
Polisi menembakkan gas air mata untuk membubarkan massa.""", CLASH),
    ("id-crime", "id", """Polisi terlibat baku tembak dengan komplotan perampok bersenjata api di Jalan Lintas Sumatra, dan dua tersangka diringkus.
Barang bukti berupa senjata rakitan diamankan.""", CLASH),
    ("id-exercise", "id", """Ribuan prajurit TNI dan tentara Amerika Serikat mengikuti latihan gabungan Super Garuda Shield yang menyimulasikan serangan amfibi di Situbondo.
Latihan itu digelar setiap tahun.""", CLASH),
    ("id-anniversary", "id", """Warga Surabaya memperingati Hari Pahlawan untuk mengenang pertempuran 10 November 1945 ketika arek-arek Suroboyo bertempur melawan pasukan Sekutu.
Upacara digelar di Tugu Pahlawan.""", CLASH),
    ("id-threat", "id", """Panglima militer memperingatkan pasukannya siap menyerang markas pemberontak jika kelompok itu menolak menyerahkan senjata.
Pemberontak belum menanggapi ancaman tersebut.""", CLASH),
    ("id-negated", "id", """Pertemuan antara Menteri Luar Negeri Thailand dan Kamboja yang dijadwalkan pada Senin batal digelar karena situasi keamanan di perbatasan.
Kedua pihak belum menentukan jadwal baru.""", DIP),
    ("id-speculated", "id", """Sejumlah pengamat memperkirakan Presiden Prabowo kemungkinan akan bertemu Presiden Rusia Vladimir Putin dalam waktu dekat, namun Istana belum mengonfirmasi.
Spekulasi itu muncul setelah kunjungan utusan Rusia pekan lalu ditunda.""", DIP),
    ("id-trade", "id", """Badan Pusat Statistik mencatat nilai ekspor Indonesia ke Amerika Serikat naik 8 persen menjadi 2,3 miliar dolar AS pada Mei.
Kenaikan didorong ekspor alas kaki dan tekstil.""", DIP),
    ("id-domestic", "id", """Presiden Prabowo bertemu para ketua umum partai koalisi di Istana Merdeka untuk membahas rencana perombakan kabinet.
Pertemuan berlangsung tertutup selama dua jam.""", DIP),
]


@pytest.mark.parametrize(("name", "lang", "text", "subtypes", "event_type"), POSITIVES,
                         ids=[p[0] for p in POSITIVES])
def test_positive(name: str, lang: str, text: str, subtypes: set[str], event_type: str) -> None:
    result = classify(text)
    assert result.language == lang
    assert result.language_supported
    found = detected(result)
    assert event_type in found, f"{name}: no {event_type} in {found}"
    assert found[event_type] in subtypes
    detection = next(d for d in result.detections if d.event_type == event_type)
    assert 0.0 < detection.confidence <= 1.0
    assert all(e.triggers for e in detection.evidence)


@pytest.mark.parametrize(("name", "lang", "text", "event_type"), NEGATIVES,
                         ids=[n[0] for n in NEGATIVES])
def test_hard_negative(name: str, lang: str, text: str, event_type: str) -> None:
    result = classify(text)
    assert result.language == lang
    found = detected(result)
    assert event_type not in found, f"{name}: unexpected {event_type}: {result.detections}"


def test_every_language_has_two_subtypes_per_type() -> None:
    for lang in ("en", "id"):
        for event_type in (DIP, CLASH):
            subtypes = {frozenset(p[3]) for p in POSITIVES if p[1] == lang and p[4] == event_type}
            assert len(subtypes) >= 2
            negatives = [n for n in NEGATIVES if n[1] == lang and n[3] == event_type]
            assert len(negatives) >= 4


def test_confidence_grows_with_evidence_and_shrinks_with_hedges() -> None:
    one = classify("Thai and Cambodian troops exchanged fire along the disputed border on "
                   "Thursday, the army said.")
    two = classify("Thai and Cambodian troops exchanged fire along the disputed border on "
                   "Thursday, the army said.\nFighting between the two armies resumed on Friday "
                   "near the temple, with soldiers on both sides firing artillery.")
    hedged = classify("Thai and Cambodian troops reportedly exchanged fire along the disputed "
                      "border on Thursday, according to unconfirmed accounts.")

    def conf(r: ClassifiedArticle) -> float:
        return next(d.confidence for d in r.detections if d.event_type == CLASH)

    assert conf(two) > conf(one) > conf(hedged)


def test_unsupported_language_is_processed() -> None:
    # Italian has no lexicon: still identified, cleaned and scored, just not "supported".
    result = classify("I ministri degli Esteri di Italia e Francia si sono incontrati lunedì a "
                      "Roma per colloqui sulla crisi in Libia. L'incontro è durato tre ore.")
    assert result.language == "it"
    assert not result.language_supported
    assert result.cleaned_text
