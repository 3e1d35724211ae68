"""The whole view as one file, from the sidebar of every page: a PDF story and an offline HTML page."""

from dataclasses import replace
from datetime import date

import streamlit as st

from tracker.data.counts import counted
from tracker.exports import whole_view
from tracker.model.load import Dataset
from tracker.reader.view_state import Bounds, ViewState
from ui import state
from ui.page import app_address
from ui.shared_cache import shared

PAPER = {"a4": "A4", "letter": "US Letter"}
FILES = {
    "pdf": ("Download the whole story as a PDF", "application/pdf", ":material/picture_as_pdf:"),
    "html": ("Download the whole story as an HTML page", "text/html", ":material/web:"),
}


def help_text(articles: int) -> str:
    return (
        "Every page's chart in one file, not only this page's: the four charts for these filters, each with what "
        "it shows, the quotes that match, "
        f"the {counted(articles, 'source')} and how to cite, in one file. The HTML page works offline."
    )


def reader_view(bounds: Bounds) -> ViewState:
    """The shared filters plus the pages' own parts the reader set: the map's date and the quotes' speakers."""
    view = state.current_view(bounds)
    return replace(
        view, as_of=state.valid(state.AS_OF, bounds), speakers=tuple(state.valid(state.SPEAKERS, bounds) or ())
    )


# Both formats of one view share one story (charts drawn once); each file is made once per view and day.
@shared(max_entries=8)
def _story(version: str, view: ViewState, day: date, address: str, _ds: Dataset) -> whole_view.Story:
    return whole_view.build(_ds, view, day, address)


@shared(max_entries=16)
def _file(version: str, view: ViewState, day: date, address: str, fmt: str, paper: str, _ds: Dataset) -> bytes:
    story = _story(version, view, day, address, _ds)
    return whole_view.pdf(story, paper) if fmt == "pdf" else whole_view.html_page(story).encode("utf-8")


def downloads(ds: Dataset, bounds: Bounds) -> None:
    """Two buttons and the PDF's paper size; a file is built only when its button is clicked (deferred data)."""
    view, address = reader_view(bounds), app_address()
    paper = (
        st.segmented_control(
            "Paper for the PDF",
            list(PAPER),
            format_func=PAPER.get,
            default="a4",
            key="pdf-paper",
            help="A4 for most of the world, US Letter for North America.",
        )
        or "a4"
    )
    for fmt, (label, mime, icon) in FILES.items():
        st.download_button(
            label,
            data=lambda fmt=fmt: _file(ds.version, view, date.today(), address, fmt, paper, ds),
            file_name=whole_view.file_name(
                view, ds.version, fmt, paper if fmt == "pdf" else "", prefix=ds.race.files.prefix
            ),
            mime=mime,
            icon=icon,
            key=f"whole-view-{fmt}",
            on_click="ignore",
            width="stretch",
            help=help_text(len(ds.articles)),
        )
