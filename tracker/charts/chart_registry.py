"""Every chart of the product, declared once: its rows for a view, title, builder, description, table, CSV,
download name and cache key.

Pages (through ui.charts), their downloads, the embeds and the whole-view export all render from CHARTS, so a
chart reads the same everywhere. Adding a chart is one ChartDef in CHARTS plus its builder in charts.py.
"""

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

import pandas as pd

from tracker.charts import charts, map_shapes, time_axis, vega
from tracker.checks import accuracy
from tracker.data import copy_files, formatting, kinds
from tracker.data.formatting import by_date, date_label, day_text
from tracker.data.race_config import RaceConfig
from tracker.model import corrections, tables, views
from tracker.model.load import Dataset, member_names, per_version
from tracker.prose import describe
from tracker.reader.filters import bounds_of, describe_filters, facts_in_view
from tracker.reader.view_state import Bounds, ViewState, cache_key


@dataclass(frozen=True)
class Scope:
    """What every chart is drawn from: the data, the reader's view, and derived views (cached by the app)."""

    ds: Dataset
    view: ViewState
    bounds: Bounds
    changes: pd.DataFrame  # views.stance_changes
    names: dict[str, str]  # iso3 → name
    stances_on: Callable[[date], pd.DataFrame]  # views.map_frame for a day
    candidates: pd.DataFrame  # views.candidate_table
    events_in: Callable[[ViewState], pd.DataFrame]  # filters.facts_in_view: one row per fact

    @property
    def subtitle(self) -> str:
        return describe_filters(self.view, self.bounds, self.names, self.ds.race.body.members)

    @cached_property  # several charts' rows, builds and notices read it
    def events(self) -> pd.DataFrame:
        """The facts in the view, one row each."""
        return self.events_in(self.view)


def scope(ds: Dataset, view: ViewState) -> Scope:
    """A Scope computed afresh (for the exports; the app passes its cached views instead)."""
    changes = views.stance_changes(ds)
    return Scope(
        ds,
        view,
        bounds_of(ds),
        changes,
        member_names(ds),
        lambda day: views.map_frame(ds, day, changes),
        views.candidate_table(ds),
        lambda view: facts_in_view(ds, view),
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
        race = self.scope.ds.race
        return self.definition.what.format(
            subtitle=self.subtitle.split("\n")[0],  # its dates and allies
            candidate=race.protagonist.name,
            body=race.body.name,
            member=race.body.member,
            members=race.body.members,
        )

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
        description = definition.empty.format(member=sc.ds.race.body.member, members=sc.ds.race.body.members)
    drawn = [] if rows.empty else definition.drawn_events(sc, rows)
    notice = corrections.chart_notice(sc.ds.corrections, sc.ds.published, drawn)
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
        (sc.ds.race.files.prefix, *definition.file_name(sc)),
    )


def on_page(page: str) -> list[ChartDef]:
    return [definition for definition in CHARTS if definition.page == page]


def view_charts(ds: Dataset, view: ViewState) -> list[ViewChart]:
    """Every chart for `view`, in the order the story tells them (embeds and the whole-view export)."""
    sc = scope(ds, view)
    return [draw(definition, sc) for definition in CHARTS]


def dated_range(view: ViewState) -> tuple[str, ...]:
    return (view.start.isoformat(), "to", view.end.isoformat(), *view.countries)


# ---- Each ally's stance over time (the story) ------------------------------------------------------------------

STANCE_COLUMNS = {  # and "name", headed by the race's noun for a member ('Ally')
    "stance": "Stance",
    "start": "From",
    "start_precision": "From: how exact",
    "last": "Last reported",
    "end": "Until",
    "how": "How we know",
    "evidence": "Article says",
    "source": "Source",
    "how_sure": "How sure are we",
}


def home_country(ds: Dataset) -> tuple[str, str]:
    """The protagonist's own country (its code) and their name, as the map's tooltip says it."""
    protagonist = ds.race.protagonist
    return ds.candidates.set_index("candidate_id").at[protagonist.candidate, "country_iso3"], protagonist.name


def decision_day(ds: Dataset) -> pd.Timestamp:
    return ds.events.loc[ds.events["kind"] == kinds.the_kind(kinds.DECISION), "date"].min()


def stance_rows(sc: Scope) -> pd.DataFrame:
    """Each period of a named stance of the view's allies that begins by the end of its dates and ends after its
    start: stance_periods, as the chart and its CSV draw them."""
    periods = views.stance_periods(sc.ds)
    first, last = pd.Timestamp(sc.view.start), pd.Timestamp(sc.view.end)
    keep = (periods["start"] <= last) & (periods["end"].isna() | (periods["end"] > first))
    if sc.view.countries:
        keep &= periods["iso3"].isin(sc.view.countries)
    return periods[keep]


def _when(day, precision: str, one_year: bool) -> str:
    """A date in a row's label: without its year when every date the chart labels is in one year (the axis gives it)."""
    return date_label(day, precision, year=not one_year)


