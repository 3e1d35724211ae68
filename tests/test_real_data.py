"""The real data in data/ and seeds/, whatever an editor has added: invariants only, never counts.

The code tests pin exact figures to the frozen copy in tests/fixture/. These hold for any sound data, so they pass
after an editor adds an article without anyone touching a test; tests/test_editor.py runs them on a copy with a
new article added.
"""

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from data_copies import RACE
from tracker.checks.check import check
from tracker.data.text import normalise
from tracker.exports import whole_view
from tracker.model import views
from tracker.model.load import load
from tracker.prose import describe
from tracker.reader.filters import bounds_of

ROOT = Path(__file__).resolve().parent.parent
STANCE_KINDS = {"endorsement", "reservation", "opposition"}
# House style: one to nine in words, larger numbers in figures (written out here, not asked of the code).
SMALL_NUMBERS = "zero one two three four five six seven eight nine".split()


def in_words(n: int) -> str:
    return SMALL_NUMBERS[n] if n < 10 else str(n)


def rows(data: Path, file: str) -> list[dict]:
    with (data / file).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def the_data_passes_its_check(data: Path, seeds: Path) -> None:
    assert [str(p) for p in check(data, seeds)] == []


def every_stance_is_sourced_verbatim(data: Path, seeds: Path) -> None:
    """Read straight from the files: each stance row names its article, whose text holds its evidence word for word."""
    seed_of = {a["article_id"]: a["seed_file"] for a in rows(data, "articles.csv")}
    stances = [e for e in rows(data, "events.csv") if e["kind"] in STANCE_KINDS]
    assert stances
    for row in stances:
        text = normalise((seeds / seed_of[row["article_id"]]).read_text(encoding="utf-8"))
        assert row["stance"] and row["evidence"].strip(), row["event_id"]
        assert normalise(row["evidence"]) in text, row["event_id"]


def every_article_is_drawn_and_listed(data: Path, seeds: Path) -> None:
    """Every article has rows in the data, a text in seeds/, and a place in the whole view's list of sources."""
    ds = load(data, seeds)
    articles = rows(data, "articles.csv")
    with_rows = {e["article_id"] for e in rows(data, "events.csv")}
    assert [a["article_id"] for a in articles if a["article_id"] not in with_rows] == []
    assert sorted(p.name for p in seeds.glob("*.txt")) == sorted(a["seed_file"] for a in articles)
    listed = [title for title, _ in whole_view.build(ds, bounds_of(ds).default()).sources]
    assert sorted(listed) == sorted(a["title"] for a in articles)


def the_map_description_agrees_with_the_map_rows_on_every_change(data: Path, seeds: Path) -> None:
    """On each day a stance changes, the map's sentence counts exactly the allies its rows draw as backing, named or
    counted at the appointment."""
    ds = load(data, seeds)
    changes = views.stance_changes(ds)
    for day in sorted(changes["date"].unique()):
        frame = views.map_frame(ds, day, changes)
        members = frame[frame["status"] != views.NOT_YET_MEMBER]
        named = int((members["status"] == "backs").sum())
        counted = int((members["status"] == views.COUNTED).sum())
        sentence = describe.stances_on(frame, day, race=ds.race)
        said = (
            rf"\b{in_words(named + counted)} of {len(members)} allies backed Rutte: {in_words(named)} named by the "
            rf"articles, {in_words(counted)} counted from the appointment"
            if named and counted
            else rf"\b{in_words(counted)} of {len(members)} allies backed Rutte: counted from the appointment"
            if counted
            else rf"\b{in_words(named)} of {len(members)} allies (was|were) named as backing Rutte\."
        )
        assert re.search(said, sentence), (
            pd.Timestamp(day),
            sentence,
        )


def every_article_count_in_the_prose_is_the_data_s(data: Path, seeds: Path) -> None:
    """The whole view says the number of articles there are, in words or figures, and no other."""
    ds = load(data, seeds)
    page = whole_view.html_page(whole_view.build(ds, bounds_of(ds).default()))
    said = {word.lower() for word in re.findall(r"\b(\w+) news articles\b", page)}  # 'Five' opening a sentence
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    n = len(rows(data, "articles.csv"))
    assert said == {words[n] if n < 10 else str(n)}, said


INVARIANTS = [
    the_data_passes_its_check,
    every_stance_is_sourced_verbatim,
    every_article_is_drawn_and_listed,
    the_map_description_agrees_with_the_map_rows_on_every_change,
    every_article_count_in_the_prose_is_the_data_s,
]


@pytest.mark.parametrize("invariant", INVARIANTS, ids=[i.__name__ for i in INVARIANTS])
def test_the_real_data(invariant):
    invariant(ROOT / "data" / RACE, ROOT / "seeds" / RACE)
