"""Editors' writes: each decision is kept, recorded in history, and survives re-extraction."""

import datetime as dt

import pytest

from tests.conftest import make_event, report_text
from timeline import curation, services
from timeline.models import Event, Region, Report, Topic
from timeline.services import report_import, report_reextract

pytestmark = pytest.mark.django_db

BODY = (
    "Russian forces shelled Kharkiv on Tuesday, killing two people.\n\n"
    "Ukraine's foreign minister Dmytro Kuleba met NATO officials in Brussels on Monday."
)
RETOLD = "Two people were killed when Russian troops shelled Kharkiv on Tuesday, officials said."
TWO_SENTENCES = (
    "Russian forces shelled Kharkiv on Tuesday, killing two people. "
    "The shelling also damaged a school and a hospital, the city's mayor said."
)


def imported(body: str, **front) -> Report:
    return Report.objects.get(pk=report_import(text=report_text(body, **front)).report_id)


def reextract(report: Report) -> services.ReextractOutcome:
    return report_reextract(report, extractor=services.ReportExtractor(services.gazetteer_load()))


@pytest.fixture
def report() -> Report:
    return imported(BODY)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", is_staff=True)


def versions(event: Event) -> list[tuple[str, str, str | None]]:
    """(type, reason, username) of an event's history, oldest first."""
    return [
        (h.history_type, h.history_change_reason, h.history_user and h.history_user.username)
        for h in event.history.order_by("history_date", "history_id")
    ]


@pytest.mark.parametrize(
    ("change", "before", "after"),
    [
        (curation.event_review, Event.Status.UNREVIEWED, Event.Status.REVIEWED),
        (curation.event_review, Event.Status.HIDDEN, Event.Status.REVIEWED),
        (curation.event_hide, Event.Status.UNREVIEWED, Event.Status.HIDDEN),
        (curation.event_hide, Event.Status.REVIEWED, Event.Status.HIDDEN),
        (curation.event_restore, Event.Status.HIDDEN, Event.Status.REVIEWED),
        (curation.event_restore, Event.Status.MERGED, Event.Status.REVIEWED),
    ],
)
def test_status_changes(change, before, after, editor):
    target = make_event()
    event = make_event(status=before, merged_into=target if before == "merged" else None)
    assert change(event=event, user=editor) is True
    event.refresh_from_db()
    assert (event.status, event.merged_into) == (after, None)
    assert versions(event)[-1][2] == "editor"


@pytest.mark.parametrize(
    ("change", "status"),
    [
        (curation.event_review, Event.Status.REVIEWED),
        (curation.event_review, Event.Status.MERGED),
        (curation.event_hide, Event.Status.HIDDEN),
        (curation.event_hide, Event.Status.MERGED),
        (curation.event_restore, Event.Status.UNREVIEWED),
        (curation.event_restore, Event.Status.REVIEWED),
    ],
)
def test_status_changes_that_do_not_apply_leave_the_event_alone(change, status):
    event = make_event(status=status)
    assert change(event=event) is False
    event.refresh_from_db()
    assert event.status == status


@pytest.mark.parametrize(
    ("change", "status"),
    [(curation.event_review, "reviewed"), (curation.event_hide, "hidden")],
)
def test_a_decision_survives_reextraction(report, change, status):
    event = report.events.get(position=0)
    change(event=event)
    outcome = reextract(report)
    assert (outcome.kept, outcome.added, outcome.removed) == (1, 0, 0)
    assert report.events.count() == 2
    assert report.events.get(pk=event.pk).status == status


def test_a_hidden_event_leaves_the_timeline_and_a_restored_one_comes_back(report):
    event = report.events.get(position=0)
    curation.event_hide(event=event)
    assert not Event.objects.visible().filter(pk=event.pk).exists()
    curation.event_restore(event=event)
    assert Event.objects.visible().filter(pk=event.pk).exists()
    reextract(report)
    assert report.events.get(pk=event.pk).status == Event.Status.REVIEWED


def test_the_first_change_records_the_event_as_imported_first(report, editor):
    event = report.events.get(position=0)
    assert not event.history.exists()  # imports store events in bulk
    curation.event_hide(event=event, user=editor)
    assert versions(event) == [("+", "As imported", None), ("~", "Hidden", "editor")]
    first = event.history.earliest("history_date")
    assert first.status == Event.Status.UNREVIEWED
    assert {r.region.slug for r in first.regions.all()} == {"kharkiv"}


