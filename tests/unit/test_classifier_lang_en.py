"""English cue rows for general causes found on unseen articles, per EVENTS.md.

The broad English tables live in test_classifier_examples.py; these rows pin
the cue lists added for statements, dates not set, policy "combat", trials and
victims, each written for this test in the manner of wire copy.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, title, text, event type, subtype, a phrase of the sentence that must be the top evidence)
POSITIVES: list[tuple[str, str, str, str, str, str]] = [
    ("call", "Foreign ministers of Kenya and Ethiopia hold phone call", """NAIROBI — Kenya's foreign minister held a phone call with his Ethiopian counterpart on Tuesday to discuss the security situation along their shared border, the ministry said.
The two ministers agreed to convene the joint border commission before the end of the year.
Read more:
Kenya shilling steadies against dollar
""", DIP, "call", "held a phone call"),
    # A passive reception names the host after "by": still a visit.
    ("visit-passive-received", "Laos premier received in Hanoi", """HANOI — Lao Prime Minister Sonexay Siphandone was received by his Vietnamese counterpart Pham Minh Chinh at the Government Office on Thursday, on the first day of an official visit.
The two sides discussed a planned railway to the port of Vung Ang and cooperation in power trading.
Share this story
""", DIP, "visit", "was received by his Vietnamese counterpart"),
    ("battle-exchange-of-fire", "Soldiers and rebels trade fire near Bunia", """BUNIA, Congo — Congolese soldiers and fighters of the CODECO militia exchanged fire for several hours on Sunday near the village of Djugu, north of Bunia, local officials said.
Two soldiers were wounded and the militia withdrew into the hills, an army spokesman said.
Share this story
""", CLASH, "battle", "exchanged fire for several hours"),
    # The day between the verb of travel and the place: "arrived on Monday in".
    ("visit", "Malaysian minister in Manila for maritime talks", """Malaysia's foreign minister arrived on Monday in Manila for consultations with his Philippine counterpart on maritime security, the ministry said.
The two sides are expected to review the joint patrol arrangements.
""", DIP, "visit", "arrived on Monday in Manila"),
]

# (id, title, text, event types that must not be detected)
NEGATIVES: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Talks between companies of two countries are business, not diplomacy.
    ("commercial-talks", "Iron ore exports hit record", """SYDNEY — Iron ore shipments hit a record in July despite weeks of talks between Australian miners and Chinese steel mills over pricing, industry data showed.
""", (DIP,)),
    # A question asked at a briefing reports no meeting.
    ("question-sentence", "Foreign ministry briefing", """Q: Will the Chinese and Japanese leaders meet at the summit in Lima next week?
The spokesperson said there was no information to release.
""", (DIP,)),
    # A denied clash is none.
    ("denied-clash", "Army denies reports of firefight", """MANILA — The Armed Forces of the Philippines on Tuesday denied reports on social media of a firefight between soldiers and rebels in Basilan.
""", (CLASH,)),
    # Two ministers of one government in their capital: domestic politics.
    ("domestic-ministers", "Finance and farm ministers discuss subsidies", """JAKARTA — Finance Minister Purbaya Yudhi Sadewa met Agriculture Minister Andi Amran Sulaiman at the finance ministry in Jakarta on Wednesday to discuss the fertiliser subsidy budget.
""", (DIP,)),
    # Welcoming a decision is a statement, not a visitor welcomed.
    ("welcomed-decision", "Neighbours welcome reopening of border crossing", """In separate statements on Friday, Pakistan and Afghanistan welcomed the decision to reopen the Torkham border crossing to trucks after a three-week closure.
Traders said hundreds of lorries were still queuing on both sides.
""", (DIP,)),
    # "No date has been set": nothing scheduled.
    ("no-date-set", "Leaders' summit still in planning", """Officials in Seoul and Tokyo said preparations for a leaders' summit were under way, but no date has been set for the meeting.
Both governments described relations as stable.
""", (DIP,)),
    # Fighting crime is a policy, not a battle.
    ("combat-trafficking", "Ministers agree to share intelligence", """The interior ministers of Guatemala and Honduras agreed that their armed forces would combat drug trafficking and people smuggling along their border by sharing intelligence and coordinating patrols.
Both governments said the arrangement would start next month.
""", (CLASH,)),
    # Trial reporting retells old attacks.
    ("trial", "Trial opens for men accused over army base raid", """The trial of five men accused of helping militants who attacked an army base in Borno state opened in Abuja on Monday, with prosecutors calling their first witnesses.
The defendants have pleaded not guilty.
""", (CLASH,)),
    # Victims shot by gunmen with no armed opponent: an attack on civilians.
    ("victims-shot", "Gunmen kill two teachers on rural road", """Local officials said the victims were attacked by militants while riding home on a motorcycle in the remote district on Monday evening.
The attackers fled into the forest and no group has claimed responsibility.
""", (CLASH,)),
    # An anniversary frames its article even in a lead dated today: the fighting it retells is old.
    ("anniversary-today-frames", "A year after the border war, villages rebuild", """Today marks the first anniversary of the border war between Armenia and Azerbaijan, and both governments held quiet ceremonies for the dead.
Troops of the two countries exchanged artillery fire for five days before a truce was agreed.
Farmers near the frontier say they still find shell fragments in their fields.
""", (CLASH,)),
    # Stalled talks are not taking place, however far the predicate stands from them.
    ("talks-stalled", "Peace treaty talks stall over border map", """Talks between Armenia and Azerbaijan on a peace treaty have stalled over the demarcation of their shared border, diplomats in Yerevan said.
Neither capital has proposed a new round.
""", (DIP,)),
    # The previous round is background to a call for a new one.
    ("previous-round-background", "EU urges Serbia and Kosovo back to the table", """The previous round of talks between Serbia and Kosovo took place in Brussels, EU officials recalled, and the bloc now wants both leaders to return.
No date has been proposed.
""", (DIP,)),
    # The police are named only as the spokesperson's force: the gunmen met no armed opponent.
    ("police-spokesperson-confirms", "Gunmen raid village, kill five", """Gunmen on motorcycles killed five people in a village in the north of the state on Tuesday night and burned several homes.
A police spokesperson confirmed the attack and said a team had been sent to the village after the gunmen had fled.""", (CLASH,)),
    # A side meeting now "off the table": nothing will take place.
    ("off-the-table", "No side meeting for ministers in Kuala Lumpur", """An expected side meeting between the Thai and Cambodian foreign ministers at the regional forum is now off the table, officials in Bangkok said on Monday.
Both delegations will attend the plenary sessions only.
""", (DIP,)),
]


def test_read_next_link_line_is_boilerplate() -> None:
    # "Read next" / "More stories" lines head a site's link widget: they and
    # the headlines under them go, the story's next paragraph stays.
    text = """Pakistani and Afghan border forces exchanged fire at the Torkham crossing on Tuesday, officials said.
Read next: Oil prices slip as talks stall | Floods hit Sindh villages
More stories
Markets close higher
The crossing was closed to traffic after the firing, a customs official told reporters on condition of anonymity.
"""
    cases.check_cleaned(text, "Border forces exchange fire at Torkham",
                        ["Read next", "Oil prices slip", "Markets close higher"],
                        ["exchanged fire", "The crossing was closed"])


test_positive, test_hard_negative = cases.language_tests(
    "en", [cases.positive(*r) for r in POSITIVES],
    [cases.negative(*r) for r in NEGATIVES])
