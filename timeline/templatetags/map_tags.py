from django import template

from timeline.selectors.map import map_data as _map_data

register = template.Library()


@register.filter
def map_data(regions) -> dict:
    """The map's points from the region facet the panel shows: `regions|map_data|json_script`."""
    return _map_data(regions or ())
