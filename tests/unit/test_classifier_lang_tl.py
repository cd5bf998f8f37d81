"""Tagalog/Filipino positives and hard negatives, per EVENTS.md.

Every article is written for this test in the manner of Philippine online
news (tabloid and broadsheet Filipino editions, with their English
code-switching), scraper boilerplate included.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, title, text, event type, subtype, a phrase of the sentence that must be the top evidence)
POSITIVES: list[tuple[str, str, str, str, str, str]] = [
    ("visit", "Marcos, dumating sa Jakarta para sa state visit", """JAKARTA — Dumating sa Jakarta nitong Lunes ng hapon si Pangulong Ferdinand Marcos Jr. para sa tatlong araw na state visit sa Indonesia, sa imbitasyon ni Pangulong Prabowo Subianto.
Larawan: PCO/FILE
Sinalubong ang Pangulo ng mga opisyal ng Indonesian foreign ministry at ni Philippine Ambassador Gina Jamoralin sa Halim Perdanakusuma airport.
Basahin din:
Presyo ng bigas, bumaba ngayong linggo
Nakatakdang saksihan ng dalawang lider ang paglagda ng ilang kasunduan sa enerhiya at seguridad sa karagatan.
""", DIP, "visit", "Dumating sa Jakarta"),
    ("meeting", "DFA chief, nakipagpulong sa Japanese counterpart", """TOKYO — Nakipagpulong nitong Martes si Foreign Affairs Secretary Theresa Lazaro kay Japanese Foreign Minister Takeshi Iwaya sa Iikura Guest House para talakayin ang seguridad sa West Philippine Sea at ang Reciprocal Access Agreement.
Ayon sa DFA, napag-usapan din ng dalawang opisyal ang pagpapadala ng mas maraming Filipino caregivers sa Japan.
Ibahagi
Ito ang ikalawang bilateral meeting ng dalawang kalihim ngayong taon.
""", DIP, "meeting", "Nakipagpulong nitong Martes"),
    ("call", "Lazaro, nakipag-usap sa telepono sa Kuwaiti FM", """MANILA — Nakipag-usap sa telepono nitong Huwebes si Foreign Affairs Secretary Theresa Lazaro kay Kuwaiti Foreign Minister Abdullah Al-Yahya tungkol sa kalagayan ng mga OFW sa Kuwait.
Tiniyak umano ng Kuwaiti official na poprotektahan ang mga manggagawang Pilipino sa gitna ng bagong labor regulations.
(With reports from DZBB)
""", DIP, "call", "Nakipag-usap sa telepono"),
    ("agreement", "PH, Vietnam lumagda sa kasunduan sa coast guard cooperation", """HANOI — Nilagdaan ng Pilipinas at Vietnam nitong Miyerkules ang isang memorandum of understanding sa kooperasyon ng kanilang mga coast guard sa South China Sea.
Pinirmahan ang kasunduan nina PCG Commandant Ronnie Gil Gavan at ng pinuno ng Vietnam Coast Guard sa harap ng mga foreign minister ng dalawang bansa.
Patalastas
""", DIP, "agreement", "memorandum of understanding"),
    ("honour", "Dating PH envoy sa Tokyo, pinarangalan ng Japan", """Pinarangalan ng pamahalaan ng Japan ng Order of the Rising Sun ang dating Philippine ambassador sa Tokyo bilang pagkilala sa kanyang ambag sa ugnayan ng dalawang bansa.
Iginawad ang parangal ng Japanese ambassador sa isang seremonya sa embahada ng Japan sa Pasay City nitong Lunes.
""", DIP, "honour", "Order of the Rising Sun"),
    ("negotiation", "Negosasyon sa Code of Conduct, muling binuksan", """Muling binuksan ng Pilipinas at China ang negosasyon para sa Code of Conduct sa South China Sea sa isang pulong ng mga opisyal ng ASEAN at China sa Cebu City nitong Miyerkules.
Ayon sa DFA, nakatuon ang bagong round of talks sa mga probisyon tungkol sa paggamit ng water cannon at mapanganib na maniobra sa dagat.
""", DIP, "negotiation", "negosasyon"),
    ("battle", "5 NPA patay sa engkuwentro sa Negros Oriental", """GUIHULNGAN CITY — Limang miyembro ng New People's Army (NPA) ang nasawi sa engkuwentro sa mga sundalo ng 62nd Infantry Battalion sa Barangay Trinidad, Guihulngan City, Negros Oriental nitong Sabado ng madaling-araw.
Ayon kay Lt. Col. Arnel Cruz, nagpalitan ng putok ang dalawang panig nang halos 40 minuto bago umatras ang mga rebelde.
Narekober sa lugar ang limang matataas na kalibre ng baril.
Basahin din:
Lalaki, arestado sa buy-bust sa Dumaguete
""", CLASH, "battle", "nasawi sa engkuwentro"),
    ("attack", "Army detachment sa Sulu, sinalakay ng Abu Sayyaf", """JOLO, Sulu — Sinalakay ng mga armadong miyembro ng Abu Sayyaf Group ang isang detachment ng Philippine Army sa bayan ng Patikul nitong Linggo ng gabi.
