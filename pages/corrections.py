"""Corrections: where an article we rely on was wrong, and every change made to the data after publication."""

import streamlit as st

from tracker.checks.accuracy import OUTSIDE_LABEL
from tracker.data import copy_files
from tracker.data.text import escape_markdown
from tracker.model import corrections
from ui import state
from ui.page import start_page


def error_card(row) -> None:
    with st.container(border=True):
        # Led by the article, not the claim: the error is the article's, and the claim itself may stand.
        st.markdown(f"**{escape_markdown(row['Article'])}**")
        st.caption(f"In its report: {escape_markdown(row['Event'])} ({escape_markdown(row['Event date'])})")
        st.markdown(
            f"**The article says:** {escape_markdown(row['Article says'])}\n\n**What is right:** "
            f"{escape_markdown(row['Correction'])}"
        )
        if row["Outside"]:
            st.caption(f"{OUTSIDE_LABEL}: {escape_markdown(row['Outside'])}")


def row_line(changes) -> str:
    """One row's changes for one reason, as a list item: the event once, then each change."""
    first = changes.iloc[0]
    return (
        f"- **{escape_markdown(first['Event'])}** ({escape_markdown(first['Event date'])}; "
        f"{escape_markdown(str(first['Article']))}): {escape_markdown(' '.join(changes['Correction']))}"
    )


def changes_card(rows) -> None:
    """One reason and the rows changed for it (corrections.by_reason)."""
    first = rows[0].iloc[0]
    with st.container(border=True):
        st.markdown(f"**Why:** {escape_markdown(first['Why'])}")
        count = "1 claim" if len(rows) == 1 else f"{len(rows)} claims"
        st.caption(f"Corrected on {first['Corrected on']}, data version {escape_markdown(first['Data version'])}.")
        with st.expander("The claim changed" if len(rows) == 1 else f"The {count} changed"):
            st.markdown("\n".join(row_line(changes) for changes in rows))


ds, derived, view = start_page()
# The address bar follows the view at once, not after the page has drawn (a link copied meanwhile was stale).
state.sync_url(view, derived["bounds"])

st.title(copy_files.fill(ds.copy, "corrections-title"))
st.markdown(copy_files.fill(ds.copy, "corrections-intro"))
log = corrections.log(ds.corrections, ds.events, ds.articles)
errors = corrections.article_errors(log)
published = corrections.log(corrections.after_publication(ds.corrections, ds.published), ds.events, ds.articles)

st.header("Errors in the articles")


# Errors logged and withdrawn before publication are not listed here: that is the making of the data, not a
# correction (editor round 32); each one's card on the Timeline says why its claim stands.
st.markdown(
    f"{len(errors)} {'passage' if len(errors) == 1 else 'passages'} of the articles "
    f"{'is' if len(errors) == 1 else 'are'} wrong in part (one passage may hold more than one error), each shown "
    "wherever its claim appears."
)
for _, row in errors.iterrows():
    error_card(row)

st.header("Corrections since publication")
if published.empty:
    st.markdown("None so far.")
else:
    st.caption("Grouped by why we made them, the newest data version first.")
    for rows in corrections.by_reason(published):
        changes_card(rows)
st.caption("The fact-check made before publication is described under *How we checked* on the Sources and method page.")
