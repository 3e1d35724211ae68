"""A link opened as the very first request after the server starts gets the whole app, filters included,
whether the server was started by ui.launch or, as on Streamlit Community Cloud, by plain `streamlit run`."""

import pytest
from playwright.sync_api import expect
from reader import assert_no_exception, open_page

from deploy.local_server import LAUNCHER, start_app, stop_app

STREAMLIT_RUN = ("-m", "streamlit", "run")


@pytest.mark.parametrize("launcher", [LAUNCHER, STREAMLIT_RUN], ids=["ui.launch", "streamlit run"])
def test_first_reader_after_a_restart_gets_the_app_from_a_deep_link(page, tmp_path, launcher):
    process, url = start_app("app.py", tmp_path / "streamlit.log", launcher=launcher)
    try:
        open_page(page, url, "backer_map", "countries=HUN")
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_text("Hungary")).to_be_visible()
        expect(page.get_by_role("link", name="Sources & method", exact=True).first).to_be_visible()
        expect(page).to_have_url(f"{url}/backer_map?countries=HUN")
        assert_no_exception(page)
    finally:
        stop_app(process)
