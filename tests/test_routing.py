"""ui/routing.py switches off a private flag of Streamlit's: these tests fail when Streamlit changes it."""

import inspect
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def flag():
    """PagesManager.uses_pages_directory is shared by the whole process: put it back as it was."""
    before = PagesManager.uses_pages_directory
    yield
    PagesManager.uses_pages_directory = before


def test_streamlit_turns_legacy_mode_on_when_a_pages_folder_sits_next_to_app_py(flag):
    """Why ui.routing exists; when this fails, Streamlit changed how it chooses the mode."""
    assert (ROOT / "pages").is_dir()
    PagesManager.uses_pages_directory = None
    PagesManager(str(ROOT / "app.py"), setup_watcher=False)
    assert PagesManager.uses_pages_directory is True


def test_streamlit_still_runs_a_page_file_on_its_own_in_legacy_mode():
    """The flag ui.routing switches off is the one Streamlit's script runner reads before each run."""
    assert "if PagesManager.uses_pages_directory:" in inspect.getsource(script_runner.ScriptRunner)


def _a_page_started_in_legacy_mode():
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager

    from ui import routing

    st.session_state.starts = st.session_state.get("starts", 0) + 1
    if st.session_state.starts == 1:  # as a fresh server's first deep link finds it
        PagesManager.uses_pages_directory = True
    routing.through_app()
    st.write(f"legacy mode {PagesManager.uses_pages_directory}, started {st.session_state.starts} times")


def test_through_app_switches_legacy_mode_off_and_reruns(flag):
    at = AppTest.from_function(_a_page_started_in_legacy_mode).run()
    assert not at.exception
    # The first run stopped at through_app and started again, out of legacy mode.
    assert [m.value for m in at.markdown] == ["legacy mode False, started 2 times"]