Isang sundalo ang sugatan matapos paulanan ng bala ng mga umatake ang kampo, ayon sa Western Mindanao Command.
Agad na nagpadala ng karagdagang tropa ang militar para tugisin ang mga salarin.
""", CLASH, "attack", "Sinalakay ng mga armadong miyembro"),
    ("territory", "Arakan Army, nakubkob ang base militar sa Rakhine", """Nakubkob ng rebeldeng Arakan Army ang isang malaking base militar ng junta sa bayan ng Ann sa Rakhine State, Myanmar, matapos ang ilang linggong bakbakan.
Ayon sa grupo, umatras ang mga sundalo ng junta patungo sa kabundukan.
""", CLASH, "territory", "Nakubkob ng rebeldeng Arakan Army"),
    ("strike", "Israel, nagsagawa ng airstrikes sa Gaza", """Nagsagawa ng sunod-sunod na airstrike ang militar ng Israel sa mga posisyon ng Hamas sa hilagang Gaza nitong Martes ng gabi, habang nagpaputok naman ng rockets ang grupo patungo sa southern Israel.
Ayon sa Israeli military, tinamaan ng mga air strike ang mga tunnel at weapons depot ng grupo.
Sundan kami sa Facebook
""", CLASH, "strike", "airstrike"),
    # Gapped arrival with the traveller right after the place.
    ("visit-arrived-yesterday", "Marcos, nasa Tokyo na", """TOKYO — Dumating kahapon sa Tokyo si Pangulong Ferdinand Marcos Jr. para sa tatlong araw na opisyal na pagbisita sa Japan.
Sinalubong siya ng mga opisyal ng Japanese foreign ministry sa Haneda Airport.
I-share
""", DIP, "visit", "Dumating kahapon sa Tokyo"),
    # Peace panels of the government and an armed group meeting: a negotiation (EVENTS.md).
    ("armed-group-talks", "Gobyerno at MNLF, nagpulong sa Jakarta", """Nagpulong nitong Martes sa Jakarta ang mga panel ng pamahalaan ng Pilipinas at ng Moro National Liberation Front (MNLF) upang talakayin ang pagpapatupad ng kasunduang pangkapayapaan.
Ayon sa OPAPRU, magpapatuloy ang usapan sa susunod na buwan.""", DIP, "negotiation", "Nagpulong nitong Martes"),
]

# (id, title, text, event types that must not be detected)
NEGATIVES: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("sports", "Gilas, handa na sa bakbakan kontra Korea", """Handa na ang Gilas Pilipinas sa matinding bakbakan kontra South Korea sa FIBA Asia Cup qualifiers sa Mall of Asia Arena ngayong Huwebes ng gabi.
Ayon kay coach Tim Cone, kailangang madepensahan ng koponan ang mga shooter ng Korea para manalo sa laro.
Basahin din:
Bagong PBA season, magsisimula sa Oktubre
""", (CLASH, DIP)),
    ("figurative", "Bangayan ng mga senador, uminit", """Uminit ang bangayan ng dalawang senador matapos magpalitan ng matitinding pahayag sa social media tungkol sa panukalang budget.
Inatake ng isang senador ang kredibilidad ng kanyang kasamahan, na tinawag naman itong "political attack" at "word war" na walang saysay.
Parang giyera ang session hall nitong Lunes, ayon sa isang mambabatas.
""", (CLASH,)),
    ("unrest", "Raliyista at pulis, nagkagirian sa Mendiola", """MANILA — Nagkagirian ang mga raliyista at pulis sa Mendiola nitong Martes matapos tangkain ng mga nagpoprotesta na lumapit sa Malacañang.
Gumamit ng water cannon ang mga pulis para itaboy ang mga demonstrador, habang ilang aktibista ang inaresto.
""", (CLASH,)),
    ("crime", "Barangay kapitan, tinambangan ng riding-in-tandem", """CAVITE — Patay ang isang barangay kapitan matapos tambangan ng riding-in-tandem sa Dasmariñas City nitong Biyernes ng umaga.
Ayon sa pulisya, pinagbabaril ng mga suspek ang biktima habang sakay ng kanyang SUV bago tumakas.
Hinala ng mga imbestigador na may kinalaman sa droga ang krimen.
""", (CLASH,)),
    ("exercise", "Balikatan 2025, sinimulan na", """Pormal nang sinimulan ang Balikatan military exercises sa pagitan ng Armed Forces of the Philippines at ng US military nitong Lunes.
Kasama sa pagsasanay ang live-fire drills at simulation ng pagbawi ng isla mula sa kalaban sa Zambales.
Mahigit 14,000 sundalo ang lalahok sa taunang pagsasanay.
""", (CLASH,)),
    ("anniversary", "Ika-8 anibersaryo ng Marawi siege, ginunita", """MARAWI CITY — Ginunita nitong Biyernes ang ika-8 anibersaryo ng pagsisimula ng Marawi siege, kung saan limang buwang nakipaglaban ang mga sundalo sa mga teroristang Maute.
