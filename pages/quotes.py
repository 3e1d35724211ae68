"""Quotes: every direct quote as a card with speaker, date, the article and the sentence around it."""

import unicodedata

import streamlit as st

from tracker.charts.chart_registry import dated_range
from tracker.checks.accuracy import OUTSIDE_LABEL, outside_text, row_when
from tracker.data import copy_files
from tracker.data.counts import counted
from tracker.data.formatting import article_names, day_text, who
from tracker.data.text import escape_markdown, quoted
from tracker.exports import export
from tracker.model import tables, views
from tracker.reader.filters import quotes_in_view, quotes_outside_dates, shown_of
from ui import data, state
from ui.page import start_page

CONTEXT_SHOWN_BELOW = 0.75  # a quote this share of its sentence or more: the sentence adds only who said it

ds, derived, view = start_page()
bounds = derived["bounds"]

st.title(copy_files.fill(ds.copy, "quotes-title"))
withheld = len(views.withheld_quotes(ds))
st.markdown(
    copy_files.fill(
        ds.copy,
        "quotes-intro",
        articles=counted(len(ds.articles), "article"),
        withheld=withheld,
        withheld_sentences=counted(withheld, "sentence", capital=True),
    )
)


def searchable_name(name: str) -> str:
    """A speaker as the list shows them: with the name as typed without accents, when it differs, so typing
    'Erdogan' finds 'Recep Tayyip Erdoğan (Erdogan)'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return name if plain == name else f"{name} ({plain.split()[-1]})"


quotes = derived["quotes"]
speakers = sorted(quotes["actor"].unique())
st.session_state[state.SPEAKERS] = [s for s in state.valid(state.SPEAKERS, bounds) or [] if s in speakers]
chosen = st.multiselect("Speakers", speakers, key=state.SPEAKERS, placeholder="Everyone", format_func=searchable_name)
view = state.with_page_parts(view, speakers=tuple(chosen))

shown = data.for_view("quotes", ds, view, lambda: quotes_in_view(quotes, ds.events, view))
outside_dates = quotes_outside_dates(quotes, ds.events, view, bounds)
# What to loosen when nothing is left: only the filters in use.
loosen = ["widen the dates", *(["clear the countries"] if view.countries else [])]
loosen += ["pick other speakers"] if chosen else []
st.caption(
    shown_of(len(shown), len(quotes), "quotes", f"{' or '.join(loosen).capitalize()}.")
    + (
        f" {counted(outside_dates, 'quote', capital=True)} {'falls' if outside_dates == 1 else 'fall'} outside "
        f"the chosen dates ({day_text(view.start)} to {day_text(view.end)}): widen them to read "
        f"{'it' if outside_dates == 1 else 'them'}."
        if outside_dates and len(shown) < len(quotes)
        else ""
    )
)
st.download_button(
    "Download these quotes (CSV)",
    disabled=shown.empty,  # no file of no quotes
    data=lambda: export.csv_bytes(tables.quotes(shown, ds.articles), ds.version),
    file_name=export.file_name(ds.race.files.prefix, "quotes", *dated_range(view), *view.speakers, ext="csv"),
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)


def headline(title: str) -> str:
    """An article's title in a card: in italics; a title in square brackets is ours (the article has none), so it
    says so rather than show brackets the page does not explain."""
    if title.startswith("[") and title.endswith("]"):
        return f"no headline (it reports: {escape_markdown(title[1:-1])})"
    return f"*{escape_markdown(title)}*"


def cards() -> dict[str, dict]:
    """Each quote's card as text, by event id: the same in every view, so built once per data version. Two
    elements a card (who said it and the quote; the context, source and note in small type), not one a line:
    Streamlit pays for every element on every rerun."""
    out, names = {}, article_names(ds.articles)
    for _, quote in quotes.iterrows():
        role = who(quote["actor"], quote["actor_role"]).removeprefix(quote["actor"])
        speaker = f"**{escape_markdown(quote['actor'])}**{escape_markdown(role)} · {row_when(quote)}"
        about = [
            *(
                [f"In context: {escape_markdown(quoted(quote['evidence']))}"]
                if len(quote["quote"]) < CONTEXT_SHOWN_BELOW * len(quote["evidence"])
                else []  # the sentence is little more than the quote and who said it: not repeated
            ),
            f"Source: {escape_markdown(names[quote['article_id']])}: {headline(quote['title'])}",
            *([f"Note: {escape_markdown(quote['note'])}"] if quote["note"] else []),
            *(
                [f"{OUTSIDE_LABEL}: {escape_markdown(outside_text(quote['outside_fact'], quote['outside_source']))}"]
                if quote["outside_fact"]
                else []
            ),
        ]
        out[quote["event_id"]] = {  # the quote in the page's own type: the words are the card's point
            "text": f"{speaker}\n\n{escape_markdown(quoted(quote['quote']))}",
            "about": "\n\n".join(about),
        }
    return out


every_card = data.for_view("quote cards", ds, None, cards)
for event_id in shown["event_id"]:
    card = every_card[event_id]
    with st.container(border=True):
        st.markdown(card["text"])
        st.caption(card["about"])

state.sync_url(view, bounds)
