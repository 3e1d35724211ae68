"""Real-browser fixtures: the app served on a free local port, Debian's chromium, and a network guard.

Every test here is marked `browser`. When chromium is missing they skip with one line, except under
CI=true, where a missing browser fails the run.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from deploy.local_server import ROOT, start_app, stop_app

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LOAD_TIMEOUT = 30_000  # ms, for one page to finish its script and draw (the first run imports the chart libraries)
expect.set_options(timeout=LOAD_TIMEOUT)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def server_log(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("server") / "streamlit.log"


@pytest.fixture(scope="session")
def app_url(server_log):
    process, url = start_app("app.py", server_log)
    try:
        yield url
    finally:
        stop_app(process)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).is_file():
        reason = "chromium is not installed (apt-get install chromium); browser tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {reason}", pytrace=False)
        pytest.skip(reason)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-component-update"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1440, "height": 900}, "accept_downloads": True}


@pytest.fixture
def requests_seen(context, app_url):
    """Every request the page makes; requests to anything but the app's own server are blocked and fail the test."""
    allowed = urlsplit(app_url).netloc
    seen: list[str] = []

    def local(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob", "file") or parts.netloc == allowed

    def guard(route):
        seen.append(route.request.url)
        route.continue_() if local(route.request.url) else route.abort()

    context.route("**/*", guard)
    yield seen
    outside = [u for u in seen if not local(u)]
    assert not outside, f"the app requested outside its own server: {outside[:5]}"


@pytest.fixture
def app(page, app_url, requests_seen):
    """A page on the app, behind the network guard."""
    page.set_default_timeout(LOAD_TIMEOUT)
    return page


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
