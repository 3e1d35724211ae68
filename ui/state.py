"""The reader's view: kept in session state (so it survives page changes) and mirrored in the URL."""
from dataclasses import replace

import streamlit as st

from rutte_race.text import escape_markdown
from rutte_race.url_state import parse, to_params
from rutte_race.view_state import Bounds, ViewState

DATES, COUNTRIES, AS_OF, SPEAKERS, EVENT = "filter_dates", "filter_countries", "as_of", "speakers", "event"
# The date control's widgets; DATES holds the view's dates.
PERIOD, FROM, TO = "filter_period", "filter_from", "filter_to"
NOTICES = "url_notices"


def _from_url(bounds: Bounds) -> None:
    """Once per session: seed the widgets' state from the link the reader opened."""
    params = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    view, notices = parse(params, bounds)
    st.session_state.setdefault(DATES, (view.start, view.end))
    st.session_state.setdefault(COUNTRIES, list(view.countries))
    if view.as_of is not None:
        st.session_state.setdefault(AS_OF, view.as_of)
    if view.speakers:
        st.session_state.setdefault(SPEAKERS, list(view.speakers))
    if view.event is not None:
        st.session_state.setdefault(EVENT, view.event)
    st.session_state[NOTICES] = notices


def current_view(bounds: Bounds) -> ViewState:
    """The shared filters as a ViewState (page-specific parts are added by the page)."""
    if NOTICES not in st.session_state:
        _from_url(bounds)
    start, end = dates(bounds)
    return ViewState(start=start, end=end, countries=tuple(sorted(st.session_state.get(COUNTRIES, []))))


def dates(bounds: Bounds):
    """The view's first and last day."""
    return st.session_state.get(DATES, (bounds.default_start, bounds.default_end))


def set_dates(start, end) -> None:
    """New dates for the view (a callback of the date control)."""
    st.session_state[DATES] = (start, end)


def reset(bounds: Bounds) -> None:
    """Back to the default view (a button callback)."""
    st.session_state[DATES] = (bounds.default_start, bounds.default_end)
    st.session_state[COUNTRIES] = []
    for key in (AS_OF, SPEAKERS):  # not EVENT: the reader's place on the timeline is not a filter
        st.session_state.pop(key, None)
    st.session_state[NOTICES] = []


def show_notices() -> None:
    """Tell the reader, once, what the link asked for that could not be shown."""
    notices = st.session_state.get(NOTICES) or []
    if notices:
        st.info("Some settings in this link could not be used, so they were left out:\n\n" + "\n".join(f"- {escape_markdown(n)}" for n in notices), icon=":material/link_off:")
        st.session_state[NOTICES] = []


def sync_url(view: ViewState, bounds: Bounds) -> None:
    """Write the view into the URL so a copied link reproduces it (only when it changed)."""
    wanted = to_params(view, bounds)
    current = {key: st.query_params.get(key) for key in st.query_params.keys()}
    if current != wanted:
        st.query_params.from_dict(wanted)


def with_page_parts(view: ViewState, **parts) -> ViewState:
    return replace(view, **parts)
