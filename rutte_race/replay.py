"""The race replayed: a Plotly map animated over every date an ally's stance changed, drawn offline.

Uses `choroplethmap` (MapLibre) with the project's own GeoJSON and a blank white style, so no tiles,
fonts or shapes are fetched from anywhere. The shapes are a URL on the app's own server (static/allies.geojson,
built by `python -m rutte_race.build_static`): inlined, they made the figure 30 times larger and Streamlit
copied and serialised them on every rerun.

The view is fitted to every ally's shape, from Alaska to Türkiye, at the narrowest width it is laid out for
(Plotly's `fitbounds` leaves a MapLibre map at zoom 1 over (0, 0)); the key is a legend, which wraps on a narrow
screen where a colour bar's labels were cut. The slider's steps are the dates of change, so they are not evenly
spaced in time: playing, each frame stays up in proportion to the days until the next.

There is no Pause button: Plotly rejects a running animation's promise when anything interrupts it, and its
buttons never catch that, so every pause logged an uncaught error. Play runs through the race once (about
12 seconds); the slider goes to any date.
"""

import html
import json
import math
from itertools import pairwise

import pandas as pd
import plotly.graph_objects as go

from rutte_race.charts import STATUS_COLOURS
from rutte_race.formatting import day_text
from rutte_race.paths import ALLIES_GEOJSON
from rutte_race.views import STATUS_LABELS, STATUS_ORDER, stances_as_of

FRAME_MS = (400, 2400)  # the shortest and longest time a frame stays up while playing
MS_PER_DAY = 25
SPACING_NOTE = (
    "The slider's steps are the dates on which a stance changed, not evenly spaced in time; "
    "playing, each date stays up longer when the next change is further away."
)
BUTTON, SLIDER, LEGEND_ROW = 56, 104, 21  # px: the play button's row, the slider's rows, one legend row
NARROW = 500  # px: below this the key is a column, above it a row
TILE = 512  # px: MapLibre's world is 512 × 2^zoom px wide
FIT_SLACK = 0.92  # room around the shapes


def shapes_box(geojson: dict) -> tuple[float, float, float, float]:
    """(west, south, east, north) of every point of every shape."""

    def points(coordinates):
        if coordinates and isinstance(coordinates[0], (int, float)):
            yield coordinates
        else:
            for part in coordinates:
                yield from points(part)

    every = [p for feature in geojson["features"] for p in points(feature["geometry"]["coordinates"])]
    xs, ys = [p[0] for p in every], [p[1] for p in every]
    return min(xs), min(ys), max(xs), max(ys)


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fitted_view(box: tuple[float, float, float, float], width: int, height: int) -> dict:
    """MapLibre's center and zoom that show all of `box` in a map of width × height px (Web Mercator)."""
    west, south, east, north = box
    x_share = (east - west) / 360
    y_share = (_mercator_y(north) - _mercator_y(south)) / (2 * math.pi)
    scale = min(width / (TILE * x_share), height / (TILE * y_share)) * FIT_SLACK
    mid_y = (_mercator_y(north) + _mercator_y(south)) / 2
    center_lat = math.degrees(2 * math.atan(math.exp(mid_y)) - math.pi / 2)
    return {"center": {"lon": (west + east) / 2, "lat": center_lat}, "zoom": math.log2(scale)}


