from django import template
from django.utils.dateformat import format as date_format
from django.utils.html import format_html_join
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
    return (filters or TimelineFilters()).with_value(facet, slug).query()


_TAG = (
    '<li><a class="tag tag--{}" href="{}{}" hx-get="{}{}" hx-target="#results"'
    ' hx-push-url="true" title="{}">{}</a></li>'
)


@register.simple_tag(takes_context=True)
def event_tags(context, event, filters: TimelineFilters | None) -> str:
    """An event's topics, places and actors as links that add them to the current view.

    Rendered here rather than in three template loops: a page shows fifty events with a
    handful of tags each, and every tag needs its own canonical query string.
    """
    filters = filters or TimelineFilters()
    index = context.get("index_url", "")
    rows = []
    for facet, tags, title in (
        ("topic", event.topics.all(), "Show {} events"),
        ("region", event.regions.all(), "Show events in {}"),
        ("actor", event.actors.all(), "Show events involving {}"),
    ):
        for tag in tags:
            query = filters.with_value(facet, tag.slug).query()
            kind = tag.kind if facet == "actor" else facet
            rows.append((kind, index, query, index, query, title.format(tag.name), tag.name))
    return format_html_join("", _TAG, rows)


_CHECKBOX = (
    '<li class="depth-{}" data-name="{}"><input type="checkbox" id="{}" name="{}" value="{}"{}>'
    '<label for="{}">{} <span class="count">{}</span></label></li>'
)


@register.simple_tag
def facet_checkboxes(values) -> str:
    """One checkbox per facet value (or (value, depth) row), as list items.

    Rendered here rather than in a template loop: a facet can list hundreds of values,
    and this is the hot path of every uncached timeline page.
    """
    rows = (item if isinstance(item, tuple) else (item, 0) for item in values)
    return format_html_join(
        "\n",
        _CHECKBOX,
        (
            (
                depth,
                value.name.lower(),
                value.input_id,
                value.facet,
                value.slug,
                mark_safe(" checked") if value.selected else "",
                value.input_id,
                value.name,
                value.count,
            )
            for value, depth in rows
        ),
    )
