import datetime as dt
import html as html_lib
import re

import pytest

from tests.conftest import make_event
from timeline.models import Region, Topic

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def kherson():
    kherson, battlefield = Region.objects.get(slug="kherson"), Topic.objects.get(slug="battlefield")
    return [
        make_event(
            title=title,
            date=dt.date(2022, 11, day),
            regions=[kherson],
            topics=[battlefield],
        )
        for day, title in [
            (9, "Withdrawal announced"),
            (10, "Bridges blown"),
            (11, "Kherson retaken"),
            (3, "Older fighting"),
        ]
    ]


def meta(html: str) -> dict[str, str]:
    """The page's <meta property|name=... content=...> tags, unescaped."""
    found = re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html)
    return {key: html_lib.unescape(value) for key, value in found}


def test_timeline_previews_describe_the_filter_and_its_latest_events(client, kherson):
    html = client.get("/?region=kherson&topic=battlefield").content.decode()
    tags = meta(html)
    assert tags["og:title"] == "4 events · Kherson · Battlefield"
    assert tags["twitter:title"] == tags["og:title"]
    assert tags["og:type"] == "website"
    assert tags["og:url"] == "http://testserver/?region=kherson&topic=battlefield"
    assert tags["og:description"] == (
        "Latest: Kherson retaken (11 November 2022); Bridges blown (10 November 2022); "
        "Withdrawal announced (9 November 2022)."
    )
    assert tags["twitter:card"] == "summary"
    assert (
        '<link rel="canonical" href="http://testserver/?region=kherson&amp;topic=battlefield">'
        in html
    )


def test_previews_name_the_events_the_link_opens_on(client, kherson):
    tags = meta(client.get("/?sort=oldest").content.decode())
    assert tags["og:description"].startswith("Earliest: Older fighting (3 November 2022);")
    for n in range(55):
        make_event(title=f"Event {n}", date=dt.date(2022, 1, 1) + dt.timedelta(days=n))
    tags = meta(client.get("/?page=2").content.decode())
    assert tags["og:description"].startswith("Page 2, newest first: Event 8 (9 January 2022);")


def test_an_empty_view_still_previews(client):
    tags = meta(client.get("/?topic=battlefield").content.decode())
    assert tags["og:title"] == "0 events · Battlefield"
    assert tags["og:description"] == "No events match these filters yet."


def test_preview_text_is_escaped(client):
    make_event(title='"><script>alert(1)</script>')
    html = client.get("/").content.decode()
    head = html.split("</head>")[0]
    assert "<script>alert(1)" not in head
    assert meta(html)["og:description"].startswith('Latest: "><script>alert(1)</script>')


def test_permalink_previews_the_event(client, kherson):
    event = kherson[2]
    tags = meta(client.get(event.get_absolute_url()).content.decode())
    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Kherson retaken"
    assert tags["og:url"] == f"http://testserver{event.get_absolute_url()}"
    assert tags["og:description"] == event.text
    assert "article:modified_time" in tags


def test_timeline_links_its_feeds_and_exports_with_its_query(client, kherson):
    html = client.get("/?region=kherson&sort=oldest&topic=battlefield").content.decode()
    query = "?region=kherson&amp;sort=oldest&amp;topic=battlefield"
    feed_query = "?region=kherson&amp;topic=battlefield"
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="4 events · Kherson · Battlefield (Atom)" href="/feed.atom{feed_query}">'
    ) in html
    assert 'type="application/rss+xml"' in html
    for href in (
        f"/events.csv{query}",
        f"/events.json{query}",
        f"/events.timelinejs.json{query}",
        f"/feed.atom{feed_query}",
        f"/feed.rss{feed_query}",
        f"http://testserver/embed/{query}",
    ):
        assert f'href="{href}"' in html, href


def test_export_links_leave_the_page_out(client):
    for n in range(55):
        make_event(title=f"Event {n}")
    html = client.get("/?page=2").content.decode()
    assert 'href="/events.csv" download' in html
    assert 'value="http://testserver/?page=2"' in html  # the link itself names the page


def test_copy_link_works_without_javascript(client, kherson):
    html = client.get("/?topic=battlefield").content.decode()
    field = re.search(r'<input id="share-url"[^>]*>', html)[0]
    assert 'value="http://testserver/?topic=battlefield"' in field and "readonly" in field
    assert '<label for="share-url">' in html
    # The button needs the Clipboard API: hidden until timeline.js shows it.
    assert re.search(
        r'<button type="button" class="button copy-link" data-copy="share-url" hidden>', html
    )


def test_embed_code_is_ready_to_paste(client, kherson):
    html = client.get("/?region=kherson&topic=battlefield").content.decode()
    code = html_lib.unescape(
        re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', html, re.S)[1]
    )
    assert code.startswith(
        '<iframe src="http://testserver/embed/?region=kherson&amp;topic=battlefield"'
    )


def test_a_filter_change_by_htmx_updates_the_link(client, kherson):
    html = client.get("/?topic=battlefield", **HTMX).content.decode()
    assert 'value="http://testserver/?topic=battlefield"' in html
    assert 'href="/events.csv?topic=battlefield"' in html


def test_permalink_has_a_copy_link_without_exports(client, kherson):
    event = kherson[0]
    html = client.get(event.get_absolute_url()).content.decode()
    assert f'value="http://testserver{event.get_absolute_url()}"' in html
    assert "/events.csv" not in html


@pytest.mark.parametrize("path", ["/", "/?topic=battlefield", "/events/{pk}/"])
def test_site_pages_refuse_to_be_framed(client, kherson, path):
    response = client.get(path.format(pk=kherson[0].pk))
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_only_the_embed_may_be_framed(client, kherson):
    response = client.get("/embed/?topic=battlefield")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy and "frame-ancestors 'none'" not in policy


def test_embed_links_open_outside_the_frame(client, kherson):
    html = client.get("/embed/").content.decode()
    assert '<base target="_blank">' in html
    assert f'href="{kherson[0].get_absolute_url()}"' in html