@pytest.mark.parametrize("setting", [False, True])
def test_visible_events(settings, setting):
    settings.TIMELINE_REVIEWED_ONLY = setting
    shown = {make_event(status=s).status for s in Event.Status}
    visible = set(Event.objects.visible().values_list("status", flat=True))
    assert visible == ({"reviewed"} if setting else {"reviewed", "unreviewed"})
    assert shown == set(Event.Status)


# --- merge


@pytest.fixture
def told_twice(report):
    """The same shelling told by two reports, and another event of the first report."""
    other = imported(RETOLD, published="2022-05-19", title="Another report")
    first = report.events.get(position=0)
    second = other.events.get()
    second.topics.set([Topic.objects.get(slug="aid")])
    return first, second, report.events.get(position=1)


def test_merge_keeps_the_chosen_headline_and_date_and_every_tag_and_source(told_twice, editor):
    first, second, _ = told_twice
    second.date = dt.date(2022, 5, 16)
    second.save()
    texts, title = (first.text, second.text), first.title
    survivor = curation.event_merge(
        events=[second, first], title_from=first, date_from=second, user=editor
    )
    assert survivor.pk == first.pk
    survivor.refresh_from_db()
    assert (survivor.title, survivor.date) == (title, dt.date(2022, 5, 16))
    assert survivor.text == f"{texts[1]}\n\n{texts[0]}"  # in date order
    assert survivor.edited and survivor.quote == texts[0]
    assert set(survivor.topics.values_list("slug", flat=True)) >= {"aid", "battlefield"}
    assert list(survivor.sources.all()) == [second.report]
    second.refresh_from_db()
    assert (second.status, second.merged_into) == (Event.Status.MERGED, survivor)
    assert list(Event.objects.visible().filter(pk__in=[first.pk, second.pk])) == [survivor]
    assert versions(second)[-1] == ("~", f"Merged into #{first.pk}", "editor")
    assert versions(survivor)[-1] == ("~", f"Merged with #{second.pk}", "editor")
    merged_version = survivor.history.latest("history_date")
    assert {r.report_id for r in merged_version.sources.all()} == {second.report_id}


def test_after_a_merge_reextraction_neither_resurrects_nor_duplicates(told_twice):
    first, second, untouched = told_twice
    curation.event_merge(events=[first, second], title_from=first, date_from=first)
    before = set(Event.objects.values_list("pk", "status", "text"))
    for report in Report.objects.all():
        outcome = reextract(report)
        assert outcome.added == 0 and outcome.removed == 0
    assert set(Event.objects.values_list("pk", "status", "text")) == before
    assert Event.objects.visible().count() == 2  # the merged event and the untouched one
    assert Event.objects.visible().filter(pk=untouched.pk).exists()


