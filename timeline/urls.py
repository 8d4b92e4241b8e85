from django.contrib import admin
from django.urls import include, path

from . import views

app_patterns = (
    [
        path("", views.timeline_index, name="index"),
        path("events/<int:pk>/", views.event_detail, name="event_detail"),
    ],
    "timeline",
)

urlpatterns = [
    path("", include(app_patterns)),
    path("admin/", admin.site.urls),
]
