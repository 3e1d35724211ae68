"""The product's four charts for any view of the race, titled, subtitled and described as on their pages.

Embeds draw them for the default view; the whole-view export for the reader's.
"""
from dataclasses import dataclass
from datetime import date

import pandas as pd

from rutte_race import charts, corrections, describe, views
from rutte_race.filters import bounds_of, describe_filters, filter_events
from rutte_race.formatting import day_text
from rutte_race.load import Dataset
from rutte_race.url_state import ViewState


@dataclass(frozen=True)
class ViewChart:
    slug: str
    title: str
    description: str  # generated from the chart's rows; when nothing matches the view, says so instead
    chart: object | None  # an Altair chart, or None when nothing matches the view
    data: pd.DataFrame
    corrections_notice: str = ""  # corrections.chart_notice of the rows the chart draws


TIMELINE_TITLE = "Every sourced event of Rutte's race"
CANDIDATES_TITLE = "Each candidate's run, step by step"


def backers_title(view: ViewState, allies: int) -> str:
    """The title claims only what the line shows: allies the articles name (`allies`, the alliance's size, is in
    the y-axis title instead)."""
    of = f", of {describe.allies_of(len(view.countries), chosen=True)}" if view.countries else ""
    return f"Allies the articles name as backing Rutte{of}"


def backers_chart(ds: Dataset, series: pd.DataFrame, view: ViewState, title: str, subtitle: str):
    appointment = ds.events.loc[ds.events["kind"] == "appointment", "date"].min()
    return charts.backers_over_time(series, view.end, title, subtitle, start=view.start, tallies=views.reported_tallies(ds),
                                    appointment=appointment, chosen=bool(view.countries))


def backers_drawn(changes: pd.DataFrame, view: ViewState) -> pd.Series:
    """The stance rows behind the backers-over-time chart: every change up to the view's end, of its allies."""
    drawn = changes[changes["date"] <= pd.Timestamp(view.end)]
    return drawn.loc[drawn["iso3"].isin(view.countries), "event_id"] if view.countries else drawn["event_id"]


def timeline_chart(ds: Dataset, rows: pd.DataFrame, view: ViewState, subtitle: str):
    frame = charts.timeline_frame(rows, ds.articles)
    return charts.timeline(frame, charts.milestone_frame(frame, views.milestone_labels(ds)), view.start, view.end, TIMELINE_TITLE, subtitle)


def names_of(ds: Dataset) -> dict[str, str]:
    return dict(zip(ds.members["iso3"], ds.members["name"]))


def map_drawn(stances: pd.DataFrame, countries: tuple[str, ...]) -> pd.Series:
    """The rows sourcing the stances of the allies the map shows."""
    shown = stances[stances["iso3"].isin(countries)] if countries else stances
    return shown["source_event_id"].dropna()


def candidates_in_view(ds: Dataset, view: ViewState) -> pd.DataFrame:
    table = views.candidate_table(ds)
    return table[table["country_iso3"].isin(view.countries)] if view.countries else table


def candidates_drawn(rows: pd.DataFrame, table: pd.DataFrame) -> pd.Series:
    return rows.loc[rows["candidate"].isin(table["candidate_id"]) & rows["kind"].isin(charts.CANDIDATE_KINDS), "event_id"]


def map_date(view: ViewState, last_change: date) -> date:
    """The backer map's date: the reader's, when inside the view's dates; else the last stance change, kept inside them."""
    if view.as_of is not None and view.start <= view.as_of <= view.end:
        return view.as_of
    return min(max(last_change, view.start), view.end)


def view_charts(ds: Dataset, view: ViewState) -> list[ViewChart]:
    """Backers over time, the timeline, the backer map and the candidates, for `view`."""
    names = dict(zip(ds.members["iso3"], ds.members["name"]))
    subtitle = describe_filters(view, bounds_of(ds), names)
    changes = views.stance_changes(ds)
    rows = filter_events(ds.events, view)
    return [_backers(ds, view, changes, names, subtitle), _timeline(ds, view, rows, subtitle),
            _backer_map(ds, view, changes, subtitle), _candidates(ds, view, rows, subtitle)]


def _backers(ds, view, changes, names, subtitle) -> ViewChart:
    series = views.backers_by_date(ds, changes, view.countries)
    series = series[series["date"] <= pd.Timestamp(view.end)]
    title = backers_title(view, len(ds.members))
    if series.empty:
        return ViewChart("backers-over-time", title, "No stance is recorded before the end of the chosen dates.", None, series)
    description = describe.backers_until(views.map_frame(ds, view.end, changes), changes, names, view.end, view.countries)
    return ViewChart("backers-over-time", title, description, backers_chart(ds, series, view, title, subtitle), series,
                     corrections.chart_notice(ds.corrections, backers_drawn(changes, view)))


def _timeline(ds, view, rows, subtitle) -> ViewChart:
    data = rows.drop(columns=["date_start", "date_end"])
    if rows.empty:
        return ViewChart("timeline", TIMELINE_TITLE, describe.timeline(rows), None, data)
    return ViewChart("timeline", TIMELINE_TITLE, describe.timeline(rows), timeline_chart(ds, rows, view, subtitle), data,
                     corrections.chart_notice(ds.corrections, rows["event_id"]))


def _backer_map(ds, view, changes, subtitle) -> ViewChart:
    day = map_date(view, changes["date"].max().date())
    stances = views.map_frame(ds, day, changes)
    title = f"Allies' stance on Rutte, {day_text(day)}"
    shown = stances[stances["iso3"].isin(view.countries)] if view.countries else stances
    data = shown[["name", "status_label", "source_when", "source_summary", "source_evidence", "source_label", "source_how_sure"]]
    return ViewChart("backer-map", title, describe.stances_on(stances, day, view.countries),
                     charts.backer_map(stances, ds.shapes, view.countries, title, describe.map_subtitle(day, view.countries, names_of(ds))), data,
                     corrections.chart_notice(ds.corrections, map_drawn(stances, view.countries)))


def _candidates(ds, view, rows, subtitle) -> ViewChart:
    table = candidates_in_view(ds, view)
    data = table.drop(columns=["last_event_date"])
    if table.empty:
        return ViewChart("candidates", CANDIDATES_TITLE, describe.candidates(table, ds.events), None, data)
    return ViewChart("candidates", CANDIDATES_TITLE, describe.candidates(table, ds.events), charts.candidates_chart(rows, table, CANDIDATES_TITLE, subtitle, view.start, view.end), data,
                     corrections.chart_notice(ds.corrections, candidates_drawn(rows, table)))
