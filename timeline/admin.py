from django.contrib import admin

from .models import Actor, Event, Region, Report, Topic


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published", "file_name", "imported_at"]
    list_filter = ["source", "language"]
    search_fields = ["title", "source", "file_name"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "imported_at"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "status", "report"]
    list_filter = ["status", "precision", "topics"]
    search_fields = ["title", "text"]
    date_hierarchy = "date"
    autocomplete_fields = ["regions", "actors"]
    list_select_related = ["report"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "confirmed"]
    list_filter = ["kind", "confirmed"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "affiliation", "confirmed"]
    list_filter = ["kind", "confirmed"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["affiliation"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}
