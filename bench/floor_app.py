"""The browser-redraw benchmark's floor: one sidebar date control and one small Altair line chart filtered by it.
Under the chart, set by `python -m bench.elements` only: `TRACKER_BENCH_PARAGRAPHS=N` adds N short paragraphs that
name the chosen date (new text on every change), `TRACKER_BENCH_FIXED=N` N paragraphs that never change, and
`TRACKER_BENCH_BUTTONS=N` N buttons."""

import os
from datetime import date, timedelta

import altair as alt
import pandas as pd
import streamlit as st

FIRST, DAYS = date(2024, 1, 1), 30
days = pd.DataFrame({"date": pd.date_range(FIRST, periods=DAYS)})
days["count"] = [(i * 7) % 5 for i in range(DAYS)]  # made up, the same on every run
days["count"] = days["count"].cumsum()

last = FIRST + timedelta(days=DAYS - 1)
to = st.sidebar.date_input("To", value=last, min_value=FIRST, max_value=last, format="YYYY-MM-DD")
shown = days[days["date"] <= pd.Timestamp(to)]
st.altair_chart(alt.Chart(shown).mark_line().encode(x="date:T", y="count:Q"), width="stretch")


def extra(kind: str) -> range:
    """1 to N for TRACKER_BENCH_<KIND>=N (none when it is not set)."""
    return range(1, int(os.environ.get(f"TRACKER_BENCH_{kind}", "0")) + 1)


for i in extra("PARAGRAPHS"):
    st.markdown(f"Paragraph {i}: the view ends on {to:%d %B %Y}.")
for i in extra("FIXED"):
    st.markdown(f"Fixed paragraph {i}: the same words on every run.")
for i in extra("BUTTONS"):
    st.button(f"Button {i}", key=f"button-{i}")
