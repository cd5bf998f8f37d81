"""A news roundup's sports item does not make its other items sport.

Sports words counted over a whole article scale its every sentence down (a
match report's "clash" and "battle"), but a roundup of the day's news holds
a football item beside a call between presidents: the sports topic reaches
only the lead when the lead names it, and the paragraphs that do. Each row
is written for this test.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

ROUNDUP = """Here is a summary of the main stories of the day.
• The central bank kept its benchmark rate unchanged at 5.75 percent, citing steady inflation.
• The national football team beat Vietnam 2-1 in the stadium on Tuesday night; the coach praised his players, and the striker scored twice in the second half of the match.
• President Lee held a phone call with the Prime Minister of Japan on Wednesday morning to discuss regional security and energy trade, the presidential office said.
• Heavy rain flooded parts of the capital, and the weather agency expects more storms this week.
"""

MATCH_REPORT = """The national football team clashed with Vietnam in a bruising semi-final on Tuesday night at the national stadium.
The coach praised his players after the match, and the striker scored twice as the home team won 2-1.
The two teams will meet again in the league stage next season, and the fans are already queuing for tickets at the stadium.
"""


def test_a_call_in_a_roundup_with_a_football_item_is_a_call() -> None:
    found = cases.verdict("en", "Today's news at a glance", ROUNDUP, DIP)
    assert found is not None and found.subtype == "call"


def test_a_match_report_is_still_sport() -> None:
    assert cases.verdict("en", "Home side edge Vietnam in semi-final", MATCH_REPORT, CLASH) is None
    assert cases.verdict("en", "Home side edge Vietnam in semi-final", MATCH_REPORT, DIP) is None


# The lead gives only the score; half the paragraphs name the sport.
SCORE_LEAD = """England edged France 26-25 at Twickenham on Saturday, a late kick settling a contest that swung back and forth for 80 minutes.
France had led with four minutes left, and the visitors looked set to keep their title hopes on course.
The coach was furious with the referee after the match, and his players said the penalty decision cost them the game.
The two sides traded tries from the opening whistle, and the stadium crowd of 82,000 stayed on its feet for the last scrum.
England travel to Cardiff next weekend. France host Italy in Lyon.
"""


def test_a_match_report_whose_lead_is_the_score_is_still_sport() -> None:
    assert cases.verdict("en", "England and France clash in Twickenham thriller", SCORE_LEAD,
                         DIP) is None
