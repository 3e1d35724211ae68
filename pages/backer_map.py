"""Backer map: each ally's stance as of a chosen date, a replay of the race, and every country's stance history."""
from datetime import timedelta

import pandas as pd
import streamlit as st

from rutte_race import charts, corrections, describe, export, jump, replay, view_charts, views
from rutte_race.filters import describe_filters
from rutte_race.formatting import date_labels, day_text
from rutte_race.paths import ALLIES_GEOJSON_URL
from ui import data, state
from ui.page import start_page
from ui import charts as chart_cache
from ui.downloads import chart_downloads
from ui.jump import jump_buttons
from ui.phone import on_phone

ds, derived, view = start_page()
bounds, changes = derived["bounds"], derived["changes"]

st.title("Who backed Rutte, and when")
st.markdown("Allies coloured by the stance the articles report on the chosen date. Hover a country for the sentence "
            "that sources its stance. From the appointment on, every ally counts as backing: the decision needed all of them.")

last_change = changes["date"].max().date()
default_as_of = min(max(last_change, view.start), view.end)
chosen = st.session_state.get(state.AS_OF)
if chosen is None or not view.start <= chosen <= view.end:
    st.session_state[state.AS_OF] = default_as_of
as_of = st.slider("As of", min_value=view.start, max_value=max(view.end, view.start + timedelta(days=1)),
                  key=state.AS_OF, format="D MMM YYYY", help="Move to see the stances on another date.")
shown_changes = changes if not view.countries else changes[changes["iso3"].isin(view.countries)]
change_days = [d.date() for d in shown_changes["date"] if view.start <= d.date() <= view.end]


def show_day(day) -> None:  # a button callback: it runs before the slider exists again, so it may set the slider's state
    st.session_state[state.AS_OF] = day


jump_buttons("as_of", jump.jumps(change_days, as_of), show_day, "change", "date on which an ally's stance changed")
view = state.with_page_parts(view, as_of=as_of if as_of != default_as_of else None)

as_of_frame = data.stances_on(ds, as_of)
counts = views.status_counts(as_of_frame if not view.countries else as_of_frame[as_of_frame["iso3"].isin(view.countries)])
shown = len(view.countries) or len(as_of_frame)
st.caption(f"{shown} of {len(as_of_frame)} allies shown." + (" Allies outside your country filter are pale grey." if view.countries else ""))
subtitle = describe_filters(view, bounds, derived["names"])
# Every date and date range with the same stances draws the same map: build it once per set of stances, then retitle it.
stances = tuple(as_of_frame[["iso3", "status", "source_when"]].astype(str).itertuples(index=False, name=None))
chart = chart_cache.chart("backer_map", (ds.version, stances, view.countries),
                         lambda: charts.backer_map(as_of_frame, ds.shapes, view.countries, "", ""),
                         title=f"Allies' stance on Rutte, {day_text(as_of)}", subtitle=subtitle)
summary = views.stance_summary(counts)
st.markdown(f"**On {day_text(as_of)}:** {summary}.")
description = describe.stances_on(as_of_frame, as_of, view.countries)
notice = corrections.chart_notice(ds.corrections, view_charts.map_drawn(as_of_frame, view.countries))
chart_cache.show(chart, description, "Map of NATO allies' stance toward Rutte; the table below lists every ally.", notice)
table = as_of_frame.assign(since=as_of_frame["source_when"])[["name", "status_label", "since", "source_summary", "source_evidence", "source_label", "source_how_sure"]]
if view.countries:
    table = table[as_of_frame["iso3"].isin(view.countries)]
chart_downloads(chart, ("backers", "as-of", as_of.isoformat(), *view.countries), table, export.footer(description, ds.version, notice, articles=len(ds.articles)), ds.version, "map")

st.header("Replay the race")
st.caption(f"Press play to watch the stances change on every date the articles report a change, or drag the slider to any of them. "
           f"{replay.SPACING_NOTE}")
narrowest = 320 if on_phone() else 760  # px: a small phone; a laptop's main column beside the sidebar
replay_figure = chart_cache.figure("replay", (ds.version, view.start, view.end, narrowest),
                                   lambda: replay.replay_figure(ds, changes, view.start, view.end, ALLIES_GEOJSON_URL, narrowest))
st.plotly_chart(replay_figure, config={"displaylogo": False, "scrollZoom": False})

st.header("Every ally's stance history")
history = changes.merge(ds.members[["iso3", "name"]], on="iso3")
if view.countries:
    history = history[history["iso3"].isin(view.countries)]
history = history[(history["date"] >= pd.Timestamp(view.start)) & (history["date"] <= pd.Timestamp(view.end))]
st.caption(f"{history['iso3'].nunique()} allies with a recorded stance in the chosen dates; the others have no public stance reported before the appointment.")
st.dataframe(
    pd.DataFrame({
        "Ally": history["name"], "From": date_labels(history), "Stance": history["stance"].astype(str),
        "What": history["summary"], "Article says": history["evidence"],
        "How we know": ["Derived: the appointment needed every ally's consent" if d else "Stated in the article" for d in history["derived"]],
        "How sure are we": history["how_sure"],
    }),
    hide_index=True, width="stretch",
)
st.header(f"Stances on {day_text(as_of)}")
st.dataframe(table.rename(columns={"name": "Ally", "status_label": "Stance", "since": "Since", "source_summary": "What",
                                   "source_evidence": "Article says", "source_label": "Source",
                                   "source_how_sure": "How sure are we"}), hide_index=True, width="stretch")

state.sync_url(view, bounds)
