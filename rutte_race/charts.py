"""Chart builders: pure functions from frames to Vega-Lite specs, written as plain data (see vega.py for why). The
same spec is shown on screen and exported (but for where the map reads its shapes from: see map_shapes)."""

import json

import pandas as pd

from rutte_race import geo, kinds, map_shapes, time_axis, vega
from rutte_race.accuracy import OUTSIDE_LABEL, outside_text
from rutte_race.formatting import date_labels
from rutte_race.views import NOT_YET_MEMBER, STATUS_LABELS, STATUS_ORDER

FILTERED_OUT = "filtered_out"
NON_MEMBER = "non_member"
# Okabe–Ito colours, safe for the common colour-vision deficiencies; a mid grey for "no stance", white with a dark
# outline for "not yet an ally" on a pale blue sea, and a pale grey for countries outside the alliance.
STATUS_COLOURS = {
    "backs": "#0072B2",
    "reservations": "#E69F00",
    "opposes": "#D55E00",
    "undeclared": "#A6A6A6",
    NOT_YET_MEMBER: "#FFFFFF",
    FILTERED_OUT: "#D9D9D9",
    NON_MEMBER: "#EDEDED",
}
SEA = "#DCEAF5"
MAP_LABELS = {**STATUS_LABELS, FILTERED_OUT: "Ally outside your country filter", NON_MEMBER: "Not a NATO ally"}
PRECISION_KEY = ("● filled: date known to the day", "◊ open, with a bar: date known only roughly")
READABLE_LABEL = "replace(datum.label, '_', ' ')"  # took_office → took office
NARROW_CONTAINER = 560  # px: below this a chart is laid out for a phone
# The timeline's focused event: a dataset of its own under this fixed name (focus_rows), so the
# screen moves the highlight by replacing that dataset alone. The spec stays the same, and the browser updates
# the drawn chart in place instead of embedding it afresh.
FOCUS = "focus"
FOCUSED = [
    {
        "lookup": "event_id",
        "from": {"data": {"name": FOCUS}, "key": "event_id", "fields": ["event_id"]},
        "as": ["focused"],
    },
    {"filter": "datum.focused != null"},
]
TEXT = "#222222"  # every chart text: 15.9:1 on white
SUBTLE_TEXT = "#555555"  # subtitles and notes: 7.5:1 on white
AXIS_LINE = "#767676"

# The house text colours (at least 4.5:1 on white), on screen and in every export, whatever theme the screen applies.
HOUSE_CONFIG = {
    "axis": {"labelColor": TEXT, "titleColor": TEXT, "labelFontSize": 11},
    "legend": {"labelColor": TEXT, "titleColor": TEXT, "labelFontSize": 11},
    "title": {"color": TEXT, "subtitleColor": SUBTLE_TEXT},
    "text": {"color": TEXT},
}


def tooltips(prefix: str = "", **titles: str) -> list[dict]:
    """Tooltip rows in order: field (under `prefix`) → its title."""
    return [{"field": f"{prefix}{field}", "type": "nominal", "title": title} for field, title in titles.items()]


def legend_columns(wide: int, narrow: int) -> dict:
    """Fewer legend columns in a narrow container (a phone), so the legend never runs off the screen.
    containerSize() is 0 where there is no container (exports), which keeps the wide layout there."""
    return {"expr": f"containerSize()[0] > 0 && containerSize()[0] < {NARROW_CONTAINER} ? {narrow} : {wide}"}


def titled(spec: vega.Spec, chart: dict, title: str, subtitle: str, *more_lines: str) -> vega.TopLevel:
    """`chart` as a whole spec, with its title, subtitle lines and the house text colours."""
    title_params = {
        "text": title,
        "subtitle": [subtitle, *more_lines],
        "anchor": "start",
        "fontSize": 16,
        "subtitleFontSize": 12,
        "color": TEXT,
        "subtitleColor": SUBTLE_TEXT,
    }
    return spec.top_level({**chart, "title": title_params, "config": HOUSE_CONFIG})


