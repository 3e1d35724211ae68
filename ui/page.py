"""What every page does first: run inside app.py, load the data, read the reader's view, show link notices."""

import os

import streamlit as st

from tracker.exports import cite
from tracker.model.load import Dataset
from tracker.reader.view_state import ViewState
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
    """The app's public address, from the TRACKER_PUBLIC_URL environment variable or `public_url` in Streamlit's
    secrets (cite.public_address); '' when unset. Never the address the server saw: behind a proxy, or run
    locally, that is a loopback or internal host no reader can open."""
    setting = os.environ.get(cite.ADDRESS_SETTING)
    if setting is None:
        try:
            setting = st.secrets.get("public_url")
        except FileNotFoundError:  # no secrets file: nothing set
            setting = None
    return cite.public_address(setting if isinstance(setting, str) else None)
