"""The filters every page shares: a date range and a country choice, with a reset."""
import streamlit as st

from rutte_race.load import Dataset
from ui import phone, state, whole_view
from ui.data import bounds


def filters(ds: Dataset, panel=None) -> None:
    """In the sidebar, or in `panel` (a phone's filter panel, ui.phone)."""
    b = bounds(ds)
    state.current_view(b)  # seeds the widgets from the URL on a session's first run
    names = dict(zip(ds.members["iso3"], ds.members["name"]))
    with panel if panel is not None else st.sidebar:
        st.header("Filters")
        st.slider("Dates", min_value=b.first, max_value=b.last, key=state.DATES, format="D MMM YYYY", on_change=phone.close_filters,
                  help="Events whose date (or period) falls in this range. The background before 2023 is left out by default.")
        st.multiselect("Countries", options=sorted(names, key=names.get), format_func=names.get, key=state.COUNTRIES, on_change=phone.close_filters,
                       placeholder="All countries", help="Show only events and stances of these allies.")
        st.button("Reset filters", on_click=state.reset, args=(b,), icon=":material/restart_alt:", width="stretch")
    with st.sidebar:
        whole_view.downloads(ds, b)
        st.caption(f"Data version {ds.version}. Every row links to the sentence of the article it comes from.")
