"""The filters every page shares: a date range and a country choice, with a reset."""
import streamlit as st

from rutte_race.load import Dataset
from ui import state, whole_view
from ui.data import bounds


def filters(ds: Dataset) -> None:
    b = bounds(ds)
    view = state.current_view(b)  # seeds the widgets from the URL on a session's first run
    names = dict(zip(ds.members["iso3"], ds.members["name"]))
    with st.sidebar:
        st.header("Filters")
        st.slider("Dates", min_value=b.first, max_value=b.last, value=(view.start, view.end), key=state.DATES, format="D MMM YYYY",
                  help="Events whose date (or period) falls in this range. The background before 2023 is left out by default.")
        st.multiselect("Countries", options=sorted(names, key=names.get), format_func=names.get, key=state.COUNTRIES,
                       placeholder="All countries", help="Show only events and stances of these allies.")
        st.button("Reset filters", on_click=state.reset, args=(b,), icon=":material/restart_alt:", width="stretch")
        whole_view.downloads(ds, b)
        st.caption(f"Data version {ds.version}. Every row links to the sentence of the article it comes from.")
