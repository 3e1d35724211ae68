"""Chart builders: pure functions from frames to Vega-Lite specs, written as plain data (see vega.py for why). The
same spec is shown on screen and exported (but for where the map reads its shapes from: see map_shapes)."""

import json
import re
import textwrap

import pandas as pd

from tracker.charts import geo, map_shapes, time_axis, vega
from tracker.checks.accuracy import OUTSIDE_LABEL, date_bound, outside_text, rows_when
from tracker.data import kinds
from tracker.data.formatting import article_names, date_label, first_upper
from tracker.data.race_config import StanceWords
from tracker.model import tables
from tracker.model.views import COUNTED, NOT_YET_MEMBER, STATUS_ORDER, UNREPORTED

FILTERED_OUT = "filtered_out"
# A holdout's stance after its last report that it still held, until a report of a change: all that is known.
WHEN_LAST_REPORTED = "when last reported"
NON_MEMBER = "non_member"
# Okabe–Ito colours, safe for the common colour-vision deficiencies; a mid grey for "no stance", white with a dark
# outline for "not yet an ally" on a pale blue sea, and a pale grey for countries outside the alliance.
STATUS_COLOURS = {
    "backs": "#0072B2",
    COUNTED: "#9DC3E2",  # the same blue, paler: counted at the decision rather than named
    "reservations": "#E69F00",
    "opposes": "#D55E00",
    "undeclared": "#F3CF8B",
    UNREPORTED: "#A0A0A0",
    NOT_YET_MEMBER: "#FFFFFF",
    # Three greys a step apart (CAM02-UCS distance at least 12; editor round 32 could not tell #C8C8C8 from #DEDEDE):
    FILTERED_OUT: "#C4C4C4",  # a member outside the reader's country filter: between "no stance" and non-members
    NON_MEMBER: "#EDEDED",  # the palest grey, with a pale edge; "not yet a member" is white with a dark edge
}
SEA = "#DCEAF5"
HOME_LABEL = (0.5, 4.2)  # degrees west and north of the protagonist's country where the map names it (the sea)
HOME_LINE = 12  # px: a line of that name's
TIMELINE_NOTE_LINE = 56  # characters of a line under the timeline's title: a phone's width of 12 px type
PRECISION_KEY = (
    "● filled: date known to the day",
    "◊ open: date known only roughly (a bar spans it), or only ‘by’ a day",
)
READABLE_LABEL = "replace(datum.label, '_', ' ')"  # took_office → took office
NARROW_CONTAINER = 560  # px: below this a chart is laid out for a phone
NARROWEST_PLOT, LABEL_CHAR = 290, 7  # px: a chart's plot on a phone; a character of an 11 px bold label, at most
EUROPE_HEIGHT, AMERICA_HEIGHT, PANEL_GAP = 370, 140, 4  # px: the backer map's two panels, one above the other
MAP_KEY_INSIDE_FROM, MAP_KEY_WIDTH = 860, 300  # px: the map's width from which its key fits in a corner; its width
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
# A mark shows a tooltip only where its chart gives it one: Streamlit's theme turns every mark's on, so a row's label,
# a rail or the map's name for the protagonist's country showed its raw fields ('label_at', 'label_lon') on hover.
HOUSE_CONFIG = {
    "axis": {"labelColor": TEXT, "titleColor": TEXT, "labelFontSize": 11},
    "legend": {"labelColor": TEXT, "titleColor": TEXT, "labelFontSize": 11},
    "title": {"color": TEXT, "subtitleColor": SUBTLE_TEXT},
    "text": {"color": TEXT},
    "mark": {"tooltip": False},
}


def tooltips(prefix: str = "", **titles: str) -> list[dict]:
    """Tooltip rows in order: field (under `prefix`) → its title."""
    return [{"field": f"{prefix}{field}", "type": "nominal", "title": title} for field, title in titles.items()]


