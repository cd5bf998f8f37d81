"""German positives and hard negatives, per EVENTS.md.

Every article here is written for this test in the manner of dpa, SDA, APA,
tagesschau and Spiegel copy, scraper boilerplate ("Lesen Sie auch", "Anzeige",
photo credits) included. German compounds ("Grenzgefechte", "Luftangriffen",
"Staatsbesuch") and separable verbs are exercised on purpose.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

POSITIVES: list[tuple[str, str, str, str, str]] = [
    # (id, text, event type, subtype, words the top evidence sentence must contain)
    ("de-visit", """Berlin (dpa) - Bundespräsident Frank-Walter Steinmeier ist am Montag zu einem dreitägigen Staatsbesuch in Indonesien eingetroffen.
Anzeige
In Jakarta wird Steinmeier von Präsident Prabowo Subianto mit militärischen Ehren empfangen, anschließend stehen Gespräche über Handel und Klimaschutz auf dem Programm.
Foto: dpa/Bernd von Jutrczenka
Lesen Sie auch:
Bahn streicht Verbindungen im Sommer
Wetter: Gewitter im Süden""", DIP, "visit", "Staatsbesuch"),
    ("de-meeting", """Die Außenminister Österreichs und Sloweniens haben sich am Donnerstag in Klagenfurt zu bilateralen Gesprächen getroffen.
Im Mittelpunkt standen der Ausbau der Bahnverbindung über die Karawanken und die Zusammenarbeit beim Grenzschutz, teilte das Außenministerium in Wien mit.
Artikel teilen""", DIP, "meeting", "bilateralen Gesprächen"),
    ("de-call", """Bundeskanzler Friedrich Merz hat am Dienstagabend mit dem türkischen Präsidenten Recep Tayyip Erdogan telefoniert.
Nach Angaben eines Regierungssprechers ging es in dem Telefonat um die Lage im Nahen Osten und um Fragen der Migration.""", DIP, "call", "telefoniert"),
    ("de-agreement", """Die Schweiz und Indien haben am Mittwoch in Bern ein Abkommen über die Zusammenarbeit in der Berufsbildung unterzeichnet.
Unterzeichnet wurde die Vereinbarung von Bundesrat Guy Parmelin und dem indischen Bildungsminister im Beisein beider Delegationen.
(sda)""", DIP, "agreement", "Abkommen"),
    ("de-negotiation", """Unter Vermittlung Katars und Ägyptens haben Vertreter Israels und der Hamas in Kairo eine neue Runde indirekter Verhandlungen über eine Waffenruhe im Gazastreifen begonnen.
Beide Seiten verhandeln nach Angaben aus Diplomatenkreisen vor allem über die Freilassung weiterer Geiseln.""", DIP, "negotiation", "Vermittlung"),
    ("de-honour", """Bundespräsident Steinmeier hat dem früheren französischen Außenminister das Große Verdienstkreuz mit Stern verliehen.
Er würdigte dessen Einsatz für die deutsch-französische Freundschaft und die europäische Einigung.""", DIP, "honour", "Verdienstkreuz"),
    ("de-battle", """An der Grenze zwischen Afghanistan und Pakistan ist es erneut zu heftigen Grenzgefechten gekommen.
Pakistanische Soldaten und Taliban-Kämpfer lieferten sich in der Nacht zum Sonntag stundenlange Schusswechsel am Grenzübergang Torkham, wie Sicherheitskreise mitteilten.
Foto: AFP/Abdul Majeed""", CLASH, "battle", "Schusswechsel"),
    ("de-attack", """Dschihadisten haben im Norden Burkina Fasos einen Stützpunkt der Armee angegriffen und dabei nach Angaben aus Sicherheitskreisen mindestens zwanzig Soldaten getötet.
Die Angreifer seien mit Motorrädern gekommen und hätten die Kaserne mehrere Stunden lang unter Feuer genommen.""", CLASH, "attack", "Stützpunkt der Armee angegriffen"),
    ("de-strike", """Die israelische Luftwaffe hat nach Armeeangaben mit Luftangriffen auf Stellungen der Hisbollah im Südlibanon reagiert, nachdem die Miliz Raketen auf Nordisrael abgefeuert hatte.
Anzeige
Ziele seien Abschussrampen und ein Waffenlager gewesen.""", CLASH, "strike", "Luftangriffen"),
    ("de-territory", """Die sudanesische Armee hat nach eigenen Angaben die Stadt Bara in der Provinz Nord-Kordofan von der RSF-Miliz zurückerobert.
Die Paramilitärs hatten die Stadt im Sommer eingenommen.""", CLASH, "territory", "zurückerobert"),
]

NEGATIVES: list[tuple[str, str, str]] = [
    # (id, text, event type that must NOT be detected)
    ("de-sports", """Im Spitzenspiel der Bundesliga kommt es am Samstag zum Duell zwischen Bayern München und Borussia Dortmund.
Der Trainer der Dortmunder sprach vor dem Spiel von einem echten Kampf um die Meisterschaft, die Fans erwarten ein volles Stadion.""", CLASH),
    ("de-figurative", """Im Bundestag lieferten sich Kanzler und Oppositionsführer einen heftigen Schlagabtausch über die Schuldenbremse.
Die Opposition griff die Regierung scharf an und sprach von einem Angriff auf die Verfassung.""", CLASH),
    ("de-protest", """Bei Protesten gegen die Regierung ist es in Tiflis zu schweren Zusammenstößen zwischen Demonstranten und der Polizei gekommen.
