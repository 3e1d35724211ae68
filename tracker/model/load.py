"""Loads the checked, curated data as typed pandas frames (dates as datetimes, vocabularies as categoricals)."""

import functools
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tracker.checks.check import check
from tracker.data import copy_files, race_config
from tracker.data.paths import DATA_DIR, SEEDS_DIR
from tracker.data.problems import DataError
from tracker.data.race_config import RaceConfig
from tracker.data.schema import DESCRIPTOR, Table, tables
from tracker.model.corroboration import corroborate

# How far either side of its best-estimate date an event may lie, by precision.
APPROX_DAYS = 3


@dataclass(frozen=True)
class Dataset:
    articles: pd.DataFrame
    events: pd.DataFrame
    candidates: pd.DataFrame
    corrections: pd.DataFrame
    members: pd.DataFrame
    shapes: dict
    version: str
    race: RaceConfig  # what the race is called, and its body's nouns (race.toml)
    copy: dict[str, str]  # the race's copy: each piece's Markdown template (copy_files)
    published: pd.Timestamp | None = None  # when the story was first published (datapackage.json); None: not yet
    texts: dict[str, str] | None = None  # each article's text as kept in the race's seeds, by article id


def per_version(make: Callable[[Dataset], object]) -> Callable[[Dataset], object]:
    """`make(ds)`, computed once per data version (the last few kept) and shared read-only: for what every view
    of the data starts from. A version names the data's content (data_version), so it never goes stale."""
    results: dict[str, object] = {}

    @functools.wraps(make)
    def cached(ds: Dataset):
        if ds.version not in results:
            while len(results) >= 4:
                results.pop(next(iter(results)), None)
            results[ds.version] = make(ds)
        return results[ds.version]

    return cached


@per_version
def member_names(ds: Dataset) -> dict[str, str]:
    """Each member's name by its ISO code: 'HUN' → 'Hungary'. Shared: read it, never change it."""
    return dict(zip(ds.members["iso3"], ds.members["name"]))


def typed_frame(data_dir: Path, table: Table) -> pd.DataFrame:
    frame = pd.read_csv(data_dir / table.path, dtype=str, keep_default_na=False, encoding="utf-8")
    for field in table.fields:
        if field.type == "date":
            frame[field.name] = pd.to_datetime(frame[field.name], format="%Y-%m-%d")
        elif field.enum is not None:
            frame[field.name] = pd.Categorical(frame[field.name].replace("", None), categories=list(field.enum))
    return frame


def date_span(dates: pd.Series, precision: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Start and (exclusive) end of the period each date stands for, so a month is drawn as a month."""
    start = dates.copy()
    end = dates + pd.Timedelta(days=1)
    week, year, approx = precision == "week", precision == "year", precision == "approx"
    month = precision.isin(["month", "by_month"])  # a latest month is drawn over that month
    end[week] = dates[week] + pd.Timedelta(days=7)
    end[month] = dates[month] + pd.offsets.MonthBegin(1)
    end[year] = dates[year] + pd.offsets.YearBegin(1)
    start[approx] = dates[approx] - pd.Timedelta(days=APPROX_DAYS)
    end[approx] = dates[approx] + pd.Timedelta(days=APPROX_DAYS + 1)
    return start, end


def data_version(data_dir: Path, seeds_dir: Path, table_paths: list[str]) -> str:
    """A short fingerprint of the data package's content: it changes whenever a row or article does."""
    digest = hashlib.sha256()
    # The race's words (race.toml, its copy) are content too: a change to them is a new version of what readers see.
    words = [
        p
        for p in (data_dir / race_config.CONFIG, *sorted((data_dir / copy_files.COPY_DIR).glob("*.md")))
        if p.is_file()
    ]
    files = [data_dir / DESCRIPTOR, *words, *(data_dir / p for p in table_paths), *sorted(seeds_dir.glob("*.txt"))]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    package = json.loads((data_dir / DESCRIPTOR).read_text(encoding="utf-8"))
    return f"{package['version']}+{digest.hexdigest()[:8]}"


def load(data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR) -> Dataset:
    """The whole dataset, or DataError listing every problem when the data fails its checks."""
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    problems = check(data_dir, seeds_dir)
    if problems:
        raise DataError(problems)
    schema = tables(data_dir / DESCRIPTOR)
    frames = {name: typed_frame(data_dir, table) for name, table in schema.items()}
    events = frames["events"]
    events["date_start"], events["date_end"] = date_span(events["date"], events["date_precision"])
    events = corroborate(events, frames["articles"])
    return Dataset(
        articles=frames["articles"],
        events=events,
        candidates=frames["candidates"],
        corrections=frames["corrections"],
        members=frames["members"],
        shapes=json.loads((data_dir / "countries-110m.json").read_text(encoding="utf-8")),
        version=data_version(data_dir, seeds_dir, [t.path for t in schema.values()]),
        race=race_config.read(data_dir),
        copy=copy_files.read(data_dir),
        published=published_on(data_dir),
        texts={
            row.article_id: (seeds_dir / row.seed_file).read_text(encoding="utf-8")
            for row in frames["articles"].itertuples()
        },
    )


def published_on(data_dir: Path) -> pd.Timestamp | None:
    """The day the story was first published, from the descriptor's `published`: changes to the data from that day
    on are corrections; earlier ones are the fact-check before publication."""
    day = json.loads((data_dir / DESCRIPTOR).read_text(encoding="utf-8")).get("published")
    return pd.Timestamp(day) if day else None
