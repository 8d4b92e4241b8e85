"""Facet counts for any filter combination in one SQL statement.

Every facet counts its tags under all filters but its own. The link tables are
counted directly (no join to events), and events the public does not see are
subtracted in a second, tiny branch of the same UNION ALL: counting "all minus the
few hidden" is several times faster than testing every link row for visibility. A
facet that no other filter narrows reads its tallies instead (`timeline.tallies`), and
one narrowed by a single value of one other facet reads the tallied pairs, in the
same statement: only combinations of filters are counted.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db.models import CharField, Count, QuerySet, Value

from ..filters import FACETS, TimelineFilters
from ..models import Event
from ..tallies import tallied_pairs, tallied_totals, tallies_usable
from .events import event_conditions, tag_links
from .taxonomy import Taxonomy


def _grouped(links: QuerySet, facet: str, sign: int) -> QuerySet:
    count = Count("*") if sign > 0 else Count("*") * -1
    return (
        links.annotate(facet_name=Value(facet, output_field=CharField()))
        .values_list("facet_name", f"{facet}_id")
        .annotate(n=count)
        .order_by()
    )


def single_tag(
    filters: TimelineFilters, taxonomy: Taxonomy, *, skip: str = ""
) -> tuple[str, int] | None:
    """(facet, tag id) when the filters but `skip`'s are exactly one value of one facet."""
    chosen = [f for f in FACETS if f != skip and getattr(filters, f)]
    if filters.date_from or filters.date_to or filters.q or len(chosen) != 1:
        return None
    values = getattr(filters, chosen[0])
    ids = taxonomy.ids(chosen[0], values)
    return (chosen[0], next(iter(ids))) if len(values) == 1 and len(ids) == 1 else None


def facet_counts(filters: TimelineFilters, taxonomy: Taxonomy) -> dict[str, dict[int, int]]:
    """{facet: {tag id: events}} for all three facets, in one query."""
    reviewed_only = getattr(settings, "TIMELINE_REVIEWED_ONLY", False)
    unseen = (
        Event.objects.exclude(status=Event.Status.REVIEWED)
        if reviewed_only
        else (Event.objects.filter(status__in=[Event.Status.HIDDEN, Event.Status.MERGED]))
    )
    parts = []
    tallied = tallies_usable()
    for facet in FACETS:
        conditions = event_conditions(filters, taxonomy, skip=facet, field="event_id")
        single = single_tag(filters, taxonomy, skip=facet)
        if tallied and not conditions:
            parts.append(tallied_totals(facet))
            continue
        if tallied and single is not None:
            parts.append(tallied_pairs(facet, *single))
            continue
        links = tag_links(facet).objects.filter(*conditions)
        if reviewed_only:  # most events are unreviewed then: keep the reviewed ones instead
            reviewed = Event.objects.filter(status=Event.Status.REVIEWED).values("pk")
            parts.append(_grouped(links.filter(event_id__in=reviewed), facet, +1))
        else:
            parts.append(_grouped(links, facet, +1))
            # Driven from the few unseen events, not from every matching link row.
            hidden = unseen.filter(*event_conditions(filters, taxonomy, skip=facet, field="pk"))
            minus = tag_links(facet).objects.filter(event_id__in=hidden.values("pk"))
            parts.append(_grouped(minus, facet, -1))
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for facet, tag, n in parts[0].union(*parts[1:], all=True):
        counts[facet][tag] += n
    return {facet: {tag: n for tag, n in counts[facet].items() if n > 0} for facet in FACETS}
