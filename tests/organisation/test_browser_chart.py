"""The organisation chart in a browser: a chart of boxes side by side on a desktop, an indented
list on a phone, both readable without scrolling sideways; a click opens a unit's page."""

import itertools

import pytest
from playwright.sync_api import expect

from organisation.demo import seed_demo
from tests.factories import first_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def box(locator):
    return locator.bounding_box()


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def chart_at(page, width, screenshots):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/to-chuc/")
    chart = page.get_by_role("list", name="Sơ đồ tổ chức")
    expect(chart).to_be_visible()
    page.screenshot(path=screenshots / f"to-chuc-{width}.png", full_page=True)
    assert horizontal_overflow(page) <= 0, f"horizontal scrolling at {width}px"
    roots = chart.locator("> li > a")
    expect(roots).to_have_count(4)
    committee = chart.get_by_role("link", name="Ủy ban nhân dân phường", exact=True)
    office = chart.get_by_role("link", name="Văn phòng HĐND và UBND")
    font = office.evaluate("link => parseFloat(getComputedStyle(link).fontSize)")
    assert font >= 14, f"the chart's text is {font}px at {width}px"
    return [box(roots.nth(n)) for n in range(4)], box(committee), box(office)


def test_the_chart_is_a_chart_on_a_desktop_and_an_indented_list_on_a_phone(page, tmp_path):
    seed_demo(first_site())
    roots, committee, office = chart_at(page, 1280, tmp_path)
    assert len({round(root["y"]) for root in roots}) == 1, "the four bodies side by side"
    assert roots[0]["x"] < roots[1]["x"] < roots[2]["x"] < roots[3]["x"]
    assert office["y"] > committee["y"] + committee["height"], "offices below their committee"

    roots, committee, office = chart_at(page, 360, tmp_path)
    assert all(a["y"] + a["height"] <= b["y"] for a, b in itertools.pairwise(roots))
    assert office["x"] > committee["x"], "an office is indented under its committee"
    assert office["y"] > committee["y"]

    page.get_by_role("link", name="Văn phòng HĐND và UBND").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Văn phòng HĐND và UBND")
    expect(page.get_by_role("link", name="vtmai.phuvan@example.gov.vn")).to_be_visible()
    page.screenshot(path=tmp_path / "don-vi-360.png", full_page=True)
    assert horizontal_overflow(page) <= 0
    page.goto("/danh-ba/")
    page.screenshot(path=tmp_path / "danh-ba-360.png", full_page=True)
    assert horizontal_overflow(page) <= 0
