"""Short articles in the image of wire copy, generated from templates: cheap to classify.

Article `i` depends only on `i`. About a quarter carry an event (an armed clash
or a diplomatic meeting in one of several cities and on one of several
dates, so that reports of one event from different articles merge into
versions), the rest are ordinary news; every 97th is broken (no text) so
that the dead-letter path is part of every fault run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson

# (city, country adjective in each language, capital of a neighbour for the meetings)
CITIES: tuple[tuple[str, dict[str, str]], ...] = (
    ("Gondar", {"en": "Ethiopian", "id": "Ethiopia", "fr": "éthiopienne", "es": "etíope",
                "de": "äthiopische"}),
    ("Goma", {"en": "Congolese", "id": "Kongo", "fr": "congolaise", "es": "congoleño",
              "de": "kongolesische"}),
    ("Kidal", {"en": "Malian", "id": "Mali", "fr": "malienne", "es": "maliense",
               "de": "malische"}),
    ("Marawi", {"en": "Philippine", "id": "Filipina", "fr": "philippine", "es": "filipino",
                "de": "philippinische"}),
    ("Sittwe", {"en": "Myanmar", "id": "Myanmar", "fr": "birmane", "es": "birmano",
                "de": "myanmarische"}),
    ("Maiduguri", {"en": "Nigerian", "id": "Nigeria", "fr": "nigériane", "es": "nigeriano",
                   "de": "nigerianische"}),
)
# The month of publication and the one before: news dated further back is
# background to the classifier ("clashed in Goma on 5 March" in June).
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("May", "June"), "id": ("Mei", "Juni"), "fr": ("mai", "juin"),
    "es": ("mayo", "junio"), "de": ("Mai", "Juni"),
}
# Days far enough apart (with the linker's one-day tolerance) to be distinct events.
DAYS = (2, 5, 8, 11, 14, 17, 20, 23, 26)

CLASH: dict[str, str] = {
    "en": "{adj} troops and armed rebels clashed in {city} on {day} {month} 2025, "
          "residents said. Two soldiers were wounded in the fighting.",
    "id": "Tentara {adj} dan pemberontak bersenjata terlibat baku tembak di {city} pada "
          "{day} {month} 2025, kata warga. Dua prajurit terluka dalam pertempuran itu.",
    "fr": "L'armée {adj} et des rebelles armés se sont affrontés à {city} le {day} {month} "
          "2025, selon des habitants. Deux soldats ont été blessés dans les combats.",
    "es": "El ejército {adj} y rebeldes armados se enfrentaron en {city} el {day} de {month} "
          "de 2025, según vecinos. Dos soldados resultaron heridos en los combates.",
    "de": "Die {adj} Armee und bewaffnete Rebellen lieferten sich am {day}. {month} 2025 in "
          "{city} Gefechte, sagten Anwohner. Zwei Soldaten wurden verletzt.",
}
MEETING: dict[str, str] = {
    "en": "The foreign minister of Indonesia met the foreign minister of Malaysia in "
          "{place} on {day} {month} 2025 to discuss the border between the two countries.",
    "id": "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Malaysia di {place} "
          "pada {day} {month} 2025 untuk membahas perbatasan kedua negara.",
    "fr": "Le ministre des Affaires étrangères de l'Indonésie a rencontré son homologue "
          "malaisien à {place} le {day} {month} 2025 pour discuter de la frontière.",
    "es": "El canciller de Indonesia se reunió con su homólogo de Malasia en {place} el "
          "{day} de {month} de 2025 para hablar de la frontera.",
    "de": "Der Außenminister Indonesiens traf am {day}. {month} 2025 in {place} den "
          "Außenminister Malaysias, um über die Grenze zu sprechen.",
}
NOTHING: dict[str, tuple[str, ...]] = {
    "en": ("The price of red chillies at the central market rose by ten percent this week, "
           "traders said, blaming heavy rain in the growing regions.",
           "The city library will stay open until midnight during the exam season, the "
           "council announced on its website."),
    "id": ("Harga cabai merah di pasar induk naik dua ribu rupiah per kilogram pekan ini, "
           "kata para pedagang.",
           "Perpustakaan kota akan buka hingga tengah malam selama musim ujian."),
    "fr": ("Le prix du pain a augmenté de dix centimes dans les boulangeries de la ville "
           "cette semaine, selon les artisans.",
           "La piscine municipale rouvrira ses portes lundi après trois mois de travaux."),
    "es": ("El precio del tomate subió un diez por ciento en el mercado central esta semana, "
           "según los comerciantes.",
           "La biblioteca municipal abrirá hasta la medianoche durante la época de exámenes."),
    "de": ("Der Preis für Brot ist in dieser Woche in den Bäckereien der Stadt um zehn Cent "
           "gestiegen, sagten Händler.",
           "Das Hallenbad öffnet nach drei Monaten Umbau am Montag wieder."),
}
# Several places keep each meeting's reports well under the merge's cap on sources.
MEETING_PLACES = ("Kuala Lumpur", "Jakarta", "Bangkok", "Manila", "Singapore", "Hanoi")
LANGUAGES = ("en", "id", "fr", "es", "de")
# After the last day of the last month above: every event lies before its report.
EPOCH = datetime(2025, 6, 28, 6, 0, tzinfo=UTC)
BROKEN_EVERY = 97


def article_id(i: int) -> str:
    return f"fa-{i:06d}"


def article(i: int) -> dict[str, object]:
    """Article `i` as the scraper would publish it on the raw topic."""
    lang = LANGUAGES[i % len(LANGUAGES)]
    # A quarter carry an event, as in a feed filtered for world news: 0 clash, 1 meeting.
    kind = (i // len(LANGUAGES)) % 4
    day = DAYS[(i // 7) % len(DAYS)]
    month = MONTHS[lang][(i // 11) % len(MONTHS[lang])]
    if kind == 0 and i % 2 == 0:
        city, adjectives = CITIES[(i // 3) % len(CITIES)]
        text = CLASH[lang].format(adj=adjectives[lang], city=city, day=day, month=month)
    elif kind == 1 and i % 2 == 0:
        place = MEETING_PLACES[(i // 13) % len(MEETING_PLACES)]
        text = MEETING[lang].format(place=place, day=day, month=month)
    else:
        text = NOTHING[lang][i % 2]
    if i % BROKEN_EVERY == BROKEN_EVERY - 1:
        text = "   "  # nothing left after stripping: the classifier dead-letters it
    return {
        "id": article_id(i),
        "source": f"wire-{lang}.example",
        "url": f"https://wire-{lang}.example/news/{i}",
        "title": text[:60],
        "text": text,
        "language_hint": None,
        # All within the merge window: no event expires during a run, so a
        # replayed report always meets the event that already counted it.
        "published_at": (EPOCH + timedelta(seconds=20 * (i % 7000))).isoformat(),
    }


def messages(n: int) -> list[tuple[bytes, bytes]]:
    return [(article_id(i).encode(), orjson.dumps(article(i))) for i in range(n)]
