"""Under the real Content-Security-Policy, in a browser: nothing blocked, htmx still swaps."""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from tests.browser.helpers import no_full_reload
from timeline.models import Event

# Collects every violation the page reports, from before its first script runs.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} at ${where}`);
});
"""
PASSWORD = "a-long-newsroom-passphrase"


def watched(page: Page) -> list[str]:
    """Console messages about the policy, from now on."""
    messages: list[str] = []
    page.on(
        "console",
        lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(CSP_WATCH)
    return messages


def violations(page: Page, console: list[str]) -> list[str]:
    return page.evaluate("() => window.__cspViolations") + console


def test_the_timeline_works_under_its_policy_with_htmx_swaps(page: Page, seeds):
    console = watched(page)
    response = page.goto("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.evaluate("() => htmx.config.includeIndicatorStyles") is False
    summary = page.locator("#summary").inner_text()
    with no_full_reload(page):
        page.locator("#filters input[name=topic]").first.check()
        expect(page).to_have_url(re.compile(r"[?&]topic="))
        expect(page.locator("#summary")).not_to_have_text(summary)
    page.goto(Event.objects.visible().first().get_absolute_url())
    expect(page.locator("h1")).to_be_visible()
    page.goto("/embed/")
    expect(page.locator(".embed-list")).to_be_visible()
    assert violations(page, console) == []


def test_the_admin_works_under_its_policy(page: Page, seeds, django_user_model):
    editor = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    console = watched(page)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Events")).to_be_visible()
    event = Event.objects.order_by("-position").first()  # far down a long report
    page.goto(f"/admin/timeline/event/{event.pk}/change/")
    # The change form's own script (a file now) scrolls the report to the event's passage.
    page.wait_for_function("() => document.querySelector('.report-context').scrollTop > 0")
    page.goto("/admin/timeline/event/")
    expect(page.locator("#result_list")).to_be_visible()
    assert violations(page, console) == []
