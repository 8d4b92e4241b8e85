"""What a page needs to travel: absolute links, export query strings and preview text."""

from django import template
from django.utils.text import Truncator

from timeline.filters import TimelineFilters
from timeline.selectors.timeline import TimelineView

from .timeline_tags import event_date

register = template.Library()

PREVIEW_EVENTS = 3


@register.simple_tag(takes_context=True)
def absolute(context, path: str) -> str:
    """The path as a full URL on this host, as a pasted link needs it."""
    return context["request"].build_absolute_uri(path)


@register.filter
def export_query(filters: TimelineFilters) -> str:
    """The view's query string for its exports: the whole filtered set, so no page."""
    return filters.query(page=False)


@register.filter
def feed_query(filters: TimelineFilters) -> str:
    """The view's query string for its feeds: always the latest events, so no sort or page."""
    return export_query(filters.with_value("sort", "newest"))


@register.filter
def preview_words(view: TimelineView) -> str:
    """The first events the view opens on, in a sentence, for a link preview."""
    events = view.page.object_list[:PREVIEW_EVENTS]
    if not events:
        return "No events match these filters yet."
    named = "; ".join(f"{Truncator(e.title).chars(90)} ({event_date(e)})" for e in events)
    newest = view.filters.sort == "newest"
    if view.page.number == 1:
        return f"{'Latest' if newest else 'Earliest'}: {named}."
    return f"Page {view.page.number}, {'newest' if newest else 'oldest'} first: {named}."
