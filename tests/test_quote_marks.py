"""Quotation marks: a quote is set in typographic double marks, and the marks it holds become single ones."""

import re

import pytest

from test_pages import page
from tracker.data.text import quoted


@pytest.mark.parametrize(
    "text, expected",
    [
        ("plain words", "“plain words”"),
        (
            '"Trump’s main issue was that we were not spending enough. He was right," Rutte said.',
            "“‘Trump’s main issue was that we were not spending enough. He was right,’ Rutte said.”",
        ),
        (
            "replied by saying “You should check whether you are brain dead first.”",
            "“replied by saying ‘You should check whether you are brain dead first.’”",
        ),
        ("the Netherlands' outgoing Prime Minister", "“the Netherlands’ outgoing Prime Minister”"),
        ("being 'clear eyed' on Russia", "“being ‘clear eyed’ on Russia”"),
    ],
)
def test_quotes_are_set_in_typographic_marks_with_inner_marks_single(text, expected):
    assert quoted(text) == expected


DOUBLED = re.compile(r"[“\"]\s*\\?[\"“]|[”\"]\s*\\?[\"”]")  # two double marks in a row, e.g. “" or ,"”


# The timeline's card on an event whose sentence opens with a quotation of its own.
@pytest.mark.parametrize("name, params", [("quotes", {}), ("timeline", {"event": "rutte-trump-was-right"})])
def test_no_card_shows_doubled_or_straight_quotation_marks(name, params):
    at = page(name, **params).run()
    assert not at.exception
    texts = [m.value.replace("\\", "") for m in (*at.markdown, *at.caption)]
    quotes = [t for t in texts if "“" in t]
    assert any("Trump’s main issue" in t for t in quotes), "the quotation with marks of its own is not shown"
    for text in quotes:
        assert not DOUBLED.search(text), text
        assert '"' not in text, text
