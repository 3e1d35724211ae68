"""Time from navigation to the first chart drawn on the heaviest page, against a hello-world page, in Chromium."""

import shutil
import time

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FIRST_CHART = '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
HELLO = "text=Hello, world"


def launch(playwright):
    """Debian's chromium, headless, as every browser measurement here uses it."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--headless", "--no-sandbox"])


def _time_to(browser, url: str, selector: str) -> float:
    context = browser.new_context(viewport={"width": 1440, "height": 900})  # a new reader: empty cache
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_selector(selector, state="visible", timeout=60_000)
        return time.perf_counter() - started
    finally:
        context.close()


def first_paint_costs(app_url: str, page: str, hello_url: str, reps: int) -> dict[str, list[float]]:
    """{"chart": [s], "hello": [s]}, the two measured alternately, after one unmeasured visit each."""
    times = {"chart": [], "hello": []}
    with sync_playwright() as p:
        browser = launch(p)
        try:
            _time_to(browser, f"{app_url}/{page}", FIRST_CHART)
            _time_to(browser, hello_url, HELLO)
            for _ in range(reps):
                times["chart"].append(_time_to(browser, f"{app_url}/{page}", FIRST_CHART))
                times["hello"].append(_time_to(browser, hello_url, HELLO))
        finally:
            browser.close()
    return times
