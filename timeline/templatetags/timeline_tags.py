import html
from functools import lru_cache

from django import template
from django.utils.dateformat import format as date_format
from django.utils.safestring import mark_safe

from timeline.filters import TimelineFilters

register = template.Library()

_FORMATS = {"day": "j F Y", "month": "F Y", "year": "Y"}


@register.filter
def event_date(event) -> str:
    """An event's date written at its precision: '30 March 2022', 'September 2022', '2022'."""
    return date_format(event.date, _FORMATS.get(event.precision, _FORMATS["day"]))


@register.simple_tag
def adding(filters: TimelineFilters | None, facet: str, slug: str) -> str:
    """The canonical query string of the current view with one more facet value."""
    return _adding(filters or TimelineFilters(), facet, slug)


@lru_cache(maxsize=4096)
def _adding(filters: TimelineFilters, facet: str, slug: str) -> str:
    # Pure, and asked again and again: most events on a page share their country, their
    # oblast and a topic or two.
    return filters.with_value(facet, slug).query()


def _attr(value) -> str:
    """Text escaped for HTML (stdlib: the same entities as Django's `escape`, minus its
    lazy-string wrapper, which costs more than the escaping on lists of hundreds)."""
    return html.escape(str(value))


@register.simple_tag(takes_context=True)
def event_tags(context, event, filters: TimelineFilters | None) -> str:
    """An event's topics, places and actors as links that add them to the current view.

    Rendered here rather than in three template loops: a page shows fifty events with a
    handful of tags each, and every tag needs its own canonical query string.
    """
    filters = filters or TimelineFilters()
    index = _attr(context.get("index_url", ""))
    items = []
    for facet, tags, title in (
        ("topic", event.topics.all(), "Show {} events"),
        ("region", event.regions.all(), "Show events in {}"),
        ("actor", event.actors.all(), "Show events involving {}"),
    ):
        for tag in tags:
            href = index + _attr(_adding(filters, facet, tag.slug))
            kind = _attr(tag.kind if facet == "actor" else facet)
            name = _attr(tag.name)
            items.append(
                f'<li><a class="tag tag--{kind}" href="{href}" hx-get="{href}" '
                f'hx-target="#results" hx-push-url="true" title="{title.format(name)}">'
                f"{name}</a></li>"
            )
    return mark_safe("".join(items))


@register.simple_tag
def facet_checkboxes(values) -> str:
    """One checkbox per facet value (or (value, depth) row), as list items.

    Rendered here rather than in a template loop: a facet can list hundreds of values,
    and this is the hot path of every uncached timeline page.
    """
    items = []
    for item in values:
        value, depth = item if isinstance(item, tuple) else (item, 0)
        input_id, name = _attr(value.input_id), _attr(value.name)
        checked = " checked" if value.selected else ""
        items.append(
            f'<li class="depth-{depth}" data-name="{_attr(value.name.lower())}">'
            f'<input type="checkbox" id="{input_id}" name="{_attr(value.facet)}" '
            f'value="{_attr(value.slug)}"{checked}><label for="{input_id}">{name} '
            f'<span class="count">{value.count}</span></label></li>'
        )
    return mark_safe("\n".join(items))
