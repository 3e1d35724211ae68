"""Backer map: each ally's stance as of a chosen date, with the race played on the same map, and every ally's
stance history."""

from datetime import timedelta

import pandas as pd
import streamlit as st

from tracker.charts.chart_registry import BACKER_MAP, decision_day, home_country
from tracker.data import copy_files
from tracker.data.counts import counted, number_word
from tracker.data.formatting import day_text, first_upper, in_prose
from tracker.data.text import escape_markdown
from tracker.model import jump, load, views
from ui import data, phone, state, tables
from ui.chart_block import show_notes, show_page_charts
from ui.jump import jump_buttons
from ui.page import start_page

PLAY_STEP = 1.2  # seconds a date of change stays on the map while the race plays
PLAY = 160  # px: Play and Pause one width, so the slider beside them does not jump when one becomes the other

ds, derived, view = start_page()
bounds, changes = derived["bounds"], derived["changes"]

st.title(copy_files.fill(ds.copy, "backer-map-title"))
st.markdown(copy_files.fill(ds.copy, "backer-map-intro"))
default_as_of = min(max(views.map_day(ds), view.start), view.end)
decision = decision_day(ds)
OPENS_ON_THE_EVE = pd.notna(decision) and default_as_of == (decision - pd.Timedelta(days=1)).date()


def days_of_change() -> list:
    """The days in the view on which a stance of its allies changed: where the jump buttons and Play go."""
    shown_changes = changes if not view.countries else changes[changes["iso3"].isin(view.countries)]
    return sorted({d.date() for d in shown_changes["date"] if view.start <= d.date() <= view.end})


change_days = data.for_view("days of change", ds, view, days_of_change)


def show_day(day) -> None:  # a button callback: it runs before the slider exists again, so it may set its state
    st.session_state[state.AS_OF] = day


def play() -> None:
    """Play the race from its first change, or carry on from where the reader paused it."""
    if not change_days:
        return
    paused_at = st.session_state.get(state.PLAYED)
    if paused_at is None or paused_at != st.session_state.get(state.AS_OF) or paused_at >= change_days[-1]:
        st.session_state[state.AS_OF] = change_days[0]
        st.session_state[state.PLAYED] = None
    st.session_state[state.PLAYING] = True


def pause() -> None:
    st.session_state[state.PLAYING] = False


def play_button() -> None:
    """Play, or Pause while the race plays: one width, so what sits beside it does not move."""
    if st.session_state.get(state.PLAYING):
        st.button("Pause", icon=":material/pause:", on_click=pause, key="pause_race", help="Stop here.", width=PLAY)
    else:
        st.button(
            "Play the race",
            icon=":material/play_arrow:",
            on_click=play,
            key="play_race",
            disabled=not change_days,
            help=f"Move through every date on which {ds.race.a_member}'s stance changes.",
            width=PLAY,
        )


playing = bool(st.session_state.get(state.PLAYING)) and bool(change_days)


