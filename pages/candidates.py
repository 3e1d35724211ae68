"""Candidates: everyone named for the job, side by side, with how each run went and the lines that source it."""

import streamlit as st

from tracker.charts.chart_registry import candidates_in_view
from tracker.data import copy_files
from tracker.data.counts import counted
from tracker.data.formatting import article_names, date_label
from tracker.data.text import escape_markdown, quoted
from tracker.model import tables, views
from tracker.prose import describe
from tracker.reader.filters import shown_of
from ui import data, state
from ui.chart_block import show_page_charts
from ui.page import start_page

ds, derived, view = start_page()
# The address bar follows the view at once, not after the page has drawn (a link copied meanwhile was stale).
state.sync_url(view, derived["bounds"])
bounds = derived["bounds"]

st.title(copy_files.fill(ds.copy, "candidates-title"))
ran_openly = ds.candidates.loc[ds.candidates["candidate_id"].isin(views.declared_candidates(ds)), "name"].tolist()
st.markdown(
    copy_files.fill(
        ds.copy,
        "candidates-intro",
        people=counted(len(ds.candidates), "person", "people", capital=True),
        ran_openly=describe.names_list(ran_openly, most=9),
    )
)


def outcome(candidate) -> str:
    """How a candidate's run ended, in the race's words ('Appointed', 'Withdrew')."""
    return tables.candidate_outcome(candidate["status"], candidate["declared"], ds.race.decision.done)


def cards() -> dict[str, dict]:
    """Each candidate's card as text, by candidate id: the same for every view, so built once per data version.
    Each part is one Markdown element (paragraphs and line breaks inside it), not one per line: Streamlit pays for
    every element on every rerun, and the cards were most of this page's 130."""
    sources = article_names(ds.articles)
    out = {}
    for _, cand in derived["candidates"].iterrows():
        country = derived["names"].get(cand["country_iso3"], cand["country_iso3"])
        out[cand["candidate_id"]] = {
            "text": "\n\n".join(
                [
                    f"### {escape_markdown(cand['name'])}",
                    f"**{escape_markdown(country)}** · {escape_markdown(cand['role_at_time'])}",
                    f"**{outcome(cand)}.** First named in: "
                    f"{escape_markdown(sources[cand['first_article_id']])}"
                    + (
                        f"; reported earlier under another name in {escape_markdown(sources[earlier])}."
                        if (earlier := cand["first_reported_article_id"]) != cand["first_article_id"]
                        else "."
                    ),
                    f"Latest report: {escape_markdown(cand['last_event'])}",
                ]
            ),
            "note": escape_markdown(cand["note"]) if cand["note"] else "",
            "sourced": "\n\n".join(
                f"**{date_label(event['date'], str(event['date_precision']))}**: {escape_markdown(event['summary'])}"
                f"  \n:small[{escape_markdown(sources[event['article_id']])}: "
                f"{escape_markdown(quoted(event['evidence']))}]"
                for _, event in views.candidate_events(ds, cand["candidate_id"]).iterrows()
            ),
        }
    return out


table = data.for_view("candidates", ds, view, lambda: candidates_in_view(data.scope(ds, view)))
st.caption(shown_of(len(table), len(ds.candidates), "candidates"))
if not table.empty:
    show_page_charts("candidates", data.scope(ds, view))

    st.header("Each candidate")
    every_card = data.for_view("candidate cards", ds, None, cards)
    shown = [every_card[c] for c in table["candidate_id"]]
    for start in range(0, len(shown), 3):
        for column, card in zip(st.columns(3), shown[start : start + 3]):
            with column.container(border=True, height="stretch"):  # a row's cards of one height: no holes
                st.markdown(card["text"])
                if card["note"]:
                    st.caption(card["note"])
                if card["sourced"]:
                    with st.expander("Every claim about them, with its source"):
                        st.markdown(card["sourced"])
