"""The alias automata: word-led and in-word keys in one text, offsets, currency signs."""

from __future__ import annotations

from newsevents.linker.gazetteer import Gazetteer, case_rule, normalise_key


def _gazetteer(*pairs: tuple[str, str]) -> Gazetteer:
    aliases = []
    for form, entity_id in pairs:
        rule = case_rule(form)
        aliases.append((normalise_key(form), entity_id, rule, form if rule == 2 else ""))
    return Gazetteer(aliases)


GAZ = _gazetteer(
    ("Ankara", "city:323786"),
    ("AS", "country:USA"),
    ("中国", "country:CHN"),
    ("中国人民解放军", "org:chn-military"),
    ("روسيا", "country:RUS"),
    ("ตุรกี", "country:TUR"),
)


def _found(text: str, gazetteer: Gazetteer = GAZ) -> list[tuple[int, int, str, tuple[str, ...]]]:
    return [(m.start, m.end, m.surface, m.entity_ids) for m in gazetteer.find(text)]


def test_keys_with_and_without_a_leading_boundary_meet_in_text_order() -> None:
    text = "Ankara hosted 中国人民解放军 officers; وروسيا and ตุรกี sent AS envoys to 中国."

    def at(surface: str, entity_id: str) -> tuple[int, int, str, tuple[str, ...]]:
        start = text.rindex(surface)
        return (start, start + len(surface), surface, (entity_id,))

    assert _found(text) == [
        at("Ankara", "city:323786"),
        (14, 21, "中国人民解放军", ("org:chn-military",)),  # the longer key wins
        at("روسيا", "country:RUS"),  # after the proclitic و
        at("ตุรกี", "country:TUR"),
        at("AS", "country:USA"),
        at("中国", "country:CHN"),
    ]


def test_offsets_point_into_the_original_text_past_characters_that_widen() -> None:
    # "ﬃ" normalises to three letters: later offsets shift in the normalised text.
    text = "Oﬃcials from AS met in Ankara."
    assert _found(text) == [
        (13, 15, "AS", ("country:USA",)),
        (23, 29, "Ankara", ("city:323786",)),
    ]


def test_a_currency_sign_beside_a_name_makes_it_money() -> None:
    assert _found("a loan of AS$5 to Ankara") == [(18, 24, "Ankara", ("city:323786",))]
    assert _found("a ﬁne of $AS 5 in Ankara") == [(18, 24, "Ankara", ("city:323786",))]
    assert _found("AS and Ankara") == [
        (0, 2, "AS", ("country:USA",)),
        (7, 13, "Ankara", ("city:323786",)),
    ]


def test_gazetteers_with_only_one_kind_of_key_or_none() -> None:
    only_inword = _gazetteer(("中国", "country:CHN"))
    assert _found("中国与AS", only_inword) == [(0, 2, "中国", ("country:CHN",))]
    only_spaced = _gazetteer(("Ankara", "city:323786"))
    assert _found("中国 Ankara", only_spaced) == [(3, 9, "Ankara", ("city:323786",))]
    assert Gazetteer([]).find("Ankara") == []
