"""Timeline: every sourced event on a time axis, coloured by kind, with the same rows as a table."""
import streamlit as st

from rutte_race import charts, describe, views
from rutte_race.filters import describe_filters, filter_events, shown_of
from ui import state
from ui.page import start_page
from ui import charts as chart_cache
from ui.downloads import chart_downloads
from ui.tables import events_table

ds, derived, view = start_page()
bounds = derived["bounds"]

st.title("Timeline of the race")
st.markdown("Every claim and event in the five articles. Hover a mark for what happened, who, how exactly the date "
            "is known and the sentence it comes from. Diamonds with a bar are dates known only roughly: the bar spans the period.")

rows = filter_events(ds.events, view)
st.caption(shown_of(len(rows), len(ds.events), "events"))
if not rows.empty:
    subtitle = describe_filters(view, bounds, derived["names"])

    def build():
        frame = charts.timeline_frame(rows, ds.articles)
        milestones = charts.milestone_frame(frame, views.milestone_labels(ds))
        return charts.timeline(frame, milestones, view.start, view.end, "Every sourced event of Rutte's race", subtitle)
    chart = chart_cache.chart("timeline", (ds.version, view.start, view.end, view.countries, subtitle), build)
    description = describe.timeline(rows)
    chart_cache.show(chart, description, f"Timeline of the events, {subtitle}; the table below lists the same rows.")
    chart_downloads(chart, ("timeline", view.start.isoformat(), "to", view.end.isoformat(), *view.countries), rows.drop(columns=["date_start", "date_end"]),
                    f"{description}\nSource: five news articles; data {ds.version}", "timeline")
    st.header("The same events as a table")
    events_table(rows, ds.articles)

state.sync_url(view, bounds)