def _stance_dates(sc: Scope, rows: pd.DataFrame) -> list[pd.Timestamp]:
    """The dates the story chart labels: each stance's start, and the decision when the view holds it."""
    first, last = time_axis.domain(sc.view.start, sc.view.end)
    decision = decision_day(sc.ds)
    return [*rows["start"], *([decision] if first <= decision < last else [])]


def stance_axis_start(sc: Scope, rows: pd.DataFrame) -> pd.Timestamp:
    """Where the story chart's axis starts: the month of the first stance, when the dates start earlier (nothing is
    drawn before it)."""
    first = time_axis.domain(sc.view.start, sc.view.end)[0]
    dated = _stance_dates(sc, rows)
    return max(first, min(dated).to_period("M").to_timestamp()) if dated else first


def stance_subtitle(sc: Scope) -> str:
    """The dates the chart draws, from its axis's start (the first stance's month, when the chosen dates start
    earlier: nothing is drawn before it), and the allies chosen."""
    start = stance_axis_start(sc, stance_rows(sc)).date()
    # never before the chosen start
    drawn = describe_filters(replace(sc.view, start=start), sc.bounds, sc.names, sc.ds.race.body.members)
    # The chosen dates start earlier than anything there is to draw: the chart (and its files' names) start at the
    # first stance's month, and say why in a phone's width.
    why = [f"The articles report no stance before {start:%B %Y}"] if start > sc.view.start else []
    # With every ally shown, the articles' counts of backers they leave unnamed: their sign of support wider than the
    # rows, as on the map (editor round 37: only the chart's description told it, and the grey row of the allies no
    # article names understated the lead).
    tallies = views.reported_tallies(sc.ds)
    in_dates = tallies[(tallies["date"] >= pd.Timestamp(start)) & (tallies["date"] <= pd.Timestamp(sc.view.end))]
    counts = [] if sc.view.countries else [tally_sentence(sc, tally) for _, tally in in_dates.iterrows()]
    return "\n".join([drawn, *why, *(line for count in counts for line in textwrap.wrap(count, MAP_NOTE_WIDTH))])


def stance_dates_drawn(sc: Scope) -> tuple[str, ...]:
    """The dates the story chart draws (stance_subtitle), for its files' names."""
    return dated_range(replace(sc.view, start=stance_axis_start(sc, stance_rows(sc)).date()))


def ally_order(rows: pd.DataFrame) -> list[str]:
    """The story chart's allies (iso3) in its order, which its CSV keeps: the holdouts first, the story's tension, by
    when they were first reported holding out; then the backers, by when they were first reported backing."""
    order = {}
    for iso3, periods in rows.groupby("iso3", sort=False):
        backing = periods[(periods["status"] == "backs")]
        holding = periods[periods["status"] != "backs"]
        order[iso3] = (
            holding.empty,
            holding["start"].min() if not holding.empty else pd.Timestamp.min,
            backing["start"].min() if not backing.empty else pd.Timestamp.max,
            periods["name"].iloc[0],
        )
    return sorted(order, key=order.get)


def unnamed_groups_drawn(sc: Scope, shown_from: pd.Timestamp, last: pd.Timestamp) -> list[dict]:
    """The reports of unnamed groups holding out (views.unnamed_holdouts) on the story chart's axis."""
    return [g for g in views.unnamed_holdouts(sc.ds) if shown_from <= g["date"] < last]


def unnamed_sentences(sc: Scope, shown_from: pd.Timestamp) -> str:
    """What the story chart leaves out, as it draws only the members the articles name: the first unnamed group
    reported holding out ('Some Eastern European allies, unnamed, were reported holding reservations around 19
    January 2024.') and each count of unnamed backers; '' with countries chosen."""
    last = time_axis.domain(sc.view.start, sc.view.end)[1]
    if sc.view.countries:
        return ""
    groups = unnamed_groups_drawn(sc, shown_from, last)
    tallies = views.reported_tallies(sc.ds)
    tallies = tallies[(tallies["date"] >= shown_from) & (tallies["date"] < last)]
    him, members = sc.ds.race.protagonist.him, sc.ds.race.body.members
    said = [
        f" {group['who']}, unnamed, were reported {describe.holding_words(group['stance'], him)} "
        f"{by_date(group['date'], group['precision'])}."
        for group in groups[:1]
    ]
    said += [
        f" {tally['who']} reported {by_date(tally['date'], str(tally['precision']))} that "
        + (f"{tally['share']} of the {tally['of']}" if tally["share"] else f"about {tally['count']} of {tally['of']}")
        + f" {members} backed {him}; the chart draws only the {members} an article names."
        for _, tally in tallies.iterrows()
    ]
    return "".join(said)


