"""The filters every page shares: the race's dates (presets, or exact dates) and a country choice, with a reset."""

import streamlit as st

from tracker.data.counts import counted
from tracker.data.formatting import day_text
from tracker.exports import cite
from tracker.model.load import Dataset
from tracker.reader import periods
from ui import phone, state, whole_view
from ui.data import bounds, derived

DATES_HELP = (
    "Events whose date (or period) falls between these days. Type a date, or step it with the arrow keys: "
    "on the day by a day, on the month by a month (in the calendar, Page Up and Page Down move a month). "
    "The background before the race is the last choice above."
)


def filters(ds: Dataset, panels: phone.Panels = phone.IN_SIDEBAR) -> None:
    """In the sidebar, or in a phone's `panels` (ui.phone): the filters, then the whole story's downloads."""
    panel = panels.filters
    b = bounds(ds)
    state.current_view(b)  # seeds the widgets from the URL on a session's first run
    choices = derived(ds)["choices"]
    with panel if panel is not None else st.sidebar:
        if panel is None:  # a phone's panel opens under its own "Filters" button: a heading pushed Reset off its foot
            st.header("Filters")
        date_control(ds, b)
        st.multiselect(
            "Countries",
            options=list(choices),
            format_func=choices.get,
            key=state.COUNTRIES,
            placeholder="All countries",
            on_change=phone.close_filters,
            # Letters in order ("fuzzy") let "UK" offer Türkiye: a name, or part of one, finds only itself.
            filter_mode="contains",
            help=f"Show only events and stances of these {ds.race.body.members}. Type part of a name"
            + (f": {also} work too." if (also := other_names(ds)) else "."),
        )
        st.button("Reset filters", on_click=state.reset, args=(b,), icon=":material/restart_alt:", width="stretch")
    with panels.downloads if panels.downloads is not None else st.sidebar:
        whole_view.downloads(ds, b)
        st.caption(
            f"Data version {cite.published_version(ds.version)}. "
            "Every claim links to the words of the article it comes from."
        )


def other_names(ds: Dataset, most: int = 3) -> str:
    """A few of the other names members go by ('“Turkey”, “UK” and “US”'): each member's first, from the members
    with the most of them (the names a reader is likeliest to type); '' when none has one."""
    also = [names.split("; ") for names in ds.members.sort_values("name")["also_called"] if names]
    chosen = sorted(also, key=len, reverse=True)[:most]
    quoted = [f"“{names[0]}”" for names in also if names in chosen]  # in the members' order
    return f"{', '.join(quoted[:-1])} and {quoted[-1]}" if len(quoted) > 1 else "".join(quoted)


def date_control(ds: Dataset, b) -> None:
    """Presets to tap, then the exact first and last day; both write the view's dates (state.DATES)."""
    choices = derived(ds)["periods"]
    start, end = state.dates(b)
    # The widgets show the view's dates on every run (a preset, a reset or a link may have changed them).
    chosen = periods.matching(choices, start, end)
    presets, (first_day, last_day) = state.period_key(), state.day_field_keys()
    st.session_state[presets] = chosen.name if chosen else None
    st.session_state[first_day], st.session_state[last_day] = start, end
    labels = {p.name: p.label for p in choices}
    st.pills(
        "Dates",
        options=list(labels),
        default=chosen.name if chosen else None,
        format_func=labels.get,
        key=presets,
        on_change=_pick_period,
        args=(choices,),
        width="stretch",
        help="The whole race is shown first; pick another period, or set exact days below.",
    )
    low, high = periods.control_range(b, start, end)
    # One above the other: side by side, a 300 px sidebar cuts the dates off.
    # `value=` as well as the session state: without it Streamlit reads the whole session state to guess the
    # widget's value, and a client that sends a widget state under a made-up id makes that read fail.
    st.date_input(
        "From",
        value=start,
        key=first_day,
        min_value=low,
        max_value=high,
        format="YYYY-MM-DD",
        on_change=_type_dates,
        help=DATES_HELP,
    )
    st.date_input(
        "To", value=end, key=last_day, min_value=low, max_value=high, format="YYYY-MM-DD", on_change=_type_dates
    )
    st.caption(
        f"{day_text(start)} to {day_text(end)}: {counted((end - start).days + 1, 'day')}"
        + ("" if chosen else " (your own dates)")
        + "."
        + (
            " The “From” day was after the “To” day, so the two were swapped."
            if st.session_state.pop(state.SWAPPED, False)
            else ""
        )
    )


def _pick_period(choices: list[periods.Period]) -> None:
    chosen = next((p for p in choices if p.name == st.session_state.get(state.period_key())), None)
    if chosen is not None:  # tapping the chosen preset again keeps its dates
        state.set_dates(chosen.start, chosen.end)
    phone.close_filters()


def _type_dates() -> None:
    start, end = (st.session_state.get(key) for key in state.day_field_keys())
    if start is not None and end is not None:  # a cleared field keeps the last dates
        state.set_dates(min(start, end), max(start, end), typed=start <= end)  # swapped: shown afresh, in order
        st.session_state[state.SWAPPED] = start > end
    phone.close_filters()
