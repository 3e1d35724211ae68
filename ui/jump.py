"""The jump controls on screen: a row of First / Previous / Next / Latest buttons, the timeline's focused event and
its card."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from tracker.checks.accuracy import OUTSIDE_LABEL, outside_text, row_when
from tracker.data import kinds
from tracker.data.formatting import article_names, who
from tracker.data.race_config import StanceWords
from tracker.data.text import escape_markdown, quoted
from tracker.model.jump import Jumps
from ui import state

BUTTONS = (
    ("first", "First", ":material/first_page:"),
    ("previous", "Previous", ":material/chevron_left:"),
    ("next", "Next", ":material/chevron_right:"),
    ("latest", "Latest", ":material/last_page:"),
)


def jump_buttons(name: str, to: Jumps, go: Callable, noun: str, described: str) -> None:
    """Four real buttons, "First {noun}" to "Latest {noun}" (Tab reaches them, Enter or Space presses them), each
    disabled where it would not move. Pressing one calls go(target) before the rerun, so it may set a widget's state.
    Two pairs, so a phone wraps them into two tidy lines: back, and forward."""
    with st.container(horizontal=True, gap="small"):
        for pair in (BUTTONS[:2], BUTTONS[2:]):
            with st.container(horizontal=True, gap="small", width="content", wrap=False):
                for direction, label, icon in pair:
                    target = getattr(to, direction)
                    st.button(
                        f"{label} {noun}",
                        key=f"{name}_{direction}",
                        icon=icon,
                        help=f"Go to the {direction} {described}.",
                        disabled=target is None,
                        on_click=go,
                        args=(target,),
                    )


def focused_event(ids: list[str], start: str | None = None, shown_as: dict[str, str] | None = None) -> str:
    """The event the reader is on, one of `ids`: the one a link just asked for (event=), else the last one
    chosen, else `start` (the first milestone), else the first. A link wins because one followed within the session
    arrives only in the URL. `shown_as`: the row that stands for each event reporting a fact another row is drawn
    for, so a link to any report of a fact focuses that fact."""
    asked = [value for value in st.query_params.get_all("event") if value]
    wanted = (shown_as or {}).get(asked[0], asked[0]) if asked else None  # the first value, as url_state.parse reads it
    if wanted in ids:
        st.session_state[state.EVENT] = wanted
    chosen = st.session_state.get(state.EVENT)
    return chosen if chosen in ids else start if start in ids else ids[0]


def focus_on(event_id: str) -> None:
    """A jump button's callback: the new focus, in session state and in the URL (which focused_event reads first)."""
    st.session_state[state.EVENT] = event_id
    st.query_params["event"] = event_id


def event_card(event: pd.Series, position: int, of: int, articles: pd.DataFrame, words: StanceWords) -> None:
    """The focused event: when, what, who, the article's sentence, which article, and how many articles report it."""
    source = article_names(articles)[event["article_id"]]
    with st.container(border=True, key="focused_event"):
        st.caption(f"Event {position} of {of} · {row_when(event)} · {kinds.label(event['kind'])}")
        speaker = escape_markdown(who(event["actor"], event["actor_role"]))
        st.markdown(f"**{escape_markdown(event['summary'])}**  \nWho: {speaker}")
        # The article's words, attributed to the article: not set as a quotation of the person named above.
        # "The article (Unnamed news site, c. 26 June 2024) says": an outlet described rather than named reads
        # as a source, not as a name ("In Unnamed news site").
        st.markdown(f"The article ({escape_markdown(source)}) says: {escape_markdown(quoted(event['evidence']))}")
        st.caption(f"{escape_markdown(event['how_sure'].rstrip('.'))}.")
        if event["note"]:  # the caveat, the error or the disagreement, beside the words it is about
            st.caption(f"Note: {escape_markdown(event['note'])}")
        if event["stance_basis"]:
            stance = words.label(event["stance"]).lower()
            st.caption(f"Why we read this as “{stance}”: {escape_markdown(event['stance_basis'])}")
        if event["outside_fact"]:
            st.caption(
                f"{OUTSIDE_LABEL}: {escape_markdown(outside_text(event['outside_fact'], event['outside_source']))}"
            )
