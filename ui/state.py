"""The reader's view: kept in session state (so it survives page changes) and mirrored in the URL."""

from contextlib import suppress
from dataclasses import replace
from datetime import date, datetime

import streamlit as st
from streamlit.errors import StreamlitAPIException

from tracker.data.text import escape_markdown
from tracker.reader.url_state import parse, to_params
from tracker.reader.view_state import Bounds, ViewState

DATES, COUNTRIES, AS_OF, SPEAKERS, EVENT = "filter_dates", "filter_countries", "as_of", "speakers", "event"
# The date control's widgets; DATES holds the view's dates.
PERIOD, FROM, TO = "filter_period", "filter_from", "filter_to"
# The day fields are made afresh (a new key) whenever the dates change other than by typing in them. A browser keeps
# the last value a field showed: a field hidden in a phone's closed panel while a preset changed the dates would
# send its old day back when the panel opened again, and undo the preset.
DAY_FIELDS = "filter_day_fields"
# The presets are made afresh each time a phone's filter panel closes after a pick (ui.phone.close_filters): opened
# again, the panel showed the presets as they were, and they sent that old choice back about one time in four,
# undoing the preset just picked. Elsewhere they stay, and so does a keyboard's place in them.
PANEL_CLOSINGS = "filter_panel_closings"
SWAPPED = "filter_dates_swapped"  # the reader typed a "From" after the "To": said once under the fields
NOTICES = "url_notices"
PLAYING, PLAYED = "race_playing", "race_played"  # the backer map plays the race; the date it showed last


def link_view(bounds: Bounds) -> tuple[ViewState, list[str]]:
    """The view the link in the reader's address bar asks for, and the notices about what it could not use."""
    return parse({key: st.query_params.get_all(key) for key in st.query_params.keys()}, bounds)


def _from_url(bounds: Bounds) -> None:
    """Once per session: seed the widgets' state from the link the reader opened."""
    view, notices = link_view(bounds)
    st.session_state.setdefault(DATES, (view.start, view.end))
    st.session_state.setdefault(COUNTRIES, list(view.countries))
    if view.as_of is not None:
        st.session_state.setdefault(AS_OF, view.as_of)
    if view.speakers:
        st.session_state.setdefault(SPEAKERS, list(view.speakers))
    if view.event is not None:
        st.session_state.setdefault(EVENT, view.event)
    st.session_state[NOTICES] = notices


def _is_day(value, bounds: Bounds) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime) and bounds.first <= value <= bounds.last


def _are_members(value, known: frozenset[str]) -> bool:
    return (
        isinstance(value, list | tuple)
        and all(isinstance(v, str) and v in known for v in value)
        and len(set(value)) == len(value)
    )


# What each value in session state may be. A browser only ever sends what the widgets allow, but any client can
# leave a widget's state out (Streamlit then forgets it, and the slider falls back to a single date) or send
# another type; whatever fails here is read as missing.
VALID = {
    DATES: lambda v, b: isinstance(v, list | tuple) and len(v) == 2 and all(_is_day(d, b) for d in v) and v[0] <= v[1],
    COUNTRIES: lambda v, b: _are_members(v, b.countries),
    AS_OF: _is_day,
    SPEAKERS: lambda v, b: _are_members(v, b.speakers),
    EVENT: lambda v, b: isinstance(v, str) and v in set(b.events["event_id"]),
}


def valid(key: str, bounds: Bounds):
    """Session state's value for `key` if it is one a widget or a link could have set, else None."""
    value = st.session_state.get(key)
    return value if VALID[key](value, bounds) else None


def _keep(key: str, value) -> None:
    """Put a repaired value back so its widget shows it; a widget already drawn in this run keeps its own."""
    with suppress(StreamlitAPIException):
        st.session_state[key] = value


def current_view(bounds: Bounds) -> ViewState:
    """The shared filters as a ViewState (page-specific parts are added by the page); a missing or wrong value
    falls back to the view in the link."""
    if NOTICES not in st.session_state:
        _from_url(bounds)
    dates, countries = valid(DATES, bounds), valid(COUNTRIES, bounds)
    if dates is None or countries is None:
        link, _ = link_view(bounds)
        if dates is None:
            dates = (link.start, link.end)
            _keep(DATES, dates)
        if countries is None:
            countries = list(link.countries)
            _keep(COUNTRIES, countries)
    return ViewState(start=dates[0], end=dates[1], countries=tuple(sorted(countries)))


def filters_set(bounds: Bounds) -> int:
    """How many filters the reader has set: the dates when not the whole race, and each chosen country."""
    view = current_view(bounds)
    return ((view.start, view.end) != (bounds.default_start, bounds.default_end)) + len(view.countries)


def dates(bounds: Bounds):
    """The view's first and last day (the link's when session state holds none, or a wrong one)."""
    view = current_view(bounds)
    return view.start, view.end


def set_dates(start, end, typed: bool = False) -> None:
    """New dates for the view (a callback of the date control); `typed`: typed into the day fields themselves."""
    st.session_state[DATES] = (start, end)
    if not typed:
        st.session_state[DAY_FIELDS] = st.session_state.get(DAY_FIELDS, 0) + 1


def day_field_keys() -> tuple[str, str]:
    """The keys of the first and last day's fields (see DAY_FIELDS)."""
    made = st.session_state.get(DAY_FIELDS, 0)
    return f"{made}-{FROM}", f"{made}-{TO}"


def period_key() -> str:
    """The key of the presets (see PANEL_CLOSINGS)."""
    return f"{st.session_state.get(PANEL_CLOSINGS, 0)}-{PERIOD}"


def reset(bounds: Bounds) -> None:
    """Back to the default view (a button callback)."""
    set_dates(bounds.default_start, bounds.default_end)
    st.session_state[COUNTRIES] = []
    for key in (AS_OF, SPEAKERS):  # not EVENT: the reader's place on the timeline is not a filter
        st.session_state.pop(key, None)
    st.session_state[NOTICES] = []


def show_notices() -> None:
    """Tell the reader, once, what the link asked for that could not be shown."""
    notices = st.session_state.get(NOTICES) or []
    if notices:
        st.info(
            "Some settings in this link could not be used, so they were left out:\n\n"
            + "\n".join(f"- {escape_markdown(n)}" for n in notices),
            icon=":material/link_off:",
        )
        st.session_state[NOTICES] = []


def sync_url(view: ViewState, bounds: Bounds) -> None:
    """Write the view into the URL so a copied link reproduces it (only when it changed)."""
    wanted = to_params(view, bounds)
    current = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    if current != {key: [value] for key, value in wanted.items()}:  # a key given twice is rewritten once
        st.query_params.from_dict(wanted)


def with_page_parts(view: ViewState, **parts) -> ViewState:
    return replace(view, **parts)
