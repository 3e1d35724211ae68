"""Corrections: where an article was wrong, and every change made to the data after it was published."""

import streamlit as st

from rutte_race import corrections
from rutte_race.text import escape_markdown
from ui import state
from ui.page import start_page


def card(row) -> None:
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(row['Event'])}** ({escape_markdown(row['Event date'])})")
        st.caption(
            f"Corrected on {row['Corrected on']}, data version {escape_markdown(row['Data version'])}. Article: "
            f"{escape_markdown(row['Article'])}"
        )
        if row["Kind"] == corrections.KIND_LABELS["article_error"]:
            st.markdown(
                f"**The article says:** {escape_markdown(row['Article says'])}\n\n**What is right:** "
                f"{escape_markdown(row['Correction'])}"
            )
        else:
            st.markdown(f"**Changed:** {escape_markdown(row['Correction'])}\n\n**Why:** {escape_markdown(row['Why'])}")


ds, derived, view = start_page()

st.title("Corrections")
st.markdown(
    "Where an article got a fact wrong, its row keeps the article's own sentence and says what is right. Where we "
    "changed a row after the data was first published, the change is listed here with its date, the data version "
    "that carries it, and why. Charts that draw a corrected row link here. This list is not filtered."
)
log = corrections.log(ds.corrections, ds.events, ds.articles)
changes = log[log["Kind"] == corrections.KIND_LABELS["data_change"]]
errors = log[log["Kind"] == corrections.KIND_LABELS["article_error"]]
st.caption(
    f"{len(errors)} errors in the articles; {len(changes)} changes to the data after publication. Data version "
    f"{ds.version}."
)


st.header("Changes to the data after publication")
for _, row in changes.iterrows():
    card(row)
st.header("Errors in the articles")
for _, row in errors.iterrows():
    card(row)

state.sync_url(view, derived["bounds"])
