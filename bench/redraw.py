"""Browser redraws in Chromium: from the key press on a control to the first frame after the script has rerun.

`python -m bench.redraw [reps]` measures only these and prints their rows (a smoke run; `python -m bench` runs it all).
"""

import itertools
import sys
import tempfile
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.browser import launch
from bench.stats import table
from tracker.model.load import load

FLOOR_APP = "bench/floor_app.py"
FLOOR = ("floor", "To date")
SIDEBAR = ["To date", "country"]
CONTROLS = {
    "story": SIDEBAR,
    "timeline": [*SIDEBAR, "Next event"],
    "backer_map": [*SIDEBAR, "as-of date", "Previous change"],
    "candidates": SIDEBAR,
}
ROUNDS = 3
QUIET_MS = 300  # no new run for this long after the last one ended: the redraw is over
TIMEOUT_MS = 60_000

# Before the page's own scripts: the time of every websocket message, for runs too quick to show "running".
MESSAGES = """() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => window.__redraw?.message());
    }
  };
}"""
# Installed once per tab. The redraw starts at the first keydown or click after arm() (capture phase, so before
# Streamlit's own handlers) and ends at the first animation frame after the last time the script state went back to
# notRunning. Only transitions after the action count, so a run too quick to show "running" still ends it; a run
# so quick that React draws its start and end at once changes no state, and then the last message from the server
# ends it.
WATCH = """() => {
  if (window.__redraw) return;
  const app = document.querySelector('[data-testid="stApp"]');
  const idle = () => app.getAttribute('data-test-script-state') === 'notRunning';
  const r = window.__redraw = {
    armed: false, start: null, end: null, frame: null, transitions: 0,
    arm() { this.armed = true; this.start = this.end = this.frame = null; this.transitions = 0; },
    settled(quiet) { return this.frame !== null && idle() && performance.now() - this.end >= quiet; },
    ended() {
      const end = this.end = performance.now();
      this.frame = null;
      requestAnimationFrame(() => { if (this.end === end) this.frame = performance.now(); });
    },
    message() { if (this.start !== null && this.transitions === 0) this.ended(); },
  };
  const action = () => { if (r.armed) { r.armed = false; r.start = performance.now(); } };
  document.addEventListener('keydown', action, true);
  document.addEventListener('click', action, true);
  new MutationObserver(() => {
    if (r.start === null) return;
    r.transitions++;
    r.frame = null;
    if (idle()) r.ended();
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
IDLE = "() => new Promise(done => requestIdleCallback(() => done(), {timeout: 2000}))"

Act = Callable[[Page], None]  # does any unmeasured setup, then arm(page) and the one key press that is timed


def arm(page: Page) -> None:
    page.evaluate("window.__redraw.arm()")


def redrawn(page: Page) -> float:
    """Seconds from the armed action to the frame after the script's last run; returns once the tab is idle."""
    page.wait_for_function(f"() => window.__redraw.settled({QUIET_MS})", timeout=TIMEOUT_MS, polling=50)
    seconds = page.evaluate("(window.__redraw.frame - window.__redraw.start) / 1000")
    page.evaluate(IDLE)
    return seconds


def open_tab(context, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=TIMEOUT_MS)
    page.evaluate(WATCH)
    return page


def shown_to(page: Page) -> date:
    return date(*(int(part.get_attribute("aria-valuenow")) for part in _to_parts(page)))


def _to_parts(page: Page):
    sidebar = page.locator('[data-testid="stSidebar"]')
    return [sidebar.get_by_role("spinbutton", name=f"{part}, To") for part in ("year", "month", "day")]


def type_to(page: Page, day: date) -> None:
    """The date field commits when focus leaves it (Enter does nothing): the second Tab, past the calendar button."""
    _to_parts(page)[0].focus()
    page.keyboard.type(day.strftime("%Y%m%d"))  # each part moves on to the next once full
    page.keyboard.press("Tab")
    arm(page)
    page.keyboard.press("Tab")


def new_to(days: Iterator[date]) -> Act:
    return lambda page: type_to(page, next(days))


def add_country(names: Iterator[str]) -> Act:
    def act(page: Page) -> None:
        box = page.locator('[data-testid="stSidebar"]').get_by_role("combobox")
        box.focus()
        page.keyboard.press("Escape")  # closes the list the last choice left open
        page.keyboard.type(next(names))  # the list is virtualised: only what is typed for is rendered
        arm(page)
        page.keyboard.press("Enter")

    return act


