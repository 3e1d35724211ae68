"""Makes every page run inside app.py, even for the first reader after the server starts."""
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def through_app() -> None:
    """Call first in every page.

    Because a pages/ folder exists, Streamlit starts in its legacy multipage mode and runs a deep-linked
    page file on its own (no filters, a file-name menu) until app.py has called st.navigation once. The
    first reader after a restart who opens a link to /timeline would get that. Switching the mode off and
    rerunning sends the run through app.py, on the same page and with the same URL.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