def stance_story(sc: Scope, rows: pd.DataFrame) -> tuple[pd.Timestamp, list[dict], list[dict], list[dict], dict | None]:
    """What the chart draws for the view: where its axis starts (stance_axis_start), a labelled row per ally, its
    stance periods, the reports of each holdout (charts.stances_by_ally) and the decision."""
    first, last = time_axis.domain(sc.view.start, sc.view.end)
    decision = decision_day(sc.ds)
    one_year = len({d.year for d in _stance_dates(sc, rows)}) <= 1
    names = formatting.article_names(sc.ds.articles)
    shown_from = stance_axis_start(sc, rows)
    out_rows, bars, reports = [], [], []
    for rank, iso3 in enumerate(ally_order(rows)):
        periods = rows[rows["iso3"] == iso3]
        parts, caveats, bounded = [], [], False
        for _, period in periods.iterrows():
            when = _when(period["start"], period["precision"], one_year)
            status = period["status"]
            # 'by' a date that bounds the stance (reported as standing then: it may be older), else 'from'.
            since = "by" if accuracy.date_bound(period["basis"]) == accuracy.NO_LATER.lower() else "from"
            bounded = bounded or (since == "by" and not period["derived"])
            verb = {
                "backs": "counted as backing from" if period["derived"] else f"backs {since}",
                "undeclared": "not yet backing,",
                "reservations": f"reservations {since}",
                "opposes": f"opposes {since}",
            }[status]
            # A holdout known only with a caution (Hungary's, from a cited report's title) is starred, the caution
            # in the chart's key: the chart must not state it more firmly than the articles do.
            cautioned = status != "backs" and not period["derived"] and period["note_type"] == "caution"
            if cautioned:
                caveats.append(caveat(period["name"], period["note"]))
            parts.append(f"{verb} {when}{'*' if cautioned else ''}")
            end = min(period["end"] if pd.notna(period["end"]) else last, last)
            bar = {
                "member": period["name"],
                "shade": views.COUNTED if period["derived"] else status,
                "start": max(period["start"], shown_from).isoformat(),
                "end": end.isoformat(),
                "stance": sc.ds.race.stances.label_of(status, period["derived"]),
                "when": date_label(period["start"], period["precision"]) + (" or earlier" if since == "by" else ""),
                "until": "" if pd.isna(period["end"]) else day_text(period["end"]),
                "evidence": period["evidence"],
                "source": names.get(period["article_id"], ""),
                "how_sure": period["how_sure"],
                "note": period["note"],
                # a date from outside the articles says so (editor round 32: 'from 22 February', an article of 23)
                "outside": accuracy.outside_text(period["outside_fact"], period["outside_source"]),
                "outline": charts.STATUS_COLOURS.get(status, "#333333"),
            }
            # A holdout is drawn solid as far as the articles report it, and faded from its last report on: no
            # article says it held out after that, nor that it changed.
            reported_to = period["last"]
            if status != "backs" and not period["derived"]:
                reports += [
                    {
                        "member": period["name"],
                        "at": day.isoformat(),
                        "shade": status,
                        "report": f"{label} ({when_said})",
                    }
                    for day, precision, label in (
                        (period["start"], period["precision"], "First reported"),
                        (reported_to, period["last_precision"], "Last reported"),
                    )
                    if pd.notna(day)
                    and shown_from <= day < last
                    and (label == "First reported" or day > period["start"])
                    for when_said in [date_label(day, precision)]
                ]
                # A later report that it had held out earlier ('had earlier expressed reservations') is not drawn: a
                # square on its date read as a holdout then, after the last report the title gives (editors 27, 30).
            if status != "backs" and pd.notna(reported_to) and reported_to < end - pd.Timedelta(days=1):
                last_when = date_label(reported_to, period["last_precision"])
                if reported_to > period["start"]:
                    parts.append(f"still holding out {_when(reported_to, period['last_precision'], one_year)}")
                bars.append(
                    {**bar, "end": max(reported_to, shown_from).isoformat(), "until": f"{last_when}, its last report"}
                )
                bar = {
                    **bar,
                    "shade": charts.faded(status),
                    "start": max(reported_to, shown_from).isoformat(),
                    # 'that it still did': a later article may say it had held out earlier (fact-check round 24)
                    "stance": f"{sc.ds.race.stances.label(status)}; last reported holding out {last_when}, "
                    "no later report that it still did",
                }
            bars.append(bar)
        first_start = max(periods["start"].min(), shown_from)
        label = charts.row_label(parts)
        out_rows.append(
            {
                "member": periods["name"].iloc[0],
                "order": rank,
                "label": label,
                **label_place(label, first_start, shown_from, last),
                "caveats": caveats,
                "bounded": bounded,
            }
        )
    unnamed = _unnamed_allies(sc, set(rows["iso3"]), last)
    if unnamed:
        counted = first <= decision < last and sc.ds.race.decision.consensus
        label = "none named with a stance" + (
            f";\ncounted as backing from {_when(decision, 'day', one_year)}" if counted else ""
        )
        title = (
            f"The other {len(unnamed)}" if rows.size else formatting.first_upper(sc.ds.race.members_of(len(unnamed)))
        )
        if sc.view.countries:
            title = describe.names_list([sc.names[c] for c in unnamed])
        out_rows.append(
            {
                "member": title,
                "order": len(out_rows),
                "label": formatting.first_upper(label),
                "label_at": shown_from.isoformat(),
                "align": "left",
            }
        )
        if counted:
            bars.append(
                {
                    "member": title,
                    "shade": views.COUNTED,
                    "start": decision.isoformat(),
                    "end": last.isoformat(),
                    "stance": sc.ds.race.stances.counted,
                    "when": day_text(decision),
                    "until": "",
                    "evidence": "",
                    "source": "",
                    "how_sure": sc.ds.race.stances.counted_how,
                }
            )
    decision_note = (
        {
            "date": decision.isoformat(),
            **decision_words(_when(decision, "day", one_year), decision, shown_from, last, sc.ds.race),
        }
        if first <= decision < last
        else None
    )
    if decision_note:
        decision_note["keys"] = [*decision_note["keys"], *filter(None, [_decision_day_source(sc.ds)])]
    return shown_from, out_rows, bars, reports, decision_note


