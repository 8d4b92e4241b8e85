"""Atom and RSS feeds of any filtered timeline: the most recent events of the view.

A feed takes the query string of `/` (sort and page aside: a feed is always the latest
events). Entry ids are the events' permalinks, which never change, so a feed reader
shows an edited event as updated rather than new.
"""

import re

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html
from django.views.decorators.http import require_safe

from .models import Event
from .selectors.selection import TimelineSelection, selection_latest, timeline_selection
from .templatetags.timeline_tags import event_date

FEED_SIZE = 50
SITE_NAME = "Conflict timeline"
# Characters XML 1.0 cannot carry at all, escaped or not: one of them in a report (or a
# query) would make the whole feed unserialisable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


class TimelineRssFeed(Feed):
    feed_type = Rss201rev2Feed
    url_name = "timeline:feed_rss"
    author_name = SITE_NAME

    @method_decorator(require_safe)
    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"  # public data, no cookies involved
        return response

    def get_object(self, request) -> TimelineSelection:
        return timeline_selection(dict(request.GET.lists()))

    def title(self, obj: TimelineSelection) -> str:
        return xml_safe(f"{obj.words} · {SITE_NAME}")

    def description(self, obj: TimelineSelection) -> str:
        return xml_safe(f"The {FEED_SIZE} most recent events of the timeline: {obj.words}.")

    def link(self, obj: TimelineSelection) -> str:
        return reverse("timeline:index") + obj.feed_query

    def feed_url(self, obj: TimelineSelection) -> str:
        return reverse(self.url_name) + obj.feed_query

    def items(self, obj: TimelineSelection) -> list[Event]:
        return selection_latest(obj, limit=FEED_SIZE)

    def item_title(self, item: Event) -> str:
        return xml_safe(item.title)  # plain text: the feed generator escapes it for XML

    def item_description(self, item: Event) -> str:
        # Descriptions are HTML in both formats: report text must arrive as text.
        report = item.report
        source = f"{report.source}, {report.title}" if report.source else report.title
        html = format_html("<p>{}</p><p>{} · Source: {}</p>", item.text, event_date(item), source)
        return xml_safe(html)

    def item_link(self, item: Event) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Event):
        return item.report.published

    def item_updateddate(self, item: Event):
        return item.updated

    def item_categories(self, item: Event) -> list[str]:
        names = [t.name for t in item.topics.all()] + [r.name for r in item.regions.all()]
        return [xml_safe(name) for name in names]


class TimelineAtomFeed(TimelineRssFeed):
    feed_type = Atom1Feed
    url_name = "timeline:feed_atom"

    def subtitle(self, obj: TimelineSelection) -> str:
        return self.description(obj)
