"""Country names in a language, from the CLDR data that Babel ships.

The classifier only needs a light signal ("two distinct states are named in
this sentence"); real entity linking happens in the linker stage. CLDR gives
every target language its own country names for free, so a new language gets
this signal without any list written by hand.
"""

from __future__ import annotations

import re

import pycountry
from babel import Locale, UnknownLocaleError

from newsevents.classifier.lexicon import Term, _make_term

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