def step_as_of(page: Page) -> None:
    page.get_by_role("slider", name="As of").focus()
    arm(page)
    page.keyboard.press("ArrowLeft")


def press_button(page: Page, name: str) -> None:
    page.get_by_role("button", name=name).focus()
    arm(page)
    page.keyboard.press("Enter")


def previous_change(days: Iterator[date]) -> Act:
    """There are few change dates, so each press starts from the latest change in a view with a new end date."""

    def act(page: Page) -> None:
        type_to(page, next(days))
        redrawn(page)
        if page.get_by_role("button", name="Latest change").is_enabled():  # disabled when already there
            press_button(page, "Latest change")
            redrawn(page)
        press_button(page, "Previous change")

    return act


def countries_by_events() -> list[str]:
    """Allies with the most events first, so every country filter leaves the charts something to draw."""
    ds = load()
    events = ds.events["country_iso3"].value_counts()
    members = ds.members.assign(events=ds.members["iso3"].map(events).fillna(0))
    return members.sort_values(["events", "name"], ascending=[False, True])["name"].tolist()


def earlier_days(last: date) -> Iterator[date]:
    """One day earlier each time: a view no reader of this server has asked for yet."""
    return (last - timedelta(days=k) for k in itertools.count(1))


def _act(control: str, days: Iterator[date], names: list[str]) -> Act:
    if control == "To date":
        return new_to(days)
    if control == "country":
        return add_country(iter(names))
    if control == "Next event":
        return lambda page: press_button(page, "Next event")
    return step_as_of if control == "as-of date" else previous_change(days)


def to_date_target(context, url: str) -> tuple[Page, Act]:
    """A new tab on `url`, and its To date change: each a day earlier than the one before."""
    tab = open_tab(context, url)
    return tab, new_to(earlier_days(shown_to(tab)))


def _open_targets(context, floor_url: str, app_url: str, names: list[str]) -> dict[tuple[str, str], tuple[Page, Act]]:
    targets = {FLOOR: to_date_target(context, floor_url)}
    app_days = None  # one sequence for all the app's tabs: they share the server's caches
    for page, controls in CONTROLS.items():
        for control in controls:
            tab = open_tab(context, f"{app_url}/{'' if page == 'story' else page}")
            app_days = app_days or earlier_days(shown_to(tab))
            if control != "To date":  # an end date of its own, so no other tab has seen its views
                type_to(tab, next(app_days))
                redrawn(tab)
            targets[page, control] = (tab, _act(control, app_days, names))
    return targets


@contextmanager
def tabs_context() -> Iterator:
    """A Chromium context at 1440×900 whose tabs note the time of every websocket message."""
    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        context.add_init_script(script=f"({MESSAGES})()")
        try:
            yield context
        finally:
            context.close()
            browser.close()


def in_turns(targets: dict[Hashable, tuple[Page, Act]], reps: int, rounds: int = ROUNDS) -> dict[Hashable, list[float]]:
    """{target: [s]}: each target warmed by one unmeasured redraw, then measured in blocks of `reps // rounds`
    that go round all targets `rounds` times, so drift on a noisy machine hits every target alike."""
    for tab, act in targets.values():
        tab.bring_to_front()
        act(tab)
        redrawn(tab)
    times = {target: [] for target in targets}
    for _ in range(rounds):
        for target, (tab, act) in targets.items():
            tab.bring_to_front()  # a background tab may get no animation frames
            for _ in range(max(1, reps // rounds)):
                act(tab)
                times[target].append(redrawn(tab))
    return times


def redraw_costs(floor_url: str, app_url: str, reps: int) -> dict[tuple[str, str], list[float]]:
    """{(page, control): [s]}, FLOOR first. Every target has its own tab (its own session), measured in turns."""
    names = countries_by_events()
    if reps + 1 > len(names):
        raise ValueError(f"{reps} country changes and a warm-up need more than the {len(names)} allies")
    with tabs_context() as context:
        return in_turns(_open_targets(context, floor_url, app_url, names), reps)


def main() -> None:
    from bench.__main__ import redraw_rows  # the benchmark's own rows, without the rest of its run

    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as logs:
        print(table(redraw_rows(Path(logs), reps)))


if __name__ == "__main__":
    main()
