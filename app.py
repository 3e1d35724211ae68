"""Entry point: page setup, the shared sidebar filters, and navigation. Everything else lives in pages/."""

import os

import streamlit as st

from ui import nagle, state, widget_guard
from ui.data import bounds, dataset
from ui.phone import top_bar
from ui.sidebar import filters

if os.environ.get("TRACKER_BENCH_KEEP_NAGLE") != "1":  # set by `python -m bench` only, to measure what this saves
    nagle.turn_nagle_off_once()  # every rerun's second message would wait ~40 ms for the browser's ACK
widget_guard.install()  # a widget state no widget can read is dropped, not raised (a client that is not a browser)

st.set_page_config(page_title=dataset().race.race.title, page_icon="assets/favicon.png", layout="wide")

PAGES = [
    st.Page("pages/story.py", title="The story", icon=":material/auto_stories:", default=True),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/backer_map.py", title="Backer map", icon=":material/map:"),
    st.Page("pages/candidates.py", title="Candidates", icon=":material/groups:"),
    st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page("pages/sources.py", title="Sources and method", icon=":material/menu_book:"),
    st.Page("pages/corrections.py", title="Corrections", icon=":material/edit_note:"),
]

FLOOR = "bench-floor"
if os.environ.get("TRACKER_BENCH_FLOOR") == "1":  # set by `python -m bench` only: the cheapest page the app can serve
    PAGES.append(st.Page(lambda: None, title="Floor", url_path=FLOOR))

page = st.navigation(PAGES, position="top")
if page.url_path != FLOOR:
    filters(dataset(), top_bar(PAGES, state.filters_set(bounds(dataset()))))
page.run()
