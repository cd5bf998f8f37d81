"""Country names in a language, from the CLDR data that Babel ships.

The classifier only needs a light signal ("two distinct states are named in
this sentence"); real entity linking happens in the linker stage. CLDR gives
every target language its own country names for free, so a new language gets
this signal without any list written by hand.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pycountry
import yaml
from babel import Locale, UnknownLocaleError

from newsevents.classifier.lexicon import Term, _make_term

# The subtype of a party term naming a person, not a state.
PERSON = "person"
# The linker's list of leaders and ministers: newsrooms name the sides of a
# call or a meeting by them ("Macron spoke with Zelensky by phone") as often
# as by their countries.
PEOPLE_PATH = Path(__file__).resolve().parent.parent / "linker" / "data" / "people.yaml"
# Whitespace is collapsed by split/join, not by `\s*` around the brackets: a
# leading `\s*` makes a search quadratic in a run of spaces.
_PAREN = re.compile(r"\(([^()]*)\)")


def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return None if country is None else str(country.alpha_3)


def country_terms(language: str) -> list[Term]:
    """Party terms (`state:<alpha-3>`) for every country CLDR names in `language`."""
    try:
        territories = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return []
    terms: list[Term] = []
    for code, name in territories.items():
        if len(code) != 2 or not code.isalpha():
            continue  # numeric codes are world regions, not states
        alpha3 = _alpha3(code)
        if alpha3 is None:
            continue
        # "Myanmar (Burma)" -> both names; names with commas are catalogue forms.
        variants = [" ".join(_PAREN.sub(" ", name).split()), *_PAREN.findall(name)]
        for variant in variants:
            if variant and "," not in variant:
                terms.append(_make_term(variant, "party", f"state:{alpha3}"))
    return terms


@cache
def people_terms(path: Path = PEOPLE_PATH) -> tuple[Term, ...]:
    """Party terms (`state:<alpha-3>`) for every leader and minister the linker
    knows, by full name and by the short forms listed for them: a person in
    office or out of it speaks for no other state."""
    with path.open(encoding="utf-8") as handle:
        people = yaml.safe_load(handle)["people"]
    terms: list[Term] = []
    for person in people:
        label = f"state:{person['country']}"
        for name in dict.fromkeys([person["name"], *(person.get("short") or [])]):
            terms.append(_make_term(str(name), "party", label, subtype=PERSON))
    return tuple(terms)