# ---- timeline ----------------------------------------------------------------------------------


def timeline_frame(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The columns the timeline draws and shows on hover, one row per event."""
    sources = articles.set_index("article_id")
    frame = pd.DataFrame(
        {
            "event_id": events["event_id"],
            "date": events["date"],
            "start": events["date_start"],
            "end": events["date_end"],
            "precision": events["date_precision"].astype(str),
            "exact": events["date_precision"].astype(str) == "day",
            "when": date_labels(events),
            "kind": events["kind"].astype(str).str.replace("_", " "),
            "lane": events["kind"].astype(str).map(kinds.lane_of_kind()),
            "summary": events["summary"],
            "actor": events["actor"],
            "source": events["article_id"].map(sources["title"]) + " — " + events["article_id"].map(sources["outlet"]),
            "evidence": events["evidence"],
            "how_sure": events["how_sure"],
            "outside": [outside_text(f, s) for f, s in zip(events["outside_fact"], events["outside_source"])],
        }
    )
    return frame.sort_values(["lane", "date", "event_id"]).reset_index(drop=True)


def milestone_frame(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Labelled milestones among the shown events, one label row each, so neighbours never collide on a phone."""
    rows = frame[frame["event_id"].isin(labels)].drop_duplicates("event_id").sort_values("date")
    rows = rows.assign(label=rows["event_id"].map(labels), row=range(len(rows)))
    return rows[["event_id", "date", "label", "row", "when", "summary"]]


TIMELINE_SCALE = {"domain": [0, 1], "nice": False, "zero": False, "padding": 14}
MARK_REACH = 0.009  # of the width on each side of a mark (about 7 px at 760 px) kept free of a neighbour in its row


def stacked(events: list[dict]) -> list[int]:
    """A row ('slot') for each event (a dict with lane, pos, start_pos, end_pos, event_id) within its lane, the
    lowest free one: marks and date bars that would touch share no row, so a busy week stacks instead of piling up."""
    slots = [0] * len(events)
    ends_by_lane: dict = {}  # per lane, the right edge of what each slot holds so far
    for i in sorted(range(len(events)), key=lambda i: (events[i]["lane"], events[i]["pos"], events[i]["event_id"])):
        event, ends = events[i], ends_by_lane.setdefault(events[i]["lane"], [])
        left = min(event["pos"], event["start_pos"]) - MARK_REACH
        slot = next((k for k, edge in enumerate(ends) if edge < left), len(ends))
        right = max(event["pos"], event["end_pos"]) + MARK_REACH
        if slot == len(ends):
            ends.append(right)
        else:
            ends[slot] = right
        slots[i] = slot
    return slots


def _x(field: str, axis, title: bool = True) -> dict:
    """The timeline's x channel: a position along 0..1 (time_axis.Positions), shared by every lane."""
    x = {"field": field, "type": "quantitative", "scale": TIMELINE_SCALE, "axis": axis}
    return {**x, "title": None} if title else x


def _lane_chart(spec: vega.Spec, rows: list[dict], every: dict, lane: str, tooltip, axis, quiet: list) -> dict:
    colour = {"value": kinds.LANE_COLOURS[lane]}
    y = {"field": "slot", "type": "ordinal", "axis": None}
    data = spec.data(rows)
    spans = {
        "data": data,
        "mark": {"type": "bar", "height": 5, "opacity": 0.45, "cornerRadius": 2, "aria": False},
        "encoding": {
            "x": _x("start_pos", axis),
            "x2": {"field": "end_pos"},
            "y": y,
            "color": colour,
            "tooltip": tooltip,
        },
        "transform": [{"filter": "!datum.exact"}],
    }
    points = {
        "data": data,
        "mark": {"type": "point", "size": 60, "strokeWidth": 1.5, "opacity": 1},
        "encoding": {
            "x": _x("pos", axis),
            "y": y,
            "color": colour,
            "fill": {"condition": {"test": "datum.exact", **colour}, "value": "white"},
            "shape": {
                "field": "exact",
                "type": "nominal",
                "scale": {"domain": [True, False], "range": ["circle", "diamond"]},
                "legend": None,
            },
            "tooltip": tooltip,
        },
    }
    ring = {
        "data": spec.data([{key: row[key] for key in ("event_id", "slot", "pos")} for row in rows]),
        "mark": {"type": "point", "size": 330, "filled": False, "strokeWidth": 2.5, "aria": False},
        "encoding": {"x": _x("pos", axis), "y": y, "color": {"value": "#111"}},
        "transform": FOCUSED,
    }
    return {
        "layer": [*quiet, _focus_rule(every, axis), spans, points, ring],
        "width": "container",
        "height": 12 * (max(row["slot"] for row in rows) + 1) + 8,
        "title": {"text": lane, "anchor": "start", "fontSize": 12, "fontWeight": "bold", "offset": 2, "color": TEXT},
    }


def timeline(
    frame: pd.DataFrame,
    milestones: pd.DataFrame,
    start,
    end,
    title: str,
    subtitle: str,
    rows: list[dict] | None = None,
) -> vega.TopLevel:
    """Six lanes of events (one colour each) on a shared time axis, milestones labelled above; inexact dates
    drawn as open diamonds with a bar over their period. A long quiet stretch at the start is drawn narrower.
    `rows`: `frame`'s rows as vega.records gives them, when already made.

    Written as data rather than with Altair: it is rebuilt for every date range and country (see vega.py)."""
    spec = vega.Spec()
    spec.named(FOCUS, focus_rows(None))
    places = time_axis.positions(start, end, frame["date"])
    placed = zip(*(places(frame[column]).tolist() for column in ("date", "start", "end")))
    events = [
        {**row, "pos": pos, "start_pos": start_pos, "end_pos": end_pos}
        for row, (pos, start_pos, end_pos) in zip(vega.records(frame) if rows is None else rows, placed)
    ]
    for event, slot in zip(events, stacked(events)):
        event["slot"] = slot
    milestones = milestones.assign(pos=places(milestones["date"]))
    grid = {"grid": True, "gridColor": "#e6e6e6"}
    axis = time_axis.position_axis(places, **grid, labelColor=TEXT, domainColor=AXIS_LINE, tickColor=AXIS_LINE)
    hidden = {"values": [p for p, _ in places.ticks()], "labels": False, "ticks": False, "domain": False, **grid}
    tooltip = tooltips(
        summary="What",
        actor="Who",
        when="When",
        kind="Kind",
        precision="Date known to",
        source="Source",
        evidence="Article says",
        how_sure="How sure",
        outside=OUTSIDE_LABEL,
    )
    every = spec.data([{"event_id": row["event_id"], "pos": row["pos"]} for row in events])
    band = _quiet_band(spec, places)
    lanes = [lane.name for lane in kinds.LANES if lane.name in {event["lane"] for event in events}]
    charts = []
    for lane in lanes:
        lane_axis = axis if lane == lanes[-1] else hidden
        quiet = [_squeezed(band, lane_axis)] if band else []
        rows = [row for row in events if row["lane"] == lane]
        charts.append(_lane_chart(spec, rows, every, lane, tooltip, lane_axis, quiet))
    marks = vega.records(milestones)
    rules = {
        "data": spec.data(marks),
        "mark": {"type": "rule", "strokeDash": [3, 3], "color": "#767676"},
        "encoding": {"x": _x("pos", None, title=False)},
    }
    # Labels in the later half of the axis hang to the left of their rule, so they stay inside the chart.
    labels = [
        {
            "data": spec.data(part),
            "mark": {"type": "text", "align": align, "dx": dx, "fontSize": 11, "fontWeight": "bold", "color": TEXT},
            "encoding": {
                "x": _x("pos", None, title=False),
                "y": {"field": "row", "type": "ordinal", "axis": None},
                "text": {"field": "label", "type": "nominal"},
                "tooltip": tooltips(label="Milestone", when="When", summary="What"),
            },
        }
        for part, align, dx in (
            ([mark for mark in marks if mark["pos"] <= 0.5], "left", 3),
            ([mark for mark in marks if mark["pos"] > 0.5], "right", -3),
        )
    ]
    header = {
        "layer": [_focus_rule(every, None), rules, *labels],
        "width": "container",
        "height": 13 * max(len(milestones), 1) + 4,
    }
    notes = [line for line in (*PRECISION_KEY, places.note()) if line]
    return titled(
        spec,
        {
            "vconcat": [header, *charts],
            "spacing": 6,
            "resolve": {"scale": {"x": "shared"}},
        },
        title,
        subtitle,
        *notes,
    )


def _quiet_band(spec: vega.Spec, places: time_axis.Positions) -> dict | None:
    """The data of the stretch drawn narrower, or None when the axis is linear."""
    if places.split is None:
        return None
    return spec.data([{"from": 0.0, "to": time_axis.QUIET_SHARE, "note": places.note()}])


def _squeezed(band: dict, axis) -> dict:
    """A pale band behind the stretch drawn narrower, so the eye sees where time runs at another pace."""
    return {
        "data": band,
        "mark": {"type": "rect", "color": "#f0f0f0"},
        "encoding": {
            "x": _x("from", axis),
            "x2": {"field": "to"},
            "tooltip": {"field": "note", "type": "nominal", "title": "Axis"},
        },
    }


def _focus_rule(every: dict, axis) -> dict:
    """A rule at the focused event, drawn in every lane so the eye finds the ringed mark."""
    return {
        "data": every,
        "mark": {"type": "rule", "color": "#111", "strokeWidth": 1.5, "opacity": 0.45, "aria": False},
        "encoding": {"x": _x("pos", axis)},
        "transform": FOCUSED,
    }


def focus_rows(event_id: str | None) -> list[dict]:
    """The timeline's FOCUS dataset: the event to ring, or none (an id no event has, so the dataset always has a
    column to replace)."""
    return [{"event_id": event_id or ""}]


# ---- backer map --------------------------------------------------------------------------------


def _text(value) -> str:
    """A cell as text for a tooltip; missing values (NaN would make the spec invalid JSON) become ''."""
    return "" if pd.isna(value) else str(value)


def map_features(as_of: pd.DataFrame, features: tuple[dict, ...], countries: tuple[str, ...]) -> list[dict]:
    """Region features carrying each ally's status and source; other countries are marked non-members."""
    allies = as_of.set_index("iso_numeric")
    out = []
    for feature in features:
        props = {
            "name": feature["properties"]["name"],
            "status": NON_MEMBER,
            "label": "Not a NATO ally",
            "since": "",
            "summary": "",
            "evidence": "",
            "source": "",
            "how_sure": "",
        }
        if feature["id"] in allies.index:
            ally = allies.loc[feature["id"]]
            status = str(ally["status"])
            if countries and ally["iso3"] not in countries:
                status = FILTERED_OUT
            props.update(
                name=ally["name"],
                status=status,
                label=MAP_LABELS[status],
                since="" if pd.isna(ally["source_date"]) else str(ally["source_when"]),
                **{key: _text(ally[f"source_{key}"]) for key in ("summary", "evidence", "how_sure")},
                source=_text(ally["source_label"]),
            )
        out.append({"type": "Feature", "id": feature["id"], "properties": props, "geometry": feature["geometry"]})
    return out


def legend_labels(features: list[dict], filtering: bool) -> dict[str, str]:
    """The legend: each status some ally has on the map, with its count ('Backs Rutte: 7 allies'), in legend order,
    then countries outside the alliance."""
    statuses = [*STATUS_ORDER, FILTERED_OUT] if filtering else STATUS_ORDER
    counts = {s: sum(f["properties"]["status"] == s for f in features) for s in statuses}
    labels = {s: f"{MAP_LABELS[s]}: {n} {'ally' if n == 1 else 'allies'}" for s, n in counts.items() if n}
    return {**labels, NON_MEMBER: MAP_LABELS[NON_MEMBER]}


def _map_panel(
    features: list[dict],
    fit: list[dict],
    projection: dict,
    width,
    height: int,
    labels: dict[str, str],
    legend: bool,
    region: str,
):
    colour = {
        "field": "properties.legend",
        "type": "nominal",
        "title": None,
        "scale": {"domain": list(labels.values()), "range": [STATUS_COLOURS[s] for s in labels]},
        "legend": {
            "orient": "bottom",
            "direction": "horizontal",
            "columns": legend_columns(wide=4, narrow=1),
            "labelLimit": 0,
            "symbolType": "square",
            "symbolSize": 150,
            "symbolStrokeColor": "#333",
            "symbolStrokeWidth": 1,
        }
        if legend
        else None,
    }
    tooltip = tooltips(
        "properties.",
        name="Country",
        label="Stance",
        since="Since",
        summary="What",
        evidence="Article says",
        source="Source",
        how_sure="How sure",
    )
    others = {
        "mark": {"type": "geoshape", "stroke": "#B5B5B5", "strokeWidth": 0.4, "clip": True},
        "encoding": {
            "color": colour,
            "tooltip": tooltips("properties.", name="Country", label="Status"),
        },
        "transform": [{"filter": f"datum.properties.status == '{NON_MEMBER}'"}],
    }
    allies = {
        "mark": {"type": "geoshape", "stroke": "#333", "strokeWidth": 0.6, "clip": True},
        "encoding": {"color": colour, "tooltip": tooltip},
        "transform": [{"filter": f"datum.properties.status != '{NON_MEMBER}'"}],
    }
    return {
        "data": {"values": features},
        "layer": [others, allies],
        "name": map_shapes.PANEL.format(region=region),  # map_shapes.shapes_by_url finds the panel by it
        "projection": {**projection, "fit": fit},
        "width": width,
        "height": height,
        "view": {"fill": SEA, "stroke": None},
    }


def backer_map(
    as_of: pd.DataFrame, shapes: dict, countries: tuple[str, ...], title: str, subtitle: str, width="container"
):
    """Europe, with North America below it, allies coloured by their stance on the chosen date; a legend of the
    statuses on the map, with counts."""
    topology = json.dumps(shapes)
    europe = map_features(as_of, map_shapes.region_features(topology, "europe"), countries)
    america = map_features(as_of, map_shapes.region_features(topology, "north-america"), countries)
    allies = [f for f in europe + america if f["properties"]["status"] != NON_MEMBER]
    labels = legend_labels(allies, filtering=bool(countries))
    for f in europe + america:
        f["properties"]["legend"] = labels[f["properties"]["status"]]
    fit_europe = [geo.extent([f for f in europe if f["properties"]["status"] != NON_MEMBER])]
    fit_america = [geo.extent([f for f in america if f["id"] in map_shapes.TRANSATLANTIC])]
    europe_projection = {"type": "azimuthalEqualArea", "rotate": [-12, -52, 0]}
    main = _map_panel(europe, fit_europe, europe_projection, width, 270, labels, legend=True, region="europe")
    inset = _map_panel(
        america, fit_america, {"type": "albers"}, width, 95, labels, legend=False, region="north-america"
    )
    return titled(
        vega.Spec(),
        {
            "vconcat": [main, inset],
            "spacing": 4,
            "resolve": {"scale": {"color": "shared"}},
        },
        title,
        subtitle,
    )


# ---- story chart -------------------------------------------------------------------------------

NAMED = "Named as backing"
CONSENSUS = "Every ally, from the appointment"
HOLDING_BACK = "Reservations or opposed"


def _counts_in_view(by_date: pd.DataFrame, start, end) -> list[tuple[pd.Timestamp, int, int]]:
    """(date, backing, holding back) from `start` (as they stood that day) to the end of `end`, one per change.
    Plain tuples: a few dozen rows, redrawn for every new date range (pandas' copies cost several ms)."""
    first, last = time_axis.domain(start, end)
    counts = list(zip(*(by_date[c].tolist() for c in ("date", "backs", "reservations", "opposes"))))
    before = [row for row in counts if row[0] <= first][-1:] or [(first, 0, 0, 0)] * bool(counts)
    inside = [row for row in counts if first < row[0] < last]
    rows = [(first, *before[0][1:])] * bool(before) + inside
    rows += [(last, *rows[-1][1:])] * bool(rows)
    return [(day, backs, reservations + opposes) for day, backs, reservations, opposes in rows]


def backers_over_time(
    by_date: pd.DataFrame,
    end,
    title: str,
    subtitle: str,
    start=None,
    tallies: pd.DataFrame | None = None,
    appointment=None,
    chosen: bool = False,
):
    """Allies the articles name as backing (a step line) and those holding back, over the chosen dates; reported
    tallies of unnamed backers as their own labelled marks; the appointment as a rule, after which every ally counts
    because the decision needed all of them (drawn dashed: derived, not named). y runs to the allies in view."""
    start = by_date["date"].min() if start is None else start
    counts = _counts_in_view(by_date, start, end)
    first, last = time_axis.domain(start, end)
    appointed = pd.Timestamp(appointment) if appointment is not None else None

    def points(rows, series: str) -> list[dict]:
        return [{"date": day.isoformat(), "count": count, "series": series} for day, count in rows]

    backs = [(day, backing) for day, backing, _ in counts]
    if appointed is None or appointed >= last:
        lines = points(backs, NAMED)
    elif appointed <= first:
        lines = points(backs, CONSENSUS)
    else:  # named up to the appointment (held to its day), every ally from it
        named = [row for row in backs if row[0] < appointed]
        lines = points([*named, *[(appointed, backing) for _, backing in named[-1:]]], NAMED)
        lines += points([row for row in backs if row[0] >= appointed], CONSENSUS)
    if appointed is not None and not first <= appointed < last:
        appointed = None  # no note outside the chosen dates
    long = lines + points([(day, held) for day, _, held in counts], HOLDING_BACK)
    allies = int(by_date["allies"].max())
    of = f"of {allies} chosen" if chosen else f"of {allies}"
    spec = vega.Spec()
    x_scale, x_axis = time_axis.temporal_axis(start, end, grid=False, domainColor=AXIS_LINE, tickColor=AXIS_LINE)
    x = {"field": "date", "type": "temporal", "title": None, "scale": x_scale, "axis": x_axis}
    styles = {
        NAMED: (STATUS_COLOURS["backs"], [1, 0]),
        CONSENSUS: (STATUS_COLOURS["backs"], [6, 3]),
        HOLDING_BACK: (STATUS_COLOURS["opposes"], [1, 0]),
    }
    series = [name for name in styles if name in {row["series"] for row in long}]  # the legend lists only what is drawn
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": series, "range": [styles[name][0] for name in series]},
        "legend": {
            "orient": "bottom",
            "direction": "horizontal",
            "symbolStrokeWidth": 3,
            "labelLimit": 0,
            "columns": legend_columns(wide=3, narrow=1),
        },
    }
    y_scale = {"domain": [0, allies], "nice": False}
    y = {"field": "count", "type": "quantitative", "scale": y_scale}
    step_lines = {
        "data": spec.data(long),
        "mark": {"type": "line", "interpolate": "step-after", "strokeWidth": 2.5},
        "encoding": {
            "x": x,
            "y": {
                **y,
                "title": f"Allies ({of})",
                "axis": {"tickCount": min(allies, 8), "format": "d", "grid": True, "gridColor": "#e6e6e6"},
            },
            "color": colour,
            "strokeDash": {
                "field": "series",
                "type": "nominal",
                "scale": {"domain": series, "range": [styles[name][1] for name in series]},
                "legend": None,
            },
            "tooltip": [
                {"field": "date", "type": "temporal", "title": "From", "format": "%-d %b %Y"},
                {"field": "series", "type": "nominal", "title": "Allies"},
                {"field": "count", "type": "quantitative", "title": "How many"},
            ],
        },
    }
    layers = [step_lines]
    if appointed is not None:
        turn = (appointed - first) / (last - first) > 0.5  # the note sits on the side of the rule with room
        note = spec.data(
            pd.DataFrame(
                {
                    "date": [appointed],
                    "count": [allies],
                    "text": [f"Appointed {appointed:%-d %b}:\nevery ally counts,\nas all had to agree"],
                }
            )
        )
        layers += [
            {
                "data": note,
                "mark": {"type": "rule", "color": AXIS_LINE, "strokeDash": [2, 2]},
                "encoding": {"x": x},
            },
            {
                "data": note,
                "mark": {
                    "type": "text",
                    "align": "right" if turn else "left",
                    "dx": -6 if turn else 6,
                    "baseline": "top",
                    "dy": 4,
                    "fontSize": 11,
                    "color": TEXT,
                    "lineHeight": 13,
                    "lineBreak": "\n",
                },
                "encoding": {"x": x, "y": y, "text": {"field": "text", "type": "nominal"}},
            },
        ]
    if tallies is not None and not chosen:
        shown = tallies[(tallies["date"] >= first) & (tallies["date"] < last)]
        if not shown.empty:
            shown = shown.assign(
                label=[
                    f"{who}: about {n} of {m}\nreported {when}"
                    for who, n, m, when in zip(shown["who"], shown["count"], shown["of"], shown["when"])
                ]
            )
            data = spec.data(shown)
            tip = tooltips(summary="Reported", when="When")
            layers += [
                {
                    "data": data,
                    "mark": {
                        "type": "point",
                        "shape": "diamond",
                        "size": 110,
                        "filled": True,
                        "color": STATUS_COLOURS["backs"],
                        "stroke": "white",
                        "strokeWidth": 1,
                    },
                    "encoding": {"x": x, "y": y, "tooltip": tip},
                },
                {
                    "data": data,
                    "mark": {
                        "type": "text",
                        "align": "center",
                        "baseline": "top",
                        "dy": 9,
                        "fontSize": 11,
                        "color": TEXT,
                        "fontWeight": "bold",
                        "lineHeight": 13,
                        "lineBreak": "\n",
                    },
                    "encoding": {"x": x, "y": y, "text": {"field": "label", "type": "nominal"}, "tooltip": tip},
                },
            ]
    notes = (
        ["Line: allies the articles name as backing.", "Diamond: a count reported without names."]
        if tallies is not None and not chosen
        else []
    )
    return titled(
        spec,
        {
            "layer": layers,
            "width": "container",
            "height": 220,
            "autosize": {"type": "fit-x", "contains": "padding"},
        },
        title,
        subtitle,
        *notes,
    )


