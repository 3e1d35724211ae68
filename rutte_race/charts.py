"""Chart builders: pure functions from frames to Altair charts. The same spec is shown on screen and exported."""
import json

import altair as alt
import pandas as pd

from rutte_race import geo
from rutte_race.accuracy import OUTSIDE_LABEL, outside_text
from rutte_race.formatting import date_labels
from rutte_race.views import NOT_YET_MEMBER, STATUS_LABELS, STATUS_ORDER

FILTERED_OUT = "filtered_out"
NON_MEMBER = "non_member"
# Okabe–Ito colours, safe for the common colour-vision deficiencies; greys for "no stance" and "not an ally".
STATUS_COLOURS = {
    "backs": "#0072B2",
    "reservations": "#E69F00",
    "opposes": "#D55E00",
    "undeclared": "#BDBDBD",
    NOT_YET_MEMBER: "#FFFFFF",
    FILTERED_OUT: "#EEEEEE",
}
MAP_LABELS = {**STATUS_LABELS, FILTERED_OUT: "Ally outside your country filter"}
LANES = {
    "Backing": ["endorsement", "tally"],
    "Doubts": ["reservation", "opposition"],
    "Candidates": ["candidacy", "mention", "withdrawal"],
    "Diplomacy": ["call", "visit"],
    "Statements": ["statement"],
    "Milestones": ["appointment", "took_office"],
    "Context": ["context", "background"],
}
LANE_OF_KIND = {kind: lane for lane, kinds in LANES.items() for kind in kinds}
KIND_ORDER = [kind for kinds in LANES.values() for kind in kinds]
PRECISION_KEY = ("● filled: date known to the day", "◊ open, with a bar: date known only roughly")
READABLE_LABEL = "replace(datum.label, '_', ' ')"  # took_office → took office
NARROW_CONTAINER = 560  # px: below this a chart is laid out for a phone
# The timeline's focused event, {"event_id", "date"} or null: a top-level param, so the screen can move the
# highlight by setting its value (focus_params) without rebuilding the chart or copying its data.
FOCUS = "focus"
KIND_COLOURS = [
    "#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#009E73", "#8FD3B6", "#004D40",
    "#CC79A7", "#F0A6CF", "#555555", "#000000", "#7F3C8D", "#BDBDBD", "#E0E0E0",
]


def legend_columns(wide: int, narrow: int) -> dict:
    """Fewer legend columns in a narrow container (a phone), so the legend never runs off the screen.
    containerSize() is 0 where there is no container (exports), which keeps the wide layout there."""
    return {"expr": f"containerSize()[0] > 0 && containerSize()[0] < {NARROW_CONTAINER} ? {narrow} : {wide}"}


def kind_colour(kinds: pd.Series, title: str, wide_columns: int) -> alt.Color:
    """Colour by kind of event, with a legend that lists only the kinds present."""
    used = [(kind, colour) for kind, colour in zip(KIND_ORDER, KIND_COLOURS) if kind in set(kinds)]
    return alt.Color("kind:N", title=title, scale=alt.Scale(domain=[k for k, _ in used], range=[c for _, c in used]),
                     legend=alt.Legend(orient="bottom", columns=legend_columns(wide=wide_columns, narrow=2), symbolType="circle",
                                       symbolOpacity=1, labelExpr=READABLE_LABEL))


def titled(chart, title: str, subtitle: str, *more_lines: str):
    return chart.properties(title=alt.TitleParams(title, subtitle=[subtitle, *more_lines], anchor="start", fontSize=16, subtitleFontSize=12, subtitleColor="#444"))


# ---- timeline ----------------------------------------------------------------------------------

