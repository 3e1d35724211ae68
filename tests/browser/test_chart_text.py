"""Chart text measured by the browser: each chart's interactive HTML export, drawn by Vega in Chromium, at a desktop
and a phone width, for the default view and a single day; no two texts overlap and none leaves the chart."""

from datetime import date

import pytest

from tracker.charts import chart_registry
from tracker.exports import export
from tracker.model.load import load
from tracker.reader.filters import bounds_of
from tracker.reader.url_state import ViewState

# Every visible text of the chart, by the box the browser lays it out in, and the chart's own box.
TEXT_BOXES = """() => {
  const svg = document.querySelector('#vega-chart svg');
  const frame = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && \
getComputedStyle(t).opacity !== '0'
      && t.getAttribute('opacity') !== '0' && !t.closest('[opacity="0"]')
      && t.getAttribute('stroke') !== 'white');  // a label's white halo is its own twin, drawn under it
  return {frame: [frame.left, frame.top, frame.right, frame.bottom],
          texts: texts.map(t => { const r = t.getBoundingClientRect(); \
return [t.textContent, r.left, r.top, r.right, r.bottom]; })};
}"""


def overlaps(a, b, tolerance=1.0) -> bool:
    return min(a[3], b[3]) - max(a[1], b[1]) > tolerance and min(a[4], b[4]) - max(a[2], b[2]) > tolerance


@pytest.fixture(scope="module")
def pages():
    ds = load()
    bounds = bounds_of(ds)
    views = {"default": bounds.default(), "single day": ViewState(date(2024, 10, 1), date(2024, 10, 1))}
    return {
        (name, item.slug): export.html_page(export.export_spec(item.chart.to_dict(), item.description))
        for name, view in views.items()
        for item in chart_registry.view_charts(ds, view)
        if item.chart is not None
    }


@pytest.mark.parametrize("width", [1440, 390])
def test_no_chart_text_overlaps_or_leaves_the_chart_in_the_browser(page, pages, width):
    page.set_viewport_size({"width": width, "height": 900})
    faults = []
    for (view, slug), html in pages.items():
        page.goto("about:blank")  # a fresh document: the bundled script declares globals once per page
        page.set_content(html)
        page.wait_for_selector("#vega-chart svg text")
        boxes = page.evaluate(TEXT_BOXES)
        left, top, right, bottom = boxes["frame"]
        texts = boxes["texts"]
        assert len(texts) > 3, f"{slug} ({view}): hardly any text drawn"
        for i, a in enumerate(texts):
            if a[1] < left - 1 or a[2] < top - 1 or a[3] > right + 1 or a[4] > bottom + 1:
                faults.append(f"{slug} ({view}): {a[0]!r} leaves the chart")
            faults += [f"{slug} ({view}): {a[0]!r} overlaps {b[0]!r}" for b in texts[i + 1 :] if overlaps(a, b)]
    assert faults == []