# ---- candidates --------------------------------------------------------------------------------

CANDIDATE_KINDS = kinds.kinds_in_lane("Candidates") + kinds.kinds_in_lane("Milestones")


STEP_SHAPES = {
    "mention": "circle",
    "candidacy": "triangle-up",
    "withdrawal": "cross",
    "appointment": "square",
    "took_office": "diamond",
}


def candidate_steps(events: pd.DataFrame, candidates: pd.DataFrame) -> pd.DataFrame:
    """The rows candidates_chart draws, one per step of a candidate's run among `events` (dates not yet clipped)."""
    names = candidates.set_index("candidate_id")["name"]
    rows = events[events["candidate"].isin(names.index) & events["kind"].isin(CANDIDATE_KINDS)]
    return pd.DataFrame(
        {
            "name": rows["candidate"].map(names),
            "date": rows["date"],
            "start": rows["date_start"],
            "end": rows["date_end"],
            "exact": rows["date_precision"].astype(str) == "day",
            "when": date_labels(rows),
            "kind": rows["kind"].astype(str),
            "step": rows["kind"].astype(str).str.replace("_", " "),
            "lane": rows["kind"].astype(str).map(kinds.lane_of_kind()),
            "summary": rows["summary"],
        }
    )


def candidates_chart(events: pd.DataFrame, candidates: pd.DataFrame, title: str, subtitle: str, start=None, end=None):
    """One lane per candidate: each step of the run (mention, candidacy, withdrawal, appointment, taking office)
    as a shape, filled when dated to the day; on an axis over the chosen dates (`start` to `end`, else the rows')."""
    return candidates_steps_chart(candidate_steps(events, candidates), title, subtitle, start, end)


