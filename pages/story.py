"""The story: headline, the race in a few paragraphs with figures computed from the data, and a way in."""

import streamlit as st

from rutte_race import describe, jump
from rutte_race.counts import of_dataset
from rutte_race.formatting import date_label, day_text
from rutte_race.text import escape_markdown
from rutte_race.url_state import to_params
from ui import data, state
from ui.chart_block import show_page_charts
from ui.page import start_page

ds, derived, view = start_page()
bounds = derived["bounds"]

counts = of_dataset(ds)
st.title(counts.headline)
figures = derived["story"]
appointment = figures["appointment"]
about = "" if figures["first_backing_exact"] else "about "
days = f"{figures['days_to_appointment']}" if figures["first_backing_exact"] else f"c. {figures['days_to_appointment']}"
ran = figures["rivals_who_ran"]
st.markdown(
    f"The outgoing Dutch prime minister was the favourite from the start, but NATO picks its Secretary General "
    f"by consensus: every ally has to agree. Our {counts.news_articles} name "
    f"**{figures['named_backers_before_appointment']} allies** "
    f"backing him by the eve of his appointment, while **{escape_markdown(' and '.join(figures['held_out']))}** "
    "held out for months. "
    f"It took **{about}{figures['days_to_appointment']} days** from the first reported backing "
    f"({escape_markdown(describe.names_list([describe.in_prose(n) for n in figures['first_backers']]))}, "
    f"{figures['first_backing_when']}) "
    f"to his appointment on **{day_text(appointment['date'])}**, and he took office on "
    f"**{day_text(figures['took_office'])}**. "
    f"Of the {figures['rivals']} rivals the articles name, {describe.names_list(ran) if ran else 'none'} ran openly."
)

cols = st.columns(4)
cols[0].metric(
    "Days, first backing to appointment",
    days,
    help=f"From the first reported backing, {figures['first_backing_when']}, to {day_text(appointment['date'])}.",
)
cols[1].metric(
    "Allies named as backers", figures["named_backers_before_appointment"], help="By the eve of the appointment."
)
cols[2].metric("Allies that held out", len(figures["held_out"]))
cols[3].metric(
    "Rivals who ran openly", len(ran), help=f"{figures['rivals'] - len(ran)} more were only named in the press."
)

show_page_charts("story", data.scope(ds, view))
with st.expander("The figures as a table"):
    by_month = data.table_for_view("by month", ds, None, lambda: derived["by_month"].drop(columns=["month_end"]))
    st.dataframe(by_month, hide_index=True)

st.header("Latest developments")
latest = data.for_view("latest events", ds, view, lambda: jump.latest(data.events_in_view(ds, view)))
if latest.empty:
    st.caption("No developments in the chosen dates and countries. Widen the filters to see them.")
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
links[2].page_link("pages/candidates.py", label="The rivals", icon=":material/groups:")
links = st.columns(3)
links[0].page_link("pages/quotes.py", label="What they said", icon=":material/format_quote:")
links[1].page_link("pages/sources.py", label="Sources, corrections and method", icon=":material/menu_book:")

state.sync_url(view, bounds)