Nag-alay ng bulaklak ang mga beterano at pamilya ng mga nasawing sundalo sa memorial.
""", (CLASH,)),
    ("threat", "China, nagbanta laban sa Pilipinas", """Nagbanta ang China na gagamit ng puwersa laban sa mga barko ng Pilipinas na lalapit sa Scarborough Shoal, ayon sa isang pahayag ng Chinese defense ministry.
Binalaan din nito ang Maynila na maaaring sumalakay ang kanilang militar kung magpapatuloy ang tinatawag nitong "provocations."
""", (CLASH,)),
    ("speculated", "Senador, hinimok si PBBM na makipagpulong kay Xi", """Hinimok ng isang senador si Pangulong Marcos na makipagpulong nang direkta kay Chinese President Xi Jinping para maibsan ang tensyon sa West Philippine Sea.
Ayon sa isang analyst, maaaring magkita ang dalawang lider sa sidelines ng APEC summit, pero walang nakatakdang pulong ayon sa Palasyo.
""", (DIP,)),
    ("cancelled", "Pagbisita ng Japanese PM sa Maynila, ipinagpaliban", """Ipinagpaliban ang nakatakdang pagbisita ni Japanese Prime Minister Shigeru Ishiba sa Maynila dahil sa bagyong tumama sa Luzon, ayon sa DFA.
Kinansela rin ang nakatakdang bilateral meeting nila ni Pangulong Marcos.
""", (DIP,)),
    ("statement", "DFA, kinondena ang panggigipit ng China Coast Guard", """Mariing kinondena ng Department of Foreign Affairs ang panibagong panggigipit ng China Coast Guard sa mga mangingisdang Pilipino malapit sa Scarborough Shoal.
Naghain din ang DFA ng diplomatic protest laban sa Beijing, ayon sa tagapagsalita ng ahensya.
""", (DIP, CLASH)),
    ("domestic", "PBBM, nakipagpulong sa mga gobernador", """Nakipagpulong si Pangulong Marcos sa mga gobernador ng Bicol sa Malacañang nitong Martes para talakayin ang rehabilitasyon matapos ang bagyo.
Dumalo rin sa pulong ang ilang kongresista at alkalde mula sa lalawigan.
""", (DIP,)),
    ("trade", "Exports ng PH sa China, tumaas ng 6%", """Tumaas ng 6.1 porsiyento ang exports ng Pilipinas sa China noong Abril, ayon sa Philippine Statistics Authority.
Umabot naman sa $4.2 bilyon ang trade deficit ng bansa sa nasabing buwan.
""", (DIP,)),
    # Rival candidates' supporters scuffling is unrest.
    ("tl-tagasuporta", "Gulo sa harap ng munisipyo", """Nagkasagupa ang mga tagasuporta ng dalawang kandidato sa pagka-alkalde sa harap ng munisipyo nitong Linggo ng hapon, ayon sa pulisya.
Walang naiulat na nasaktan at agad na naawat ng mga pulis ang gulo.""", (CLASH,)),
    # A summit that may be moved to another date is not scheduled.
    ("summit-may-move", "Petsa ng summit, posibleng ilipat", """MANILA — Maaaring ilipat sa ibang petsa ang pulong ng mga foreign minister ng ASEAN na dapat sanang gaganapin sa Cebu sa Hulyo, ayon sa DFA.
Wala pang pinal na desisyon ang mga miyembrong bansa, dagdag ng kagawaran.
I-share
""", (DIP,)),
    # A secretary meeting Senate leaders is domestic politics.
    ("senate-leaders", "Kalihim, nakipagpulong sa Senate President", """MANILA — Nakipagpulong ang kalihim ng DFA sa Senate President at sa mga lider ng mayorya at minorya matapos ang pagdinig sa budget ng kagawaran nitong Martes.
Tinalakay nila ang iskedyul ng pagpasa ng panukalang pondo para sa susunod na taon.
I-share
""", (DIP,)),
    # "No clash was recorded": a truce holding.
    ("no-clash-recorded", "Tahimik sa Lanao matapos ang tigil-putukan", """MARAWI CITY — Walang naitalang sagupaan sa pagitan ng mga armadong grupo sa tatlong bayan ng Lanao del Sur mula nang ipatupad ang tigil-putukan noong nakaraang linggo, ayon sa militar.
Bumabalik na sa kanilang mga bahay ang mga lumikas na pamilya.
I-share
""", (CLASH,)),
    # Cargo arriving is no visit.
    ("cargo-arrived", "Bagong radar, dumating na", """SUBIC — Dumating din sa Subic Bay ang huling bahagi ng mga coastal radar na binili ng Philippine Navy mula sa Japan, ayon sa Department of National Defense.
Ikakabit ang mga ito sa mga isla sa West Philippine Sea bago matapos ang taon.
I-share
""", (DIP,)),
]


def test_boilerplate_is_not_evidence() -> None:
    cases.check_cleaned(POSITIVES[0][2], POSITIVES[0][1], ["Presyo ng bigas", "PCO/FILE"], [])


test_positive, test_hard_negative = cases.language_tests(
    "tl", [cases.positive(*r) for r in POSITIVES],
    [cases.negative(*r) for r in NEGATIVES])