Die Sicherheitskräfte setzten Wasserwerfer und Tränengas ein, Dutzende Menschen wurden festgenommen.""", CLASH),
    ("de-crime", """In Duisburg hat die Polizei nach einem Schusswechsel mit mutmaßlichen Mitgliedern einer Drogenbande drei Tatverdächtige festgenommen.
Die Staatsanwaltschaft ermittelt wegen versuchten Mordes.""", CLASH),
    ("de-exercise", """Bei einem Großmanöver in Litauen haben rund 3000 Bundeswehrsoldaten gemeinsam mit Nato-Partnern den Angriff auf feindliche Stellungen geübt.
Panzer rollten über den Truppenübungsplatz Pabradė, die Artillerie feuerte scharfe Munition ab.""", CLASH),
    ("de-anniversary", """Mit einer Gedenkfeier haben Veteranen und Politiker an den 80. Jahrestag der Schlacht um Berlin erinnert, in der die Rote Armee im April 1945 gegen die Wehrmacht kämpfte.
Am sowjetischen Ehrenmal wurden Kränze niedergelegt.""", CLASH),
    ("de-threat", """Der Armeechef drohte den Rebellen mit Angriffen auf ihre Stellungen, falls sie die Waffen nicht bis Monatsende niederlegen.
Die Rebellen wiesen das Ultimatum zurück.""", CLASH),
    ("de-arms", """Das Verteidigungsministerium hat den Kauf von 35 Kampfjets vom Typ F-35 besiegelt, die zu präzisen Luftangriffen fähig sind.
Die ersten Maschinen sollen 2027 ausgeliefert werden.""", CLASH),
    ("de-cancelled", """Das für Montag geplante Treffen der Außenminister Armeniens und Aserbaidschans in Genf ist kurzfristig abgesagt worden.
Ein neuer Termin steht nach Angaben aus Diplomatenkreisen noch nicht fest.""", DIP),
    ("de-speculated", """Beobachter spekulieren, dass Kanzler Merz und US-Präsident Trump sich möglicherweise noch vor dem Sommer treffen könnten.
Bestätigt hat das bislang keine der beiden Regierungen.""", DIP),
    ("de-trade", """Die deutschen Exporte nach China sind im ersten Quartal um 8 Prozent auf 21 Milliarden Euro gesunken, wie das Statistische Bundesamt mitteilte.
Vor allem Autos und Maschinen wurden weniger nachgefragt.""", DIP),
    ("de-domestic", """Kanzler Merz hat sich am Abend mit den Spitzen der Koalition im Kanzleramt getroffen, um über den Haushalt und die Rentenreform zu beraten.
Die Opposition im Bundestag kritisierte das Treffen als Hinterzimmerpolitik.""", DIP),
    ("de-interview", """Der ukrainische Botschafter sagte im Gespräch mit der Zeitung, sein Land brauche dringend mehr Flugabwehrsysteme aus Deutschland.
Die Bundesregierung prüft derzeit weitere Lieferungen.""", DIP),
    # Calls for talks and backing for mediation are stances, not engagements.
    ("de-called-for-talks", """Die Außenministerin hat Armenien und Aserbaidschan zu direkten Verhandlungen über ein Friedensabkommen aufgefordert.
Deutschland unterstütze die Vermittlung der Europäischen Union, sagte sie in Berlin.""", DIP),
    # Trial reporting retells old attacks.
    ("de-court-case", """Vor dem Oberlandesgericht Koblenz hat der Prozess gegen einen mutmaßlichen Kämpfer einer Miliz begonnen.
Laut Anklage soll er an Angriffen auf Stellungen der syrischen Armee bei Aleppo teilgenommen haben.""", CLASH),
    # Talks between industry bodies of two countries are business, not diplomacy.
    ("de-commercial-talks", """Die deutschen Exporte nach Indien sind im ersten Halbjahr um vier Prozent gestiegen.
Gespräche zwischen Wirtschaftsverbänden beider Länder über Normen und Zölle sollen im Herbst fortgesetzt werden.""", "diplomatic-engagement"),
    # A travel advisory: no trip at all.
    ("de-travel-advice", """Das Auswärtige Amt rät weiterhin dringend von Reisen nach Mali ab, teilte das Ministerium am Montag mit.
Deutsche Staatsangehörige werden aufgefordert, das Land zu verlassen.""", "diplomatic-engagement"),
]


def test_boilerplate_markers_are_dropped() -> None:
    text = """Die Außenministerin traf am Montag in Warschau ihren polnischen Amtskollegen zu Gesprächen über die Ukraine.
Lesen Sie auch:
Neue Regeln für Balkonkraftwerke
Streik bei der Lufthansa
Foto: Reuters/Kacper Pempel
Beide Minister vereinbarten eine engere Abstimmung bei der Unterstützung der Ukraine und beim Schutz der Ostsee."""
    cases.check_cleaned(text, "", ["Balkonkraftwerke", "Reuters/Kacper"], ["engere Abstimmung"])


test_positive, test_hard_negative = cases.language_tests(
    "de", [cases.positive(r[0], "", r[1], r[2], r[3], r[4]) for r in POSITIVES],
    [cases.negative(r[0], "", r[1], r[2]) for r in NEGATIVES])
