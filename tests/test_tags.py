import pytest

from tests.conftest import make_event
from timeline.models import Actor, Event, Region, Topic
from timeline.selectors.tags import tags_load

pytestmark = pytest.mark.django_db


def shown(event):
    return {
        field: [
            (t.pk, t.slug, t.name, getattr(t, "kind", None)) for t in getattr(event, field).all()
        ]
        for field in ("regions", "actors", "topics")
    }


def test_one_query_loads_what_prefetching_would(django_assert_num_queries):
    make_event(
        regions=list(Region.objects.filter(slug__in=["kharkiv", "kyiv"])),
        actors=list(Actor.objects.filter(slug__in=["russia", "nato"])),
        topics=list(Topic.objects.filter(slug__in=["talks", "battlefield"])),
    )
    make_event()  # no tags at all
    expected = [
        shown(e)
        for e in Event.objects.order_by("pk").prefetch_related("regions", "actors", "topics")
    ]
    events = list(Event.objects.order_by("pk"))
    with django_assert_num_queries(1):
        tags_load(events)
        got = [shown(e) for e in events]
    assert got == expected