def timeline_frame(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The columns the timeline draws and shows on hover, one row per event, stacked within lanes."""
    sources = articles.set_index("article_id")
    frame = pd.DataFrame({
        "event_id": events["event_id"],
        "date": events["date"],
        "start": events["date_start"],
        "end": events["date_end"],
        "precision": events["date_precision"].astype(str),
        "exact": events["date_precision"].astype(str) == "day",
        "when": date_labels(events),
        "kind": events["kind"].astype(str),
        "lane": events["kind"].astype(str).map(LANE_OF_KIND),
        "summary": events["summary"],
        "actor": events["actor"],
        "source": events["article_id"].map(sources["title"]) + " — " + events["article_id"].map(sources["outlet"]),
        "evidence": events["evidence"],
        "how_sure": events["how_sure"],
        "outside": [outside_text(f, s) for f, s in zip(events["outside_fact"], events["outside_source"])],
    })
    frame = frame.sort_values(["lane", "date", "event_id"])
    frame["slot"] = frame.groupby(["lane", "date"]).cumcount()
    return frame.reset_index(drop=True)


def milestone_frame(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Labelled milestones among the shown events, one label row each, so neighbours never collide on a phone."""
    rows = frame[frame["event_id"].isin(labels)].drop_duplicates("event_id").sort_values("date")
    rows = rows.assign(label=rows["event_id"].map(labels), row=range(len(rows)))
    return rows[["date", "label", "row", "when", "summary"]]


def _lane_chart(rows: pd.DataFrame, lane: str, x_scale, colour, tooltip, bottom_axis: bool):
    axis = alt.Axis(format="%b %Y", labelOverlap=True, labelBound=True, grid=True, gridColor="#eee") if bottom_axis else alt.Axis(labels=False, ticks=False, grid=True, gridColor="#eee", domain=False)
    y = alt.Y("slot:O", axis=None)
    base = alt.Chart(rows).encode(y=y, color=colour, tooltip=tooltip)
    spans = base.transform_filter("!datum.exact").mark_bar(height=5, opacity=0.45, cornerRadius=2, clip=True, aria=False).encode(
        x=alt.X("start:T", scale=x_scale, title=None, axis=axis), x2="end:T"
    )
    points = base.mark_point(size=60, strokeWidth=1.5, filled=False, clip=True).encode(
        x=alt.X("date:T", scale=x_scale, title=None, axis=axis),
        shape=alt.Shape("exact:N", scale=alt.Scale(domain=[True, False], range=["circle", "diamond"]), legend=None),
        fill=alt.condition("datum.exact", alt.Color("kind:N", scale=alt.Scale(domain=KIND_ORDER, range=KIND_COLOURS), legend=None), alt.value("white")),
    )
    # Only the two columns it needs: every column of a layer's data is serialised again, and the ring is in every lane.
    ring = alt.Chart(rows[["event_id", "slot"]]).transform_filter(f"{FOCUS} && datum.event_id == {FOCUS}.event_id").transform_calculate(
        at=f"toDate({FOCUS}.date)").mark_point(size=330, filled=False, strokeWidth=2.5, clip=True, aria=False).encode(
        x=alt.X("at:T", scale=x_scale, title=None, axis=axis), y=y, color=alt.value("#111"))
    height = 11 * (int(rows["slot"].max()) + 1) + 6
    return alt.layer(_focus_rule(x_scale, axis), spans, points, ring).properties(width="container", height=height, title=alt.TitleParams(lane, anchor="start", fontSize=12, fontWeight="bold", offset=2))


def timeline(frame: pd.DataFrame, milestones: pd.DataFrame, start, end, title: str, subtitle: str):
    """Lanes of events by kind on a shared time axis, milestones labelled above; inexact dates drawn as spans."""
    x_scale = alt.Scale(domain=[pd.Timestamp(start).isoformat(), (pd.Timestamp(end) + pd.Timedelta(days=1)).isoformat()])
    colour = kind_colour(frame["kind"], "Kind of event", wide_columns=4)
    tooltip = [
        alt.Tooltip("summary:N", title="What"),
        alt.Tooltip("actor:N", title="Who"),
        alt.Tooltip("when:N", title="When"),
        alt.Tooltip("precision:N", title="Date known to"),
        alt.Tooltip("source:N", title="Source"),
        alt.Tooltip("evidence:N", title="Article says"),
        alt.Tooltip("how_sure:N", title="How sure"),
        alt.Tooltip("outside:N", title=OUTSIDE_LABEL),
    ]
    lanes = [lane for lane in LANES if lane in set(frame["lane"])]
    charts = [_lane_chart(frame[frame["lane"] == lane], lane, x_scale, colour, tooltip, lane == lanes[-1]) for lane in lanes]
    rules = alt.Chart(milestones).mark_rule(strokeDash=[3, 3], color="#888").encode(x=alt.X("date:T", scale=x_scale, axis=None))
    # Labels in the later half of the axis hang to the left of their rule, so they stay inside the chart.
    turn = pd.Timestamp(start) + 0.5 * (pd.Timestamp(end) - pd.Timestamp(start))
    labels = [
        alt.Chart(part).mark_text(align=align, dx=dx, fontSize=11, fontWeight="bold", color="#222").encode(
            x=alt.X("date:T", scale=x_scale, axis=None), y=alt.Y("row:O", axis=None), text="label:N",
            tooltip=[alt.Tooltip("label:N", title="Milestone"), alt.Tooltip("when:N", title="When"), alt.Tooltip("summary:N", title="What")],
        )
        for part, align, dx in ((milestones[milestones["date"] <= turn], "left", 3), (milestones[milestones["date"] > turn], "right", -3))
    ]
    header = alt.layer(_focus_rule(x_scale, None), rules, *labels).properties(width="container", height=13 * max(len(milestones), 1) + 4)
    chart = alt.vconcat(header, *charts, spacing=6).resolve_scale(x="shared")
    chart.params = [alt.VariableParameter(name=FOCUS, value=None)]  # set, not add_params(), which deep-copies the whole chart (+0.5 s)
    return titled(chart, title, subtitle, *PRECISION_KEY)


def _focus_rule(x_scale, axis):
    """A rule at the focused event's date, drawn in every lane so the eye finds the ringed mark."""
    return alt.Chart(alt.Data(values=[{}])).transform_filter(FOCUS).transform_calculate(at=f"toDate({FOCUS}.date)").mark_rule(
        color="#111", strokeWidth=1.5, opacity=0.45, clip=True, aria=False).encode(x=alt.X("at:T", scale=x_scale, title=None, axis=axis))


def focus_params(event_id: str, day, start, end) -> dict:
    """The timeline's params that ring `event_id` and draw a rule at `day`, its date, kept inside the axis from
    `start` to `end` (a year-only date such as '2023' is drawn on 1 January, which may be before the axis)."""
    day = min(max(pd.Timestamp(day), pd.Timestamp(start)), pd.Timestamp(end))
    return {FOCUS: {"event_id": event_id, "date": day.isoformat()}}


# ---- backer map --------------------------------------------------------------------------------

def _text(value) -> str:
    """A cell as text for a tooltip; missing values (NaN would make the spec invalid JSON) become ''."""
    return "" if pd.isna(value) else str(value)


def map_features(as_of: pd.DataFrame, features: tuple[dict, ...], countries: tuple[str, ...]) -> list[dict]:
    """Region features carrying each ally's status and source; other countries are marked non-members."""
    allies = as_of.set_index("iso_numeric")
    out = []
    for feature in features:
        props = {"name": feature["properties"]["name"], "status": NON_MEMBER, "label": "Not a NATO ally", "since": "", "summary": "", "evidence": "", "source": "", "how_sure": ""}
        if feature["id"] in allies.index:
            ally = allies.loc[feature["id"]]
            status = str(ally["status"])
            if countries and ally["iso3"] not in countries:
                status = FILTERED_OUT
            props.update(
                name=ally["name"], status=status, label=MAP_LABELS[status],
                since="" if pd.isna(ally["source_date"]) else str(ally["source_when"]),
                **{key: _text(ally[f"source_{key}"]) for key in ("summary", "evidence", "how_sure")}, source=_text(ally["source_label"]),
            )
        out.append({"type": "Feature", "id": feature["id"], "properties": props, "geometry": feature["geometry"]})
    return out


def legend_labels(features: list[dict], filtering: bool) -> dict[str, str]:
    """Each status's legend label with its count of allies, e.g. 'Backs Rutte (7)'."""
    statuses = [*STATUS_ORDER, FILTERED_OUT] if filtering else STATUS_ORDER
    counts = {s: 0 for s in statuses}
    for f in features:
        if f["properties"]["status"] in counts:
            counts[f["properties"]["status"]] += 1
    return {s: f"{MAP_LABELS[s]} ({counts[s]})" for s in statuses}


def _map_panel(features: list[dict], fit: list[dict], projection: dict, width, height: int, labels: dict[str, str], legend: bool):
    colour = alt.Color(
        "properties.label:N", title="Stance toward Rutte",
        scale=alt.Scale(domain=list(labels.values()), range=[STATUS_COLOURS[s] for s in labels]),
        legend=alt.Legend(orient="bottom", columns=legend_columns(wide=2, narrow=1), labelLimit=0, symbolStrokeColor="#666", symbolStrokeWidth=0.8) if legend else None,
    )
    tooltip = [
        alt.Tooltip("properties.name:N", title="Country"),
        alt.Tooltip("properties.label:N", title="Stance"),
        alt.Tooltip("properties.since:N", title="Since"),
        alt.Tooltip("properties.summary:N", title="What"),
        alt.Tooltip("properties.evidence:N", title="Article says"),
        alt.Tooltip("properties.source:N", title="Source"),
        alt.Tooltip("properties.how_sure:N", title="How sure"),
    ]
    data = alt.Data(values=features)
    others = alt.Chart(data).transform_filter(f"datum.properties.status == '{NON_MEMBER}'").mark_geoshape(fill="#F6F6F6", stroke="#D0D0D0", strokeWidth=0.4, clip=True).encode(
        tooltip=[alt.Tooltip("properties.name:N", title="Country"), alt.Tooltip("properties.label:N", title="Status")]
    )
    allies = alt.Chart(data).transform_filter(f"datum.properties.status != '{NON_MEMBER}'").mark_geoshape(stroke="#333", strokeWidth=0.6, clip=True).encode(color=colour, tooltip=tooltip)
    return alt.layer(others, allies).project(**projection, fit=fit).properties(width=width, height=height)


def backer_map(as_of: pd.DataFrame, shapes: dict, countries: tuple[str, ...], title: str, subtitle: str, width="container"):
    """Europe, with North America below it, allies coloured by their stance on the chosen date; legend with counts."""
    topology = json.dumps(shapes)
    europe = map_features(as_of, geo.regional_features(topology, geo.EUROPE), countries)
    america = map_features(as_of, geo.regional_features(topology, geo.NORTH_AMERICA), countries)
    transatlantic = ("124", "840")
    europe = [f for f in europe if f["id"] not in transatlantic]
    america = [f for f in america if f["properties"]["name"] != "Russia"]
    allies = [f for f in europe + america if f["properties"]["status"] != NON_MEMBER]
    labels = legend_labels(allies, filtering=bool(countries))
    for f in europe + america:
        if f["properties"]["status"] in labels:
            f["properties"]["label"] = labels[f["properties"]["status"]]
    fit_europe = [geo.extent([f for f in europe if f["properties"]["status"] != NON_MEMBER])]
    fit_america = [geo.extent([f for f in america if f["id"] in transatlantic])]
    main = _map_panel(europe, fit_europe, {"type": "azimuthalEqualArea", "rotate": [-12, -52, 0]}, width, 420, labels, legend=True)
    inset = _map_panel(america, fit_america, {"type": "albers"}, width, 160, labels, legend=False)
    return titled(alt.vconcat(main, inset, spacing=4).resolve_scale(color="shared"), title, subtitle)


# ---- story sparkline ---------------------------------------------------------------------------

def backers_over_time(by_date: pd.DataFrame, end, title: str, subtitle: str):
    """Step lines: allies backing, and allies holding back (reservations or opposition), over the race."""
    end_row = by_date.iloc[[-1]].assign(date=pd.Timestamp(end))
    allies = int(by_date["allies"].max())  # of the chosen allies, or all of them
    frame = pd.concat([by_date, end_row]).assign(holding_back=lambda f: f["reservations"] + f["opposes"])
    long = frame.melt(id_vars="date", value_vars=["backs", "holding_back"], var_name="series", value_name="count")
    long["series"] = long["series"].map({"backs": "Back Rutte", "holding_back": "Reservations or opposed"})
    colour = alt.Color("series:N", title=None, scale=alt.Scale(domain=["Back Rutte", "Reservations or opposed"], range=[STATUS_COLOURS["backs"], STATUS_COLOURS["opposes"]]), legend=alt.Legend(orient="bottom"))
    lines = alt.Chart(long).mark_line(interpolate="step-after", strokeWidth=2.5).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        y=alt.Y("count:Q", title=f"Allies (of {allies})", scale=alt.Scale(domain=[0, allies])),
        color=colour,
        tooltip=[alt.Tooltip("date:T", title="From", format="%-d %b %Y"), alt.Tooltip("series:N", title="Status"), alt.Tooltip("count:Q", title="Allies")],
    )
    return titled(lines.properties(width="container", height=180, autosize=alt.AutoSizeParams(type="fit-x", contains="padding")), title, subtitle)


