"""Loading the tags of a page of events in one query instead of one per kind of tag."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import CharField, F, IntegerField, Value

from ..models import Actor, Event, Region, Topic

_KINDS = (("regions", Region), ("actors", Actor), ("topics", Topic))


def tags_load(events: Sequence[Event]) -> None:
    """Fill `event.regions.all()`, `.actors.all()` and `.topics.all()` for these events.

    The result lands in Django's prefetch cache, so templates read it as if
    `prefetch_related` had run, at the cost of one UNION ALL query instead of three.
    """
    if not events:
        return
    ids = [event.pk for event in events]
    parts = []
    for field, model in _KINDS:
        through = getattr(Event, field).through
        column = f"{model._meta.model_name}"
        kind = Value("", output_field=CharField()) if model is Topic else F(f"{column}__kind")
        parts.append(
            through.objects.filter(event_id__in=ids)
            .annotate(
                field=Value(field, output_field=CharField()),
                tag_kind=kind,
                rank=F("topic__position")
                if model is Topic
                else Value(0, output_field=IntegerField()),
            )
            .values_list(
                "event_id",
                "field",
                f"{column}_id",
                f"{column}__slug",
                f"{column}__name",
                "tag_kind",
                "rank",
            )
            .order_by()
        )
    found: dict[tuple[int, str], list] = defaultdict(list)
    for event_id, field, pk, slug, name, kind, rank in parts[0].union(*parts[1:], all=True):
        model = dict(_KINDS)[field]
        extra = {"position": rank} if model is Topic else {"kind": kind}
        tag = model(pk=pk, slug=slug, name=name, **extra)
        found[(event_id, field)].append(tag)
    for event in events:
        cache = getattr(event, "_prefetched_objects_cache", None)
        if cache is None:
            cache = event._prefetched_objects_cache = {}
        for field, _model in _KINDS:
            manager = getattr(event, field)
            queryset = manager.get_queryset()
            queryset._result_cache = sorted(found[(event.pk, field)], key=_order)
            queryset._prefetch_done = True
            cache[manager.prefetch_cache_name] = queryset


def _order(tag) -> tuple:
    """The models' own orderings: topics by position, everything else by name."""
    return (
        getattr(tag, "position", 0),
        getattr(tag, "slug", "") if isinstance(tag, Topic) else tag.name,
    )
