"""Browser tests: pytest-playwright drives Debian's chromium, headless, against `live_server`.

Every test in this folder is marked `browser` (`pytest -m "not browser"` leaves them out),
gets a transactional database with serialized rollback (the taxonomy comes from a data
migration, which a flush would wipe), and runs after the rest of the suite.

Fixtures: `page` opens on the live server (`page.goto("/")`) at desktop size;
`new_context(viewport=PHONE)` gives another context (phone width, or a fresh one for a
copied URL); `seeds` imports seeds/ into the server's database; `screenshot(page, name)`
saves a full-page PNG under test-results/screenshots/. Every context fails its test at
teardown on an uncaught script error, a stylesheet, script, image or font that did not
load, or any request leaving the live server (assets are vendored, never from a CDN).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.helpers import DESKTOP
from tests.conftest import SEEDS

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; never a browser Playwright downloads
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where chromium's sandbox will not start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine has no internet: chromium's own fetches would only fail and slow it down.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000  # a local page that takes longer than this is a failure, not a slow test
ASSET_TYPES = {"stylesheet", "script", "image", "font"}
HERE = Path(__file__).resolve().parent


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items: list[pytest.Item]):
    # Marks go on before `-m` deselects; the reorder comes after pytest-django's own.
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
    result = yield
    items.sort(key=lambda item: HERE in item.path.parents)  # stable: browser tests last
    return result


@pytest.fixture(scope="session")
def _serialized_database(django_db_setup) -> str:
    """The test database as migrated (taxonomy, Editors group), before any loop runs."""
    from django.db import connection

    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture(scope="session")
def playwright(_serialized_database, playwright):
    # Playwright's sync API leaves an asyncio loop running on this thread, so Django takes
    # every ORM call in a test (and the flush after it) for async code and refuses it.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # With a loop running, asgiref hands this thread another connection object than
        # the one the database was set up (and serialized) on. Without the serialized
        # data on it, serialized_rollback has nothing to restore after the first flush,
        # and every later browser test would find the taxonomy and the Editors group gone.
        from django.db import connection

        if _serialized_database is not None:
            connection._test_serialized_contents = _serialized_database
        yield playwright


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium with apt-get")
    return {
        "headless": True,  # --headed still wins: it is in the plugin's arguments
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    """The live server's root, so tests write `page.goto("/events/3/")`."""
    return live_server.url


@pytest.fixture
def page_problems() -> list[str]:
    """What went wrong in this test's pages so far; the test fails if any remain at the end."""
    return []


@pytest.fixture
def new_context(new_context, base_url: str, page_problems: list[str]) -> Iterator[Callable]:
    def watched_context(**kwargs):
        context = new_context(**{"viewport": DESKTOP, **kwargs})
        context.set_default_timeout(TIMEOUT_MS)
        _watch(context, base_url, page_problems)
        return context

    yield watched_context
    assert not page_problems, "problems in the browser:\n" + "\n".join(page_problems)


def _watch(context, base_url: str, problems: list[str]) -> None:
    # Nothing leaves the machine: an off-site request is aborted as well as reported.
    context.route(re.compile(rf"^(?!{re.escape(base_url)})"), lambda route: route.abort())

    def on_request(request) -> None:
        if not request.url.startswith((base_url, "data:", "about:", "blob:")):
            problems.append(f"request off the live server: {request.url}")

    def on_response(response) -> None:
        if response.request.resource_type in ASSET_TYPES and response.status >= 400:
            problems.append(f"{response.status} for {response.url}")

    def on_failed(request) -> None:
        # ERR_ABORTED: the page was left (the test navigated on) while the asset was still
        # loading. A missing asset shows as its status above, a blocked one as its reason.
        if request.resource_type in ASSET_TYPES and request.failure != "net::ERR_ABORTED":
            problems.append(f"{request.resource_type} failed: {request.url} ({request.failure})")

    context.on("request", on_request)
    context.on("response", on_response)
    context.on("requestfailed", on_failed)
    context.on("weberror", lambda error: problems.append(f"uncaught script error: {error.error}"))


@pytest.fixture
def seeds() -> list:
    """Import seeds/ into the database the live server reads; the import outcomes."""
    from timeline.services import reports_import_files

    outcomes = list(reports_import_files(paths=[SEEDS]))
    assert [o for o in outcomes if o.failed] == []
    return outcomes


@pytest.fixture(scope="session")
def screenshot_dir(pytestconfig: pytest.Config) -> Path:
    # Under pytest-playwright's --output (test-results/), which it empties at each start.
    return Path(pytestconfig.getoption("--output")).absolute() / "screenshots"


@pytest.fixture
def screenshot(screenshot_dir: Path) -> Callable:
    """`screenshot(page, "timeline-phone")` saves a full-page PNG and returns its path."""

    def take(page, name: str) -> Path:
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take
