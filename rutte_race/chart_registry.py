"""Every chart of the product, declared once: its rows for a view, title, builder, description, table, CSV,
download name and cache key.

Pages (through ui.charts), their downloads, the embeds and the whole-view export all render from CHARTS, so a
chart reads the same everywhere. Adding a chart is one ChartDef in CHARTS plus its builder in charts.py.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import pandas as pd

from rutte_race import charts, corrections, describe, map_shapes, vega, views
from rutte_race.filters import bounds_of, describe_filters, filter_events
from rutte_race.formatting import day_text
from rutte_race.load import Dataset, per_version
from rutte_race.view_state import Bounds, ViewState, cache_key


@dataclass(frozen=True)
class Scope:
    """What every chart is drawn from: the data, the reader's view, and derived views (cached by the app)."""

    ds: Dataset
    view: ViewState
    bounds: Bounds
    changes: pd.DataFrame  # views.stance_changes
    names: dict[str, str]  # iso3 → name
    stances_on: Callable[[date], pd.DataFrame]  # views.map_frame for a day
    backers_by_date: Callable[[tuple[str, ...]], pd.DataFrame]  # views.backers_by_date for chosen countries
    candidates: pd.DataFrame  # views.candidate_table
    events_in: Callable[[ViewState], pd.DataFrame]  # filters.filter_events on the dataset's events

    @property
    def subtitle(self) -> str:
        return describe_filters(self.view, self.bounds, self.names)

    @cached_property  # several charts' rows, builds and notices read it
    def events(self) -> pd.DataFrame:
        """The events in the view."""
        return self.events_in(self.view)


def scope(ds: Dataset, view: ViewState) -> Scope:
    """A Scope computed afresh (for the exports; the app passes its cached views instead)."""
    changes = views.stance_changes(ds)
    return Scope(
        ds,
        view,
        bounds_of(ds),
        changes,
        dict(zip(ds.members["iso3"], ds.members["name"])),
        lambda day: views.map_frame(ds, day, changes),
        lambda countries: views.backers_by_date(ds, changes, countries),
        views.candidate_table(ds),
        lambda view: filter_events(ds.events, view),
    )


@dataclass(frozen=True)
class ChartDef:
    """One chart. Each function takes the Scope; those after `rows` also take the rows it returned."""

    slug: str  # names its files, embed and download buttons
    page: str  # the module in pages/ that shows it
    title: Callable[[Scope], str]
    rows: Callable[[Scope], pd.DataFrame]  # what the chart draws; empty: nothing matches the view
    build: Callable[[Scope, pd.DataFrame, str, str], object]  # (scope, rows, title, subtitle) → spec (vega.TopLevel)
    describe: Callable[[Scope, pd.DataFrame], str]  # in words, from the rows
    table: Callable[[Scope, pd.DataFrame], pd.DataFrame]  # the CSV download and the data behind the chart
    drawn_events: Callable[[Scope, pd.DataFrame], pd.Series]  # the event rows it draws, for the corrections notice
    file_name: Callable[[Scope], tuple[str, ...]]  # the parts of its download names (export.file_name)
    what: str  # what kind of chart, for its accessible text; {subtitle} is replaced by the view's
    empty: str = ""  # said instead of the chart when nothing matches; default: its description
    note: str = ""  # a caveat shown under the chart on its page
    subtitle: Callable[[Scope], str] | None = None  # default: the view's filters in one line (Scope.subtitle)
    # Fields of the view the marks never read (so the cached chart is shared across them); every other field,
    # including any filter added later, is in the cache key.
    ignores: tuple[str, ...] = ()
    # Charts whose marks are the same across many views may name them by what they draw instead: the spec is
    # built once per marks key and retitled per view.
    marks_key: Callable[[Scope, pd.DataFrame], tuple] | None = None
    # The spec shown on screen, made from the one exported, where the two differ (the map reads its shapes by URL).
    screen: Callable[[dict], dict] | None = None
    # Everything the drawn chart (rows, text, table) depends on besides the data, where that is less than the whole
    # view: views that share it share one drawing. Default: the whole view.
    draw_key: Callable[[Scope], tuple] | None = None

    def drawing_key(self, sc: Scope) -> tuple:
        return (self.slug, sc.view if self.draw_key is None else self.draw_key(sc))


