"""Facet counts for any filter combination in one SQL statement.

Every facet counts its tags under all filters but its own. The link tables are
counted directly (no join to events), and events the public does not see are
subtracted in a second, tiny branch of the same UNION ALL: counting "all minus the
few hidden" is several times faster than testing every link row for visibility.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db.models import CharField, Count, Q, QuerySet, Value

from ..filters import FACETS, TimelineFilters
from ..models import Event
from .events import events_matching
from .taxonomy import Taxonomy

TAG_COLUMNS = {"region": "region_id", "actor": "actor_id", "topic": "topic_id"}


def link_model(facet: str):
    return getattr(Event, f"{facet}s").through


def event_conditions(filters: TimelineFilters, taxonomy: Taxonomy, *, skip: str = "") -> list[Q]:
    """Conditions on `event_id` that every other active filter imposes."""
    conditions = []
    for facet in FACETS:
        if facet != skip and getattr(filters, facet):
            ids = taxonomy.ids(facet, getattr(filters, facet))
            links = link_model(facet).objects.filter(**{f"{TAG_COLUMNS[facet]}__in": ids})
            conditions.append(Q(event_id__in=links.values("event_id")))
    if filters.date_from or filters.date_to or filters.q:
        events = Event.objects.all()
        if filters.date_from:
            events = events.filter(date__gte=filters.date_from)
        if filters.date_to:
            events = events.filter(date__lte=filters.date_to)
        if filters.q:
            events = events_matching(events, filters.q)
        conditions.append(Q(event_id__in=events.values("pk")))
    return conditions


def _grouped(links: QuerySet, facet: str, sign: int) -> QuerySet:
    count = Count("pk") if sign > 0 else Count("pk") * -1
    return (
        links.annotate(facet_name=Value(facet, output_field=CharField()))
        .values_list("facet_name", TAG_COLUMNS[facet])
        .annotate(n=count)
        .order_by()
    )


def facet_counts(filters: TimelineFilters, taxonomy: Taxonomy) -> dict[str, dict[int, int]]:
    """{facet: {tag id: events}} for all three facets, in one query."""
    reviewed_only = getattr(settings, "TIMELINE_REVIEWED_ONLY", False)
    unseen = (
        Event.objects.exclude(status=Event.Status.REVIEWED)
        if reviewed_only
        else (Event.objects.filter(status__in=[Event.Status.HIDDEN, Event.Status.MERGED]))
    )
    parts = []
    for facet in FACETS:
        links = link_model(facet).objects.filter(*event_conditions(filters, taxonomy, skip=facet))
        if reviewed_only:  # most events are unreviewed then: keep the reviewed ones instead
            reviewed = Event.objects.filter(status=Event.Status.REVIEWED).values("pk")
            parts.append(_grouped(links.filter(event_id__in=reviewed), facet, +1))
        else:
            parts.append(_grouped(links, facet, +1))
            parts.append(_grouped(links.filter(event_id__in=unseen.values("pk")), facet, -1))
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for facet, tag, n in parts[0].union(*parts[1:], all=True):
        counts[facet][tag] += n
    return {facet: {tag: n for tag, n in counts[facet].items() if n > 0} for facet in FACETS}


def region_rollup(
    filters: TimelineFilters, taxonomy: Taxonomy, parents: list[int]
) -> dict[int, int]:
    """Distinct events under each parent region: an oblast tagged with its city counts once."""
    tree = taxonomy.tree
    links = link_model("region").objects.filter(*event_conditions(filters, taxonomy, skip="region"))
    links = links.filter(event_id__in=Event.objects.visible().values("pk"))
    totals = links.aggregate(
        **{
            f"r{i}": Count("event_id", distinct=True, filter=Q(region_id__in=tree.descendants(i)))
            for i in parents
        }
    )
    return {i: totals[f"r{i}"] for i in parents}
