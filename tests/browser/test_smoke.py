"""Smoke tests in a real browser: the pages load styled, with htmx, usable by keyboard and phone."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import DESKTOP, PHONE, axe_audit, axe_report
from timeline.models import Event

# What a page looks like with no stylesheet: the properties site.css is bound to change.
STYLE_PROBE = """() => {
  const body = getComputedStyle(document.body), root = getComputedStyle(document.documentElement);
  return [root.fontFamily, body.fontFamily, body.margin, body.color, root.backgroundColor];
}"""


def newest_events(n: int) -> list[Event]:
    return list(Event.objects.visible().newest_first()[:n])


def test_timeline_is_styled_and_loads_htmx(page: Page, seeds):
    response = page.goto("/")
    assert response.ok
    styled = page.evaluate(STYLE_PROBE)
    sheets = page.evaluate(
        "() => [...document.styleSheets].filter(s => s.href).map(s => s.cssRules.length)"
    )
    page.set_content("<!doctype html><title>Unstyled</title><body><p>Text</p></body>")
    unstyled = page.evaluate(STYLE_PROBE)
    assert sheets and all(sheets), "the site stylesheet did not load, or is empty"
    assert styled != unstyled
    page.goto("/")
    assert page.evaluate("() => typeof htmx === 'object' && htmx.version").startswith("2.")


def test_timeline_lists_the_seeded_events_newest_first(page: Page, seeds):
    total = Event.objects.visible().count()
    assert total > 0
    page.goto("/")
    expect(page).to_have_title(re.compile(rf"\b{total} events\b"))
    titles = page.locator("main article h3")
    expected = [event.title for event in newest_events(5)]
    expect(titles.nth(len(expected) - 1)).to_be_visible()
    assert titles.all_inner_texts()[: len(expected)] == expected


def test_event_title_opens_its_permalink(page: Page, seeds):
    event = newest_events(1)[0]
    page.goto("/")
    page.locator(f'main article a[href="{event.get_absolute_url()}"]').first.click()
    expect(page).to_have_url(re.compile(rf"{event.get_absolute_url()}$"))
    expect(page.get_by_role("heading", name=event.title)).to_be_visible()


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_pages_fit_the_width_and_are_captured(new_context, seeds, screenshot, width):
    phone = width == "phone"
    viewport = PHONE if phone else DESKTOP
    page = new_context(viewport=viewport, is_mobile=phone, has_touch=phone).new_page()
    for name, path in [("timeline", "/"), ("event", newest_events(1)[0].get_absolute_url())]:
        page.goto(path)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert screenshot(page, f"{name}-{width}").stat().st_size > 0
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {viewport['width']}px"


@pytest.mark.parametrize("which", ["timeline", "permalink"])
def test_axe_finds_no_serious_or_critical_violations(page: Page, seeds, which):
    page.goto("/" if which == "timeline" else newest_events(1)[0].get_absolute_url())
    violations = axe_audit(page)
    assert not violations, axe_report(violations)


def test_tab_reaches_the_visible_skip_link_first_and_it_skips(page: Page, seeds):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=re.compile(r"^skip", re.IGNORECASE))
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "the focused skip link shows no focus ring"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")
