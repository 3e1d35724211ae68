"""On a phone: a labelled bar above the page (its pages, and the filters in a panel that closes after a pick).

Streamlit's sidebar covers 300 of a phone's 390 px, stays open after a pick and has no public way to close it,
so the reader never saw the chart change. A phone is told apart by the client hints and user agent its browser
sends (MDN: "Mobi" in the user agent); anything else keeps the sidebar.
"""

from collections.abc import Sequence
from typing import NamedTuple

import streamlit as st

from ui import state

FILTER_PANEL = "phone-filters"
FIGURES = "story-figures"  # the story's headline figures: two by two on a phone
FILTER_KEYS = (state.DATES, state.COUNTRIES)
# Vega's tooltip follows the pointer and flips to its left near the right edge, off a phone's screen (Hungary's sat
# at x = -135 px). On a narrow screen it becomes a card pinned inside the screen, its text wrapped.
# A chart's own toolbar keeps only Fullscreen: its "Show data" showed the drawing's internal columns, and its PNG
# lacked the source line; each chart's Download menu and the table under it give both, as readers should see them.
# On a phone a page's headline is set smaller, so the story's chart starts higher up the first screen.
# A chosen country's chip shows its whole label, wrapped, rather than cut at a fixed width ("Türkiye (Turkey, Tur…").
# The page starts closer under the bar of pages (Streamlit leaves 6rem: about 100 px of white above each headline).
# On a phone a help icon (16 px) answers a finger 14 px around it: a 44 px target, its layout unchanged.
# On a phone every button and page link is at least 44 px tall, a finger's target (editor round 32: 28 to 40 px; round
# 37: the links to the timeline in a page's text, 28 px).
# On a phone the bar's three menus stay on one line (a second line pushed the story's chart below the first screen).
# On a phone the story's four figures sit two by two, not stacked 650 px deep (editor round 32).
SCREEN_STYLE = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 4.5rem; }
#vg-tooltip-element { max-width: min(22rem, calc(100vw - 16px)) !important; white-space: normal !important; }
#vg-tooltip-element td.value { white-space: normal !important; overflow-wrap: anywhere; }
@media (max-width: 640px) { #vg-tooltip-element { left: 8px !important; right: auto !important; } }
@media (max-width: 640px) { [data-testid="stHeading"] h1 { font-size: 1.9rem; line-height: 1.2; padding-top: 0.5rem; } }
@media (max-width: 640px) {
  [data-testid^="stBaseButton"], [data-testid="stPopoverButton"], [data-testid="stSidebarNavLink"],
  [data-testid="stExpandSidebarButton"], [data-testid="stMainMenuButton"], [data-testid="stPageLink-NavLink"]
  { min-height: 44px; min-width: 44px; }
  [data-testid="stTooltipHoverTarget"] { position: relative; }
  [data-testid="stTooltipHoverTarget"]::after { content: ""; position: absolute; inset: -14px; }
}
[data-testid="stElementToolbarButton"]:has(button[aria-label^="Show data"]),
[data-testid="stElementToolbarButton"]:has(button[aria-label^="Download as PNG"]),
[data-testid="stElementToolbarButton"]:has(button[aria-label^="Copy Vega-Lite"])
{ display: none; }
@media (max-width: 640px) {
  .st-key-phone-bar { flex-wrap: nowrap !important; gap: 0.4rem !important; }
  .st-key-phone-bar [data-testid="stPopoverButton"] { padding-left: 0.55rem; padding-right: 0.55rem; }
  .st-key-story-figures [data-testid="stHorizontalBlock"] { flex-wrap: wrap; row-gap: 0.5rem; }
  .st-key-story-figures [data-testid="stColumn"]
  { flex: 1 1 calc(50% - 1rem) !important; min-width: calc(50% - 1rem) !important; }
  .st-key-story-figures [data-testid="stMetricLabel"] * { white-space: normal !important; text-overflow: clip; }
  .st-key-story-figures [data-testid="stMetricValue"] { font-size: 1.75rem; }
  .st-key-story-figures [data-testid="stMetricValue"] * { white-space: normal !important; text-overflow: clip; }
}
[data-testid="stMultiSelectTagsContainer"] [data-tag] { max-width: 100%; height: auto; }
[data-testid="stMultiSelectTagsContainer"] [data-tag] > span[title]
{ max-width: none; white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.3; }
</style>"""

# On a phone the bar holds the pages and the filters, so Streamlit's own '»' into the sidebar, which held the same
# pages, was a second way in beside it (editor round 36).
PHONE_STYLE = '<style>[data-testid="stExpandSidebarButton"] { display: none; }</style>'


def close_filters() -> None:
    """A filter's on_change: after a pick the panel closes, so the reader sees what it changed."""
    if FILTER_PANEL in st.session_state:
        st.session_state[FILTER_PANEL] = False
        st.session_state[state.PANEL_CLOSINGS] = st.session_state.get(state.PANEL_CLOSINGS, 0) + 1


def on_phone() -> bool:
    headers = st.context.headers
    return headers.get("Sec-CH-UA-Mobile") == "?1" or "Mobi" in headers.get("User-Agent", "")


class Panels(NamedTuple):
    """Where a phone's filters and whole-story downloads go: the bar's panels; None elsewhere (the sidebar)."""

    filters: st.delta_generator.DeltaGenerator | None = None
    downloads: st.delta_generator.DeltaGenerator | None = None


IN_SIDEBAR = Panels()  # not a phone: everything in the sidebar


def top_bar(pages: Sequence, filters_set: int = 0) -> Panels:
    """On a phone, the bar: its pages, the panel the filters go in, its button saying how many are set ('Filters ·
    2'), and the whole story's downloads (editor round 32: only behind the sidebar's unlabelled '»' on a phone)."""
    st.html(SCREEN_STYLE)
    if not on_phone():
        return IN_SIDEBAR
    st.html(PHONE_STYLE)
    # A tracked popover runs its content only while open, and Streamlit drops the state of widgets that did not
    # run: the dates would fall back to the slider's whole range. Re-setting them keeps them (Streamlit's
    # documented way to keep a widget's value while it is not shown).
    for key in FILTER_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    with st.container(horizontal=True, key="phone-bar"):
        with st.popover("Pages", icon=":material/menu:"):
            for page in pages:
                st.page_link(page)
        label = f"Filters · {filters_set}" if filters_set else "Filters"
        filters = st.popover(
            label, icon=":material/tune:", key=FILTER_PANEL, on_change=lambda: None, help=_set_help(filters_set)
        )
        return Panels(filters, st.popover("Whole story", icon=":material/download:"))


def _set_help(filters_set: int) -> str | None:
    return f"{filters_set} filter{'s' if filters_set > 1 else ''} set" if filters_set else None
