"""Static embeds in a real browser, offline: the index shows every preview, and an embedded chart draws and
fits a phone-width frame. Every request but file:// is blocked and fails the test."""

import pytest
from playwright.sync_api import expect

from tracker.exports import embeds
from tracker.model.load import load


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("embed")
    embeds.write_embeds(load(), out)
    return out


@pytest.fixture
def offline(page):
    refused = []
    page.context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (refused.append(route.request.url), route.abort())
        ),
    )
    yield page
    assert refused == [], f"the embed asked the network for {refused[:3]}"


def test_the_index_shows_every_chart_offline(offline, folder):
    offline.goto((folder / "index.html").as_uri())
    images = offline.locator("section img")
    expect(images).to_have_count(4)
    widths = images.evaluate_all("imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)")
    assert all(w > 0 for w in widths), widths


@pytest.mark.parametrize("width", [390, 1000])
def test_an_embedded_chart_draws_offline_and_fits_its_frame(offline, folder, width):
    offline.set_viewport_size({"width": width, "height": 900})
    offline.goto((folder / "timeline.html").as_uri())
    chart = offline.locator("#vega-chart svg.marks")
    expect(chart).to_be_visible()
    assert chart.evaluate("svg => svg.querySelectorAll('g.role-mark > *').length") > 50
    assert "Every sourced event of Rutte's race" in chart.locator(".role-title-text").all_text_contents()
    assert offline.evaluate("() => document.documentElement.scrollWidth") <= width
