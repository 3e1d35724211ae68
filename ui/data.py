"""Cached access to the dataset and its derived views, refreshed when a data file or article changes."""

import os
import traceback
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st
from streamlit import dataframe_util

from tracker.charts.chart_registry import Scope
from tracker.data import paths
from tracker.data.problems import DataError
from tracker.model import views
from tracker.model.load import Dataset, load, member_names
from tracker.reader import filters, periods
from tracker.reader.filters import bounds_of, facts_in_view
from tracker.reader.view_state import Bounds, ViewState, rows_key
from ui.shared_cache import shared

Result = TypeVar("Result")


def _files_fingerprint() -> tuple:
    """Every data file and article: name, time of change and size (one stat each: this runs twice a rerun)."""
    found = []
    for folder, suffix in ((paths.DATA_DIR, ""), (paths.SEEDS_DIR, ".txt")):
        if not folder.is_dir():
            continue  # load() says what is missing
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(suffix) and entry.is_file():
                    status = entry.stat()
                    found.append((str(folder), entry.name, status.st_mtime_ns, status.st_size))
    return tuple(sorted(found))


# Shared, never copied: every rerun gets the same read-only frames. No client message can empty it (ui/shared_cache.py).
@shared(max_entries=2)
def _load(data_dir: str, seeds_dir: str, fingerprint: tuple) -> Dataset:
    return load(Path(data_dir), Path(seeds_dir))


@shared(max_entries=2)
def _derived(version: str, _ds: Dataset) -> dict:
    changes = views.stance_changes(_ds)
    bounds = bounds_of(_ds)
    return {
        "bounds": bounds,
        "changes": changes,
        "names": member_names(_ds),
        "choices": views.member_choices(_ds),
        "story": views.story_figures(_ds, changes),
        "periods": periods.presets(_ds, bounds),
        "quotes": views.quotes(_ds),
        "turns": views.turning_days(_ds, changes),
        "candidates": views.candidate_table(_ds),
        "milestones": views.milestone_labels(_ds),
    }


MAINTENANCE = "This story's data is being updated and cannot be shown right now. Please try again in a few minutes."


def dataset() -> Dataset:
    """The dataset, or a plain maintenance message (and the page stops) when the data cannot be loaded.

    Readers never see why; the server log gets every problem the check found, or the traceback."""
    try:
        return _load(str(paths.DATA_DIR), str(paths.SEEDS_DIR), _files_fingerprint())
    except Exception as err:  # whatever broke the data, the reader gets the same calm page
        st.error(MAINTENANCE, icon=":material/construction:")
        if isinstance(err, DataError):
            print(
                f"[tracker] data failed its checks ({len(err.problems)} problem(s)):",
                *map(str, err.problems[:20]),
                sep="\n  ",
            )
        else:
            traceback.print_exc()
        st.stop()


def derived(ds: Dataset) -> dict:
    return _derived(ds.version, ds)


@shared(max_entries=64)  # 32 rows per turning day
def _stances_on(version: str, day, _ds: Dataset, _changes):
    return views.map_frame(_ds, day, _changes)


def stances_on(ds: Dataset, day):
    """Each ally's stance on `day` (views.map_frame), shared read-only by every session: one frame for all the days
    up to the next change or accession, so a date never asked for before is rarely a new frame."""
    d = derived(ds)
    return _stances_on(ds.version, views.same_stances_day(day, d["turns"]), ds, d["changes"])


def bounds(ds: Dataset) -> Bounds:
    return derived(ds)["bounds"]


@shared(max_entries=256)  # a few pieces per page and view, each a small frame or a few lines
def _for_view(name: Hashable, version: str, view: ViewState | None, _make: Callable):
    return _make()


def for_view(name: Hashable, ds: Dataset, view: ViewState | None, make: Callable[[], Result]) -> Result:
    """`make()`, which must depend on nothing but `name`, the dataset and `view` (None: the dataset alone).
    Computed once per data version and view and shared read-only by every reader, so an unchanged rerun (or a
    second reader of the same view) reuses it. `name` may be any hashable: a chart's definition names its drawing."""
    return _for_view(name, ds.version, view, make)


def table_for_view(name: Hashable, ds: Dataset, view: ViewState | None, make: Callable[[], pd.DataFrame]):
    """A table to show (st.dataframe), as for_view gives it: held as the Arrow table Streamlit would otherwise
    make of the frame on every rerun (its own conversion, so the table is shown the same)."""
    return for_view(("table", name), ds, view, lambda: dataframe_util.convert_pandas_df_to_arrow_table(make()))


def table_rows_for_view(
    name: Hashable, ds: Dataset, view: ViewState, every_row: Callable[[], pd.DataFrame], kept: Callable[[], list]
):
    """table_for_view of a table whose rows are those of `every_row()` (built once per data version) at the
    positions `kept()`: the view's Arrow table is taken from the whole one, not converted afresh."""

    def whole():
        frame = every_row()
        # A plain index, as a filtered frame has, is stored as a column that take() keeps in step with the rows.
        return dataframe_util.convert_pandas_df_to_arrow_table(frame.set_axis(pd.Index(frame.index.to_list())))

    every = for_view(("table", name), ds, None, whole)
    return for_view(("table", name), ds, view, lambda: every.take(kept()))


def scope(ds: Dataset, view: ViewState) -> Scope:
    """What the registered charts are drawn from, with the views shared by every session."""
    d = derived(ds)
    return Scope(
        ds,
        view,
        d["bounds"],
        d["changes"],
        d["names"],
        lambda day: stances_on(ds, day),
        d["candidates"],
        lambda v: events_in_view(ds, v),
    )


def facts(ds: Dataset) -> pd.DataFrame:
    """One row per fact of the whole dataset (filters.facts)."""
    return filters.facts(ds)


def events_in_view(ds: Dataset, view: ViewState) -> pd.DataFrame:
    """The facts `view` keeps (filters.facts_in_view: a fact several articles report is one row), once per data
    version, dates and countries: shared by every page and chart that reads them, and by views that differ only in
    what the filters ignore (the focus, the map's date)."""
    return for_view(("events", rows_key(view)), ds, None, lambda: facts_in_view(ds, view))
