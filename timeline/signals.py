"""Derived data that must follow every write, wherever it comes from (admin, shell, services).

Only bookkeeping lives here: the data version (the page cache key) and the place index.
Writes that skip signals (bulk_create, queryset.update) call `data_changed` and
`places_sync` themselves.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from .cache import data_changed
from .models import Actor, Event, Region, Report, Topic
from .places import places_rebuild, places_sync

_TRACKED = (Report, Event, Region, Actor, Topic)


def _changed(sender, **kwargs):
    data_changed()


for model in _TRACKED:
    post_save.connect(_changed, sender=model, dispatch_uid=f"version-save-{model.__name__}")
    post_delete.connect(_changed, sender=model, dispatch_uid=f"version-delete-{model.__name__}")
for field in ("regions", "actors", "topics", "sources"):
    m2m_changed.connect(
        _changed, sender=getattr(Event, field).through, dispatch_uid=f"version-m2m-{field}"
    )


@receiver(m2m_changed, sender=Event.regions.through, dispatch_uid="places-event-regions")
def _event_regions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        places_sync([instance.pk])
    elif pk_set:  # region.events.add(...): the events are in pk_set
        places_sync(pk_set)
    else:  # region.events.clear(): every event of that region may have lost a place
        places_rebuild()


@receiver(pre_save, sender=Region, dispatch_uid="places-region-parent-before")
def _remember_parent(sender, instance, **kwargs):
    if instance.pk is None:  # a new region has no events yet
        instance._parent_before = None
        return
    old = Region.objects.filter(pk=instance.pk).values_list("parent_id", flat=True).first()
    instance._parent_before = old


@receiver(post_save, sender=Region, dispatch_uid="places-region-parent-after")
def _region_moved(sender, instance, created, **kwargs):
    if not created and getattr(instance, "_parent_before", None) != instance.parent_id:
        places_rebuild()


@receiver(post_delete, sender=Region, dispatch_uid="places-region-deleted")
def _region_deleted(sender, instance, **kwargs):
    places_rebuild()
