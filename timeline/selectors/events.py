"""Reads of events: the filtered timeline, its pages, related events and exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import groupby

from django.core.paginator import Page, Paginator
from django.db.models import F, Q

from ..extraction.cleanup import repair
from ..extraction.frontmatter import FrontMatterError, parse_report
from ..filters import FACETS, TimelineFilters
from ..models import Event, EventPlace, EventQuerySet
from ..search import matching_condition, matching_ids
from .tags import tags_load
from .taxonomy import Taxonomy

EVENTS_PER_PAGE = 50
# From this many matching events on, a page is found by walking the timeline-order index
# and testing each event against the filters; below it, by fetching the matches and
# sorting them (see `events_filtered`).
WALK_FROM_MATCHES = 2000
_UNINDEXED_PK = "unindexed_pk"
RELATED_WINDOW = dt.timedelta(days=14)
RELATED_LIMIT = 6


def tag_links(facet: str):
    """The table linking events to one facet's tags; places include every ancestor."""
    return EventPlace if facet == "region" else getattr(Event, f"{facet}s").through


def event_conditions(
    filters: TimelineFilters, taxonomy: Taxonomy, *, skip: str = "", field: str = "pk"
) -> list[Q]:
    """Conditions on `field` (an event id) that every active filter but `skip` imposes.

    OR within a facet, AND across facets; a region includes every place below it. The
    facet filters nest into one subquery, so the database intersects their (short) lists
    of events before it reads a single row it counts; side by side, it would walk one
    list's rows and test each against the others. On events themselves (`field` other
    than "event_id") dates and text apply directly; on a link table they join the nest.
    """
    dates = Q()
    if filters.date_from:
        dates &= Q(date__gte=filters.date_from)
    if filters.date_to:
        dates &= Q(date__lte=filters.date_to)
    on_links = field == "event_id"
    text = matching_condition(filters.q, field="pk" if on_links else field)  # Q() if none
    ids = None
    if on_links and (dates or text):
        searched = None if dates else matching_ids(filters.q)
        # Text alone: the full-text index's own list of ids, without reading an event.
        ids = searched if searched is not None else Event.objects.filter(dates & text).values("pk")
    for facet in FACETS:
        if facet != skip and getattr(filters, facet):
            tags = taxonomy.ids(facet, getattr(filters, facet))
            links = tag_links(facet).objects.filter(**{f"{facet}_id__in": tags})
            if ids is not None:
                links = links.filter(event_id__in=ids)
            ids = links.values("event_id")
    conditions = [] if ids is None else [Q(**{f"{field}__in": ids})]
    if not on_links and (dates or text):
        conditions.append(dates & text)
    return conditions


def events_filtered(
    filters: TimelineFilters, taxonomy: Taxonomy, *, walk: bool = False
) -> EventQuerySet:
    """Visible events matching the filters.

    `walk`: test the facet filters on `id + 0`, which SQLite cannot look up by key, so it
    walks the timeline-order index and stops at a page's worth of matches. For a filter
    matching thousands of events that reads a few hundred index entries instead of
    fetching every match and sorting them (the page query went from 35 to 8 ms in SQLite
    for a filter matching 22,700 of 100,000 events).
    """
    if not walk:
        return Event.objects.visible().filter(*event_conditions(filters, taxonomy))
    return (
        Event.objects.visible()
        .alias(**{_UNINDEXED_PK: F("pk") + 0})
        .filter(*event_conditions(filters, taxonomy, field=_UNINDEXED_PK))
    )


def events_matching(events: EventQuerySet, text: str) -> EventQuerySet:
    """Events whose headline or text holds every word of `text` (full-text index)."""
    return events.filter(matching_condition(text))


def events_ordered(events: EventQuerySet, sort: str) -> EventQuerySet:
    """Timeline order: by date, then report by report in their own order (indexed)."""
    if sort == "oldest":
        return events.order_by("date", "report_id", "position", "pk")
    return events.order_by("-date", "report_id", "position", "pk")


def event_page(
    events: EventQuerySet, *, number: int, sort: str = "newest", count: int | None = None
) -> Page:
    """One page of events in timeline order, with their tags and report loaded.

    `count`, when the caller already knows it, saves the COUNT query.
    """
    ordered = events_ordered(events, sort).select_related("report")
    paginator = Paginator(ordered, EVENTS_PER_PAGE)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is never queried
    page = _page_at(paginator, number)
    page.object_list = list(page.object_list)
    tags_load(page.object_list)
    return page


def event_page_of_ids(ids, *, number: int) -> Page:
    """One page of events, given the id of every matching event in timeline order."""
    page = _page_at(Paginator(ids, EVENTS_PER_PAGE), number)
    wanted = [int(pk) for pk in page.object_list]
    found = Event.objects.select_related("report").in_bulk(wanted)
    page.object_list = [found[pk] for pk in wanted if pk in found]
    tags_load(page.object_list)
    return page


def _page_at(paginator: Paginator, number: int) -> Page:
    """The page numbered so, or the nearest that exists."""
    return paginator.page(min(max(number, 1), paginator.num_pages))


def events_by_date(events) -> list[tuple]:
    """Group consecutive events under their date (the list is already date-ordered)."""
    return [(day, list(group)) for day, group in groupby(events, key=lambda e: e.date)]


def event_visible(pk: int) -> Event | None:
    return Event.objects.visible().with_tags().filter(pk=pk).first()


def event_merged_into(pk: int) -> Event | None:
    """The visible event a merged event now lives on in, following chains of merges."""
    seen: set[int] = set()
    event = Event.objects.filter(pk=pk, status=Event.Status.MERGED).first()
    while event is not None and event.merged_into_id and event.pk not in seen:
        seen.add(event.pk)
        event = Event.objects.filter(pk=event.merged_into_id).first()
        if event is not None and event.status != Event.Status.MERGED:
            return event_visible(event.pk)
    return None


def event_related(event: Event) -> list[Event]:
    """Visible events near in time that share a region or an actor with this one."""
    regions = [r.pk for r in event.regions.all()]
    actors = [a.pk for a in event.actors.all()]
    if not regions and not actors:
        return []
    shared = Q(regions__in=regions) | Q(actors__in=actors)
    candidates = (
        Event.objects.visible()
        .filter(shared, date__range=(event.date - RELATED_WINDOW, event.date + RELATED_WINDOW))
        .exclude(pk=event.pk)
        .values_list("pk", flat=True)
        .distinct()
    )
    ids = list(candidates[: RELATED_LIMIT * 4])
    related = Event.objects.filter(pk__in=ids).select_related("report")
    return sorted(related, key=lambda e: (abs((e.date - event.date).days), e.pk))[:RELATED_LIMIT]


def event_export_iter() -> Iterator[Event]:
    """Every event, in timeline order, with what the export writes (chunked)."""
    return Event.objects.newest_first().with_evidence().iterator(chunk_size=2000)


def event_source_context(event: Event) -> list[tuple[str, bool]]:
    """The report's repaired paragraphs around the event, flagged where it was quoted from."""
    try:
        body = parse_report(event.report.raw_text).body
    except FrontMatterError:
        body = event.report.raw_text
    blocks = [" ".join(block.text.split()) for block in repair(body)]
    quote = " ".join((event.quote or event.text).split())
    opening = quote[:120]
    hits = [i for i, text in enumerate(blocks) if text and (text in quote or opening in text)]
    if not hits:
        return []
    start, end = max(hits[0] - 1, 0), min(hits[-1] + 2, len(blocks))
    return [(blocks[i], i in hits) for i in range(start, end)]