STORY_NARROWEST_PLOT, STORY_LABEL_CHAR = 230, 6.5  # px: the story chart's plot on a phone; a 12 px label's character
BOLD_LABEL_CHAR = 7.5  # px: a character of the decision's bold note, as vl-convert measures it (wide)


def decision_words(
    when: str, decision: pd.Timestamp, axis_start: pd.Timestamp, axis_end: pd.Timestamp, race: RaceConfig
) -> dict:
    """The decision's note over its rule, {text, keys}: 'Appointed 26 June: all had to agree' when it fits on a
    phone's plot on either side of the rule (on the left it may run over the members' names); else 'Appointed 26
    June', with the rest a line of the key under the chart (two lines of note ran into the dates above it)."""
    short = f"{race.decided} {when}"
    if not race.decision.consensus:  # by another rule the decision makes no one a backer: its note says only what
        return {"text": short, "keys": []}
    at = (decision - axis_start) / (axis_end - axis_start)
    room = max(at * STORY_NARROWEST_PLOT + charts.ALLY_AXIS, (1 - at) * STORY_NARROWEST_PLOT)
    words = f"{short}: all had to agree"
    if len(words) * BOLD_LABEL_CHAR <= room:
        return {"text": words, "keys": []}
    return {
        "text": short,
        "keys": [f"{formatting.first_upper(race.decision.noun)}: every {race.body.member} had to agree"],
    }


def label_place(label: str, mark: pd.Timestamp, axis_start: pd.Timestamp, axis_end: pd.Timestamp) -> dict:
    """Where a row's label goes, {label_at, align}: reading rightwards from its mark when its longest line fits there
    on a phone's plot, else leftwards to it when it fits that way, else centred on it when it fits so, else from the
    axis's start (its words say the date). A label far from its bar read as the bar's start (editor round 25)."""
    at = (mark - axis_start) / (axis_end - axis_start)
    share = max(map(len, label.split("\n"))) * STORY_LABEL_CHAR / STORY_NARROWEST_PLOT
    if at + share <= 1:
        return {"label_at": mark.isoformat(), "align": "left"}
    if at - share >= 0:
        return {"label_at": mark.isoformat(), "align": "right"}
    if at - share / 2 >= 0 and at + share / 2 <= 1:
        return {"label_at": mark.isoformat(), "align": "center"}
    return {"label_at": axis_start.isoformat(), "align": "left"}


def _decision_day_source(ds: Dataset) -> str:
    """'Appointment's date: from outside the articles' when the decision's day comes from an outside fact (its card
    and the story's lead name the source), else ''."""
    row = ds.events[ds.events["kind"] == kinds.the_kind(kinds.DECISION)].iloc[0]
    return f"{kinds.label(row['kind'])}'s date: from outside the articles" if row["outside_fact"] else ""


def _unnamed_allies(sc: Scope, named: set[str], last: pd.Timestamp) -> list[str]:
    """The view's allies (members by the end of its dates) no article names with a stance in it."""
    members = sc.ds.members[sc.ds.members["accession_date"] < last]["iso3"]
    chosen = [c for c in members if not sc.view.countries or c in sc.view.countries]
    return [c for c in chosen if c not in named]


def stance_title(sc: Scope) -> str:
    """The finding, in words: how many allies were named as backing, and who held out until when."""
    return describe.stances_title(
        views.holdouts(stance_rows(sc), sc.view.end),
        _named_backers(sc),
        decision_day(sc.ds),
        sc.view.end,
        race=sc.ds.race,
        chosen=tuple(sc.names[c] for c in sc.view.countries),
    )


