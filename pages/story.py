"""The story: headline, the chart of who backed Rutte and who held out, then the race in a few paragraphs with
figures computed from the data, and a way in."""

import streamlit as st

from tracker.data import copy_files
from tracker.data.counts import of_dataset
from tracker.data.formatting import date_label
from tracker.data.text import escape_markdown
from tracker.exports import cite
from tracker.model import jump
from tracker.prose import describe
from tracker.reader.url_state import to_params
from ui import data, state
from ui.chart_block import show_notes, show_page_charts
from ui.page import start_page
from ui.phone import FIGURES

ds, derived, view = start_page()
# The address bar follows the view at once, not after the page has drawn (a link copied meanwhile was stale).
state.sync_url(view, derived["bounds"])
bounds = derived["bounds"]

counts = of_dataset(ds)
figures = derived["story"]
st.title(ds.race.race.headline)
st.markdown(copy_files.fill(ds.copy, "story-standfirst", news_articles=counts.news_articles))
st.caption(cite.dateline(ds.version, ds.corrections["date"].max(), ds.published, ds.race.race.byline))

# The chart under the headline and its one-sentence standfirst (editor round 33: a phone's first screen held no
# bar), then the lead; the chart's own description, which the lead tells again, folded between them (editor round
# 32: description, lead and figures told the same facts three times).
for item in show_page_charts("story", data.scope(ds, view), notes=False).values():
    show_notes(item, folded="The chart in words")
st.markdown(describe.story_lead(figures, counts, ds.copy))

filtered = view.countries or (view.start, view.end) != (bounds.default_start, bounds.default_end)
if filtered:  # the figures and the lead tell the whole race; only the chart follows the filters
    st.caption(
        "The paragraph above and the figures below are for the whole race, whatever your filters; the chart "
        "follows them."
    )
# Two by two on a phone (ui/phone.py), not four tiles stacked 650 px deep.
with st.container(key=FIGURES):
    for column, (label, value, meaning) in zip(st.columns(4), describe.story_figures_shown(figures, ds.copy)):
        column.metric(label, value, help=meaning or None)

st.header("The last events reported")
published = dict(zip(ds.articles["article_id"], ds.articles["published"]))
latest = data.for_view("latest events", ds, view, lambda: jump.latest(data.events_in_view(ds, view), published))
if latest.empty:
    st.caption("No events in the chosen dates and countries. Widen the filters to see them.")
else:
    st.caption("The newest events in your chosen dates and countries. Each opens the timeline on that event.")
for _, event in latest.iterrows():
    when = date_label(event["date"], str(event["date_precision"]))
    # The text wraps on a phone; a page link's label would not, so the link only names the date.
    st.markdown(f"**{when}** · {escape_markdown(event['summary'])}")
    st.page_link(
        "pages/timeline.py",
        label=f"On the timeline: {when}",
        icon=":material/arrow_forward:",
        query_params=to_params(state.with_page_parts(view, event=event["event_id"]), bounds),
    )

st.header("Explore the race")
links = st.columns(3)
links[0].page_link("pages/timeline.py", label="Every event on a timeline", icon=":material/timeline:")
links[1].page_link("pages/backer_map.py", label="Who backed him, and when: the map", icon=":material/map:")
links[2].page_link("pages/candidates.py", label="The candidates", icon=":material/groups:")
links = st.columns(3)
links[0].page_link("pages/quotes.py", label="What they said", icon=":material/format_quote:")
links[1].page_link("pages/sources.py", label="Sources, method and how we checked", icon=":material/menu_book:")
links[2].page_link("pages/corrections.py", label="Corrections", icon=":material/edit_note:")
