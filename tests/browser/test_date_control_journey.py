"""The sidebar's date control in a real browser: presets tapped on a phone, exact days stepped with the keyboard by
day and by month, and everything inside the sidebar at 390 and 1440 px."""

import pytest
from playwright.sync_api import expect
from reader import open_page, wait_ready

WIDTHS = {"phone": (390, 844), "desktop": (1440, 900)}


def sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def open_sidebar(page) -> None:
    if sidebar(page).bounding_box()["x"] < 0:  # collapsed off screen, as on a phone
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        expect(sidebar(page)).to_have_attribute("data-collapsed", "false")
        page.wait_for_timeout(500)  # the sidebar slides in
    expect(sidebar(page).get_by_role("radiogroup", name="Dates")).to_be_visible()


def segment(page, part: str, field: str):
    return sidebar(page).get_by_role("spinbutton", name=f"{part}, {field}")


@pytest.mark.parametrize("size", WIDTHS)
def test_presets_and_exact_days_fit_the_sidebar_and_set_the_link(app, app_url, screenshots, size):
    width, height = WIDTHS[size]
    app.set_viewport_size({"width": width, "height": height})
    open_page(app, app_url, "timeline")
    open_sidebar(app)
    presets = sidebar(app).get_by_role("radio")
    expect(presets.first).to_have_attribute("aria-checked", "true")  # the whole race by default
    edge = sidebar(app).bounding_box()["x"] + sidebar(app).bounding_box()["width"]
    controls = [*presets.all(), *sidebar(app).locator('[data-testid="stDateInputField"]').all()]
    for control in controls:  # every preset and both fields whole inside the sidebar, each big enough to tap
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= min(edge, width) + 1 and box["height"] >= 24, box
    app.screenshot(path=str(screenshots / f"date-control-{size}.png"))

    sidebar(app).get_by_role("radio", name="Since Türkiye's backing").click()  # one tap
    wait_ready(app)
    expect(app).to_have_url(f"{app_url}/timeline?from=2024-04-29")
    expect(segment(app, "day", "From")).to_have_text("29")

    segment(app, "day", "From").focus()
    app.keyboard.press("ArrowUp")  # a day later
    segment(app, "month", "From").focus()
    app.keyboard.press("ArrowUp")  # a month later
    expect(segment(app, "month", "From")).to_have_text("05")
    expect(segment(app, "day", "From")).to_have_text("30")
    for _ in range(3):  # past the day and the calendar button, out of the field: it commits the date on leaving
        app.keyboard.press("Tab")
    wait_ready(app)
    expect(app).to_have_url(f"{app_url}/timeline?from=2024-05-30")
    expect(sidebar(app).get_by_text("(your own dates)")).to_be_visible()