@dataclass(eq=False)
class ViewChart:
    """A chart drawn for one view: what every consumer shows. `chart` is built on first use."""

    definition: ChartDef
    scope: Scope
    title: str
    subtitle: str
    rows: pd.DataFrame
    description: str  # generated from the chart's rows; when nothing matches the view, says so instead
    data: pd.DataFrame  # the table behind it: its CSV
    corrections_notice: str = ""  # corrections.chart_notice of the rows the chart draws
    file_parts: tuple[str, ...] = field(default=())

    @property
    def slug(self) -> str:
        return self.definition.slug

    @property
    def empty(self) -> bool:
        return self.rows.empty

    @property
    def what(self) -> str:
        return self.definition.what.format(subtitle=self.subtitle)

    @cached_property  # a map's marks key reads every ally's row: once per drawn view, not per rerun
    def cache_key(self) -> tuple:
        """Everything the built spec depends on: the data version and the view (or the chart's marks key)."""
        if self.definition.marks_key is not None:
            return (self.slug, self.scope.ds.version, self.definition.marks_key(self.scope, self.rows))
        return (
            self.slug,
            self.scope.ds.version,
            cache_key(self.scope.view, ignore=self.definition.ignores),
            self.title,
            self.subtitle,
        )

    def build(self):
        """The chart's spec (with an empty title when the marks key shares it across views: see retitling)."""
        if self.definition.marks_key is not None:
            return self.definition.build(self.scope, self.rows, "", "")
        return self.definition.build(self.scope, self.rows, self.title, self.subtitle)

    @cached_property
    def chart(self):
        """The chart's spec with its own title, or None when nothing matches the view."""
        return None if self.empty else self.definition.build(self.scope, self.rows, self.title, self.subtitle)


def draw(definition: ChartDef, sc: Scope) -> ViewChart:
    rows = definition.rows(sc)
    description = definition.describe(sc, rows)
    if rows.empty and definition.empty:
        description = definition.empty
    notice = "" if rows.empty else corrections.chart_notice(sc.ds.corrections, definition.drawn_events(sc, rows))
    subtitle = sc.subtitle if definition.subtitle is None else definition.subtitle(sc)
    return ViewChart(
        definition,
        sc,
        definition.title(sc),
        subtitle,
        rows,
        description,
        definition.table(sc, rows),
        notice,
        definition.file_name(sc),
    )


def on_page(page: str) -> list[ChartDef]:
    return [definition for definition in CHARTS if definition.page == page]


def view_charts(ds: Dataset, view: ViewState) -> list[ViewChart]:
    """Every chart for `view`, in the order the story tells them (embeds and the whole-view export)."""
    sc = scope(ds, view)
    return [draw(definition, sc) for definition in CHARTS]


def dated_range(view: ViewState) -> tuple[str, ...]:
    return (view.start.isoformat(), "to", view.end.isoformat(), *view.countries)


# ---- Backers over time (the story) ---------------------------------------------------------------------------


def backers_title(sc: Scope) -> str:
    """The title claims only what the line shows: allies the articles name (the alliance's size is in the y-axis
    title instead)."""
    of = f", of {describe.allies_of(len(sc.view.countries), chosen=True)}" if sc.view.countries else ""
    return f"Allies the articles name as backing Rutte{of}"


def backers_build(sc: Scope, rows: pd.DataFrame, title: str, subtitle: str):
    appointment = sc.ds.events.loc[sc.ds.events["kind"] == "appointment", "date"].min()
    return charts.backers_over_time(
        rows,
        sc.view.end,
        title,
        subtitle,
        start=sc.view.start,
        tallies=views.reported_tallies(sc.ds),
        appointment=appointment,
        chosen=bool(sc.view.countries),
    )


