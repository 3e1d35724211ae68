"""Timeline: every sourced event on a time axis, coloured by kind, with the same rows as a table."""

import streamlit as st

from tracker.charts import charts
from tracker.data import copy_files
from tracker.data.counts import counted
from tracker.model import jump, tables
from tracker.reader.filters import shown_of
from ui import data, state
from ui.chart_block import show_notes, show_page_charts
from ui.jump import event_card, focus_on, focused_event, jump_buttons
from ui.page import start_page
from ui.tables import show as show_table

ds, derived, view = start_page()
bounds = derived["bounds"]

st.title(copy_files.fill(ds.copy, "timeline-title"))
st.markdown(
    copy_files.fill(
        ds.copy,
        "timeline-intro",
        articles=counted(len(ds.articles), "article"),
        claims=len(ds.events),
        events=len(data.facts(ds)),
    )
)

rows = data.events_in_view(ds, view)
st.caption(shown_of(len(rows), len(data.facts(ds)), "events"))
ordered = data.for_view("events in order", ds, view, lambda: jump.in_order(rows).set_index("event_id", drop=False))
ids = ordered.index.tolist()


def same_fact_as(events, shown: list[str]) -> dict[str, str]:
    """Each event that reports a fact another shown row is drawn for, and that row."""
    facts = events.set_index("event_id")["fact_id"]
    drawn = {facts[e]: e for e in shown if facts.get(e)}
    return {e: drawn[fact] for e, fact in facts.items() if fact in drawn and e not in shown}


@st.fragment
def stepping_through() -> None:
    """The focused event and all it changes: a jump button reruns this part alone, not the sidebar and the table."""
    start = jump.first_milestone(ordered, derived["milestones"]) or ids[0]  # where a reader starts
    focus = focused_event(ids, start, same_fact_as(ds.events, ids))
    focused_view = state.with_page_parts(view, event=focus if focus != start else None)
    focused = {charts.FOCUS: charts.focus_rows(focus)}
    drawn = show_page_charts("timeline", data.scope(ds, focused_view), datasets={"timeline": focused}, notes=False)
    jump_buttons("timeline", jump.steps(ids, focus), focus_on, "event", "event shown")
    event_card(ordered.loc[focus], ids.index(focus) + 1, len(ids), ds.articles, ds.race.stances)
    for item in drawn.values():
        show_notes(item)
    state.sync_url(focused_view, bounds)


if ids:
    stepping_through()
    st.header("The same events as a table")
    show_table(
        data.table_rows_for_view(
            "events table",
            ds,
            view,
            lambda: tables.events(data.facts(ds), ds.articles),
            lambda: data.facts(ds).index.get_indexer(rows.index),
        ),
        "The same events as a table",
        fold=f"{counted(len(rows), 'event', capital=True)}, each with the article's words and our check",
        leave_out=tables.CARD_ONLY_COLUMNS,
    )
    st.caption(
        "Each event's card above, and the table's download, also give who the actor was, the quote, every article "
        "that reports it, how its date was worked out and any fact from outside the articles."
    )
else:
    state.sync_url(view, bounds)
