"""docs/FACTCHECK.md stays in step with the data: every row has a verdict, every row it names exists, and every
sentence of every article is there with its rows or the reason it was excluded."""

import csv
import re

import pytest

from data_copies import RACE, ROOT
from tracker.data.text import normalise

RECORD = ROOT / "docs" / "FACTCHECK.md"
VERDICTS = {"correct", "wrong, fixed", "questionable, fixed", "added"}
# One sentence ends at . ! or ? followed by a space and a capital, a quotation mark, a bracket or a bullet.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'(•])")
CELL_BORDER = re.compile(r"(?<!\\)\|")


def rows_of(file: str) -> list[dict]:
    with open(ROOT / "data" / RACE / file, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def sentences(text: str) -> list[str]:
    """The article's sentences, line by line, as the record lists them."""
    return [s for raw in text.splitlines() if (line := normalise(raw)) for s in SENTENCE_END.split(line)]


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of each table row (header and rule lines left out), with escaped pipes restored."""
    rows = []
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith(("| # |", "| Row |")):
            rows.append([cell.strip().replace("\\|", "|") for cell in CELL_BORDER.split(line)[1:-1]])
    return rows


def sections() -> dict[str, str]:
    """The record's text under each '## ' heading, by heading."""
    parts = re.split(r"^## (.+)$", RECORD.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2]))


KNOWN = (
    {row["event_id"] for row in rows_of("events.csv")}
    | {row["article_id"] for row in rows_of("articles.csv")}
    | {row["candidate_id"] for row in rows_of("candidates.csv")}
)


def test_every_events_row_has_exactly_one_verdict():
    verdicts = table_rows(sections()["Verdicts on every row of events.csv"])
    named = [row[0].strip("`") for row in verdicts]
    assert sorted(named) == sorted(row["event_id"] for row in rows_of("events.csv"))
    assert all(row[1] in VERDICTS and row[2] for row in verdicts), [
        row for row in verdicts if row[1] not in VERDICTS or not row[2]
    ]


def test_every_article_and_candidate_row_has_a_verdict():
    verdicts = table_rows(sections()["Verdicts on articles.csv and candidates.csv"])
    named = sorted(row[0].strip("`") for row in verdicts)
    assert named == sorted(
        [row["article_id"] for row in rows_of("articles.csv")]
        + [row["candidate_id"] for row in rows_of("candidates.csv")]
    )
    assert all(row[1] in VERDICTS for row in verdicts)


def test_every_row_the_record_names_exists():
    named = set(
        re.findall(
            r"`([a-z0-9]+(?:-[a-z0-9]+)*)`",
            "\n".join(" ".join(cells) for cells in table_rows(RECORD.read_text(encoding="utf-8"))),
        )
    )
    assert named - KNOWN == set()


@pytest.mark.parametrize("article", rows_of("articles.csv"), ids=lambda a: a["article_id"])
def test_every_sentence_of_the_article_is_covered_in_order(article):
    section = next(
        text for heading, text in sections().items() if heading.startswith(f"Article `{article['article_id']}`")
    )
    listed = table_rows(section)
    expected = sentences((ROOT / "seeds" / RACE / article["seed_file"]).read_text(encoding="utf-8"))
    assert [normalise(cells[1]) for cells in listed] == expected
    for number, (cells, _) in enumerate(zip(listed, expected), 1):
        rows = re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)*)`", cells[2])
        assert cells[2].startswith("Excluded: ") or (cells[2].startswith("`") and set(rows) <= KNOWN), (number, cells)


def test_the_figures_are_the_data_s():
    figures = sections()["Figures"]
    events = rows_of("events.csv")
    verdicts = [row[1] for row in table_rows(sections()["Verdicts on every row of events.csv"])]
    assert f"Rows checked: {len(events)} in events.csv" in figures
    assert (
        f"{verdicts.count('correct')} correct, {verdicts.count('wrong, fixed')} wrong and fixed, "
        f"{verdicts.count('questionable, fixed')} questionable and fixed, {verdicts.count('added')} added"
    ) in figures
