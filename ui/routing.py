"""Makes every page run inside app.py, even for the first reader after the server starts.

This switches off a private flag of Streamlit's (PagesManager.uses_pages_directory); tests/test_routing.py fails
when Streamlit changes it. The public way out is to rename the pages/ folder (Streamlit only enters its legacy
mode when a folder of that name sits next to app.py), which would make this module unnecessary.
"""

import streamlit as st

try:
    from streamlit.runtime.pages_manager import PagesManager
except ImportError:  # a Streamlit without the legacy pages/ mode: nothing to switch off
    PagesManager = None


def through_app() -> None:
    """Call first in every page.

    Because a pages/ folder exists, Streamlit starts in its legacy multipage mode and runs a deep-linked
    page file on its own (no filters, a file-name menu) until app.py has called st.navigation once. The
    first reader after a restart who opens a link to /timeline would get that. Switching the mode off and
    rerunning sends the run through app.py, on the same page and with the same URL.
    """
    if PagesManager is not None and getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()
