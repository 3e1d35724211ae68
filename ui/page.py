"""What every page does first: run inside app.py, load the data, read the reader's view, show link notices."""
import re

import streamlit as st

from rutte_race.load import Dataset
from rutte_race.view_state import ViewState
from ui import data, routing, state


def start_page() -> tuple[Dataset, dict, ViewState]:
    """The dataset, its derived views and the reader's shared view, once the page runs inside app.py."""
    routing.through_app()
    ds = data.dataset()
    derived = data.derived(ds)
    view = state.current_view(derived["bounds"])
    state.show_notices()
    return ds, derived, view


def app_address() -> str:
    """The app's own address as the reader's browser has it (for citing), without the page's path; '' when unknown."""
    return re.sub(r"/[^/]*$", "/", st.context.url or "")
