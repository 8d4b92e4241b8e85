"""Helpers for browser tests: an axe-core audit and a guard against full page reloads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def axe_audit(page: Page, *, selector: str | None = None) -> list[dict]:
    """Run axe-core over the page (or one region of it); its serious and critical violations."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated, not added as a <script>: the site's CSP refuses inline scripts.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate(
        "selector => axe.run(selector ? document.querySelector(selector) : document)", selector
    )
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def axe_report(violations: list[dict]) -> str:
    """Violations as lines a person can act on: rule, impact, and each node with its summary."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(f"  {' '.join(node['target'])}: {node['html'][:160]}")
            lines.extend(f"    {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


@contextmanager
def no_full_reload(page: Page) -> Iterator[None]:
    """Fail if the page loads a new document during the block, as htmx swaps should not.

    Wait for the interaction's outcome inside the block (`expect(...)`), so that a reload
    has started before the check runs.
    """
    documents: list[str] = []

    def on_request(request) -> None:
        if request.is_navigation_request() and request.frame == page.main_frame:
            documents.append(request.url)

    page.on("request", on_request)
    page.evaluate("() => { window.__noFullReload = 1 }")
    try:
        yield
        survived = page.evaluate("() => window.__noFullReload === 1")
    finally:
        page.remove_listener("request", on_request)
    assert not documents, f"the page loaded a new document: {documents}"
    assert survived, "the page was reloaded: a global set before the interaction is gone"