def backers_rows(sc: Scope) -> pd.DataFrame:
    series = sc.backers_by_date(sc.view.countries)
    return series[series["date"] <= pd.Timestamp(sc.view.end)]


def backers_drawn(sc: Scope, rows: pd.DataFrame) -> pd.Series:
    """The stance rows behind the chart: every change up to the view's end, of its allies."""
    drawn = sc.changes[sc.changes["date"] <= pd.Timestamp(sc.view.end)]
    return drawn.loc[drawn["iso3"].isin(sc.view.countries), "event_id"] if sc.view.countries else drawn["event_id"]


BACKERS = ChartDef(
    slug="backers-over-time",
    page="story",
    title=backers_title,
    rows=backers_rows,
    build=backers_build,
    describe=lambda sc, rows: describe.backers_until(
        sc.stances_on(sc.view.end), sc.changes, sc.names, sc.view.end, sc.view.countries
    ),
    table=lambda sc, rows: rows,
    drawn_events=backers_drawn,
    file_name=lambda sc: ("backers-over-time", *dated_range(sc.view)),
    what="Step chart of allies backing Rutte over time, {subtitle}; the table under it gives the figures.",
    empty="No stance is recorded before the end of the chosen dates. Widen the dates to see the race.",
    note=(
        "The solid line counts only allies the articles name; the diamond is Politico's reported tally of about "
        "two thirds of the allies. From the appointment on, every ally counts as backing, since it needed all of them."
    ),
    ignores=("as_of", "speakers", "event"),
)


# ---- The timeline --------------------------------------------------------------------------------------------

TIMELINE_TITLE = "Every sourced event of Rutte's race"


@per_version
def _timeline_parts(ds: Dataset) -> tuple[pd.DataFrame, list[dict], pd.DataFrame]:
    """What the timeline draws of every event (as a frame and as records) and every milestone: each view picks
    its rows from these."""
    frame = charts.timeline_frame(ds.events, ds.articles)
    return frame, vega.records(frame), charts.milestone_frame(frame, views.milestone_labels(ds))


def timeline_build(sc: Scope, rows: pd.DataFrame, title: str, subtitle: str):
    every_event, every_record, every_milestone = _timeline_parts(sc.ds)
    shown = every_event["event_id"].isin(rows["event_id"]).to_numpy()
    frame = every_event[shown].reset_index(drop=True)
    picked = [record for record, keep in zip(every_record, shown) if keep]
    milestones = every_milestone[every_milestone["event_id"].isin(rows["event_id"])]
    milestones = milestones.assign(row=range(len(milestones)))  # one label row each, counted among those shown
    return charts.timeline(frame, milestones, sc.view.start, sc.view.end, title, subtitle, picked)


TIMELINE = ChartDef(
    slug="timeline",
    page="timeline",
    title=lambda sc: TIMELINE_TITLE,
    rows=lambda sc: sc.events,
    build=timeline_build,
    describe=lambda sc, rows: describe.timeline(rows),
    table=lambda sc, rows: rows.drop(columns=["date_start", "date_end"]),
    drawn_events=lambda sc, rows: rows["event_id"],
    file_name=lambda sc: ("timeline", *dated_range(sc.view)),
    what="Timeline of the events, {subtitle}; the table below lists the same rows.",
    ignores=("as_of", "speakers", "event"),  # the focused event is a param set on the built chart
)


# ---- The backer map ------------------------------------------------------------------------------------------


def map_date(view: ViewState, last_change: date) -> date:
    """The backer map's date: the reader's, when inside the view's dates; else the last stance change, kept
    inside them."""
    if view.as_of is not None and view.start <= view.as_of <= view.end:
        return view.as_of
    return min(max(last_change, view.start), view.end)


def scope_map_date(sc: Scope) -> date:
    return map_date(sc.view, views.last_stance_change(sc.ds))


def map_shown(sc: Scope, stances: pd.DataFrame) -> pd.DataFrame:
    return stances[stances["iso3"].isin(sc.view.countries)] if sc.view.countries else stances


