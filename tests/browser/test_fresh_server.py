"""A link opened as the very first request after the server starts gets the whole app, filters included,
with the server started by plain `streamlit run`, as ./run.sh and Streamlit Community Cloud start it."""

from playwright.sync_api import expect
from reader import assert_no_exception, open_page

from deploy.local_server import start_app, stop_app


def test_first_reader_after_a_restart_gets_the_app_from_a_deep_link(page, tmp_path):
    process, url = start_app("app.py", tmp_path / "streamlit.log")
    try:
        open_page(page, url, "backer_map", "countries=HUN")
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_text("Hungary")).to_be_visible()
        expect(page.get_by_role("link", name="Sources and method", exact=True).first).to_be_visible()
        expect(page).to_have_url(f"{url}/backer_map?countries=HUN")
        assert_no_exception(page)
    finally:
        stop_app(process)
