"""Reads: every query the views, exports and importer need."""

from .events import (
    EVENTS_PER_PAGE,
    event_export_iter,
    event_merged_into,
    event_page,
    event_related,
    event_source_context,
    event_visible,
    events_by_date,
    events_filtered,
)
from .selection import timeline_selection
from .taxonomy import gazetteer_load, region_tree
from .timeline import TimelineView, timeline_load, timeline_view

__all__ = [
    "EVENTS_PER_PAGE",
    "TimelineView",
    "event_export_iter",
    "event_merged_into",
    "event_page",
    "event_related",
    "event_source_context",
    "event_visible",
    "events_by_date",
    "events_filtered",
    "gazetteer_load",
    "region_tree",
    "timeline_load",
    "timeline_selection",
    "timeline_view",
]
