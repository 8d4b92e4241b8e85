from django import template
from django.utils.dateformat import format as date_format

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
