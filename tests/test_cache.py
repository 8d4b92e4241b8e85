import pytest

from tests.conftest import make_event
from timeline.cache import data_changed, data_version

pytestmark = pytest.mark.django_db


def test_every_write_moves_the_version_on():
    before = data_version()
    event = make_event()
    after_create = data_version()
    event.title = "Changed"
    event.save()
    assert before < after_create < data_version()
    data_changed()
    assert data_version() > after_create + 1


def test_a_cached_page_is_never_stale(client):
    make_event(title="First event")
    assert "First event" in client.get("/").content.decode()
    with_cache = client.get("/")
    assert "First event" in with_cache.content.decode()
    make_event(title="Second event")
    assert "Second event" in client.get("/").content.decode()


def test_cached_pages_answer_with_one_query(client, django_assert_max_num_queries):
    make_event(title="Cached")
    client.get("/?topic=battlefield")
    with django_assert_max_num_queries(1):
        response = client.get("/?topic=battlefield")
    assert response.status_code == 200


def test_the_page_and_its_htmx_partial_are_cached_apart(client):
    make_event(title="Either way")
    full = client.get("/").content.decode()
    partial = client.get("/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" in full and "<html" not in partial
    assert "<html" not in client.get("/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" in client.get("/").content.decode()
