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


def test_event_tags_link_each_tag_into_the_current_view():
    from django.template import Context, Template

    from timeline.filters import TimelineFilters

    event = make_event(
        regions=list(Region.objects.filter(slug="kharkiv")),
        actors=list(Actor.objects.filter(slug="russia")),
        topics=list(Topic.objects.filter(slug="talks")),
    )
    tags_load([event])
    html = Template("{% load timeline_tags %}{% event_tags event filters %}").render(
        Context({"event": event, "filters": TimelineFilters(topic=("talks",)), "index_url": "/"})
    )
    assert html.count("<li>") == 3
    assert 'class="tag tag--topic" href="/?topic=talks"' in html  # already in the view
    assert 'href="/?region=kharkiv&amp;topic=talks"' in html
    assert 'class="tag tag--state" href="/?actor=russia&amp;topic=talks"' in html
    assert 'title="Show events in Kharkiv"' in html


def test_event_tags_escape_names():
    from django.template import Context, Template

    actor = Actor.objects.create(name='<b>"Wagner"</b>', slug="wagner-x", kind="group")
    event = make_event(actors=[actor])
    tags_load([event])
    html = Template("{% load timeline_tags %}{% event_tags event None %}").render(
        Context({"event": event})
    )
    assert "<b>" not in html and "&lt;b&gt;&quot;Wagner&quot;&lt;/b&gt;" in html
