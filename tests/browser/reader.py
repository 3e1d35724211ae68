"""What a reader sees, read out of the browser: page ready, charts drawn, overflow, accessibility."""

import time
from pathlib import Path

from playwright.sync_api import Page, expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from entry_points import HEADLINES

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PAGES = HEADLINES  # url path → the page's headline
NAV_TITLES = {
    "": "The story",
    "timeline": "Timeline",
    "backer_map": "Backer map",
    "candidates": "Candidates",
    "quotes": "Quotes",
    "sources": "Sources and method",
    "corrections": "Corrections",
}

# Non-white pixels of a canvas, or data marks of an svg (not axes or legends): zero means nothing was drawn.
INK = """el => {
  const canvas = el.querySelector('canvas');
  if (canvas) {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) ink++;
    }
    return ink;
  }
  return el.querySelectorAll('svg g.role-mark:not([class*="axis"]):not([class*="legend"]) > *').length;
}"""

_WIDER_THAN_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;  // chart internals are clipped by their svg
    if (getComputedStyle(el).opacity === '0') continue;
    // A slider's visually hidden control, wider than the thumb it sits in.
    if (el.matches('input[type="range"]')) continue;
    if (el.closest('[data-testid="stDataFrame"] [class*="dvn-scroller"], .stDataFrameGlideDataEditor')) continue;
    // A reading table's cells scroll inside its region, which is itself checked.
    if (el.parentElement?.closest('.reading-table')) continue;
    if (box.left < -1 || box.right > width + 1) {
      const testid = el.dataset.testid || el.closest('[data-testid]')?.dataset.testid;
      wide.push(`${el.tagName.toLowerCase()}[data-testid=${testid}] ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  const main = document.querySelector('[data-testid="stMain"]');
  if (main && main.scrollWidth > main.clientWidth + 1) {
    wide.unshift(`stMain scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
  }
  return wide.slice(0, 8);
}"""


def eventually(read, expected, timeout: float = 15):
    """`read()` once it equals `expected` (charts redraw after the script finishes); the last value otherwise."""
    deadline = time.monotonic() + timeout
    while (value := read()) != expected and time.monotonic() < deadline:
        time.sleep(0.2)
    return value


def wait_ready(page: Page) -> None:
    """The script has run and the page's elements are on screen."""
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
    page.wait_for_load_state("networkidle")


def open_page(page: Page, base_url: str, path: str = "", query: str = "") -> None:
    page.goto(f"{base_url}/{path}" + (f"?{query}" if query else ""))
    wait_ready(page)
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text(PAGES[path])


def assert_no_exception(page: Page) -> None:
    """No Python exception, no error box (a chart the browser cannot draw shows one), no traceback text."""
    expect(page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')).to_have_count(0)
    assert "Traceback" not in page.locator('[data-testid="stApp"]').inner_text()


def vega_charts(page: Page):
    return page.locator('[data-testid="stVegaLiteChart"]')


def assert_charts_drawn(page: Page, at_least: int = 1) -> int:
    """Every Altair chart on the page has a size and ink; returns how many there are."""
    charts = vega_charts(page)
    expect(charts.first.locator("canvas, svg").first).to_be_visible()
    count = charts.count()
    assert count >= at_least, f"expected at least {at_least} chart(s), found {count}"
    for i in range(count):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50, f"chart {i} is too small: {box}"
        assert chart.evaluate(INK) > 0, f"chart {i} drew nothing"
    return count


# Fractions of the drawn map where Europe and North America fill the middle band.
MAP_MIDDLE = [
    (fx, fy) for fx in (0.5, 0.55, 0.6, 0.45, 0.4, 0.65, 0.35, 0.7) for fy in (0.45, 0.5, 0.4, 0.55, 0.35, 0.6)
]


def tooltip_over(page: Page, points, wanted) -> str | None:
    """Hover the first chart's drawing at `points` (fractions of its box) in turn; the first tooltip text for
    which `wanted(text)` holds, or None. Under load the drawing may still be laid out when the page is ready and a
    tooltip may take longer than a fixed pause, so the box is measured at each point and each tooltip awaited."""
    drawing = vega_charts(page).first.locator("canvas, svg").first
    expect(drawing).to_be_visible()
    drawing.scroll_into_view_if_needed()
    tooltip = page.locator("#vg-tooltip-element")
    for fx, fy in points:
        box = drawing.bounding_box()
        page.mouse.move(box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)
        try:  # every country has a tooltip, so one that never shows means the pointer missed the land
            expect(tooltip).to_be_visible(timeout=2000)
        except AssertionError:
            continue
        if wanted(text := tooltip.inner_text()):
            return text
    return None


def screenshot_whole_page(page: Page, path: Path) -> None:
    """Streamlit scrolls inside its main area, so a full-page screenshot needs a viewport as tall as that area."""
    size = page.viewport_size
    height = size["height"]
    for _ in range(5):  # content below the fold may draw only once it is in view, so grow until it stops
        wanted = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        if wanted <= height:
            break
        height = wanted
        page.set_viewport_size({"width": size["width"], "height": height})
        page.wait_for_timeout(500)  # charts re-measure their container
    page.screenshot(path=path)
    page.set_viewport_size(size)


def overflowing_elements(page: Page) -> list[str]:
    return page.evaluate(_WIDER_THAN_SCREEN)


def axe_violations(page: Page, impacts=("serious", "critical")) -> list[dict]:
    """axe-core's violations of the given impacts on the current page, as {id, impact, help, targets}."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:3]}
        for v in result
        if v["impact"] in impacts
    ]


def save_download(button, folder: Path, timeout: float = 30_000) -> tuple[str, Path]:
    """Click a download button; the file's suggested name and where it was saved in `folder`."""
    button.scroll_into_view_if_needed()
    with button.page.expect_download(timeout=timeout) as info:
        button.click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return info.value.suggested_filename, path


class Stream:
    """What the page and the server say over Streamlit's websocket, decoded."""

    def __init__(self, page):
        self.sent: list[BackMsg] = []
        self.received: list[ForwardMsg] = []
        page.on("websocket", self._watch)

    def _watch(self, ws) -> None:
        ws.on("framesent", lambda payload: self.sent.append(BackMsg.FromString(payload)))
        ws.on("framereceived", lambda payload: self.received.append(ForwardMsg.FromString(payload)))

    def clear(self) -> None:
        self.sent.clear()
        self.received.clear()

    def finished(self) -> bool:
        return any(msg.WhichOneof("type") == "script_finished" for msg in self.received)

    def wait_finished(self, page: Page) -> None:
        for _ in range(150):  # Playwright hands over websocket frames only while it is called
            if self.finished():
                return
            page.wait_for_timeout(100)
        raise AssertionError("the server never finished the rerun")

    def reruns(self) -> list:
        return [msg.rerun_script for msg in self.sent if msg.WhichOneof("type") == "rerun_script"]

    def elements(self) -> list[str]:
        return [msg.delta.new_element.WhichOneof("type") for msg in self.received if msg.HasField("delta")]

    def fragment_elements(self) -> list[str]:
        """The elements the rerun sent, once it is checked to be one fragment's rerun, and only that fragment's."""
        reruns = self.reruns()
        assert len(reruns) == 1 and reruns[0].fragment_id, "the control should ask for its fragment alone"
        deltas = [msg.delta for msg in self.received if msg.HasField("delta")]
        assert deltas and {delta.fragment_id for delta in deltas} == {reruns[0].fragment_id}
        return self.elements()
