import pytest

from tests.conftest import make_event
from timeline.models import EventPlace, Region
from timeline.places import places_rebuild, places_sync

pytestmark = pytest.mark.django_db


def places(event):
    return set(EventPlace.objects.filter(event=event).values_list("region__slug", flat=True))


def test_an_event_is_in_its_town_its_oblast_and_its_country():
    event = make_event(regions=[Region.objects.get(slug="kharkiv")])
    assert places(event) == {"kharkiv", "kharkiv-oblast", "ukraine"}


def test_retagging_follows_the_tags():
    event = make_event(regions=[Region.objects.get(slug="kharkiv")])
    event.regions.set([Region.objects.get(slug="kherson")])
    assert places(event) == {"kherson", "kherson-oblast", "ukraine"}
    event.regions.clear()
    assert places(event) == set()


def test_moving_a_region_in_the_tree_moves_its_events():
    town = Region.objects.create(slug="testville", name="Testville", kind="city")
    event = make_event(regions=[town])
    assert places(event) == {"testville"}
    town.parent = Region.objects.get(slug="odesa-oblast")
    town.save()
    assert places(event) == {"testville", "odesa-oblast", "ukraine"}


def test_sync_and_rebuild_agree():
    first = make_event(regions=[Region.objects.get(slug="kharkiv")])
    second = make_event(
        regions=[Region.objects.get(slug="mariupol"), Region.objects.get(slug="kyiv")]
    )
    synced = {e.pk: places(e) for e in (first, second)}
    EventPlace.objects.all().delete()
    places_rebuild()
    assert {e.pk: places(e) for e in (first, second)} == synced
    EventPlace.objects.all().delete()
    places_sync([first.pk, second.pk])
    assert {e.pk: places(e) for e in (first, second)} == synced


def test_a_loop_in_the_tree_does_not_hang():
    a = Region.objects.create(slug="loop-a", name="A", kind="area")
    b = Region.objects.create(slug="loop-b", name="B", kind="area", parent=a)
    Region.objects.filter(pk=a.pk).update(parent=b)  # an editor's mistake, saved around the form
    event = make_event(regions=[a])
    assert places(event) == {"loop-a", "loop-b"}
