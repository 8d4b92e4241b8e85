import datetime as dt

import feedparser
import pytest

from tests.conftest import make_event
from timeline.models import Event, Region, Topic

pytestmark = pytest.mark.django_db

FORMATS = [("/feed.atom", "atom10"), ("/feed.rss", "rss20")]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.fixture
def kherson_battles():
    kherson, battlefield = Region.objects.get(slug="kherson"), Topic.objects.get(slug="battlefield")
    return [
        make_event(
            title=f"Fighting near Kherson {n}",
            date=dt.date(2022, 1, 1) + dt.timedelta(days=n),
            regions=[kherson],
            topics=[battlefield],
        )
        for n in range(3)
    ]


@pytest.mark.parametrize(("path", "version"), FORMATS)
def test_feeds_are_valid_and_describe_the_filter(client, kherson_battles, path, version):
    make_event(title="Elsewhere")
    response, feed = parse(client, f"{path}?region=kherson&topic=battlefield")
    assert feed.version == version
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Kherson · Battlefield · Conflict timeline"
    assert feed.feed.link == "http://testserver/?region=kherson&topic=battlefield"
    assert [e.title for e in feed.entries] == [
        "Fighting near Kherson 2",
        "Fighting near Kherson 1",
        "Fighting near Kherson 0",
    ]
    assert response["Last-Modified"]


@pytest.mark.parametrize(("path", "version"), FORMATS)
def test_an_unfiltered_feed_is_all_events(client, path, version):
    _, feed = parse(client, path)
    assert feed.version == version and not feed.bozo
    assert feed.feed.title == "All events · Conflict timeline"
    assert feed.entries == []


@pytest.mark.parametrize(("path", "version"), FORMATS)
def test_entries_link_to_permalinks_with_stable_ids(client, kherson_battles, path, version):
    _, feed = parse(client, path)
    _, again = parse(client, f"{path}?sort=oldest&page=3")  # sort and page change nothing
    event = kherson_battles[-1]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver{event.get_absolute_url()}"
    assert entry.id == entry.link
    assert [e.id for e in again.entries] == [e.id for e in feed.entries]
    assert {t.term for t in entry.tags} == {"Battlefield", "Kherson"}


def test_atom_entries_carry_published_and_updated_times(client, kherson_battles):
    _, feed = parse(client, "/feed.atom")
    event = kherson_battles[-1]
    entry = feed.entries[0]
    assert entry.published.startswith("2022-05-18")  # when the report came out
    assert dt.datetime.fromisoformat(entry.updated) == event.updated
    assert dt.datetime.fromisoformat(feed.feed.updated) == event.updated


def test_an_edit_changes_the_updated_time_not_the_id(client, kherson_battles):
    _, before = parse(client, "/feed.atom")
    event = kherson_battles[-1]
    event.text = "Corrected by an editor."
    event.save()
    _, after = parse(client, "/feed.atom")
    assert after.entries[0].id == before.entries[0].id
    assert after.entries[0].updated > before.entries[0].updated


@pytest.mark.parametrize(("path", "version"), FORMATS)
def test_feeds_hold_the_fifty_most_recent_visible_events(client, path, version):
    report = make_event(title="The oldest", date=dt.date(2021, 1, 1)).report
    Event.objects.bulk_create(
        Event(
            report=report,
            date=dt.date(2022, 1, 1) + dt.timedelta(days=n),
            title=f"Event {n}",
            text="t",
            position=n,
        )
        for n in range(1, 51)
    )
    make_event(title="Hidden", date=dt.date(2023, 1, 1), status=Event.Status.HIDDEN)
    _, feed = parse(client, path)
    titles = [e.title for e in feed.entries]
    assert len(titles) == 50
    assert titles[0] == "Event 50" and "The oldest" not in titles and "Hidden" not in titles


@pytest.mark.parametrize(("path", "version"), FORMATS)
def test_report_text_arrives_as_text(client, path, version):
    make_event(title="<b>bold</b> & co", text="<script>alert(1)</script>")
    response, feed = parse(client, path)
    assert b"<script>" not in response.content
    (entry,) = feed.entries
    assert entry.title == "<b>bold</b> & co"  # a text title, escaped once for XML
    # The description is HTML: a reader renders the tags as text, never runs them.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in entry.summary


@pytest.mark.parametrize(("path", "version"), FORMATS)
def test_control_characters_cannot_break_a_feed(client, path, version):
    make_event(title="Kharkiv\x08 shelled", text="Shells fell\x0c on \x1fKharkiv.")
    _response, feed = parse(client, f"{path}?q=%08kharkiv")
    assert not feed.bozo, feed.get("bozo_exception")
    (entry,) = feed.entries
    assert entry.title == "Kharkiv shelled"
    assert "Shells fell on Kharkiv." in entry.summary


@pytest.mark.parametrize(("path", "version"), FORMATS)
def test_feed_queries_are_bounded(
    client, kherson_battles, path, version, django_assert_max_num_queries
):
    for n in range(20):
        make_event(title=f"More {n}", topics=list(Topic.objects.filter(slug="battlefield")))
    with django_assert_max_num_queries(8):
        client.get(f"{path}?topic=battlefield")
