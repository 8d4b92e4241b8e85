"""The map of places in a real browser: circles from the panel's counts, filtering, history."""

import json
import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import PHONE, axe_audit, axe_report, no_full_reload

# A city circle that a pointer can reach: well inside the map and on top at its centre.
CLICKABLE_CITY = """() => {
  const map = document.getElementById("map").getBoundingClientRect();
  for (const el of document.querySelectorAll("#map .map-place--city")) {
    const r = el.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
    const clear = x > map.left + 60 && x < map.right - 180
      && y > map.top + 60 && y < map.bottom - 40;
    if (!clear) continue;
    if (document.elementFromPoint(x, y) === el) return el.dataset.slug;
  }
  return null;
}"""


CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def map_points(page: Page) -> dict[str, dict]:
    data = json.loads(page.locator("#map-points").text_content())
    return {p["slug"]: p for p in data["points"]}


def circle(page: Page, slug: str):
    return page.locator(f'#map .map-place[data-slug="{slug}"]')


def tooltip(page: Page, place):
    """The tooltip a circle is described by (another may still be fading out)."""
    expect(place).to_have_attribute("aria-describedby", re.compile(r"^leaflet-tooltip-"))
    return page.locator("#" + place.get_attribute("aria-describedby"))


def panel_count(page: Page, slug: str) -> int:
    return int(page.locator(f'label[for="region-{slug}"] > .count').inner_text())


def summary_count(page: Page) -> int:
    words = page.locator("#summary").inner_text()
    return int(re.match(r"([\d,]+) event", words)[1].replace(",", ""))


def centre(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return round(box["x"] + box["width"] / 2, 1), round(box["y"] + box["height"] / 2, 1)


def open_map(page: Page, url: str = "/") -> dict[str, dict]:
    page.goto(url)
    expect(page.locator("#map-drawer")).to_have_attribute("open", "")
    # The borders are drawn on a canvas once bundled GeoJSON has loaded.
    expect(page.locator("#map .leaflet-overlay-pane canvas")).to_have_count(1)
    points = map_points(page)
    expect(page.locator("#map .map-place")).to_have_count(len(points))
    return points


def test_the_map_draws_a_circle_per_place_with_the_panels_counts(page: Page, seeds, screenshot):
    page.add_init_script(CSP_WATCH)
    points = open_map(page)
    assert len(points) > 10 and {"ukraine", "kyiv"} <= points.keys()
    expect(page.get_by_role("region", name="Map of where these events happen")).to_be_visible()
    for slug, point in points.items():
        place = circle(page, slug)
        place.focus()  # a focused circle shows its tooltip, as hovering does
        tip = tooltip(page, place)
        expect(tip).to_be_visible()
        expect(tip).to_have_text(re.compile(rf"^{re.escape(point['name'])}: \d+ events?$"))
        shown = int(re.search(r": ([\d,]+) event", tip.inner_text())[1].replace(",", ""))
        assert shown == panel_count(page, slug) == point["count"], slug
        expect(place).to_have_attribute("aria-label", tip.inner_text())
        expect(place).to_have_attribute("aria-pressed", "false")
    # Larger counts, larger circles (by area).
    sizes = {slug: circle(page, slug).bounding_box()["width"] for slug in ("ukraine", "kyiv")}
    assert sizes["ukraine"] > sizes["kyiv"] > 0
    page.locator("#map").focus()
    screenshot(page, "timeline-map")
    # Leaflet and the map script keep to the site's Content-Security-Policy (no inline styles).
    assert page.evaluate("() => window.__cspViolations") == []


def test_hovering_a_circle_names_the_place_and_its_count(page: Page, seeds):
    points = open_map(page)
    slug = page.evaluate(CLICKABLE_CITY)
    place = circle(page, slug)
    place.hover()
    count = panel_count(page, slug)
    expect(tooltip(page, place)).to_have_text(
        f"{points[slug]['name']}: {count} event{'' if count == 1 else 's'}"
    )


def test_clicking_a_circle_filters_like_the_panel_and_back_restores_the_list(page: Page, seeds):
    points = open_map(page)
    everything = summary_count(page)
    slug = page.evaluate(CLICKABLE_CITY)
    assert slug, "no city circle is reachable by a pointer"
    place = circle(page, slug)
    where = centre(place)
    with no_full_reload(page):
        place.click()
        expect(page).to_have_url(re.compile(rf"/\?region={slug}$"))
        expect(page.locator(f"#region-{slug}")).to_be_checked()
    expect(page.locator("#summary")).to_contain_text(points[slug]["name"])
    assert summary_count(page) == points[slug]["count"] < everything
    expect(place).to_have_attribute("aria-pressed", "true")
    expect(place).to_have_class(re.compile(r"\bis-selected\b"))
    assert centre(place) == where, "the map moved: a swap must keep the reader's view"

    page.go_back()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator(f"#region-{slug}")).not_to_be_checked()
    assert summary_count(page) == everything
    # The restored page has a working map, at the same place, that filters again.
    expect(page.locator("#map .map-place")).to_have_count(len(points))
    place = circle(page, slug)
    expect(place).to_have_attribute("aria-pressed", "false")
    assert centre(place) == where
    with no_full_reload(page):
        place.click()
        expect(page).to_have_url(re.compile(rf"/\?region={slug}$"))