def _named_backers(sc: Scope) -> int:
    """Allies of the view named as backing by the end of its dates (before the decision, when it is inside them)."""
    rows = stance_rows(sc)
    before = min(pd.Timestamp(sc.view.end), decision_day(sc.ds) - pd.Timedelta(days=1))
    backing = rows[(rows["status"] == "backs") & ~rows["derived"] & (rows["start"] <= before)]
    return backing["iso3"].nunique()


def stance_table(sc: Scope, rows: pd.DataFrame) -> pd.DataFrame:
    """The chart's periods, allies in the chart's order, each with its last report; then the allies no article names,
    counted as backing from the decision when the dates hold it."""
    names = formatting.article_names(sc.ds.articles)
    rank = {iso3: i for i, iso3 in enumerate(ally_order(rows))}
    rows = rows.assign(_rank=rows["iso3"].map(rank)).sort_values(["_rank", "start"], kind="stable")
    named = pd.DataFrame(
        {
            "name": rows["name"],
            "stance": [sc.ds.race.stances.label_of(s, d) for s, d in zip(rows["status"], rows["derived"])],
            "start": rows["start"].dt.strftime("%Y-%m-%d"),
            "start_precision": tables.how_exact(rows["precision"], rows["basis"]),
            "last": rows["last"].dt.strftime("%Y-%m-%d").fillna(""),
            "end": rows["end"].dt.strftime("%Y-%m-%d").fillna(""),
            "how": [sc.ds.race.stances.counted_how if d else "Named in the article" for d in rows["derived"]],
            "evidence": rows["evidence"],
            "source": rows["article_id"].map(names),
            "how_sure": rows["how_sure"],
        }
    )
    first, last = time_axis.domain(sc.view.start, sc.view.end)
    decision = decision_day(sc.ds)
    unnamed = sorted(sc.names[c] for c in _unnamed_allies(sc, set(rows["iso3"]), last))
    counted = pd.DataFrame(
        {
            "name": unnamed,
            "stance": sc.ds.race.stances.counted,
            "start": decision.strftime("%Y-%m-%d"),
            "start_precision": tables.HOW_EXACT["day"],
            "last": "",
            "end": "",
            "how": sc.ds.race.stances.counted_how,
            "evidence": "",
            "source": "",
            "how_sure": "",
        }
    )
    shown = [named, counted] if first <= decision < last and unnamed else [named]
    headers = {"name": sc.ds.race.member_heading, **STANCE_COLUMNS}
    return pd.concat(shown, ignore_index=True).rename(columns=headers)


def stance_build(sc: Scope, rows: pd.DataFrame, title: str, subtitle: str):
    start, story_rows, bars, reports, decision = stance_story(sc, rows)
    words = sc.ds.race.stances
    return charts.stances_by_ally(
        story_rows, bars, start, sc.view.end, title, subtitle, words, decision, reports, sc.ds.race.member_heading
    )


STANCES = ChartDef(
    slug="stances-by-ally",
    page="story",
    title=stance_title,
    rows=stance_rows,
    build=stance_build,
    describe=lambda sc, rows: (
        describe.stances_over_time(
            views.holdouts(rows, sc.view.end),
            rows,
            _named_backers(sc),
            decision_day(sc.ds),
            sc.view,
            sc.names,
            len(_unnamed_allies(sc, set(rows["iso3"]), time_axis.domain(sc.view.start, sc.view.end)[1])),
            race=sc.ds.race,
        )
        + unnamed_sentences(sc, stance_axis_start(sc, rows))
    ),
    table=stance_table,
    subtitle=stance_subtitle,
    drawn_events=lambda sc, rows: rows["event_id"],
    file_name=lambda sc: ("stances-by-ally", *stance_dates_drawn(sc)),
    what="Chart of each {member}'s stance toward {candidate} over time, {subtitle}; the table under it gives the same "
    "periods.",
    empty="No {member}'s stance is reported in the chosen dates and countries. Widen the dates to see the race.",
    ignores=("as_of", "speakers", "event"),
)


# ---- The timeline --------------------------------------------------------------------------------------------


@per_version
def _timeline_parts(ds: Dataset) -> tuple[pd.DataFrame, list[dict], pd.DataFrame]:
    """What the timeline draws of every event (as a frame and as records) and every milestone: each view picks
    its rows from these."""
    frame = charts.timeline_frame(ds.events, ds.articles)
    return frame, vega.records(frame), charts.milestone_frame(frame, views.milestone_labels(ds))


def caveat(name: str, note: str) -> str:
    """A stance known only with a caution, in a chart's key: 'Hungary: known only from the title of a source in the
    article's reference list' (the note's first clause)."""
    caution = note.split(";")[0].rstrip(".")
    return f"{name}: {caution[:1].lower()}{caution[1:]}"


