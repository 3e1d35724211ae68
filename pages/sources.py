"""Sources & method: the five articles, how the data was built, inferred dates, corrections, licences, downloads."""
import pandas as pd
import streamlit as st

from rutte_race import export, paths
from rutte_race.formatting import date_label, date_labels
from ui import state
from ui.page import start_page

ds, derived, view = start_page()
bounds = derived["bounds"]

st.title("Sources and method")
st.markdown(
    "Everything in this story comes from **five news articles** and nothing else. We read each one, wrote down every "
    "claim it makes as one row (who, what, when, the stance it reports), and kept with each row the **exact sentence** "
    "of the article it comes from. A check run on every change proves each sentence and quote occurs word for word in its article."
)

st.header("The five articles")
articles = ds.articles
st.dataframe(pd.DataFrame({
    "Title": articles["title"], "Outlet": articles["outlet"], "Author": articles["author"],
    "Published": [date_label(d, str(p)) for d, p in zip(articles["published"], articles["published_precision"])],
    "How we know the date": articles["published_basis"], "What it reports": articles["summary"], "Fact-check": articles["note"],
}), hide_index=True, width="stretch")

st.header("How dates were worked out")
st.markdown(
    "Most articles give no publication date and speak of *Thursday*, *last week* or *2 days ago*. We dated each article from "
    "its own clues (named events such as the Davos forum or the Munich Security Conference, the alliance's size: 31 allies "
    "until Sweden joined on 7 March 2024) and from well-known public record, then resolved its relative dates from that. "
    "Each row says how precisely its date is known (to the day, the month, the year, or roughly) and how it was derived; charts "
    "never draw a date more precisely than it is known."
)
inferred = ds.events[~ds.events["date_basis"].str.startswith("Stated")]
st.caption(f"{len(inferred)} of {len(ds.events)} rows have a date we inferred rather than read off the article.")
st.dataframe(pd.DataFrame({"When": date_labels(inferred), "Event": inferred["summary"], "How the date was derived": inferred["date_basis"]}),
             hide_index=True, width="stretch")

st.header("Corrections and disagreements")
flagged = ds.events[ds.events["note_type"].isin(["correction", "conflict"])]
st.caption(f"{(flagged['note_type'] == 'correction').sum()} rows correct an article's error; {(flagged['note_type'] == 'conflict').sum()} flag articles that disagree.")
titles = articles.set_index("article_id")["title"]
st.dataframe(pd.DataFrame({
    "Type": flagged["note_type"].astype(str), "Article": flagged["article_id"].map(titles),
    "Article says": flagged["evidence"], "What is right": flagged["note"],
}), hide_index=True, width="stretch")

st.header("Rules the data follows")
st.markdown(
    "- **A backing** is a government's support for Rutte as an article reports it, sourced to that article's sentence; a report "
    "of support (not a public statement) says so in its note.\n"
    "- **A stance changes** only when a later row reports a different stance; repeated reports of the same stance are corroboration.\n"
    "- **The appointment** needed the consent of every ally, so from that day every ally of the time counts as backing, sourced to the appointment row.\n"
    "- Unnamed groups of allies (\"some Eastern European countries\") are kept as rows but not drawn on the map.\n"
    "- We never add a claim the articles do not make; public record is used only to date and to correct them."
)

st.header("Download the data")
st.markdown("The curated tables, their schema (a Frictionless data package) and the map shapes, in one zip.")
st.download_button("Download the data package (zip)", data=lambda: export.data_package_zip(str(paths.DATA_DIR), ds.version),
                   file_name=f"rutte-nato-race-data-{ds.version}.zip", mime="application/zip", on_click="ignore", icon=":material/download:")

st.header("Licences")
st.markdown(
    "- Curated tables: CC BY 4.0. Quoted article text remains its publishers'.\n"
    "- Map shapes: `world-atlas` 2.0.2 (ISC licence) from Natural Earth (public domain).\n"
    "- Country codes: ISO 3166-1 via `pycountry` (LGPL-2.1)."
)

state.sync_url(view, bounds)