def test_merging_again_moves_earlier_merges_to_the_new_survivor(told_twice):
    first, second, third = told_twice
    curation.event_merge(events=[first, second], title_from=first, date_from=first)
    curation.event_merge(events=[third, first], title_from=third, date_from=third)
    assert set(third.absorbed.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert set(third.sources.all()) == {second.report}  # first's report is third's own


def test_restoring_a_merged_event_brings_it_back(told_twice):
    first, second, _ = told_twice
    curation.event_merge(events=[first, second], title_from=first, date_from=first)
    second.refresh_from_db()
    curation.event_restore(event=second)
    assert Event.objects.visible().filter(pk=second.pk).exists()


def test_merge_refuses_what_makes_no_sense(told_twice):
    first, second, third = told_twice
    with pytest.raises(curation.CurationError, match="at least two"):
        curation.event_merge(events=[first, first], title_from=first, date_from=first)
    with pytest.raises(curation.CurationError, match="selected events"):
        curation.event_merge(events=[first, second], title_from=third, date_from=first)
    curation.event_merge(events=[first, second], title_from=first, date_from=first)
    second.refresh_from_db()
    with pytest.raises(curation.CurationError, match="already merged"):
        curation.event_merge(events=[second, third], title_from=third, date_from=third)


# --- split


@pytest.fixture
def long_event():
    report = imported(TWO_SENTENCES)
    (event,) = report.events.all()
    event.sources.add(make_event().report)
    return event


def test_split_at_a_sentence_boundary(long_event, editor):
    first_sentence, second_sentence = TWO_SENTENCES.split(" The shelling ")
    new = curation.event_split(event=long_event, at=1, user=editor)
    long_event.refresh_from_db()
    assert (long_event.text, long_event.quote) == (first_sentence, first_sentence)
    assert new.text == new.quote == f"The shelling {second_sentence}"
    assert new.title and new.title != long_event.title
    assert long_event.edited and new.edited
    assert (new.report, new.date, new.status) == (long_event.report, long_event.date, "unreviewed")
    for field in ("regions", "actors", "topics", "sources"):
        assert set(getattr(new, field).all()) == set(getattr(long_event, field).all())
    assert versions(new) == [("+", f"Split from #{long_event.pk}", "editor")]
    assert versions(long_event)[-1] == ("~", f"Split: the rest is now #{new.pk}", "editor")


def test_after_a_split_reextraction_keeps_both_and_adds_nothing(long_event):
    new = curation.event_split(event=long_event, at=1)
    outcome = reextract(long_event.report)
    assert (outcome.kept, outcome.added, outcome.removed) == (2, 0, 0)
    assert set(long_event.report.events.values_list("pk", flat=True)) == {long_event.pk, new.pk}


def test_split_of_an_edited_text_keeps_the_whole_quote_on_the_first_part(long_event):
    long_event.text = "An editor's first sentence. An editor's second one. And a third."
    long_event.save()
    new = curation.event_split(event=long_event, at=2)
    long_event.refresh_from_db()
    assert long_event.text == "An editor's first sentence. An editor's second one."
    assert (new.text, new.quote) == ("And a third.", "")
    assert long_event.quote == TWO_SENTENCES
    assert reextract(long_event.report).added == 0


@pytest.mark.parametrize("at", [0, 2, -1])
def test_split_needs_a_boundary_inside_the_text(long_event, at):
    with pytest.raises(curation.CurationError):
        curation.event_split(event=long_event, at=at)


def test_text_sentences_keep_paragraphs_apart():
    text = "First one. Second one\n\nA paragraph without a full stop\nLast."
    assert curation.text_sentences(text) == [
        (0, "First one."),
        (11, "Second one"),
        (23, "A paragraph without a full stop"),
        (55, "Last."),
    ]


# --- re-tag


def test_retag_applies_the_taxonomy_to_untouched_events_only(report, editor):
    untouched, decided = report.events.order_by("position")
    curation.event_review(event=decided)
    Event.regions.through.objects.all().delete()
    Event.actors.through.objects.all().delete()
    outcome = curation.events_retag(user=editor)
    assert (outcome.checked, outcome.changed) == (1, 1)
    assert set(untouched.regions.values_list("slug", flat=True)) == {"kharkiv"}
    assert not decided.regions.exists() and not decided.actors.exists()
    assert versions(untouched)[-1] == ("~", "Re-tagged with the current taxonomy", "editor")
    assert curation.events_retag() == curation.RetagOutcome(checked=1, changed=0)


def test_retag_follows_a_taxonomy_change(report):
    event = report.events.get(position=0)
    Region.objects.filter(slug="kharkiv").delete()
    assert not event.regions.exists()
    Region.objects.create(slug="kharkiv-city", name="Kharkiv", kind=Region.Kind.CITY)
    assert curation.events_retag().changed == 1
    assert set(event.regions.values_list("slug", flat=True)) == {"kharkiv-city"}


def test_edit_records_fields_and_tags_as_one_version(report, editor):
    event = report.events.get(position=0)
    event.title = "Editor's headline"
    curation.event_edit(event=event)
    event.regions.clear()
    event.topics.set([Topic.objects.get(slug="talks")])
    curation.event_edit_done(event=event, user=editor, reason="Changed title.")
    assert versions(event) == [("+", "As imported", None), ("~", "Changed title.", "editor")]
    latest = event.history.latest("history_date")
    assert latest.title == "Editor's headline" and latest.edited
    assert [t.topic.slug for t in latest.topics.all()] == ["talks"]
    assert not latest.regions.exists()
    assert reextract(report).kept == 1


def test_a_long_reason_fits_the_history(told_twice):
    first, second, third = told_twice
    many = [first, second, third, *(make_event(report=third.report) for _ in range(30))]
    curation.event_merge(events=many, title_from=third, date_from=third)
    reason = third.history.latest("history_date").history_change_reason
    assert reason.startswith("Merged with #") and len(reason) == 100
