"""Regions, actors and topics in the admin, and re-tagging events with them."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .. import curation
from ..extraction.topics import TopicClassifier, load_topic_rules
from ..models import Actor, Region, Topic


class LinesField(forms.CharField):
    """A list of strings edited as one per line (aliases)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value) -> list[str]:
        if isinstance(value, list | tuple):
            return list(value)
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]


class RegionForm(forms.ModelForm):
    aliases = LinesField(required=False, help_text="Other spellings, one per line.")

    class Meta:
        model = Region
        fields = ["name", "slug", "kind", "parent", "aliases", "confirmed", "latitude", "longitude"]


class ActorForm(forms.ModelForm):
    aliases = LinesField(required=False, help_text="Other spellings, one per line.")

    class Meta:
        model = Actor
        fields = ["name", "slug", "kind", "affiliation", "aliases", "confirmed"]


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["name", "slug", "description", "patterns", "position"]
        widgets = {"patterns": forms.Textarea(attrs={"rows": 16, "class": "vLargeTextField"})}

    def clean_patterns(self) -> str:
        patterns = self.cleaned_data["patterns"]
        rules = load_topic_rules([{"slug": "topic", "patterns": patterns}])
        invalid = TopicClassifier(rules).invalid_patterns
        if invalid:
            raise forms.ValidationError([f"{p.pattern} — {p.error}" for p in invalid])
        return patterns


class RetagMixin:
    """The "re-tag events" action, on every taxonomy admin."""

    @admin.action(
        description="Re-tag every event no editor has touched with the current taxonomy",
        permissions=["retag"],
    )
    def retag_events(self, request, queryset) -> None:
        outcome = curation.events_retag(user=request.user)
        self.message_user(
            request,
            f"Re-tagged: {outcome.changed} of {outcome.checked} untouched events changed; "
            "edited, reviewed, hidden and merged events were left alone.",
        )

    def has_retag_permission(self, request) -> bool:
        return request.user.has_perm("timeline.change_event")


@admin.register(Region)
class RegionAdmin(RetagMixin, SimpleHistoryAdmin):
    form = RegionForm
    list_display = ["name", "kind", "parent", "confirmed"]
    list_filter = ["kind", "confirmed"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    actions = ["retag_events"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "parent", "aliases", "confirmed"]}),
        ("Coordinates", {"fields": ["latitude", "longitude"]}),
    ]


@admin.register(Actor)
class ActorAdmin(RetagMixin, SimpleHistoryAdmin):
    form = ActorForm
    list_display = ["name", "kind", "affiliation", "confirmed"]
    list_filter = ["kind", "confirmed"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["affiliation"]
    actions = ["retag_events"]
    fields = ["name", "slug", "kind", "affiliation", "aliases", "confirmed"]


@admin.register(Topic)
class TopicAdmin(RetagMixin, SimpleHistoryAdmin):
    form = TopicForm
    list_display = ["name", "slug", "position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["retag_events"]
