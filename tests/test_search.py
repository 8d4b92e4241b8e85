import pytest
from django.db import connection

from tests.conftest import make_event
from timeline.models import Event
from timeline.search import fts5_query, matching_condition, matching_ids

pytestmark = pytest.mark.django_db


def found(text):
    return set(Event.objects.filter(matching_condition(text)).values_list("title", flat=True))


@pytest.fixture
def events():
    make_event(title="Grain deal extended", text="The Black Sea grain corridor stays open.")
    make_event(title="Shelling in Kharkiv", text="Russian forces shelled the city overnight.")
    make_event(title="Talks resume", text="Delegations met in Istanbul for peace talks.")


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("grain", {"Grain deal extended"}),
        ("GRAIN corridor", {"Grain deal extended"}),
        ("grain kharkiv", set()),  # every word must match
        ("kharkiv", {"Shelling in Kharkiv"}),
        ("delegations istanbul", {"Talks resume"}),
        ("", {"Grain deal extended", "Shelling in Kharkiv", "Talks resume"}),
    ],
)
def test_every_word_must_match_in_headline_or_text(events, query, titles):
    assert found(query) == titles


@pytest.mark.parametrize(
    "query", ['"', "grain OR shelling", "NEAR(grain", "title:grain", "*", "'; DROP TABLE x; --"]
)
def test_search_syntax_and_sql_in_the_query_are_just_words(events, query):
    found(query)  # never raises


def test_edits_are_searchable_at_once(events):
    event = Event.objects.get(title="Talks resume")
    event.text = "A prisoner exchange was agreed."
    event.save()
    assert found("prisoner") == {"Talks resume"}
    assert found("istanbul") == set()


def test_fts5_query_quotes_every_word():
    assert fts5_query(['say "hi"', "x"]) == '"say ""hi"""* "x"*'


def ids_found(text):
    return set(Event.objects.filter(matching_condition(text)).values_list("pk", flat=True))


def test_bulk_writes_and_deletes_keep_the_index_right(events):
    Event.objects.filter(title="Shelling in Kharkiv").update(title="Drone strike in Odesa")
    assert found("odesa") == {"Drone strike in Odesa"}
    assert found("kharkiv") == set()  # the old headline's words are gone
    Event.objects.bulk_create(
        [Event(report=Event.objects.first().report, date="2022-05-19", title="Grain ships sail",
               text="Three ships left port.", position=9)]
    )  # fmt: skip
    assert found("ships") == {"Grain ships sail"}
    gone = Event.objects.get(title="Grain deal extended").pk
    Event.objects.filter(pk=gone).delete()
    ids = matching_ids("grain")
    with connection.cursor() as cursor:  # the index's own ids, not joined to events
        cursor.execute(ids.sql, ids.params)
        assert gone not in {row[0] for row in cursor.fetchall()}
    assert found("grain") == {"Grain ships sail"}