def candidates_steps_chart(steps: pd.DataFrame, title: str, subtitle: str, start=None, end=None):
    """candidates_chart of its steps (candidate_steps), which a view picks from every step of the data."""
    start = steps["start"].min() if start is None else start
    end = steps["date"].max() if end is None else end
    first, last = time_axis.domain(start, end)
    inside = {"lower": first, "upper": last}
    frame = steps.assign(**{column: steps[column].clip(**inside) for column in ("date", "start", "end")})
    order = list(frame.groupby("name")["date"].min().sort_values().index)
    spec = vega.Spec()
    x_scale, x_axis = time_axis.temporal_axis(start, end, grid=True, gridColor="#e6e6e6")
    y = {
        "field": "name",
        "type": "nominal",
        "title": None,
        "sort": order,
        "axis": {"labelFontWeight": "bold", "labelLimit": 140, "labelPadding": 12, "domain": False, "ticks": False},
    }
    lanes = [lane for lane in ("Candidates", "Milestones") if lane in set(frame["lane"])]
    colour = {
        "field": "lane",
        "type": "nominal",
        "scale": {"domain": lanes, "range": [kinds.LANE_COLOURS[lane] for lane in lanes]},
        "legend": None,
    }
    steps = [kind for kind in STEP_SHAPES if kind in set(frame["kind"])]
    shape = {
        "field": "step",
        "type": "nominal",
        "title": "Step",
        "scale": {"domain": [k.replace("_", " ") for k in steps], "range": [STEP_SHAPES[k] for k in steps]},
        "legend": {
            "orient": "bottom",
            "columns": legend_columns(wide=5, narrow=3),
            "symbolFillColor": TEXT,
            "symbolStrokeColor": TEXT,
            "symbolStrokeWidth": 1.5,
        },
    }
    shared = {
        "y": y,
        "color": colour,
        "tooltip": tooltips(name="Candidate", when="When", step="Step", summary="What"),
    }
    spans = {
        "mark": {"type": "bar", "height": 6, "opacity": 0.4, "cornerRadius": 2},
        "encoding": {
            **shared,
            "x": {"field": "start", "type": "temporal", "title": None, "scale": x_scale, "axis": x_axis},
            "x2": {"field": "end"},
        },
        "transform": [{"filter": "!datum.exact"}],
    }
    x = {"field": "date", "type": "temporal", "scale": x_scale, "axis": x_axis}
    exact = {
        "mark": {"type": "point", "size": 90, "strokeWidth": 1.8, "opacity": 1, "filled": True},
        "encoding": {**shared, "x": x, "shape": shape},
        "transform": [{"filter": "datum.exact"}],
    }
    rough = {
        "mark": {"type": "point", "size": 90, "strokeWidth": 1.8, "opacity": 1, "fill": "white"},
        "encoding": {**shared, "x": x, "shape": shape},
        "transform": [{"filter": "!datum.exact"}],
    }
    height = 34 * frame["name"].nunique()
    notes = ("Filled: dated to the day.", "Open, with a bar: dated only roughly, over that period.")
    return titled(
        spec,
        {
            "data": spec.data(frame),
            "layer": [spans, exact, rough],
            "width": "container",
            "height": height,
            "autosize": {"type": "fit-x", "contains": "padding"},
        },
        title,
        subtitle,
        *notes,
    )
