import pytest

from timeline.models import Actor, Region, Topic
from timeline.taxonomy import gazetteer_data, taxonomy_load, topics_data

GUIDELINE_TOPICS = [
    "battlefield", "talks", "sanctions", "humanitarian",
    "aid", "energy", "nuclear", "accountability",
]  # fmt: skip

pytestmark = pytest.mark.django_db


def test_the_eight_topics_exist_after_migrate():
    assert list(Topic.objects.values_list("slug", flat=True)) == GUIDELINE_TOPICS
    assert all(t.patterns.strip() and t.description for t in Topic.objects.all())


def test_the_gazetteer_is_loaded_with_its_tree():
    assert Region.objects.count() == len(gazetteer_data()["regions"])
    assert Actor.objects.count() == len(gazetteer_data()["actors"])
    kyiv = Region.objects.get(name="Kyiv", kind=Region.Kind.CITY)
    assert kyiv.latitude and kyiv.longitude
    assert kyiv.parent is not None
    assert Actor.objects.get(name="Dmitry Peskov").affiliation.name == "Russia"


def test_loading_again_keeps_editors_changes_and_adds_nothing():
    topic = Topic.objects.get(slug="talks")
    topic.patterns = r"\bnegotiat\w*"
    topic.save()
    added = taxonomy_load(region_model=Region, actor_model=Actor, topic_model=Topic)
    assert (added.regions, added.actors, added.topics) == (0, 0, 0)
    assert Topic.objects.get(slug="talks").patterns == r"\bnegotiat\w*"
    assert len(topics_data()) == 8
