"""The race replayed: a Plotly map animated over every date an ally's stance changed, drawn offline.

Uses `choroplethmap` (MapLibre) with the project's own GeoJSON and a blank white style, so no tiles,
fonts or shapes are fetched from anywhere. The shapes are a URL on the app's own server (static/allies.geojson,
built by `python -m rutte_race.build_static`): inlined, they made the figure 30 times larger and Streamlit
copied and serialised them on every rerun.
"""
import html

import pandas as pd
import plotly.graph_objects as go

from rutte_race.charts import STATUS_COLOURS
from rutte_race.formatting import day_text
from rutte_race.views import STATUS_LABELS, STATUS_ORDER, stances_as_of

CENTER = {"lat": 50.0, "lon": -25.0}


def replay_frames(ds, changes: pd.DataFrame, start, end) -> pd.DataFrame:
    """One row per ally per replay date: the dates stances changed within [start, end], plus both ends."""
    dates = sorted({pd.Timestamp(start), *[d for d in changes["date"] if pd.Timestamp(start) <= d <= pd.Timestamp(end)], pd.Timestamp(end)})
    frames = []
    for day in dates:
        as_of = stances_as_of(ds, day, changes)
        frames.append(as_of.assign(frame=day_text(day), code=as_of["status"].cat.codes))
    return pd.concat(frames, ignore_index=True)


def _colourscale() -> list:
    """A stepped scale: status code i gets its stance colour over [i/n, (i+1)/n]."""
    n = len(STATUS_ORDER)
    scale = []
    for i, status in enumerate(STATUS_ORDER):
        scale += [[i / n, STATUS_COLOURS[status]], [(i + 1) / n, STATUS_COLOURS[status]]]
    return scale


def hover_text(rows: pd.DataFrame) -> pd.DataFrame:
    """Names and stances as Plotly shows them literally: its hover labels read <b>, <a href> and entities as markup."""
    return rows[["name", "status_label"]].astype(str).map(html.escape)


def _trace(rows: pd.DataFrame, geojson: str | dict) -> go.Choroplethmap:
    n = len(STATUS_ORDER)
    return go.Choroplethmap(
        geojson=geojson, featureidkey="id", locations=rows["iso_numeric"], z=rows["code"],
        zmin=-0.5, zmax=n - 0.5, colorscale=_colourscale(), marker_line_color="#333", marker_line_width=0.6,
        customdata=hover_text(rows), hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
        colorbar=dict(title="Stance", tickvals=list(range(n)), ticktext=[STATUS_LABELS[s] for s in STATUS_ORDER], orientation="h", y=-0.05, len=0.95),
    )


def replay_figure(ds, changes: pd.DataFrame, start, end, geojson: str | dict) -> go.Figure:
    """`geojson`: the allies' shapes (geo.allies_geojson), or the URL they are served from."""
    frames = replay_frames(ds, changes, start, end)
    names = list(dict.fromkeys(frames["frame"]))
    first = frames[frames["frame"] == names[0]]
    figure = go.Figure(
        data=[_trace(first, geojson)],
        frames=[go.Frame(data=[_trace(frames[frames["frame"] == name], geojson)], name=name) for name in names],
    )
    slider_steps = [{"label": name, "method": "animate", "args": [[name], {"mode": "immediate", "frame": {"duration": 0, "redraw": True}}]} for name in names]
    figure.update_layout(
        map={"style": "white-bg", "center": CENTER, "zoom": 1.6},
        margin={"l": 0, "r": 0, "t": 10, "b": 0}, height=520, paper_bgcolor="white",
        updatemenus=[{
            "type": "buttons", "direction": "left", "x": 0.0, "y": 1.02, "xanchor": "left", "yanchor": "bottom", "showactive": False,
            "buttons": [
                {"label": "▶ Play", "method": "animate", "args": [None, {"frame": {"duration": 900, "redraw": True}, "fromcurrent": True, "transition": {"duration": 0}}]},
                {"label": "❚❚ Pause", "method": "animate", "args": [[None], {"mode": "immediate", "frame": {"duration": 0, "redraw": False}}]},
            ],
        }],
        sliders=[{"active": 0, "steps": slider_steps, "x": 0.0, "len": 1.0, "y": 0.0, "currentvalue": {"prefix": "As of "}, "pad": {"t": 30}}],
    )
    return figure
