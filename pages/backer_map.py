"""Backer map: each ally's stance as of a chosen date, a replay of the race, and every country's stance history."""

from datetime import timedelta

import streamlit as st

from rutte_race import jump, replay, views
from rutte_race.chart_registry import BACKER_MAP, MAP_COLUMNS
from rutte_race.formatting import day_text
from rutte_race.paths import ALLIES_GEOJSON_URL
from ui import charts as chart_cache
from ui import data, state
from ui.chart_block import show_page_charts
from ui.jump import jump_buttons
from ui.page import start_page
from ui.phone import on_phone

ds, derived, view = start_page()
bounds, changes = derived["bounds"], derived["changes"]

st.title("Who backed Rutte, and when")
st.markdown(
    "Each ally's stance as the articles report it on the chosen date; hover a country for the sentence behind it."
)

default_as_of = min(max(views.last_stance_change(ds), view.start), view.end)


def days_of_change() -> list:
    """The days in the view on which a stance of its allies changed: where the jump buttons go."""
    shown_changes = changes if not view.countries else changes[changes["iso3"].isin(view.countries)]
    return [d.date() for d in shown_changes["date"] if view.start <= d.date() <= view.end]


change_days = data.for_view("days of change", ds, view, days_of_change)


def show_day(day) -> None:  # a button callback: it runs before the slider exists again, so it may set its state
    st.session_state[state.AS_OF] = day


@st.fragment
def on_the_day() -> None:
    """The as-of date and all it changes: moving it reruns this part alone, not the sidebar, replay and history."""
    chosen = state.valid(state.AS_OF, bounds)
    if chosen is None or not view.start <= chosen <= view.end:
        chosen = st.session_state[state.AS_OF] = default_as_of
    as_of = st.slider(
        "As of",
        min_value=view.start,
        max_value=max(view.end, view.start + timedelta(days=1)),
        value=chosen,
        key=state.AS_OF,
        format="D MMM YYYY",
        help="Move to see the stances on another date.",
    )
    jump_buttons("as_of", jump.jumps(change_days, as_of), show_day, "change", "date on which an ally's stance changed")
    day_view = state.with_page_parts(view, as_of=as_of if as_of != default_as_of else None)

    as_of_frame = data.stances_on(ds, as_of)
    counts = data.for_view(  # the same for every day up to the next change, whatever the dates around it
        ("stance counts", views.same_stances_day(as_of, derived["turns"]), view.countries),
        ds,
        None,
        lambda: views.status_counts(
            as_of_frame if not view.countries else as_of_frame[as_of_frame["iso3"].isin(view.countries)]
        ),
    )
    shown = len(view.countries) or len(as_of_frame)
    st.caption(
        f"{shown} of {len(as_of_frame)} allies shown."
        + (" Allies outside your country filter are darker grey." if view.countries else "")
    )
    summary = views.stance_summary(counts)
    st.markdown(
        f"**On {day_text(as_of)}:** {summary}. From the appointment on, every ally counts as backing: "
        "the decision needed all of them."
    )
    day_scope = data.scope(ds, day_view)
    drawn = show_page_charts("backer_map", day_scope)
    st.header(f"Stances on {day_text(as_of)}")
    stances = data.table_for_view(  # one table per drawn map, as the map's drawing is shared (its draw_key)
        BACKER_MAP.drawing_key(day_scope), ds, None, lambda: drawn["backer-map"].data.rename(columns=MAP_COLUMNS)
    )
    st.dataframe(stances, hide_index=True, width="stretch")
    state.sync_url(day_view, bounds)


on_the_day()

st.header("Replay the race")
st.caption(
    "Show the replay, then press play to watch the stances change on every date the articles report a change, or "
    "drag the slider to any of them. "
    f"{replay.SPACING_NOTE}"
)


@st.fragment
def replay_on_request() -> None:
    """Drawn only once the reader asks: the replay is the page's heaviest element (Plotly's 4.7 MB bundle, every
    frame of the race), and as a fragment it opens without rerunning the rest of the page."""
    if not st.toggle("Show the replay", key=state.REPLAY_OPEN):
        return
    narrowest = 320 if on_phone() else 760  # px: a small phone; a laptop's main column beside the sidebar
    replay_figure = chart_cache.figure(
        "replay",
        (ds.version, view.start, view.end, narrowest),
        lambda: replay.replay_figure(ds, changes, view.start, view.end, ALLIES_GEOJSON_URL, narrowest),
    )
    st.plotly_chart(replay_figure, config={"displaylogo": False, "scrollZoom": False})


replay_on_request()

st.header("Every ally's stance history")
history = data.for_view("stance history", ds, view, lambda: views.stance_history(ds, view))
st.caption(
    f"{history['Ally'].nunique()} allies with a recorded stance in the chosen dates; "
    "the others have no public stance reported before the appointment."
)
history_table = data.table_rows_for_view(
    "stance history", ds, view, lambda: views.stance_history(ds), lambda: history.index.to_numpy()
)
st.dataframe(history_table, hide_index=True, width="stretch")