def timeline_build(sc: Scope, rows: pd.DataFrame, title: str, subtitle: str):
    every_event, every_record, every_milestone = _timeline_parts(sc.ds)
    shown = every_event["event_id"].isin(rows["event_id"]).to_numpy()
    frame = every_event[shown].reset_index(drop=True)
    picked = [record for record, keep in zip(every_record, shown) if keep]
    # The axis is the dates' own, whichever countries are chosen, so the stretch drawn narrower stays where it was;
    # and the race's ending (appointment, taking office) stays labelled when its rows are filtered out.
    in_dates = sc.events_in(replace(sc.view, countries=()))
    ending = in_dates.loc[in_dates["kind"].isin(kinds.kinds_in_lane("Milestones")), "event_id"]
    milestones = every_milestone[every_milestone["event_id"].isin([*rows["event_id"], *ending])]
    milestones = milestones.assign(row=range(len(milestones)))  # one label row each, counted among those shown
    # A starred milestone (a stance known only with a caution) says why under the title, as the story chart does
    # (editor round 33: 'Hungary opposes' here, 'Opposes by 5 March*' there).
    starred = sc.ds.events.set_index("event_id").loc[milestones.loc[milestones["label"].str.endswith("*"), "event_id"]]
    caveats = tuple(caveat(sc.names[row["country_iso3"]], row["note"]) for _, row in starred.iterrows())
    return charts.timeline(
        frame,
        milestones,
        sc.view.start,
        sc.view.end,
        title,
        subtitle,
        picked,
        axis_dates=in_dates["date"],
        caveats=caveats,
    )


TIMELINE = ChartDef(
    slug="timeline",
    page="timeline",
    title=lambda sc: copy_files.fill_plain(sc.ds.copy, "timeline-chart-title"),
    rows=lambda sc: sc.events,
    build=timeline_build,
    describe=lambda sc, rows: describe.timeline(rows),
    table=lambda sc, rows: tables.events(rows, sc.ds.articles),
    drawn_events=lambda sc, rows: rows["event_id"],
    file_name=lambda sc: ("timeline", *dated_range(sc.view)),
    what="Timeline of the events, {subtitle}; the table below lists the same rows.",
    ignores=("as_of", "speakers", "event"),  # the focused event is a param set on the built chart
)


# ---- The backer map ------------------------------------------------------------------------------------------


def map_date(view: ViewState, default: date) -> date:
    """The backer map's date: the reader's, when inside the view's dates; else its default (views.map_day), kept
    inside them."""
    if view.as_of is not None and view.start <= view.as_of <= view.end:
        return view.as_of
    return min(max(default, view.start), view.end)


def scope_map_date(sc: Scope) -> date:
    return map_date(sc.view, views.map_day(sc.ds))


def map_stances_on_every_day(sc: Scope) -> list[pd.DataFrame]:
    """The map's stances on every date a reader can pick that draws a different map (the data's first day, then each
    turning day to its last): what the map must keep room for, so it never moves as the race plays."""
    first, last = pd.Timestamp(sc.bounds.first), pd.Timestamp(sc.bounds.last)
    days = [first, *(day for day in views.turning_days(sc.ds, sc.changes) if first < day <= last)]
    return [sc.stances_on(day.date()) for day in days]


def map_key_lines(sc: Scope) -> int:
    """The most lines the map's key has on any date a reader can pick, for the countries chosen: room kept for them
    on every date (map_stances_on_every_day)."""
    return max(charts.map_key_lines(stances, sc.view.countries) for stances in map_stances_on_every_day(sc))


def map_shown(sc: Scope, stances: pd.DataFrame) -> pd.DataFrame:
    return stances[stances["iso3"].isin(sc.view.countries)] if sc.view.countries else stances


def map_table(sc: Scope, stances: pd.DataFrame) -> pd.DataFrame:
    """The members the map shows, with their stance and since when (the row that sources it)."""
    return tables.stances_on_a_day(map_shown(sc, stances), sc.ds.race.member_heading)


def map_marks_key(sc: Scope, stances: pd.DataFrame) -> tuple:
    """Every date with the same stances draws the same map (tooltips included: they come from the same rows)."""
    return tuple(
        stances[["iso3", "status", "source_when"]].astype(str).itertuples(index=False, name=None)
    ), sc.view.countries


def tally_sentence(sc: Scope, tally: pd.Series) -> str:
    """A count of backers an article gave without naming them (views.reported_tallies), as the map's and the story
    chart's subtitles give it: 'Politico, c. 23 February 2024: two-thirds of the 31 allies back him'."""
    race = sc.ds.race
    share = tally["share"] or f"about {tally['count']}"
    when = date_label(tally["date"], str(tally["precision"]))
    return f"{tally['who']}, {when}: {share} of the {tally['of']} {race.body.members} back {race.protagonist.him}"