def tooltip_groups(rows: list[dict], prefix: str = "", **titles: str) -> list[tuple[list[dict], list[dict]]]:
    """`rows` grouped by the fields (of `titles`, field → title) they have, each group with a tooltip of those
    alone (fields under `prefix` in the spec): a tooltip never shows a title with nothing after it (editor round
    32: 'Until' and 'Note' blank). Drawn as a layer a group, since Streamlit sends a dataset as a table, whose
    every row has every column."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(field for field in titles if row.get(field)), []).append(row)
    return [(group, tooltips(prefix, **{field: titles[field] for field in fields})) for fields, group in groups.items()]


NARROW_EXPR = f"containerSize()[0] > 0 && containerSize()[0] < {NARROW_CONTAINER}"


def legend_columns(wide: int, narrow: int) -> dict:
    """Fewer legend columns in a narrow container (a phone), so the legend never runs off the screen.
    containerSize() is 0 where there is no container (exports), which keeps the wide layout there."""
    return {"expr": f"{NARROW_EXPR} ? {narrow} : {wide}"}


# A text mark drawn first in white under its label, so a rule or rail it crosses breaks under the letters.
HALO = {"stroke": "white", "strokeWidth": 5, "strokeJoin": "round", "aria": False}
NARROW_TITLE = 40  # characters a title line holds in a narrow container (16 px type on a phone)


DAY_AND_MONTH = re.compile(r"\b(\d{1,2}) ([A-Z][a-z]+)\b")
MONTH_AND_YEAR = re.compile(r"\b([A-Z][a-z]+) (\d{4})\b")
TITLE_LINES = ("title_narrow", "title_wide")  # the params holding a long title's lines, by width


def balanced(text: str, width: int) -> list[str]:
    """`text` in as few lines of at most `width` characters as it needs; when the last would hold under a third of
    a line, those lines as even as they can be: no word left alone on a last line (editor round 33: '… never
    reported backing / him')."""
    lines = textwrap.wrap(text, width)
    if not lines or len(lines[-1]) >= width / 3:
        return lines
    for narrower in range(width - 1, width // 2, -1):
        candidate = textwrap.wrap(text, narrower)
        if len(candidate) > len(lines):
            break
        lines = candidate
    return lines


def title_lines(text: str, wide: int = 88, narrow_lines: int = 0) -> list[dict]:
    """A long title's lines as top-level params: wrapped to NARROW_TITLE characters for a narrow container (a
    phone), padded with blank lines to `narrow_lines`, and to `wide` elsewhere (exports have no container). The title
    reads them by name, so text from the data is never written into an expression."""
    # '4 April 2024' never breaks between its day, month and year
    text = MONTH_AND_YEAR.sub("\\1\u00a0\\2", DAY_AND_MONTH.sub("\\1\u00a0\\2", text))
    narrow, wide_lines = ([line.replace("\u00a0", " ") for line in balanced(text, n)] for n in (NARROW_TITLE, wide))
    narrow += [" "] * (narrow_lines - len(narrow))  # the lines hold plain spaces: a file's text searches as written
    return [{"name": TITLE_LINES[0], "value": narrow}, {"name": TITLE_LINES[1], "value": wide_lines}]


def fitted_title(text: str, narrow_lines: int = 0) -> tuple[dict | str, list[dict]]:
    """The title's text for a spec and the params it reads (none for a short title that need not fill
    `narrow_lines` on a phone)."""
    if len(text) <= NARROW_TITLE and narrow_lines <= 1:
        return text, []
    return {"expr": f"{NARROW_EXPR} ? {TITLE_LINES[0]} : {TITLE_LINES[1]}"}, title_lines(
        text, narrow_lines=narrow_lines
    )


STEADY_TITLE = "narrow_title_lines"  # usermeta: the lines a chart's title fills on a phone whatever its text


def with_title_params(params: list[dict], title: str, narrow_lines: int = 0) -> tuple[dict | str, list[dict]]:
    """The title's text, and `params` with the title's own lines replaced by those of `title`."""
    text, lines = fitted_title(title, narrow_lines)
    return text, [*(p for p in params if p.get("name") not in TITLE_LINES), *lines]


def titled(
    spec: vega.Spec, chart: dict, title: str, subtitle: str, *more_lines: str, narrow_lines: int = 0
) -> vega.TopLevel:
    """`chart` as a whole spec, with its title, subtitle lines and the house text colours; a long title wraps on a
    phone, over `narrow_lines` lines at least there (a title whose date changes as a map plays, so it never
    jumps)."""
    text, params = with_title_params(chart.get("params", []), title, narrow_lines)
    title_params = {
        "text": text,
        "subtitle": [*subtitle.split("\n"), *more_lines],
        "anchor": "start",
        "fontSize": 16,
        "subtitleFontSize": 12,
        "subtitlePadding": 7,  # Source Sans 3 sets 16 px type in a 21 px line
        "offset": 10,  # clear of a top axis's labels under the last subtitle line
        "color": TEXT,
        "subtitleColor": SUBTLE_TEXT,
    }
    chart = {**chart, "params": params} if params else chart
    usermeta = {"title": title, **({STEADY_TITLE: narrow_lines} if narrow_lines else {})}
    return spec.top_level({**chart, "usermeta": usermeta, "title": title_params, "config": HOUSE_CONFIG})


# ---- timeline ----------------------------------------------------------------------------------


def timeline_frame(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The columns the timeline draws and shows on hover, one row per event."""
    titles = articles.set_index("article_id")["title"]
    names = article_names(articles)
    frame = pd.DataFrame(
        {
            "event_id": events["event_id"],
            "date": events["date"],
            "start": events["date_start"],
            "end": events["date_end"],
            "precision": tables.how_exact(events["date_precision"], events["date_basis"]),
            # known to the day, and not only 'by' it (editor round 33: Hungary's '5 March 2024 or earlier' drawn
            # filled, 'known to the day')
            "exact": (events["date_precision"].astype(str) == "day") & (events["date_basis"].map(date_bound) == ""),
            "when": rows_when(events),
            "kind": events["kind"].map(kinds.label),
            "lane": events["kind"].astype(str).map(kinds.lane_of_kind()),
            "summary": events["summary"],
            "actor": events["actor"],
            "source": events["article_id"].map(names) + ": “" + events["article_id"].map(titles) + "”",
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


EVENT_TOOLTIP = {  # field → title, in order, of an event's tooltip on the timeline
    "summary": "What",
    "actor": "Who",
    "when": "When",
    "kind": "Kind",
    "precision": "How exact",
    "source": "Source",
    "evidence": "Article says",
    "how_sure": "How sure",
    "outside": OUTSIDE_LABEL,
}


def _lane_chart(spec: vega.Spec, rows: list[dict], every: dict, lane: str, axis, quiet: list) -> dict:
    colour = {"value": kinds.LANE_COLOURS[lane]}
    y = {"field": "slot", "type": "ordinal", "axis": None}
    # a span (a date known roughly) and a point for each event, a layer of each per tooltip's fields; every span
    # under every point
    spans, points = [], []
    for group, tooltip in tooltip_groups(rows, **EVENT_TOOLTIP):
        data = spec.data(group)
        spans.append(
            {
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
        )
        points.append(
            {
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
        )
    ring = {
        "data": spec.data([{key: row[key] for key in ("event_id", "slot", "pos")} for row in rows]),
        "mark": {"type": "point", "size": 330, "filled": False, "strokeWidth": 2.5, "aria": False},
        "encoding": {"x": _x("pos", axis), "y": y, "color": {"value": "#111"}},
        "transform": FOCUSED,
    }
    return {
        "layer": [*quiet, _focus_rule(every, axis), *spans, *points, ring],
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
    axis_dates: pd.Series | None = None,
    caveats: tuple[str, ...] = (),
) -> vega.TopLevel:
    """Six lanes of events (one colour each) on a shared time axis, milestones labelled above; inexact dates
    drawn as open diamonds with a bar over their period. A long quiet stretch at the start is drawn narrower.
    `rows`: `frame`'s rows as vega.records gives them, when already made; `axis_dates`: the dates the axis is laid
    out for (its quiet stretch), default `frame`'s.

    Written as data rather than with Altair: it is rebuilt for every date range and country (see vega.py)."""
    spec = vega.Spec()
    spec.named(FOCUS, focus_rows(None))
    places = time_axis.positions(start, end, frame["date"] if axis_dates is None else axis_dates)
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
    every = spec.data([{"event_id": row["event_id"], "pos": row["pos"]} for row in events])
    band = _quiet_band(spec, places)
    lanes = [lane.name for lane in kinds.LANES if lane.name in {event["lane"] for event in events}]
    charts = []
    for lane in lanes:
        lane_axis = axis if lane == lanes[-1] else hidden
        quiet = [_squeezed(band, lane_axis)] if band else []
        if band and lane == lanes[-1]:  # the break drawn across the axis line, where the band ends
            quiet.append(_axis_break(band, lane_axis))
        rows = [row for row in events if row["lane"] == lane]
        charts.append(_lane_chart(spec, rows, every, lane, lane_axis, quiet))
    marks = vega.records(milestones)
    height = 15 * max(len(milestones), 1) + 4  # a row a label: 11 px type needs 15 px of line
    row = {"field": "row", "type": "ordinal", "axis": None}
    rules = {  # each from its own label's row down, so no rule runs through the labels above it
        "data": spec.data(marks),
        "mark": {"type": "rule", "strokeDash": [3, 3], "color": "#767676"},
        "encoding": {"x": _x("pos", None, title=False), "y": row, "y2": {"value": height}},
    }

    # A label reads from its rule to the right, as readers expect, when it fits there on the narrowest plot (a
    # phone's); else it hangs to the left of its rule, so it stays inside the chart. Each is drawn on a white halo,
    # so a later rule it crosses breaks under it.
    def fits_right(mark: dict) -> bool:
        return mark["pos"] + len(mark["label"]) * LABEL_CHAR / NARROWEST_PLOT <= 1

    labels = [
        {
            "data": spec.data(part),
            "mark": {
                "type": "text",
                "align": align,
                "dx": dx,
                "fontSize": 11,
                "fontWeight": "bold",
                "color": TEXT,
                **(HALO if halo else {}),
            },
            "encoding": {
                "x": _x("pos", None, title=False),
                "y": row,
                "text": {"field": "label", "type": "nominal"},
                **({} if halo else {"tooltip": tooltips(label="Milestone", when="When", summary="What")}),
            },
        }
        for halo in (True, False)
        for part, align, dx in (
            ([mark for mark in marks if fits_right(mark)], "left", 3),
            ([mark for mark in marks if not fits_right(mark)], "right", -3),
        )
        if part
    ]
    # The dates at the top as well as under the last lane: on a laptop the foot of the chart is below the fold.
    top = time_axis.position_axis(places, orient="top", labelColor=TEXT, domain=False, ticks=False, grid=False)
    header = {  # the squeezed stretch's band runs up to the top axis too, so its dates read as squeezed there
        "layer": [*([_squeezed(band, top)] if band else []), _focus_rule(every, None), rules, *labels],
        "width": "container",
        "height": height,
        "view": {"stroke": None},
        "resolve": {"axis": {"x": "independent"}},  # the top axis is the first layer's alone
    }
    # each note short enough for a phone's width (editor round 34: cut off there with '…')
    notes = [
        part
        for line in (*PRECISION_KEY, places.note(), *(f"* {caveat}" for caveat in caveats))
        if line
        for part in textwrap.wrap(line, TIMELINE_NOTE_LINE)
    ]
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


def _axis_break(band: dict, axis) -> dict:
    """The break mark on the axis line at the squeezed band's end, on a white halo that cuts the line."""
    # Over the axis line, clear of the tick labels under it (a chart's text never overlaps, tests/chart_lint.py).
    mark = {
        "type": "text",
        "text": time_axis.BREAK_MARK,
        "fontSize": 13,
        "fontWeight": "bold",
        "baseline": "bottom",
        "dy": 4,
        "aria": False,
    }
    return {
        "data": band,
        "layer": [{"mark": {**mark, **HALO}}, {"mark": {**mark, "color": TEXT}}],
        "encoding": {"x": _x("to", axis), "y": {"value": "height"}},
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


# Shapes drawn as part of another country: Greenland (304) is Denmark's (208), and in the alliance with it.
PART_OF = {"304": "208"}


def map_labels(words: StanceWords) -> dict[str, str]:
    """Each status a map can give a country, in the race's words: its stance, or outside the reader's choice, or
    outside the body."""
    return {**words.labels(), FILTERED_OUT: words.not_chosen, NON_MEMBER: words.non_member}


def map_features(
    as_of: pd.DataFrame,
    features: tuple[dict, ...],
    countries: tuple[str, ...],
    words: StanceWords,
    home: tuple[str, str] = ("", ""),
) -> list[dict]:
    """Region features carrying each ally's status and source; other countries are marked non-members. `home`: the
    candidate's own country and name, which its tooltip says ('No stance named; Rutte's own country')."""
    labels = map_labels(words)
    allies = as_of.set_index("iso_numeric")
    out = []
    for feature in features:
        ally_id = PART_OF.get(feature["id"], feature["id"])
        props = {
            "name": map_shapes.full_name(feature),
            "status": NON_MEMBER,
            "label": labels[NON_MEMBER],
            "since": "",
            "summary": "",
            "evidence": "",
            "source": "",
            "how_sure": "",
            "note": "",
            "last": "",  # a faded holdout's last report, for the key
            "edge": "",  # a faded holdout's dashed edge, in its stance's colour
        }
        if ally_id in allies.index:
            ally = allies.loc[ally_id]
            status = map_status(ally["iso3"], str(ally["status"]), ally["unreported_since"], countries)
            label = labels[str(ally["status"])]
            if status.endswith(FADED):  # drawn faded, as on the story chart
                when = date_label(ally["unreported_since"], ally["unreported_since_precision"])
                label = f"{label}; last reported holding out {when}"
                props.update(last=when, edge=STATUS_COLOURS[str(ally["status"])])
            elif status == FILTERED_OUT:
                label = labels[FILTERED_OUT]
            elif status == NOT_YET_MEMBER:
                props.update(edge="#333333")  # dashed, as its key swatch
            if ally["iso3"] == home[0]:  # its grey, read alone, looked like a government not backing its own
                label = f"{label}; {home[1]}'s own country"
                if status != FILTERED_OUT:  # named on the map too (editor round 33), unless the filter leaves it out
                    props["home"] = f"{home[1]}'s country" + (
                        # why it is grey, on the map itself and so in every file (editor round 37: only the caption
                        # under the app's map said it)
                        f":\n{labels[UNREPORTED][0].lower()}{labels[UNREPORTED][1:]}" if status == UNREPORTED else ""
                    )
            props.update(
                name=ally["name"] if ally_id == feature["id"] else f"{map_shapes.full_name(feature)} ({ally['name']})",
                status=status,
                label=label,
                since="" if pd.isna(ally["source_date"]) else str(ally["source_when"]),
                **{key: _text(ally[f"source_{key}"]) for key in ("summary", "evidence", "how_sure", "note")},
                source=_text(ally["source_label"]),
            )
        out.append({"type": "Feature", "id": feature["id"], "properties": props, "geometry": feature["geometry"]})
    return out


def map_status(iso3: str, status: str, unreported_since, countries: tuple[str, ...]) -> str:
    """An ally's status on the map: its stance, faded when a holdout's last report is past (`unreported_since` is
    set), or outside the reader's choice of `countries`."""
    if countries and iso3 not in countries:
        return FILTERED_OUT
    return faded(status) if pd.notna(unreported_since) else status


def map_key_lines(as_of: pd.DataFrame, countries: tuple[str, ...]) -> int:
    """The lines of the map's key for the stances `as_of` a day: one for each status an ally has, and one for the
    countries outside the body."""
    allies = zip(as_of["iso3"], as_of["status"].astype(str), as_of["unreported_since"])
    return len({map_status(*ally, countries) for ally in allies}) + 1


def legend_labels(
    features: list[dict], filtering: bool, words: StanceWords, members: tuple[str, str] = ("member", "members")
) -> dict[str, str]:
    """The legend: each status some member has on the map, with its count in the body's nouns (`members`: one, many)
    ('Named as backing Rutte: 7 allies'), in legend order, then countries outside the body."""
    order = [v for s in STATUS_ORDER for v in ((s, faded(s)) if s in HOLDOUTS else (s,))]
    statuses = [*order, FILTERED_OUT] if filtering else order
    counts = {s: sum(f["properties"]["status"] == s for f in features) for s in statuses}
    labels = map_labels(words)

    def last_reported(status: str) -> str:
        """'Opposes, last reported holding out c. 4 April 2024' when every member drawn so was last reported on one
        date: the last report may only say it held out ('still no sign of supporting'), not its stance again."""
        days = {f["properties"]["last"] for f in features if f["properties"]["status"] == faded(status)}
        return (
            f"{labels[status]}, last reported holding out {days.pop()}"
            if len(days) == 1
            else f"{labels[status]} {WHEN_LAST_REPORTED}"
        )

    said = {
        **labels,
        "backs": words.named_backing,  # the articles name only some of those who backed him
        **{faded(s): last_reported(s) for s in HOLDOUTS},
    }
    noun = {NOT_YET_MEMBER: ("country", "countries")}  # not a member yet
    counted = {s: f"{said[s]}: {n} {noun.get(s, members)[n != 1]}" for s, n in counts.items() if n}
    return {**counted, NON_MEMBER: labels[NON_MEMBER]}


# On a wide screen the key sits in the map's top right corner, over Russia (not an ally), so it is in view with the
# map; in a narrow container (a phone) or an export (no container) it sits above the map, where a reader meets it
# before the colours, never over an ally.
MAP_KEY_INSIDE = f"containerSize()[0] >= {MAP_KEY_INSIDE_FROM}"
PANEL_NAMES = {"north-america": "North America, smaller scale"}
MAP_KEY_ROW, MAP_KEY_GAP = 18, 10  # px: a row of the key above the map (a 12 px swatch and 4 px between), and below it


def map_key_place(entries: int) -> dict:
    """Where the map's key of `entries` lines sits: in the top right corner, or above the map, as many rows up as it
    has rows (one column on a phone, two in an export)."""
    rows_above = f"({NARROW_EXPR} ? {entries} : {-(-entries // 2)})"
    return {
        "orient": "none",
        "legendX": {"expr": f"{MAP_KEY_INSIDE} ? containerSize()[0] - {MAP_KEY_WIDTH} : 0"},
        "legendY": {"expr": f"{MAP_KEY_INSIDE} ? 8 : -{rows_above} * {MAP_KEY_ROW} - {MAP_KEY_GAP}"},
        "fillColor": {"expr": f"{MAP_KEY_INSIDE} ? 'rgba(255,255,255,0.92)' : null"},
        "padding": {"expr": f"{MAP_KEY_INSIDE} ? 6 : 0"},
        "rowPadding": MAP_KEY_ROW - 12,
        # A phone's key as legible as its text; a file's (no container) larger, as print sets the map small.
        "labelFontSize": {"expr": f"{NARROW_EXPR} ? 12 : {MAP_KEY_INSIDE} ? 11 : 13"},
    }


def _faded_swatches(labels: dict[str, str]) -> dict:
    """The map key's swatches: a dark edge, but a faded holdout's dashed in its stance's colour, and a country not
    yet a member's dashed in dark grey, as on the map (the key's labels read from a JSON object, never pasted into
    the expression's text)."""
    edges = json.dumps(
        {
            label: STATUS_COLOURS[s.removesuffix(FADED)] if s.endswith(FADED) else "#333333"
            for s, label in labels.items()
            if s.endswith(FADED) or s == NOT_YET_MEMBER
        }
    )
    known = f"isValid({edges}[datum.label])"
    return {
        "symbolStrokeColor": {"expr": f"{known} ? {edges}[datum.label] : '#333'"},
        "symbolDash": {"expr": f"{known} ? [3, 2] : [1, 0]"},
        "symbolStrokeWidth": {"expr": f"{known} ? 1.5 : 1"},
    }


def _map_panel(
    features: list[dict],
    fit: list[dict],
    projection: dict,
    width,
    height: int,
    labels: dict[str, str],
    legend: bool,
    region: str,
    key_lines: int = 0,
):
    colour = {
        "field": "properties.legend",
        "type": "nominal",
        "title": None,
        "scale": {"domain": list(labels.values()), "range": [MAP_COLOURS[s] for s in labels]},
        "legend": {
            **map_key_place(max(len(labels), key_lines)),
            **_faded_swatches(labels),
            "direction": "horizontal",
            "columns": {"expr": f"{MAP_KEY_INSIDE} ? 1 : {NARROW_EXPR} ? 1 : 2"},  # two ran past a phone's edge
            "labelLimit": 0,
            "symbolType": "square",
            "symbolSize": 150,
        }
        if legend
        else None,
    }
    # A holdout no longer reported: pale, inside a dashed edge in its stance's colour, as on the story chart; a
    # country not yet a member: white inside a dashed dark edge (editors 33 and 35: its white beside the non-members'
    # palest grey could not be told apart).
    dashed = f"indexof(datum.properties.status, '{FADED}') >= 0 || datum.properties.status == '{NOT_YET_MEMBER}'"
    edges = {
        "stroke": {"condition": {"test": dashed, "field": "properties.edge", "scale": None}, "value": "#333"},
        "strokeDash": {"condition": {"test": dashed, "value": [3, 2]}, "value": [1, 0]},
        "strokeWidth": {"condition": {"test": dashed, "value": 1.5}, "value": 0.6},
    }
    others = {
        "mark": {"type": "geoshape", "stroke": "#B5B5B5", "strokeWidth": 0.4, "clip": True},
        "encoding": {
            "color": colour,
            "tooltip": tooltips("properties.", name="Country", label="Status"),
        },
        "transform": [{"filter": f"datum.properties.status == '{NON_MEMBER}'"}],
    }
    # Each member's tooltip shows only what it has (editor round 32: titles with nothing after them): an ally no
    # article names a stance for has no source to show, and most stances carry no note. A layer for each set of
    # fields the panel's members have (an empty layer would be an unlabelled graphic to a screen reader).
    groups = tooltip_groups(
        [f["properties"] for f in features if f["properties"]["status"] != NON_MEMBER],
        "properties.",
        name="Country",
        label="Stance",
        since="Since",
        summary="What",
        evidence="Article says",
        source="Source",
        how_sure="How sure",
        note="Note",
    )
    for tip, (group, _) in enumerate(groups):
        for properties in group:
            properties["tip"] = tip
    members = [
        {
            "mark": {"type": "geoshape", "clip": True},
            "encoding": {"color": colour, **edges, "tooltip": tooltip},
            "transform": [{"filter": f"datum.properties.status != '{NON_MEMBER}' && datum.properties.tip == {tip}"}],
        }
        for tip, (_, tooltip) in enumerate(groups)
    ]
    # The protagonist's own country named on the map, over the sea to its north with a line to it: its grey ('no
    # stance named') read as one more silent ally (editor round 33).
    homes = [
        {
            "text": f["properties"]["home"],
            "lon": lon,
            "lat": lat,
            "label_lon": lon - HOME_LABEL[0],
            "label_lat": lat + HOME_LABEL[1],
        }
        for f in features
        if f["properties"].get("home") and f["geometry"]
        for lon, lat in [geo.centre(f)]
    ]
    at_label = {
        "longitude": {"field": "label_lon", "type": "quantitative"},
        "latitude": {"field": "label_lat", "type": "quantitative"},
    }
    home_names = (
        [
            {
                "data": {"values": homes},
                "mark": {"type": "rule", "color": TEXT, "strokeWidth": 1},
                "encoding": {
                    **at_label,
                    "longitude2": {"field": "lon"},
                    "latitude2": {"field": "lat"},
                },
            },
            *(
                {
                    "data": {"values": homes},
                    "mark": {
                        "type": "text",
                        "baseline": "bottom",
                        "dy": -2 - HOME_LINE * homes[0]["text"].count("\n"),  # its lines run down from the first
                        "lineBreak": "\n",
                        "lineHeight": HOME_LINE,
                        "fontSize": 11,
                        "fontWeight": "bold",
                        **halo,
                    },
                    "encoding": {**at_label, "text": {"field": "text", "type": "nominal"}},
                }
                for halo in (HALO, {"color": TEXT})
            ),
        ]
        if homes
        else []
    )
    # The panel's name in its corner: the inset says it is drawn smaller.
    names = (
        [
            {
                "data": {"values": [{"name": PANEL_NAMES[region]}]},
                "mark": {"type": "text", "align": "left", "baseline": "top", "x": 6, "y": 6, "fontSize": 11, **halo},
                "encoding": {"text": {"field": "name", "type": "nominal"}},
            }
            for halo in (HALO, {"color": TEXT})
        ]
        if region in PANEL_NAMES
        else []
    )
    return {
        "data": {"values": features},
        "layer": [others, *members, *home_names, *names],
        "name": map_shapes.PANEL.format(region=region),  # map_shapes.shapes_by_url finds the panel by it
        "projection": {**projection, "fit": fit},
        "width": width,
        "height": height,
        "view": {"fill": SEA, "stroke": None},
    }


def backer_map(
    as_of: pd.DataFrame,
    shapes: dict,
    countries: tuple[str, ...],
    title: str,
    subtitle: str,
    words: StanceWords,
    home: tuple[str, str] = ("", ""),
    width="container",
    members: tuple[str, str] = ("member", "members"),
    key_lines: int = 0,
):
    """Europe, with North America below it, members coloured by their stance on the chosen date; a legend of the
    statuses on the map, with counts (in the body's nouns, `members`: one, many), given room for `key_lines` lines
    (the most any date of a replay has), so the map stays put as the race plays."""
    topology = json.dumps(shapes)
    europe = map_features(as_of, map_shapes.region_features(topology, "europe"), countries, words, home)
    america = map_features(as_of, map_shapes.region_features(topology, "north-america"), countries, words, home)

    # Each ally counted once: not again for a shape drawn as part of it (PART_OF), which the panel need not fit.
    def allies_in(features: list[dict]) -> list[dict]:
        return [f for f in features if f["properties"]["status"] != NON_MEMBER and f["id"] not in PART_OF]

    allies = allies_in(europe) + allies_in(america)
    labels = legend_labels(allies, bool(countries), words, members)
    for f in europe + america:
        f["properties"]["legend"] = labels[f["properties"]["status"]]
    fit_europe = [geo.extent(allies_in(europe))]
    fit_america = [geo.extent([f for f in america if f["id"] in map_shapes.TRANSATLANTIC])]
    europe_projection = {"type": "azimuthalEqualArea", "rotate": [-12, -52, 0]}
    main = _map_panel(
        europe,
        fit_europe,
        europe_projection,
        width,
        EUROPE_HEIGHT,
        labels,
        legend=True,
        region="europe",
        key_lines=key_lines,
    )
    inset = _map_panel(
        america, fit_america, {"type": "albers"}, width, AMERICA_HEIGHT, labels, legend=False, region="north-america"
    )
    return titled(
        vega.Spec(),
        {
            "vconcat": [main, inset],
            "spacing": PANEL_GAP,
            "resolve": {"scale": {"color": "shared"}},
        },
        title,
        subtitle,
        narrow_lines=2,  # the date in the title: 'Allies' stance on Rutte, 23 February 2024' takes two on a phone
    )


# ---- story chart: each named ally's stance over time --------------------------------------------------------

FADED = "_faded"  # a holdout after its last report: pale, with a dashed outline in its colour
HOLDOUTS = ("undeclared", "reservations", "opposes")


def _tint(colour: str, share: float) -> str:
    """`colour` mixed with white, `share` of it kept."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02X}" for c in rgb)


def faded(status: str) -> str:
    return status + FADED


SHADES = {  # in the key's order, two to a row: each stance beside its pale form, as the bars draw them
    "backs": STATUS_COLOURS["backs"],
    COUNTED: STATUS_COLOURS[COUNTED],
    **{
        shade: colour
        for status in ("undeclared", "opposes", "reservations")
        for shade, colour in ((status, STATUS_COLOURS[status]), (faded(status), _tint(STATUS_COLOURS[status], 0.3)))
    },
    NOT_YET_MEMBER: "#FFFFFF",
}
# A holdout no longer reported is paler on the map, inside a dashed edge in its colour: a stance weeks old does not
# read as today's (editor round 28), yet it stays the map's one warm country, darker than no fill (editor round 30).
MAP_COLOURS = {**STATUS_COLOURS, **{faded(status): _tint(STATUS_COLOURS[status], 0.5) for status in HOLDOUTS}}
ALLY_AXIS = 120  # px: the story chart's column of allies' names, a fixed width so its key can start where it does
SWATCHES_PLACE = {"orient": "none", "legendX": -ALLY_AXIS, "legendY": 0}  # the key, from the chart's left edge
ROW_STEP = 48  # px per ally: a label of up to two lines above a bar
LINE_STEP = 14  # px more per ally for each line of its longest label past two (12 px type)
LABEL_SIZE = 12  # px: the story chart's labels, legible on a phone
HEADER_ROW = " "  # the top row, unnamed: the decision's note
LABEL_LINE = 34  # characters before a row's label breaks onto another line
KEY_LINE = 50  # characters of a line of the story chart's key, short enough for a phone


REPORT_KEY = "Squares: days an article reports a holdout"
BY_KEY = "‘By’ a date: it may have begun earlier"
KEY_LEGEND = {  # the story chart's keys: swatches in rows above the chart, a stance beside its pale form
    "orient": "top",
    "direction": "horizontal",
    "title": None,
    "columns": 2,
    "gridAlign": "each",  # each column as wide as its own labels: the stances' column is narrow
    "labelFontSize": LABEL_SIZE,
    "labelLimit": 0,
    "symbolType": "square",
    "symbolSize": 160,
    "symbolOpacity": 1,
    "columnPadding": {"expr": f"{NARROW_EXPR} ? 8 : 14"},  # a phone's second column clear of its edge
    "rowPadding": {"expr": f"{NARROW_EXPR} ? 2 : 6"},  # a phone's rows packed tight: the bars come sooner
    "offset": 14,
}


def shade_label(shade: str, words: StanceWords) -> str:
    """A bar's shade in words for the key: its stance, and for a holdout's pale period after its last report, so."""
    if shade.endswith(FADED):
        return f"{words.label(shade.removesuffix(FADED))}, as last reported"
    return words.counted_short if shade == COUNTED else words.label(shade)


def _shade_key(shades: list[str], words: StanceWords) -> dict:
    """The key of the bars' shades, in words (labels read from a JSON object, never pasted into the expression's
    text), a pale holdout's swatch with its dashed edge."""
    labels = json.dumps({shade: shade_label(shade, words) for shade in shades})
    is_faded = f"indexof(datum.value, '{FADED}') >= 0"
    edges = json.dumps({faded(status): STATUS_COLOURS[status] for status in HOLDOUTS})
    return {
        **KEY_LEGEND,
        "labelExpr": f"{labels}[datum.value]",
        "symbolStrokeWidth": 1.5,  # white but for a pale holdout
        "symbolStrokeColor": {"expr": f"{is_faded} ? {edges}[datum.value] : 'white'"},
        "symbolDash": {"expr": f"{is_faded} ? [3, 2] : [1, 0]"},
    }


def row_label(parts: list[str]) -> str:
    """A row's story, 'Backs from c. 19 January': on one line when short, else its parts on two lines, or one part a
    line when there are three or more."""
    text = "; ".join(parts)
    if len(text) <= LABEL_LINE or len(parts) == 1:
        lines = [text]
    elif len(parts) == 2:
        lines = parts
    else:
        lines = [f"{part};" for part in parts[:-1]] + parts[-1:]
    lines[0] = first_upper(lines[0])
    if len(lines) == 2 and not lines[0].endswith(";"):
        lines[0] += ";"
    return "\n".join(lines)


def stances_by_ally(
    rows: list[dict],
    bars: list[dict],
    start,
    end,
    title: str,
    subtitle: str,
    words: StanceWords,
    decision: dict | None = None,
    reports: list[dict] = (),
    member_heading: str = "Member",
) -> vega.TopLevel:
    """One row per ally, labelled with its story: a thin grey line while no stance is reported, then a bar coloured
    by the stance each article names (paler from the decision, where it is counted rather than named; pale inside a
    dashed edge after a holdout's last report); the decision as a rule with its note. Members no article names are
    not drawn: what the articles say of them is in the chart's description.

    `rows`: {ally, order, label, label_at, align} a row each; `bars`: {ally, shade, start, end, stance, when, until,
    evidence, source, how_sure, outline} a stance period each, inside the chosen dates; `decision`: {date, text};
    `reports`: {ally, at, shade, report} a square on each day an article reports a holdout."""
    spec = vega.Spec()
    first, last = time_axis.domain(start, end)
    x_scale, x_axis = time_axis.temporal_axis(start, end, grid=True, gridColor="#ececec", domainColor=AXIS_LINE)
    # The dates are read at the top and the foot of a long chart: one layer draws each axis, the rest none.
    x = {"field": "start", "type": "temporal", "title": None, "scale": x_scale, "axis": None}
    top_axis = {**x_axis, "orient": "top", "grid": False, "domain": False, "ticks": False}
    order = [row["member"] for row in sorted(rows, key=lambda row: row["order"])]
    y = {
        "field": "member",
        "type": "nominal",
        "title": None,
        "sort": order,
        "scale": {"paddingInner": 0, "paddingOuter": 0},
        "axis": {
            "labelFontWeight": "bold",
            "labelFontSize": 12,
            "labelLimit": ALLY_AXIS - 8,
            "labelPadding": 8,
            "minExtent": ALLY_AXIS,
            "maxExtent": ALLY_AXIS,
            "domain": False,
            "ticks": False,
            "labelBaseline": "bottom",
            "labelOffset": 6,
        },
    }
    rails = {
        "data": spec.data(
            [{"member": row["member"], "start": first.isoformat(), "end": last.isoformat()} for row in rows]
        ),
        "mark": {"type": "rule", "color": "#C4C4C4", "strokeWidth": 2, "yOffset": 10, "aria": False},
        "encoding": {"x": {**x, "axis": top_axis}, "x2": {"field": "end"}, "y": y},
    }
    drawn = {item["shade"] for item in (*bars, *reports)}
    shades = [shade for shade in SHADES if shade in drawn]
    is_faded = f"indexof(datum.shade, '{FADED}') >= 0"  # a holdout's period after its last report
    shade_colour = {  # the bars' and the report squares' one colour scale; its key is a view of its own (below)
        "field": "shade",
        "type": "nominal",
        "scale": {"domain": shades, "range": [SHADES[s] for s in shades]},
        "legend": None,
    }
    bar_encoding = {
        "x2": {"field": "end"},
        "y": y,
        "color": shade_colour,
        "strokeWidth": {
            "condition": {"test": f"datum.shade == '{NOT_YET_MEMBER}' || {is_faded}", "value": 1},
            "value": 0,
        },
        "stroke": {
            "condition": {"test": is_faded, "field": "outline", "type": "nominal", "scale": None},
            "value": "#333",
        },
        "strokeDash": {"condition": {"test": is_faded, "value": [3, 2]}, "value": [1, 0]},
    }
    groups = tooltip_groups(
        bars,
        member=member_heading,
        stance="Stance",
        when="From",
        until="Until",
        evidence="Article says",
        source="Source",
        how_sure="How sure",
        note="Note",
        outside=OUTSIDE_LABEL,
    )
    periods = [
        {
            "data": spec.data(group),
            "mark": {"type": "bar", "height": 12, "yOffset": 10, "cornerRadius": 2, "stroke": "#333", "strokeWidth": 0},
            # the foot's axis drawn once, by the first layer
            "encoding": {"x": {**x, "axis": x_axis} if i == 0 else x, **bar_encoding, "tooltip": tooltip},
        }
        for i, (group, tooltip) in enumerate(groups)
    ]
    # A label sits above its row's bar, left-aligned at its first stance, or right-aligned or centred there so it
    # stays inside the chart (chart_registry.label_place); a two-line label is raised a line.
    # Each label is drawn twice: first as a white halo, so it stays legible where it crosses a rail or a bar.
    most_lines = max(row["label"].count("\n") + 1 for row in rows)  # the longest label's lines
    labels = [
        {
            "data": spec.data(part),
            "mark": {
                "type": "text",
                "align": align,
                "baseline": "bottom",
                "dy": -3 - LINE_STEP * extra_lines,
                "fontSize": LABEL_SIZE,
                "lineHeight": LINE_STEP,
                "lineBreak": "\n",
                "color": TEXT,
                **(HALO if halo else {}),
            },
            "encoding": {"x": {**x, "field": "label_at"}, "y": y, "text": {"field": "label", "type": "nominal"}},
        }
        for halo in (True, False)
        for align in ("left", "right", "center")
        for extra_lines in range(most_lines)
        if (part := [row for row in rows if row["align"] == align and row["label"].count("\n") == extra_lines])
    ]
    squares = {  # a report of a holdout: a square on its day
        "data": spec.data(list(reports)),
        "mark": {"type": "square", "size": 90, "filled": True, "yOffset": 10, "stroke": "white", "strokeWidth": 1},
        "encoding": {
            "x": {**x, "field": "at"},
            "y": y,
            "color": shade_colour,
            "tooltip": tooltips(member=member_heading, report="Reported"),
        },
    }
    layers = [rails, *periods, *([squares] if reports else [])]
    order = [HEADER_ROW, *order] if decision is not None else order
    if decision is not None:  # a rule through every row, and its note in a header row of its own
        turn = (pd.Timestamp(decision["date"]) - first) / (last - first) > 0.5  # the note hangs on the side with room
        note = spec.data([{**decision, "member": HEADER_ROW}])
        layers += [
            {
                "data": note,
                # Mid grey, so the labels it runs behind stay the darker marks.
                "mark": {"type": "rule", "color": "#8A8A8A", "strokeDash": [3, 3], "strokeWidth": 1},
                "encoding": {"x": {**x, "field": "date"}},
            },
            *labels,  # over the rule, their halo breaking it
            {
                "data": note,
                "mark": {
                    "type": "text",
                    "align": "right" if turn else "left",
                    "dx": -5 if turn else 5,
                    "baseline": "bottom",
                    "dy": -9,  # one line, clear of the first ally's label of up to three lines below it
                    "fontSize": LABEL_SIZE,
                    "fontWeight": "bold",
                    "lineHeight": 13,
                    "lineBreak": "\n",
                    "color": TEXT,
                },
                "encoding": {"x": {**x, "field": "date"}, "y": y, "text": {"field": "text", "type": "nominal"}},
            },
        ]
    else:
        layers += labels
    y["sort"] = order
    chart = {
        "layer": layers,
        "width": "container",
        "height": (ROW_STEP + LINE_STEP * max(most_lines - 2, 0)) * len(order),
        "view": {"stroke": None},
        "autosize": {"type": "fit-x", "contains": "padding"},
        "resolve": {"axis": {"x": "independent"}},
    }
    key = [  # what the swatches cannot say, a line each, short enough for a phone; a holdout's caveat first
        *(
            line
            for row in rows
            for caveat in row.get("caveats", ())
            for line in textwrap.wrap(f"* {caveat}", KEY_LINE, subsequent_indent="  ")
        ),
        *([BY_KEY] if any(row.get("bounded") for row in rows) else []),
        *([REPORT_KEY] if reports else []),
        *(
            line
            for note in (decision["keys"] if decision else ())
            for line in textwrap.wrap(note, KEY_LINE, subsequent_indent="  ")
        ),
    ]
    # The chart is a column: the key of swatches, from the column's left edge (a bar view's key starts at its plot,
    # right of the allies' names, and ran off a phone), then the bars, with the notes under them as a print chart's
    # footnotes.
    # A swatch for each shade of a bar: a shade only a report's square has (the unnamed group's reservations) is
    # said by its footnote, not by a swatch of its own among the bars' (editor round 25: seven swatches).
    # A swatch for each colour a bar is drawn in, a stance beside its pale form (editor round 31: one grey swatch
    # for every pale period matched none of them); a square's colour alone has none.
    keyed = [shade for shade in shades if shade in {bar["shade"] for bar in bars}] or shades
    swatches = {
        "data": spec.data([{"shade": shade} for shade in keyed]),
        "mark": {"type": "square", "opacity": 0},
        "encoding": {
            "color": {**shade_colour, "legend": {**_shade_key(shades, words), "values": keyed, **SWATCHES_PLACE}}
        },
        "width": "container",
        "height": 1,
    }
    notes = {"text": key, "orient": "bottom", "anchor": "start", "fontSize": 12, "fontWeight": "normal", "offset": 12}
    body = {key: value for key, value in chart.items() if key != "autosize"}
    bars_view = {**body, "title": {**notes, "color": SUBTLE_TEXT}} if key else body
    column = {
        "vconcat": [swatches, bars_view],
        "spacing": 14,  # the key clear of the top axis's dates
        "autosize": chart["autosize"],
        "resolve": {"legend": {"color": "independent"}},
    }
    return titled(spec, column, title, subtitle)


# ---- candidates --------------------------------------------------------------------------------

CANDIDATE_KINDS = list(kinds.step_shapes())  # the steps of a candidate's run
# A rival's own words on the race (Kallas saying Estonia can back Rutte) are part of their run: without them her row
# ended at her last mention, and she read as having faded away. The protagonist's many statements are not drawn.
WORDS_LANE, WORDS_SHAPE = "Talks and statements", "triangle-down"


def is_candidate_step(events: pd.DataFrame, candidates: pd.DataFrame, protagonist: str = "") -> pd.Series:
    """Which of `events` candidates_chart draws: each step of a candidate's run, and a rival's own words."""
    names = candidates.set_index("candidate_id")["name"]
    own_words = (
        events["kind"].isin(kinds.kinds_in_lane(WORDS_LANE))
        & (events["candidate"] != protagonist)
        & (events["actor"] == events["candidate"].map(names))
    )
    return events["candidate"].isin(names.index) & (events["kind"].isin(CANDIDATE_KINDS) | own_words)


def candidate_steps(events: pd.DataFrame, candidates: pd.DataFrame, protagonist: str = "") -> pd.DataFrame:
    """The rows candidates_chart draws (is_candidate_step) among `events` (dates not yet clipped), each with its
    candidate's rank in `candidates`, whose order the chart's rows keep, and whether `events` has them declaring."""
    names = candidates.set_index("candidate_id")["name"]
    rows = events[is_candidate_step(events, candidates, protagonist)]
    declared = set(rows.loc[rows["kind"].isin(kinds.with_role(kinds.DECLARING)), "candidate"])
    return pd.DataFrame(
        {
            "name": rows["candidate"].map(names),
            "date": rows["date"],
            "start": rows["date_start"],
            "end": rows["date_end"],
            "exact": rows["date_precision"].astype(str) == "day",
            "when": rows_when(rows),
            "kind": rows["kind"].astype(str),
            "step": rows["kind"].map(kinds.label),
            "lane": rows["kind"].astype(str).map(kinds.lane_of_kind()),
            "summary": rows["summary"],
            "rank": rows["candidate"].map({c: i for i, c in enumerate(candidates["candidate_id"])}),
            # whether they declared, in `events` (the whole race): not only in the dates a view draws (editor round
            # 37: after the appointment, Rutte's one step read "never declared")
            "declared": rows["candidate"].isin(declared),
        }
    )


def candidates_chart(events: pd.DataFrame, candidates: pd.DataFrame, title: str, subtitle: str, start=None, end=None):
    """One lane per candidate: each step of the run (mention, candidacy, withdrawal, appointment, taking office)
    as a shape, filled when dated to the day; on an axis over the chosen dates (`start` to `end`, else the rows')."""
    return candidates_steps_chart(candidate_steps(events, candidates), title, subtitle, start, end)


LANE_STEP = 44  # px: a candidate's lane
# A step's mark: smaller on a phone, where two steps weeks apart would otherwise cover each other.
STEP_SIZE = {"expr": f"{NARROW_EXPR} ? 64 : 120"}
NEVER_DECLARED = "never declared"  # under the name of a candidate no article reports declaring


def candidates_steps_chart(steps: pd.DataFrame, title: str, subtitle: str, start=None, end=None):
    """candidates_chart of its steps (candidate_steps), which a view picks from every step of the data."""
    start = steps["start"].min() if start is None else start
    end = steps["date"].max() if end is None else end
    first, last = time_axis.domain(start, end)
    inside = {"lower": first, "upper": last}
    frame = steps.assign(**{column: steps[column].clip(**inside) for column in ("date", "start", "end")})
    frame = frame.sort_values(["name", "date"], kind="stable")
    declared = sorted(set(frame.loc[frame["declared"], "name"]))
    # A rough date before the chosen dates ('in 2023', seen from July) is drawn on the left edge, which the key says:
    # unexplained, the edge read as the date.
    before = bool((steps["date"] < first).any())
    # In the candidates' own order (views.by_outcome), the cards' order too, and the same in every view.
    order = list(steps.groupby("name")["rank"].min().sort_values(kind="stable").index)
    spec = vega.Spec()
    x_scale, x_axis = time_axis.temporal_axis(start, end, grid=True, gridColor="#e6e6e6")
    if (last - first).days > 2:
        # A mark on the first or last day stays inside the frame, and so do the dates at either end: in the padding
        # the axis's bound would have hidden them.
        x_scale, x_axis = {**x_scale, "padding": 10}, {**x_axis, "labelBound": False}
    y = {
        "field": "name",
        "type": "nominal",
        "title": None,
        "sort": order,
        "axis": {
            "labelFontWeight": "bold",
            "labelLimit": 140,
            "labelPadding": 12,
            "domain": False,
            "ticks": False,
            # Who never declared is said in words under the name, not by a pale grey alone (editor round 36: it read
            # as disabled). Names are read from JSON, never pasted into the expression.
            "labelExpr": f"indexof({json.dumps(declared)}, datum.value) >= 0 ? datum.value"
            f" : [datum.value, {json.dumps(NEVER_DECLARED)}]",
        },
    }
    lanes = [lane for lane in ("Candidates", WORDS_LANE, "Milestones") if lane in set(frame["lane"])]
    colour = {
        "field": "lane",
        "type": "nominal",
        "scale": {"domain": lanes, "range": [kinds.LANE_COLOURS[lane] for lane in lanes]},
        "legend": None,
    }
    shapes = {**kinds.step_shapes(), **dict.fromkeys(kinds.kinds_in_lane(WORDS_LANE), WORDS_SHAPE)}
    steps = [kind for kind in shapes if kind in set(frame["kind"])]
    lane_of = kinds.lane_of_kind()
    step_colours = json.dumps({kinds.label(k): kinds.LANE_COLOURS[lane_of[k]] for k in steps})
    shape = {
        "field": "step",
        "type": "nominal",
        "title": "What happened",
        "scale": {"domain": [kinds.label(k) for k in steps], "range": [shapes[k] for k in steps]},
        "legend": {
            "orient": "bottom",
            "columns": legend_columns(wide=3, narrow=1),  # two ran off a phone's screen
            # each step's symbol in the colour of its marks (a candidate's teal, a milestone's black), open as most
            # marks are (editor round 36: filled symbols matched almost none); the notes say what filled means
            "symbolFillColor": "white",
            "symbolStrokeColor": {"expr": f"{step_colours}[datum.value]"},
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
    marks = [  # filled when dated to the day, else open
        {
            "mark": {"type": "point", "size": STEP_SIZE, "strokeWidth": 1.8, "opacity": 1, **fill},
            "encoding": {**shared, "x": x, "shape": shape},
            "transform": [{"filter": f"{'' if exact else '!'}datum.exact"}],
        }
        for exact, fill in ((True, {"filled": True}), (False, {"fill": "white"}))
    ]
    height = LANE_STEP * frame["name"].nunique()
    notes = (  # only the marks drawn (editor round 37: a key of marks a view lacks)
        *(["Filled: dated to the day, by the article or a source outside it."] if frame["exact"].any() else []),
        *(["Open, with a bar: dated only roughly, over that period."] if not frame["exact"].all() else []),
        *(["On the left edge: dated roughly, from before these dates."] if before else []),
    )
    return titled(
        spec,
        {
            "data": spec.data(frame),
            "layer": [spans, *marks],
            "width": "container",
            "height": height,
            "autosize": {"type": "fit-x", "contains": "padding"},
        },
        title,
        subtitle,
        *notes,
    )