# ---- candidates --------------------------------------------------------------------------------

CANDIDATE_KINDS = LANES["Candidates"] + LANES["Milestones"]


def candidates_chart(events: pd.DataFrame, candidates: pd.DataFrame, title: str, subtitle: str):
    """One lane per candidate: each step of the run (interest, mention, candidacy, withdrawal, appointment)."""
    names = candidates.set_index("candidate_id")["name"]
    rows = events[events["candidate"].isin(names.index) & events["kind"].isin(CANDIDATE_KINDS)]
    frame = pd.DataFrame({
        "name": rows["candidate"].map(names),
        "date": rows["date"], "start": rows["date_start"], "end": rows["date_end"],
        "exact": rows["date_precision"].astype(str) == "day",
        "when": date_labels(rows),
        "kind": rows["kind"].astype(str),
        "summary": rows["summary"],
    })
    order = list(frame.groupby("name")["date"].min().sort_values().index)
    y = alt.Y("name:N", title=None, sort=order, axis=alt.Axis(labelFontWeight="bold", labelLimit=140, domain=False, ticks=False))
    colour = kind_colour(frame["kind"], "Step", wide_columns=3)
    tooltip = [alt.Tooltip("name:N", title="Candidate"), alt.Tooltip("when:N", title="When"), alt.Tooltip("kind:N", title="Step"), alt.Tooltip("summary:N", title="What")]
    base = alt.Chart(frame).encode(y=y, color=colour, tooltip=tooltip)
    spans = base.transform_filter("!datum.exact").mark_bar(height=6, opacity=0.4, cornerRadius=2).encode(x=alt.X("start:T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)), x2="end:T")
    dots = base.mark_point(size=80, filled=True, opacity=0.95).encode(x="date:T", shape=alt.condition("datum.exact", alt.value("circle"), alt.value("diamond")))
    height = 34 * frame["name"].nunique()
    return titled(alt.layer(spans, dots).properties(width="container", height=height, autosize=alt.AutoSizeParams(type="fit-x", contains="padding")), title, subtitle)