def _map_tally(sc: Scope) -> tuple[pd.Series, str] | None:
    """Before the appointment, with every ally shown: the last count of backers an article gave without naming them
    all (views.reported_tallies), with its share in words ('two-thirds', 'about 21'), since the map colours only the
    allies named; else None."""
    day = pd.Timestamp(scope_map_date(sc))
    tallies = views.reported_tallies(sc.ds)
    tallies = tallies[tallies["date"] <= day]
    if sc.view.countries or tallies.empty or day >= decision_day(sc.ds):
        return None
    tally = tallies.sort_values("date").iloc[-1]
    return tally, tally["share"] or f"about {tally['count']}"


def map_tally(sc: Scope) -> str:
    """The map's count of unnamed backers (_map_tally) in a sentence, or ''."""
    if (found := _map_tally(sc)) is None:
        return ""
    tally, share = found
    members, him = sc.ds.race.body.members, sc.ds.race.protagonist.him
    return (
        f"{tally['who']}'s count, reported {by_date(tally['date'], tally['precision'])}: {share} of the {tally['of']} "
        f"{members} backed {him}; the map colours only the {members} an article names."
    )


MAP_NOTE_WIDTH, MAP_NOTE_LINES = 56, 2  # characters a line of the map's note (a phone's), and its lines


def map_note(sc: Scope) -> str:
    """What the map's colours cannot say on its date, for the subtitle: from the appointment, that every ally counts
    as backing; before it, the last count of backers an article gave unnamed (_map_tally), else that only the
    allies an article names are coloured."""
    day, decision, race = pd.Timestamp(scope_map_date(sc)), decision_day(sc.ds), sc.ds.race
    named_only = f"Coloured only where an article names the {race.body.member}'s stance"
    if day >= decision and race.decision.consensus:
        return f"{race.decided} {day_text(decision)}: every {race.body.member} had to agree, so all count as backing"
    if day >= decision:
        return named_only
    if (found := _map_tally(sc)) is not None:
        return f"{tally_sentence(sc, found[0])}; the map colours named {race.body.members} only"
    return named_only


def phone_lines(text: str) -> str:
    """A subtitle line a phone holds (MAP_NOTE_WIDTH), else its parts ('As last reported by 4 April 2024', the
    countries) on lines of their own: three countries ran past a phone's edge (editor round 30)."""
    if len(text) <= MAP_NOTE_WIDTH:
        return text
    return "\n".join(line for part in text.split("; ") for line in textwrap.wrap(part, MAP_NOTE_WIDTH))


def map_caveats(sc: Scope, stances: pd.DataFrame) -> list[str]:
    """The lines of the caveats of the holdouts the map colours on its date that are known only with a caution
    (Hungary's 'opposes', from a cited report's title), wrapped for a phone: on the map and in its files, as the story
    chart's asterisk says it (editor round 38: on the map only its tooltip did)."""
    shown = map_shown(sc, stances)
    cautioned = shown[shown["status"].isin(list(kinds.HOLDING_BACK)) & (shown["source_note_type"] == "caution")]
    return [
        line
        for name, note in zip(cautioned["name"], cautioned["source_note"])
        for line in textwrap.wrap(caveat(f"{name}'s stance", note), MAP_NOTE_WIDTH)
    ]


def map_caveat_lines(sc: Scope) -> int:
    """The most lines of caveats (map_caveats) on any date a reader can pick, for the countries chosen: room kept for
    them on every date, so the map does not jump in a replay (as map_key_lines)."""
    return max(len(map_caveats(sc, stances)) for stances in map_stances_on_every_day(sc))


def map_note_lines(sc: Scope) -> str:
    """The map's note (map_note) under its date, with every ally shown, then the caveats of its cautioned holdouts
    (map_caveats), each wrapped for a phone and padded to the same number of lines on every date, so the map does
    not jump in a replay."""
    note = [] if sc.view.countries else textwrap.wrap(map_note(sc), MAP_NOTE_WIDTH)
    caveats = map_caveats(sc, sc.stances_on(scope_map_date(sc)))
    lines = [
        *note,
        *[" "] * ((0 if sc.view.countries else MAP_NOTE_LINES) - len(note)),
        *caveats,
        *[" "] * (map_caveat_lines(sc) - len(caveats)),
    ]
    return "\n" + "\n".join(lines) if lines else ""


