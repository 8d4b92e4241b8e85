"""The reader's timeline in a real browser: htmx filtering, history, sharing, keyboard."""

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import PHONE, axe_audit, axe_report, no_full_reload
from timeline.models import Event


def event_titles(page: Page) -> list[str]:
    return page.locator("#event-list article h3").all_inner_texts()


def test_topic_then_region_filter_the_list_in_place_and_back_restores_it(page: Page, seeds):
    page.goto("/")
    everything = event_titles(page)
    with no_full_reload(page):
        page.locator("label[for=topic-battlefield]").click()
        expect(page).to_have_url(re.compile(r"/\?topic=battlefield$"))
        expect(page.locator("#summary")).to_contain_text("Battlefield")
    battlefield = event_titles(page)
    assert battlefield and battlefield != everything
    expected = Event.objects.visible().filter(topics__slug="battlefield").count()
    expect(page.locator("#summary")).to_contain_text(f"{expected} event")

    with no_full_reload(page):
        page.locator("label[for=region-ukraine]").click()
        expect(page).to_have_url(re.compile(r"/\?region=ukraine&topic=battlefield$"))
    expect(page).to_have_title(re.compile(r"Ukraine · Battlefield"))
    narrowed = event_titles(page)
    assert set(narrowed) <= set(battlefield)

    page.go_back()
    expect(page).to_have_url(re.compile(r"/\?topic=battlefield$"))
    expect(page.locator("#topic-battlefield")).to_be_checked()
    expect(page.locator("#region-ukraine")).not_to_be_checked()
    assert event_titles(page) == battlefield


def test_a_copied_url_shows_the_same_events_in_a_fresh_context(page: Page, seeds, new_context):
    page.goto("/")
    page.locator("label[for=topic-talks]").click()
    expect(page).to_have_url(re.compile(r"topic=talks"))
    shown = event_titles(page)
    fresh = new_context().new_page()
    fresh.goto(page.url)
    assert event_titles(fresh) == shown
    expect(fresh.locator("#topic-talks")).to_be_checked()


def test_tag_links_add_a_filter_and_chips_remove_it(page: Page, seeds):
    page.goto("/?topic=battlefield")
    tag = page.locator("#event-list a.tag--region").first
    place = tag.inner_text()
    with no_full_reload(page):
        tag.click()
        expect(page.locator(".active-filters")).to_contain_text(place)
    assert "topic=battlefield" in page.url and "region=" in page.url
    with no_full_reload(page):
        page.get_by_role("link", name=f"Remove filter {place}").click()
        expect(page).to_have_url(re.compile(r"/\?topic=battlefield$"))


def test_load_more_appends_the_next_page(page: Page, seeds):
    total = Event.objects.visible().count()
    assert total > 50, "the seeds hold more than one page"
    page.goto("/")
    assert page.locator("#event-list article").count() == 50
    with no_full_reload(page):
        page.get_by_role("button", name=re.compile("Load more")).click()
        expect(page.locator("#event-list article")).to_have_count(total)
    expect(page).to_have_url(re.compile(r"/$"))  # the view is the same, only longer
    expect(page.get_by_role("button", name=re.compile("Load more"))).to_have_count(0)


def test_a_density_bar_narrows_the_dates(page: Page, seeds):
    page.goto("/")
    bar = page.locator(".density-chart a").first
    label = bar.get_attribute("aria-label")
    with no_full_reload(page):
        bar.click()
        expect(page).to_have_url(re.compile(r"from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d"))
    count = int(label.split()[0])
    expect(page.locator("#summary")).to_contain_text(f"{count} event")


def test_filtering_by_keyboard_alone(page: Page, seeds):
    page.goto("/")
    page.locator("#q").focus()
    page.keyboard.type("Kyiv")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/\?q=Kyiv$"))
    expect(page.locator("#summary")).to_contain_text("“Kyiv”")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#q")).to_have_value("Kyiv")
    page.locator("#topic-battlefield").focus()
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"q=Kyiv&topic=battlefield"))
    # Focus stays on the control the reader used, so they can go on from there.
    expect(page.locator("#topic-battlefield")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "topic-talks"


def test_filtered_page_passes_the_accessibility_audit(page: Page, seeds):
    page.goto("/?topic=battlefield")
    violations = axe_audit(page)
    assert not violations, axe_report(violations)


def test_phone_width_hides_the_filters_behind_a_button(new_context, seeds, screenshot):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto("/")
    expect(page.locator("#q")).to_be_hidden()
    page.get_by_text("Filters", exact=False).first.click()
    expect(page.locator("#q")).to_be_visible()
    page.locator("label[for=topic-battlefield]").click()
    expect(page).to_have_url(re.compile(r"topic=battlefield"))
    expect(page.locator("#q")).to_be_visible()  # the drawer stays open across swaps
    screenshot(page, "timeline-phone-filtered")


def test_without_javascript_the_form_and_links_still_work(new_context, seeds):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/")
    page.locator("#topic-battlefield").check(force=True)
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/\?topic=battlefield$"))  # redirected to canonical
    expect(page.locator("#summary")).to_contain_text("Battlefield")
    page.goto("/")
    page.locator(".pagination").get_by_role("link", name="2", exact=True).click()
    expect(page).to_have_url(re.compile(r"/\?page=2$"))
    expect(page.locator("#event-list article")).to_have_count(Event.objects.visible().count() - 50)
