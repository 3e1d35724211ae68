"""Sources and method: the articles, how the data was built, inferred dates, disagreements, rules, downloads, citing."""

from datetime import date

import pandas as pd
import streamlit as st

from tracker.checks.accuracy import CONTINUING_WORDING, OUTSIDE_LABEL, STANCE_WORDING, outside_text, rows_when
from tracker.data import copy_files, paths
from tracker.data.counts import counted, of_dataset
from tracker.data.formatting import article_names, date_labels
from tracker.data.text import escape_markdown
from tracker.exports import cite, export
from tracker.model import corrections, views
from ui import data, state, tables
from ui.page import app_address, start_page

ds, derived, view = start_page()
# The address bar follows the view at once, not after the page has drawn (a link copied meanwhile was stale).
state.sync_url(view, derived["bounds"])
bounds = derived["bounds"]

st.title(copy_files.fill(ds.copy, "sources-title"))
counts = of_dataset(ds)
outside = data.for_view("outside facts", ds, None, lambda: ds.events[ds.events["outside_fact"] != ""])
st.markdown(copy_files.fill(ds.copy, "sources-intro", news_articles=counts.news_articles, outside_facts=len(outside)))

st.header(f"The {counted(counts.articles, 'article')}")


def articles_table() -> pd.DataFrame:
    articles = ds.articles
    return pd.DataFrame(
        {
            "Named here as": article_names(articles).values(),
            "Title": articles["title"],
            "Author": articles["author"],
            "How we know the date": articles["published_basis"],
            "What it reports": articles["summary"],
            "Fact-check": articles["note"],
        }
    )


tables.show(
    data.table_for_view("articles", ds, None, articles_table),
    f"The {counted(counts.articles, 'article')}",
)
if ds.articles["title"].str.startswith("[").any():
    st.caption("A title in square brackets is ours: that article has no headline, and the title describes it.")
st.markdown(
    "The articles came to us as text, without their web addresses, so each is kept here word for word as we "
    "received it: every claim's sentence can be found in it."
)
for article_id, name in article_names(ds.articles).items():
    with st.expander(f"Read the article: {name}"):
        paragraphs = [line for line in ds.texts[article_id].splitlines() if line.strip()]
        st.markdown("\n\n".join(escape_markdown(line) for line in paragraphs))

st.header("How we checked")
st.markdown(data.for_view("fact-check", ds, None, lambda: corrections.fact_check(ds)))

st.header("How dates were worked out")
st.markdown(copy_files.fill(ds.copy, "sources-dates"))
inferred = data.for_view("inferred dates", ds, None, lambda: views.inferred_dates(ds.events))
inferred_table = data.table_for_view(
    "inferred dates",
    ds,
    None,
    lambda: pd.DataFrame(
        {
            "When": rows_when(inferred),
            "Event": inferred["summary"],
            "How the date was derived": inferred["date_basis"],
            # the fact a basis points to ('see the outside fact'), beside it (editor round 29: a pointer to nothing)
            OUTSIDE_LABEL: [outside_text(f, s) for f, s in zip(inferred["outside_fact"], inferred["outside_source"])],
        }
    ),
)
with st.expander(
    f"The {len(inferred)} of {len(ds.events)} claims whose date we inferred rather than read off the article"
):
    tables.show(inferred_table, "Rows whose date we inferred")

st.header("Where the articles disagree")


def disagreements() -> list[str]:
    """Each fact the articles report differently, once, as a list item."""
    disputed = ds.events[ds.events["disagreement"] != ""].drop_duplicates("disagreement")
    return [
        f"- **{when}: {escape_markdown(fact['summary'])}**  \n  Reported in: {escape_markdown(fact['reported_in'])}  \n"
        f"  How they disagree: {escape_markdown(fact['disagreement'])}"
        + (  # the fact the words point to ('see the outside fact'), there with them
            f"  \n  {OUTSIDE_LABEL}: {escape_markdown(outside_text(fact['outside_fact'], fact['outside_source']))}"
            if fact["outside_fact"]
            else ""
        )
        for (_, fact), when in zip(disputed.iterrows(), date_labels(disputed))
    ]