def test_the_map_follows_the_panel_and_keeps_the_readers_zoom(page: Page, seeds):
    open_map(page)
    page.get_by_role("button", name="Zoom in").click()
    page.wait_for_timeout(400)  # the zoom animation
    where = centre(circle(page, "ukraine"))
    with no_full_reload(page):
        page.locator("label[for=topic-talks]").click()
        expect(page).to_have_url(re.compile(r"/\?topic=talks$"))
    points = map_points(page)
    expect(page.locator("#map .map-place")).to_have_count(len(points))
    for slug, point in points.items():
        expect(circle(page, slug)).to_have_attribute("aria-label", point["label"])
        assert point["count"] == panel_count(page, slug)
    assert centre(circle(page, "ukraine")) == where

    # Only the reader refits the map: "Show all places" brings far places into view.
    far = next(s for s, p in points.items() if p["longitude"] < 0 or p["latitude"] < 38)
    map_box = page.locator("#map").bounding_box()
    assert not inside(centre(circle(page, far)), map_box)
    page.get_by_role("button", name="Show all places").click()
    page.wait_for_timeout(400)
    assert inside(centre(circle(page, far)), map_box)


def inside(point: tuple[float, float], box: dict) -> bool:
    x, y = point
    return box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"]


def test_circles_are_reached_and_toggled_by_keyboard(page: Page, seeds):
    points = open_map(page)
    page.locator("#map").focus()
    page.keyboard.press("Tab")  # from the map to its first circle, the largest
    focused = page.evaluate("document.activeElement.dataset.slug")
    assert focused == next(iter(points)), "circles come before the map's controls"
    place = circle(page, "kyiv")
    place.focus()
    expect(tooltip(page, place)).to_have_text(points["kyiv"]["label"])
    with no_full_reload(page):
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/\?region=kyiv$"))
    # The circle stays where the reader is, now pressed; Enter again removes the filter.
    expect(place).to_be_focused()
    expect(place).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(place).to_have_attribute("aria-pressed", "false")


def test_the_page_with_its_map_passes_the_accessibility_audit(new_context, seeds):
    # axe-core goes in as an inline script, which the site's Content-Security-Policy refuses.
    page = new_context(bypass_csp=True).new_page()
    open_map(page, "/?region=kyiv")
    violations = axe_audit(page)
    assert not violations, axe_report(violations)


def test_phone_width_hides_the_map_behind_a_toggle(new_context, seeds, screenshot):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto("/")
    toggle = page.locator("#map-drawer > summary")
    expect(toggle).to_be_visible()
    expect(page.locator("#map")).to_be_hidden()
    toggle.click()
    expect(page.locator("#map")).to_be_visible()
    expect(page.locator("#map .map-place")).to_have_count(len(map_points(page)))
    expect(page.locator("#map .leaflet-overlay-pane canvas")).to_have_count(1)
    slug = page.evaluate(CLICKABLE_CITY)
    circle(page, slug).tap()
    expect(page).to_have_url(re.compile(rf"/\?region={slug}$"))
    expect(page.locator("#map")).to_be_visible()  # the drawer stays open across swaps
    screenshot(page, "timeline-map-phone")


def test_without_javascript_there_is_no_map(new_context, seeds):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/")
    expect(page.locator("#map-drawer")).to_be_hidden()
    expect(page.get_by_text("Map of places")).to_be_hidden()
    expect(page.locator("#event-list article").first).to_be_visible()