def replay_dates(changes: pd.DataFrame, start, end) -> list[pd.Timestamp]:
    """The dates stances changed within [start, end], plus both ends."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return sorted({start, *[d for d in changes["date"] if start <= d <= end], end})


def replay_frames(ds, changes: pd.DataFrame, start, end) -> pd.DataFrame:
    """One row per ally per replay date."""
    frames = []
    for day in replay_dates(changes, start, end):
        as_of = stances_as_of(ds, day, changes)
        frames.append(as_of.assign(frame=day_text(day)))
    return pd.concat(frames, ignore_index=True)


def frame_durations(dates: list[pd.Timestamp]) -> list[int]:
    """How long each date stays up while playing, in ms: in proportion to the days until the next change."""
    gaps = [(later - earlier).days for earlier, later in pairwise(dates)] + [0]
    return [min(FRAME_MS[1], max(FRAME_MS[0], gap * MS_PER_DAY)) for gap in gaps]


def hover_text(rows: pd.DataFrame) -> pd.DataFrame:
    """Names and stances as Plotly shows them literally: its hover labels read <b>, <a href> and entities as markup."""
    return rows[["name", "status_label"]].astype(str).map(html.escape)


NO_SHAPE = (
    "none"  # a location no shape has: an empty stance keeps its legend entry (Plotly drops empty traces' entries)
)


def _traces(rows: pd.DataFrame, geojson: str | dict) -> list[go.Choroplethmap]:
    """One trace per stance, so the key is a legend entry per stance, present in every frame."""
    traces = []
    for status in STATUS_ORDER:
        some = rows[rows["status"] == status]
        colour = STATUS_COLOURS[status]
        locations = list(some["iso_numeric"]) or [NO_SHAPE]
        traces.append(
            go.Choroplethmap(
                geojson=geojson,
                featureidkey="id",
                locations=locations,
                z=[0] * len(locations),
                name=STATUS_LABELS[status],
                colorscale=[[0, colour], [1, colour]],
                showscale=False,
                showlegend=True,
                marker_line_color="#333",
                marker_line_width=0.6,
                customdata=hover_text(some) if len(some) else [["", ""]],
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            )
        )
    return traces


def layout_for(narrowest: int) -> tuple[dict, int, dict]:
    """Margins, height and key for the narrowest width: the play button, then the key (Grapher's and Datawrapper's
    place for it on a phone: above the map), the map, and the slider under it."""
    narrow = narrowest < NARROW
    rows = len(STATUS_ORDER) + 1 if narrow else 1  # a column with its title, or one row
    margin = {"l": 8, "r": 8, "t": BUTTON + rows * LEGEND_ROW + 12, "b": SLIDER}
    map_height = 240 if narrow else 420
    legend = {
        "orientation": "v" if narrow else "h",
        "x": 0,
        "xanchor": "left",
        "y": 1.0,
        "yanchor": "bottom",
        "title": {"text": "Stance", "side": "top" if narrow else "left"},
        "itemclick": False,
        "itemdoubleclick": False,
    }
    return margin, margin["t"] + map_height + margin["b"], legend


def replay_figure(ds, changes: pd.DataFrame, start, end, geojson: str | dict, narrowest: int = 760) -> go.Figure:
    """`geojson`: the allies' shapes (geo.allies_geojson), or the URL static/allies.geojson is served from.
    `narrowest`: the narrowest width in px the figure will be shown at; every ally is in view from there up."""
    box = shapes_box(geojson if isinstance(geojson, dict) else json.loads(ALLIES_GEOJSON.read_text(encoding="utf-8")))
    margin, height, legend = layout_for(narrowest)
    plot_height = height - margin["t"] - margin["b"]
    view = fitted_view(box, narrowest - margin["l"] - margin["r"], plot_height)
    frames = replay_frames(ds, changes, start, end)
    dates = replay_dates(changes, start, end)
    names = list(dict.fromkeys(frames["frame"]))
    durations = frame_durations(dates)
    figure = go.Figure(
        data=_traces(frames[frames["frame"] == names[0]], geojson),
        frames=[go.Frame(data=_traces(frames[frames["frame"] == name], geojson), name=name) for name in names],
    )
    slider_steps = [
        {
            "label": name,
            "method": "animate",
            "args": [[name], {"mode": "immediate", "frame": {"duration": 0, "redraw": True}}],
        }
        for name in names
    ]
    play = {
        "frame": [{"duration": ms, "redraw": True} for ms in durations],
        "fromcurrent": True,
        "transition": {"duration": 0},
    }
    button = {"font": {"size": 15}, "pad": {"t": 8, "b": 8, "l": 8, "r": 8}}
    figure.update_layout(
        map={"style": "white-bg", **view},
        margin=margin,
        height=height,
        paper_bgcolor="white",
        legend=legend,
        updatemenus=[
            {
                "type": "buttons",
                "direction": "left",
                "x": 0.0,
                "y": 1 + margin["t"] / plot_height,
                "xanchor": "left",
                "yanchor": "top",
                "showactive": False,
                **button,
                "buttons": [{"label": "▶ Play the race", "method": "animate", "args": [None, play]}],
            }
        ],
        # Inset from both ends, so the first and last dates' labels are not cut at the edges.
        sliders=[
            {
                "active": 0,
                "steps": slider_steps,
                "x": 0.06,
                "len": 0.88,
                "y": 0,
                "yanchor": "top",
                "currentvalue": {"prefix": "As of ", "font": {"size": 15}},
                "pad": {"t": 8, "b": 8},
                "font": {"size": 11},
            }
        ],
    )
    return figure
