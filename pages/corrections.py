"""Corrections: where an article was wrong, and every change made to the data after it was published."""

import streamlit as st

from rutte_race import corrections
from rutte_race.text import escape_markdown
from ui import state
from ui.page import start_page


def error_card(row) -> None:
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(row['Event'])}** ({escape_markdown(row['Event date'])})")
        st.caption(
            f"Corrected on {row['Corrected on']}, data version {escape_markdown(row['Data version'])}. Article: "
            f"{escape_markdown(row['Article'])}"
        )
        st.markdown(
            f"**The article says:** {escape_markdown(row['Article says'])}\n\n**What is right:** "
            f"{escape_markdown(row['Correction'])}"
        )


def row_line(changes) -> str:
    """One row's changes for one reason, as a list item: the event once, then each change."""
    first = changes.iloc[0]
    return (
        f"- **{escape_markdown(first['Event'])}** ({escape_markdown(first['Event date'])}; "
        f"{escape_markdown(str(first['Article']))}): {escape_markdown(' '.join(changes['Correction']))}"
    )


def changes_card(rows) -> None:
    """One reason and the rows changed for it (corrections.by_reason), folded, so the reasons read as a list of
    their own."""
    first = rows[0].iloc[0]
    with st.container(border=True):
        st.markdown(f"**Why:** {escape_markdown(first['Why'])}")
        count = "1 row" if len(rows) == 1 else f"{len(rows)} rows"
        st.caption(
            f"Corrected on {first['Corrected on']}, data version {escape_markdown(first['Data version'])}: {count}."
        )
        with st.expander("The row changed" if len(rows) == 1 else f"The {count} changed"):
            st.markdown("\n".join(row_line(changes) for changes in rows))


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


st.header("Errors in the articles")
for _, row in errors.iterrows():
    error_card(row)
st.header("Changes to the data after publication")
st.caption("Grouped by why we made them, the newest data version first; open a group to see each row's change.")
for rows in corrections.by_reason(changes):
    changes_card(rows)

state.sync_url(view, derived["bounds"])
