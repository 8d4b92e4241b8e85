import datetime as dt

import pytest
from django.urls import reverse

from tests.conftest import make_event
from timeline.models import Event, Region, Topic

pytestmark = pytest.mark.django_db


def test_index_lists_events_newest_first_grouped_by_date(client):
    make_event(date=dt.date(2022, 3, 1), title="Older event")
    make_event(date=dt.date(2022, 3, 30), title="Newer event")
    make_event(date=dt.date(2022, 3, 30), title="Same day event")
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Newer event") < html.index("Older event")
    assert html.count('class="day"') == 2
    assert "Wednesday 30 March 2022" in html
    assert "3 events" in html


def test_index_shows_tags_source_and_permalink(client):
    event = make_event(
        regions=[Region.objects.get(slug="kharkiv")], topics=[Topic.objects.get(slug="battlefield")]
    )
    html = client.get("/").content.decode()
    assert "Kharkiv" in html
    assert "Battlefield" in html
    assert "Test Wire" in html
    assert event.get_absolute_url() in html


def test_hidden_events_are_not_shown(client):
    make_event(title="Visible one")
    make_event(title="Hidden one", status=Event.Status.HIDDEN)
    html = client.get("/").content.decode()
    assert "Visible one" in html
    assert "Hidden one" not in html


def test_month_precision_is_shown_as_a_month(client):
    make_event(date=dt.date(2022, 9, 1), precision="month")
    assert "September 2022" in client.get("/").content.decode()


def test_text_is_escaped(client):
    make_event(text="<script>alert(1)</script>")
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_index_queries_are_bounded(client, django_assert_max_num_queries):
    for n in range(60):
        make_event(title=f"Event {n}", regions=[Region.objects.get(slug="kharkiv")])
    with django_assert_max_num_queries(7):
        response = client.get("/")
    assert response.content.decode().count("<article") == 50


@pytest.mark.parametrize("page", ["2", "999", "-3", "banana"])
def test_any_page_number_renders(client, page):
    make_event()
    assert client.get("/", {"page": page}).status_code == 200


def test_empty_timeline_explains_how_to_import(client):
    assert "import_reports" in client.get("/").content.decode()


def test_permalink(client):
    event = make_event(title="A permalinked event")
    response = client.get(reverse("timeline:event_detail", args=[event.pk]))
    assert response.status_code == 200
    assert "A permalinked event" in response.content.decode()


def test_hidden_event_permalink_is_not_found(client):
    event = make_event(status=Event.Status.HIDDEN)
    assert client.get(event.get_absolute_url()).status_code == 404