MAP_COLUMNS = {
    "name": "Ally",
    "status_label": "Stance",
    "since": "Since",
    "source_summary": "What",
    "source_evidence": "Article says",
    "source_label": "Source",
    "source_how_sure": "How sure are we",
}


def map_table(sc: Scope, stances: pd.DataFrame) -> pd.DataFrame:
    """The allies the map shows, with their stance and since when (the date of the row that sources it)."""
    return map_shown(sc, stances).assign(since=stances["source_when"])[list(MAP_COLUMNS)]


def map_marks_key(sc: Scope, stances: pd.DataFrame) -> tuple:
    """Every date with the same stances draws the same map (tooltips included: they come from the same rows)."""
    return tuple(
        stances[["iso3", "status", "source_when"]].astype(str).itertuples(index=False, name=None)
    ), sc.view.countries


BACKER_MAP = ChartDef(
    slug="backer-map",
    page="backer_map",
    title=lambda sc: f"Allies' stance on Rutte, {day_text(scope_map_date(sc))}",
    rows=lambda sc: sc.stances_on(scope_map_date(sc)),
    build=lambda sc, stances, title, subtitle: charts.backer_map(
        stances, sc.ds.shapes, sc.view.countries, title, subtitle
    ),
    subtitle=lambda sc: describe.map_subtitle(scope_map_date(sc), sc.view.countries, sc.names),
    describe=lambda sc, stances: describe.stances_on(stances, scope_map_date(sc), sc.view.countries),
    table=map_table,
    drawn_events=lambda sc, stances: map_shown(sc, stances)["source_event_id"].dropna(),
    file_name=lambda sc: ("backers", "as-of", scope_map_date(sc).isoformat(), *sc.view.countries),
    what="Map of NATO allies' stance toward Rutte; the table below lists every ally.",  # its description gives the date
    marks_key=map_marks_key,
    screen=map_shapes.shapes_by_url,
    draw_key=lambda sc: (scope_map_date(sc), sc.view.countries),  # the dates matter only through the map's date
)


# ---- The candidates ------------------------------------------------------------------------------------------

CANDIDATES_TITLE = "Each candidate's run, step by step"


def candidates_in_view(table: pd.DataFrame, view: ViewState) -> pd.DataFrame:
    """The candidates (views.candidate_table) from the view's countries."""
    return table[table["country_iso3"].isin(view.countries)] if view.countries else table


def candidates_drawn(sc: Scope, table: pd.DataFrame) -> pd.Series:
    rows = sc.events
    return rows.loc[
        rows["candidate"].isin(table["candidate_id"]) & rows["kind"].isin(charts.CANDIDATE_KINDS), "event_id"
    ]


@per_version
def _every_candidate_step(ds: Dataset) -> pd.DataFrame:
    """Every step of every candidate's run, indexed as ds.events: each view picks its own from these."""
    return charts.candidate_steps(ds.events, views.candidate_table(ds))


def candidates_build(sc: Scope, table: pd.DataFrame, title: str, subtitle: str):
    """The steps among the view's events of the candidates from its countries (`table`)."""
    rows = sc.events
    every = _every_candidate_step(sc.ds)
    steps = every[every.index.isin(rows.index[rows["candidate"].isin(table["candidate_id"])])]
    return charts.candidates_steps_chart(steps, title, subtitle, sc.view.start, sc.view.end)


CANDIDATES = ChartDef(
    slug="candidates",
    page="candidates",
    title=lambda sc: CANDIDATES_TITLE,
    rows=lambda sc: candidates_in_view(sc.candidates, sc.view),
    build=candidates_build,
    describe=lambda sc, table: describe.candidates(table, sc.ds.events),
    table=lambda sc, table: table.drop(columns=["last_event_date"]),
    drawn_events=candidates_drawn,
    file_name=lambda sc: ("candidates", *dated_range(sc.view)),
    what="Chart of each candidate's steps over time, {subtitle}; the cards below give the same facts.",
    ignores=("as_of", "speakers", "event"),
)


CHARTS: list[ChartDef] = [BACKERS, TIMELINE, BACKER_MAP, CANDIDATES]
