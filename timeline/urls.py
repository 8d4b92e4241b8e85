from django.contrib import admin
from django.urls import include, path

from . import views, views_exports
from .feeds import TimelineAtomFeed, TimelineRssFeed

app_patterns = (
    [
        path("", views.timeline_index, name="index"),
        path("events/<int:pk>/", views.event_detail, name="event_detail"),
        # The same query string as "/", elsewhere: exports, feeds and an embed.
        path("events.json", views_exports.events_json, name="events_json"),
        path("events.csv", views_exports.events_csv, name="events_csv"),
        path("events.timelinejs.json", views_exports.events_timelinejs, name="events_timelinejs"),
        path("feed.atom", TimelineAtomFeed(), name="feed_atom"),
        path("feed.rss", TimelineRssFeed(), name="feed_rss"),
        path("embed/", views_exports.embed, name="embed"),
    ],
    "timeline",
)

urlpatterns = [
    path("", include(app_patterns)),
    path("admin/", admin.site.urls),
]
