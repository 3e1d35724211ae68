"""Candidates: everyone named for the job, side by side, with how each run went and the lines that source it."""

import streamlit as st

from rutte_race import describe
from rutte_race.chart_registry import candidates_in_view
from rutte_race.counts import counted
from rutte_race.filters import shown_of
from rutte_race.formatting import date_label, day_text
from rutte_race.text import escape_markdown, quoted
from ui import data, state
from ui.chart_block import show_page_charts
from ui.page import start_page

STATUS_WORDS = {
    "appointed": "Appointed",
    "withdrew": "Withdrew",
    "declared": "Declared",
    "mentioned": "Named, never declared",
}

ds, derived, view = start_page()
bounds = derived["bounds"]

st.title("The candidates")
ran_openly = ds.candidates.loc[ds.candidates["status"] != "mentioned", "name"].tolist()
st.markdown(
    f"{counted(len(ds.candidates), 'person', 'people', capital=True)} were named for the job. "
    f"{'Only ' + describe.names_list(ran_openly, most=9) if ran_openly else 'None of them'} ran openly; "
    "the others were floated "
    "in the press. Corrections of the articles' errors about them are noted on each card."
)

table = candidates_in_view(derived["candidates"], view)
st.caption(shown_of(len(table), len(ds.candidates), "candidates"))
if not table.empty:
    show_page_charts("candidates", data.scope(ds, view))

    st.header("Side by side")
    titles = ds.articles.set_index("article_id")["title"]
    for start in range(0, len(table), 3):
        for column, (_, cand) in zip(st.columns(3), table.iloc[start : start + 3].iterrows()):
            with column.container(border=True):
                st.markdown(f"### {escape_markdown(cand['name'])}")
                st.markdown(
                    f"**{escape_markdown(derived['names'].get(cand['country_iso3'], cand['country_iso3']))}** · "
                    f"{escape_markdown(cand['role_at_time'])}"
                )
                st.markdown(
                    f"**{STATUS_WORDS[cand['status']]}.** First named in "
                    f"*{escape_markdown(titles[cand['first_article_id']])}* "
                    f"({day_text(cand['first_named'])})."
                )
                st.markdown(f"How it ended: {escape_markdown(cand['last_event'])}")
                if cand["note"]:
                    st.caption(escape_markdown(cand["note"]))
                with st.expander("Sourced lines"):
                    for _, event in derived["candidate_events"][cand["candidate_id"]].iterrows():
                        st.markdown(
                            f"**{date_label(event['date'], str(event['date_precision']))}**: "
                            f"{escape_markdown(event['summary'])}"
                        )
                        st.caption(
                            f"{escape_markdown(quoted(event['evidence']))} "
                            f"({escape_markdown(titles[event['article_id']])})"
                        )

state.sync_url(view, bounds)