@st.fragment(run_every=PLAY_STEP if playing else None)
def on_the_day() -> None:
    """The map for the as-of date and all it changes: moving the date reruns this part alone; while the race
    plays, it moves itself to the next date of change every PLAY_STEP seconds."""
    if bool(st.session_state.get(state.PLAYING)) != playing:
        st.rerun(scope="app")  # Play or Pause: the fragment starts or stops ticking when the page is drawn again
    chosen = state.valid(state.AS_OF, bounds)
    if chosen is None or not view.start <= chosen <= view.end:
        chosen = st.session_state[state.AS_OF] = default_as_of
    if st.session_state.get(state.PLAYING):
        later = [day for day in change_days if day > chosen]
        if later and st.session_state.get(state.PLAYED) == chosen:
            chosen = st.session_state[state.AS_OF] = later[0]
        elif not later:
            st.session_state[state.PLAYING] = False
            st.rerun(scope="app")  # the fragment stops ticking only when the page is drawn again
        st.session_state[state.PLAYED] = chosen
    # The controls above the map, so the reader sees the map change under them; on a phone only Play is above it,
    # in view with the map as it plays, and the date's slider below: above, all of them filled the first screen.
    on_phone = phone.on_phone()
    if on_phone:
        play_button()
    map_place = st.container() if on_phone else None
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
        if not on_phone:
            play_button()
        as_of = st.slider(
            "As of",
            min_value=view.start,
            max_value=max(view.end, view.start + timedelta(days=1)),
            value=chosen,
            key=state.AS_OF,
            format="D MMMM YYYY",
            help="Move to see the stances on another date.",
        )
    changed = f"date on which {ds.race.a_member}'s stance changed"
    jump_buttons("as_of", jump.jumps(change_days, as_of), show_day, "change", changed)
    if OPENS_ON_THE_EVE and as_of != default_as_of and not st.session_state.get(state.PLAYING):
        # the opening view, one click away after Play or a jump (editor round 32: only the slider led back)
        st.button(
            f"Back to {day_text(default_as_of)}, the eve of the {ds.race.decision.noun}",
            icon=":material/undo:",
            on_click=show_day,
            args=(default_as_of,),
            key="back_to_opening",
        )
    day_view = state.with_page_parts(view, as_of=as_of if as_of != default_as_of else None)
    day_scope = data.scope(ds, day_view)
    with map_place if map_place is not None else st.container():
        drawn = show_page_charts("backer_map", day_scope, notes=False)
    on_day = data.stances_on(ds, as_of)
    home_iso3 = home_country(ds)[0]
    home_name = load.member_names(ds)[home_iso3]
    allies = on_day.loc[on_day["status"] != views.NOT_YET_MEMBER, "iso3"]
    shown = allies.isin(view.countries).sum() if view.countries else len(allies)
    race = ds.race
    st.caption(
        (
            f"All {number_word(len(allies))} countries that were {race.body.members} on {day_text(as_of)} are shown."
            if shown == len(allies)
            else f"{number_word(shown, capital=True)} of the {number_word(len(allies))} countries that were "
            f"{race.body.members} on {day_text(as_of)} " + ("is shown." if shown == 1 else "are shown.")
        )
        + (  # the protagonist's own country, named on the map, grey: why (editor round 34)
            f" {escape_markdown(first_upper(in_prose(home_name)))}, {race.protagonist.name}'s own country, is grey: "
            "no article names its stance."
            if on_day.loc[on_day["iso3"] == home_iso3, "status"].eq(views.UNREPORTED).any()
            and (not view.countries or home_iso3 in view.countries)
            else ""
        )
        + (  # why the map opens where it does, while it shows that day
            f" It opens on {day_text(default_as_of)}, the eve of the {race.decision.noun}, with each "
            f"{race.body.member}'s last stance the articles name"
            + (
                f"; from {day_text(decision)} every {race.body.member} counts as backing."
                if race.decision.consensus
                else "."
            )
            if OPENS_ON_THE_EVE and as_of == default_as_of
            else ""
        )
    )
    for item in drawn.values():
        show_notes(item)
    st.header(f"Stances on {day_text(as_of)}")
    stances = data.table_for_view(  # one table per drawn map, as the map's drawing is shared (its draw_key)
        BACKER_MAP.drawing_key(day_scope), ds, None, lambda: drawn["backer-map"].data
    )
    tables.show(
        stances,
        f"Stances on {day_text(as_of)}",
        # the map's caption counts the members on the day; a country not yet one is a row of its own (editor 32)
        fold=f"{counted(shown, ds.race.body.member, ds.race.body.members, capital=True)}"
        + (
            f" and {number_word(len(stances) - shown)} {race.stances.not_yet_member.lower()}"
            if len(stances) > shown
            else ""
        )
        + " shown, each with the article's words behind its stance",
    )
    state.sync_url(day_view, bounds)


on_the_day()

st.header(f"Every {ds.race.body.member}'s stance history")
history = data.for_view("stance history", ds, view, lambda: views.stance_history(ds, view))
named = history.loc[history["How we know"] != ds.race.stances.counted_how, ds.race.member_heading].nunique()
st.caption(
    f"{counted(named, ds.race.body.member, ds.race.body.members, capital=True)} named with a stance in the chosen "
    "dates."
    + (
        f" From the {ds.race.decision.noun} every {ds.race.body.member} counts as backing, since all had to agree."
        if ds.race.decision.consensus
        else ""
    )
)
history_table = data.table_rows_for_view(
    "stance history", ds, view, lambda: views.stance_history(ds), lambda: history.index.to_numpy()
)
tables.show(
    history_table,
    f"Every {ds.race.body.member}'s stance history",
    # of how many members: the caption above counts those named, the table has every one counted at the decision too
    fold=f"{counted(len(history), 'stance', capital=True)} of "
    f"{counted(history[ds.race.member_heading].nunique(), ds.race.body.member, ds.race.body.members)} in the chosen "
    "dates, from the first report of each",
)