BACKER_MAP = ChartDef(
    slug="backer-map",
    page="backer_map",
    title=lambda sc: copy_files.fill_plain(sc.ds.copy, "backer-map-chart-title", day=day_text(scope_map_date(sc))),
    rows=lambda sc: sc.stances_on(scope_map_date(sc)),
    build=lambda sc, stances, title, subtitle: charts.backer_map(
        stances,
        sc.ds.shapes,
        sc.view.countries,
        title,
        subtitle,
        sc.ds.race.stances,
        home_country(sc.ds),
        members=(sc.ds.race.body.member, sc.ds.race.body.members),
        key_lines=map_key_lines(sc),
    ),
    subtitle=lambda sc: (
        phone_lines(describe.map_subtitle(scope_map_date(sc), sc.view.countries, sc.names, sc.ds.race))
        + map_note_lines(sc)
    ),
    describe=lambda sc, stances: " ".join(
        filter(
            None,
            [
                describe.stances_on(stances, scope_map_date(sc), sc.view.countries, race=sc.ds.race),
                map_tally(sc),
            ],
        )
    ),
    table=map_table,
    drawn_events=lambda sc, stances: map_shown(sc, stances)["source_event_id"].dropna(),
    file_name=lambda sc: ("backers", "as-of", scope_map_date(sc).isoformat(), *sc.view.countries),
    what="Map of {body} {members}' stance toward {candidate}; the table below lists every {member}.",  # and the date
    marks_key=map_marks_key,
    screen=map_shapes.shapes_by_url,
    draw_key=lambda sc: (scope_map_date(sc), sc.view.countries),  # the dates matter only through the map's date
)


# ---- The candidates ------------------------------------------------------------------------------------------


def candidates_in_view(sc: Scope) -> pd.DataFrame:
    """The candidates (views.candidate_table) from the view's countries with a step of their run in its dates: the
    ones the chart draws."""
    table = sc.candidates
    from_countries = table[table["country_iso3"].isin(sc.view.countries)] if sc.view.countries else table
    protagonist = sc.ds.race.protagonist.candidate
    stepped = sc.events.loc[charts.is_candidate_step(sc.events, sc.ds.candidates, protagonist), "candidate"]
    return from_countries[from_countries["candidate_id"].isin(stepped)]


def candidates_drawn(sc: Scope, table: pd.DataFrame) -> pd.Series:
    rows = sc.events
    return rows.loc[charts.is_candidate_step(rows, table, sc.ds.race.protagonist.candidate), "event_id"]


@per_version
def _every_candidate_step(ds: Dataset) -> pd.DataFrame:
    """Every step of every candidate's run, indexed as ds.events: each view picks its own from these."""
    return charts.candidate_steps(ds.events, views.candidate_table(ds), ds.race.protagonist.candidate)


def candidate_steps_in_view(sc: Scope, table: pd.DataFrame) -> pd.DataFrame:
    """The steps among the view's events of the candidates from its countries (`table`)."""
    rows = sc.events
    every = _every_candidate_step(sc.ds)
    return every[every.index.isin(rows.index[rows["candidate"].isin(table["candidate_id"])])]


def candidates_axis_start(sc: Scope) -> date:
    """Where the candidates' axis starts: the month of the first step of the race, when the dates start earlier
    (editor round 29: from 2010, fourteen empty years squeezed every mark into the chart's last twentieth); else the
    chosen start, even when no step falls soon after it (editor round 37: from 29 April the axis started in June, and
    the subtitle said the articles report no candidate before June 2024)."""
    table = candidates_in_view(sc)
    every = _every_candidate_step(sc.ds)
    steps = every[every["name"].isin(table["name"])]
    if steps.empty:
        return sc.view.start
    return max(sc.view.start, steps["start"].min().to_period("M").to_timestamp().date())


def candidates_build(sc: Scope, table: pd.DataFrame, title: str, subtitle: str):
    steps = candidate_steps_in_view(sc, table)
    return charts.candidates_steps_chart(steps, title, subtitle, candidates_axis_start(sc), sc.view.end)


def candidates_subtitle(sc: Scope) -> str:
    """The dates drawn, and whose candidates: the country filter keeps the candidates of the countries chosen; from
    the first step's month when the chosen dates start earlier, which a second line says."""
    view, start = sc.view, candidates_axis_start(sc)
    dates = f"{day_text(start)} to {day_text(view.end)}"
    chosen = [sc.names.get(c, c) for c in view.countries]
    whose = f"candidates from {describe.names_list(chosen, most=4)}" if chosen else "every candidate"
    return f"{dates}; {whose}" + (
        f"\nThe articles report no candidate before {start:%B %Y}" if start > view.start else ""
    )


CANDIDATES = ChartDef(
    slug="candidates",
    page="candidates",
    title=lambda sc: copy_files.fill_plain(sc.ds.copy, "candidates-chart-title"),
    rows=candidates_in_view,
    build=candidates_build,
    describe=lambda sc, table: describe.candidates(table, sc.events, len(sc.candidates), sc.ds.race),
    table=lambda sc, table: tables.candidates(table, sc.ds.articles, sc.names, sc.ds.race.decision.done),
    drawn_events=candidates_drawn,
    subtitle=candidates_subtitle,
    file_name=lambda sc: ("candidates", *dated_range(sc.view)),
    what="Chart of each candidate's steps over time, {subtitle}; the cards below give the same facts.",
    ignores=("as_of", "speakers", "event"),
)


CHARTS: list[ChartDef] = [STANCES, TIMELINE, BACKER_MAP, CANDIDATES]
