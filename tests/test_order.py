"""Two events in an order (factcheck/order.py): the record's dates of each decide it.

The phrasings are this project's own illustrations; the events are the bundled record's
(Musk stepped down as co-chair in February 2018, OpenAI released ChatGPT in November 2022,
Altman set up the for-profit subsidiary in March 2019, OpenAI was founded in 2015).
"""

from __future__ import annotations

import pytest

from factcheck.order import _split
from tests.helpers import assert_judged, bundled_index

C, S, U = "contradicted", "supported", "unknown"

CASES = [
    ("Musk stepped down as co-chair before ChatGPT was launched.", S, None),
    ("Musk stepped down as co-chair after ChatGPT was launched.", C, "after"),
    ("Before ChatGPT's release, Musk left OpenAI.", S, None),
    ("Musk stepped down as co-chair before Altman set up the for-profit subsidiary.", S, None),
    ("Altman set up the for-profit subsidiary before Musk stepped down as co-chair.", C, "before"),
    ("OpenAI was founded after ChatGPT was released.", C, "after"),
    ("マスク氏はChatGPTの公開前にOpenAIの共同会長を退いた。", S, None),
    ("マスク氏はChatGPTの公開後にOpenAIの共同会長を退いた。", C, "後に"),
    # an event the record does not date leaves the order to the claims ("xAI" is undated):
    # never a contradiction from another event's date
    ("Musk founded xAI after ChatGPT was released.", S, None),
]


@pytest.mark.parametrize(("text", "verdict", "word"), CASES)
def test_order_case(text: str, verdict: str, word: str | None) -> None:
    found = assert_judged(text, verdict, word)
    if verdict == C:
        assert found.conflict is not None and found.conflict.kind.value == "order"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Musk left OpenAI after ChatGPT was released.",
         ("Musk left OpenAI", "ChatGPT was released", "after")),
        ("Shortly after the launch, Altman wrote a memo.",
         ("Altman wrote a memo.", "the launch", "after")),
        ("マスク氏はChatGPTの公開前にOpenAIを去った。",
         ("マスク氏はOpenAIを去った。", "ChatGPTの公開", "前に")),
        ("ChatGPTの公開後、マスク氏はOpenAIを去った。",
         ("マスク氏はOpenAIを去った。", "ChatGPTの公開", "後、")),
        # no second event: a date, a set phrase, an ordering word that opens nothing
        ("Musk left OpenAI in the following year.", None),
        ("Musk was right after all.", None),
        ("Musk left OpenAI.", None),
        ("10年以上前、彼は初めて本社を訪れた。", None),  # a time ago, not another event
    ],
)  # fmt: skip
def test_the_two_events_and_the_word_that_orders_them(
    text: str, parts: tuple[str, str, str] | None
) -> None:
    assert _split(bundled_index().features(text)) == parts
