import html

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
    # Per render: most events on a page share their country, oblast and a topic or two.
    queries = context.render_context.setdefault("event_tag_queries", {})
    items = []
    for facet, tags, title in (
        ("topic", event.topics.all(), "Show {} events"),
        ("region", event.regions.all(), "Show events in {}"),
        ("actor", event.actors.all(), "Show events involving {}"),
    ):
        for tag in tags:
            key = (filters, facet, tag.slug)
            if key not in queries:
                queries[key] = _attr(filters.with_value(facet, tag.slug).query())
            href = index + queries[key]
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
