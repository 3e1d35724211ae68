"""The counts the prose speaks of (articles, allies), computed from the data, and the words for them.

Nothing on a page, in an export, in the data package or in the docs writes "five articles" or "32 allies" by
hand: it asks here, so a new article or ally changes every sentence at once. House style writes one to nine
in words and larger numbers in figures.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from tracker.data.formatting import first_upper

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number_word(n: int, capital: bool = False) -> str:
    """'five' for 5, '12' for 12, '5,102'; 'Five' with `capital`, for the start of a sentence or title."""
    word = NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else f"{n:,}"  # '5,102
    return first_upper(word) if capital else word


def counted(n: int, singular: str, plural: str | None = None, capital: bool = False) -> str:
    """'five news articles', 'one news article', 'Six people'."""
    return f"{number_word(n, capital)} {singular if n == 1 else plural or singular + 's'}"


@dataclass(frozen=True)
class Counts:
    articles: int
    allies: int

    @property
    def news_articles(self) -> str:
        """'five news articles'."""
        return counted(self.articles, "news article")


def of_dataset(ds) -> Counts:
    """The counts of a loaded Dataset."""
    return Counts(articles=len(ds.articles), allies=len(ds.members))


def csv_rows(path: Path) -> int:
    """Rows of a curated CSV (the header and blank lines excluded; a line break inside a quoted cell is not a row)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return max(sum(1 for row in csv.reader(handle) if row) - 1, 0)


def of_files(data_dir: Path) -> Counts:
    """The counts read straight from the CSVs, for the check and the generated docs (no load needed)."""
    data_dir = Path(data_dir)
    return Counts(articles=csv_rows(data_dir / "articles.csv"), allies=csv_rows(data_dir / "members.csv"))