disputed = data.for_view("disagreements", ds, None, disagreements)
st.caption(
    f"{len(disputed)} facts the articles report differently, or one article reports two ways; each row of such a "
    "fact says so wherever it appears. Where a fact from outside the articles shows an article wrong, the error is "
    "on the Corrections page."
)
for fact in disputed:
    st.markdown(fact)
# A relative link: st.page_link exists only once app.py has run st.navigation (so not in this page's own AppTest).
st.markdown(":material/edit_note: [The articles' own errors, and any correction since publication](corrections)")

st.header("Rules the data follows")
st.markdown(
    "Rules marked *checked* are checked on every change to the data, which is not accepted until it passes them; "
    "the others are applied by judgement."
)
rules = copy_files.fill_rules(ds.copy)
with st.expander(f"The {len(rules)} rules"):
    st.markdown(
        "\n".join(f"- **{rule.name}** ({'checked' if rule.checked else 'by judgement'}): {rule.text}" for rule in rules)
    )

st.header("How we read a stance")
st.markdown(
    "The sentence behind each stance must carry wording of that stance, by this list; where it does not, the data "
    "says in writing why we read it so, and that reason is shown with it. Longer phrases count first: *no sign of "
    "supporting* is not yet backing, not backing."
)
with st.expander("The wording of each stance"):
    st.markdown(
        "\n".join(
            f"- **{ds.race.stances.label(stance)}**: {', '.join(f'“{w}”' for w in words)}"
            for stance, words in STANCE_WORDING.items()
        )
        + "\n- **A position that continues, or was held earlier** (confirms the stance held, never changes it): "
        + ", ".join(f"“{w}”" for w in CONTINUING_WORDING)
    )

st.header("Facts from outside the articles")
st.markdown(
    f"{len(outside)} claims use a fact the articles do not give (a date on the public record, an office, a venue), "
    "to date the row or to correct the article. Each is kept apart from the article's words, with its source, and "
    f"shown to readers as “{OUTSIDE_LABEL}: …”. None of them changes a stance. Where one shows that an article "
    "named the wrong person, the row is counted under the person the record names, and its note says so."
)
outside_table = data.table_for_view(
    "outside facts",
    ds,
    None,
    lambda: pd.DataFrame(
        {
            "When": rows_when(outside),
            "Event": outside["summary"],
            OUTSIDE_LABEL: outside["outside_fact"],
            "Source": outside["outside_source"],
        }
    ),
)
with st.expander(f"The {len(outside)} facts from outside the articles, with their sources"):
    tables.show(outside_table, "Facts from outside the articles")

st.header("Download the data")
st.markdown(
    "The curated tables, their schema (a Frictionless data package), the corrections log and the map shapes, in "
    "one zip. "
    f"Every chart and file names the data version, **{cite.published_version(ds.version)}**. The chart CSVs and "
    f"this zip also carry a fingerprint of the files' content, **{ds.version}**, which changes whenever a row or an "
    "article does: the CSVs in their last column, Data version."
)
st.download_button(
    "Download the data package (zip)",
    data=lambda: export.data_package_zip(str(paths.DATA_DIR), ds.version, ds.race.files.prefix),
    file_name=cite.zip_name(ds.version, ds.race.files.prefix),
    mime="application/zip",
    on_click="ignore",
    icon=":material/download:",
)
with st.expander("Read the data in Python or R"):
    for name, (language, code) in cite.snippets(ds.version, ds.race.files.prefix).items():
        st.markdown(f"**{name}**")
        st.code(code, language=language, wrap_lines=True)

st.header("How to cite")
st.code(
    cite.citation(ds.version, date.today(), app_address(), race=ds.race.race.title, articles=len(ds.articles)),
    language=None,
    wrap_lines=True,
)

st.header("Licences")
st.markdown(
    "- Curated tables: CC BY 4.0. Quoted article text remains its publishers'.\n"
    "- Map shapes: the world-atlas package, version 2.0.2 (ISC licence), from Natural Earth (public domain).\n"
    "- Country codes: ISO 3166-1, through the pycountry package (LGPL-2.1)."
)
