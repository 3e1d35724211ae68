"""Finds the direct quotations in an article's text, each with the sentence around it and who it is attributed to.

Used by add_article to draft quote rows. Everything returned is a verbatim slice of the text (so the check's
"found verbatim" holds); the speaker is only what the sentence itself names, never a guess beyond it.
"""

import re
from dataclasses import dataclass

# Double quotation marks only: single ones are also apostrophes ("Rutte's").
QUOTATION = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
SAYING = r"(?:said|says|told|added|wrote|stated|declared|noted|warned|insisted|replied|posted|tweeted)"
NAME = r"((?:[A-ZÀ-Þ][\w’'.-]*)(?:\s+(?:[A-ZÀ-Þ][\w’'.-]*|de|van|der|von))*)"
ATTRIBUTIONS = [  # each yields the attributing words (group 0) and the name (group 1)
    re.compile(rf"\b{SAYING}\s+(?:the\s+\w+\s+)?{NAME}"),  # "said Hungarian Prime Minister Viktor Orbán"
    re.compile(rf"{NAME}\s+(?:has\s+|had\s+)?{SAYING}\b"),  # "Orbán said", "Kallas has posted"
    re.compile(rf"\baccording to\s+{NAME}"),  # "according to Kirby"
    re.compile(rf"{NAME}\s*:\s*$"),  # "Rutte:" before the quotation
]
# No name: a pronoun or a body in lower case ("he said", "the council said in a statement").
UNNAMED = re.compile(
    rf"\b(?:(?:the|a|an)\s+(?:\w+\s+){{0,2}}\w+|he|she|they|it)\s+{SAYING}\b|\b{SAYING}\s+(?:he|she|they)\b", re.I
)


@dataclass(frozen=True)
class Quotation:
    quote: str  # the words inside the marks, without the comma that hands over to "he said"
    sentence: str  # the sentence (or sentences) holding it, verbatim
    line: int  # of the text, counting from 1
    attribution: str  # the words that attribute it ("Orbán said", "he said"), or ""
    speaker: str  # the name the attribution gives, or "" when it gives none (a pronoun, nothing)


def _sentence_bounds(paragraph: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around paragraph[start:end]: from the end of the previous sentence to the end of this one."""
    before = [m.end() for m in SENTENCE_END.finditer(paragraph, 0, start)]
    first = before[-1] if before else 0
    after = SENTENCE_END.search(paragraph, end)
    last = after.end() if after else len(paragraph)
    while first < start and paragraph[first].isspace():
        first += 1
    return first, last


def _attribution(outside: str) -> tuple[str, str]:
    for pattern in ATTRIBUTIONS:
        match = pattern.search(outside)
        if match:
            return match.group(0).strip().rstrip("."), match.group(1).strip().rstrip(
                "."
            )  # the full stop ends the sentence
    unnamed = UNNAMED.search(outside)
    return (unnamed.group(0), "") if unnamed else ("", "")


def quotations(text: str) -> list[Quotation]:
    """Every double-quoted span of two words or more, in the order of the text."""
    found = []
    for number, paragraph in enumerate(text.split("\n"), 1):
        for match in QUOTATION.finditer(paragraph):
            quote = match.group(1) or match.group(2)
            if len(quote.split()) < 2:  # a scare-quoted word is not a quotation
                continue
            first, last = _sentence_bounds(paragraph, match.start(), match.end())
            sentence = paragraph[first:last].strip()
            outside = paragraph[first : match.start()] + " " + paragraph[match.end() : last]
            attribution, speaker = _attribution(outside)
            found.append(
                Quotation(
                    quote=quote.strip().rstrip(",").rstrip(),
                    sentence=sentence,
                    line=number,
                    attribution=attribution,
                    speaker=speaker,
                )
            )
    return found
