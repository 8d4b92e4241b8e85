"""Events in the admin: review, correct, merge and split, with every version kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_m2m_reverse_field_name

from .. import curation
from ..models import Event
from .context import report_context
from .evidence import evidence_html

_HISTORY_M2M = ("regions", "actors", "topics", "sources")


def _count(n: int, noun: str = "event") -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


STALE_EDIT = (
    "Someone else changed this event since you opened it (at {when} UTC), so your changes "
    "are not saved. Open its history to see theirs; save again to replace their version "
    "with yours, or reload the page to start from theirs."
)


class EventAdminForm(forms.ModelForm):
    # When the event was last saved as the editor opened it: a save over a newer version
    # (another editor's, an action's) is refused instead of silently overwriting it.
    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = [
            *["title", "date", "precision", "text", "status"],
            *["regions", "actors", "topics", "report", "position", "sources"],
        ]
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "topics": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "position" in self.fields:
            self.fields["position"].required = False
            self.fields["position"].help_text += " Left empty, the event goes last."
        if "status" in self.fields and self.instance.status != Event.Status.MERGED:
            # Merging is an action on several events; the status alone would point nowhere.
            self.fields["status"].choices = [
                c for c in self.fields["status"].choices if c[0] != Event.Status.MERGED
            ]
        # A version opened from the history page shows its tags as they were then.
        version = getattr(self.instance, "_history", None)
        if self.instance.pk is not None:
            current = self.instance.updated if version is None else self._current_version()
            self.fields["opened_version"].initial = current.isoformat() if current else ""
        if version is not None and not self.is_bound:
            for name in _HISTORY_M2M:
                target = get_m2m_reverse_field_name(Event._meta.get_field(name))
                rows = getattr(version, name).all()
                self.initial[name] = [getattr(row, f"{target}_id") for row in rows]

    def clean(self) -> dict:
        cleaned = super().clean()
        opened = cleaned.get("opened_version")
        # A form without it (a script's, one opened before this check) is not checked.
        if self.instance.pk is None or not opened:
            return cleaned
        current = self._current_version(lock=True)
        try:
            stale = current != dt.datetime.fromisoformat(opened)
        except ValueError:
            stale = True
        if stale:
            # The next save is a deliberate one, made knowing about the other version.
            self.data = self.data.copy()
            self.data[self.add_prefix("opened_version")] = current.isoformat() if current else ""
            when = current.astimezone(dt.UTC).strftime("%H:%M:%S") if current else "?"
            raise forms.ValidationError(STALE_EDIT.format(when=when), code="stale")
        return cleaned

    def _current_version(self, *, lock: bool = False) -> dt.datetime | None:
        """The event's `updated` as stored now, the row locked until the save where possible."""
        rows = Event.objects.filter(pk=self.instance.pk)
        if lock and transaction.get_connection().in_atomic_block:
            rows = rows.select_for_update()  # the admin's save is one transaction
        return rows.values_list("updated", flat=True).first()


class MergeForm(forms.Form):
    title_from = forms.ChoiceField(widget=forms.RadioSelect, label="Headline")
    date_from = forms.ChoiceField(widget=forms.RadioSelect, label="Date")

    def __init__(self, *args, events: list[Event], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.events = {str(e.pk): e for e in events}
        for name in ("title_from", "date_from"):
            self.fields[name].choices = [(pk, pk) for pk in self.events]
            self.fields[name].initial = next(iter(self.events))

    def event(self, name: str) -> Event:
        return self.events[self.cleaned_data[name]]


class SplitForm(forms.Form):
    at = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect, label="Split before")

    def __init__(self, *args, sentences: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["at"].choices = [(i, f"sentence {i + 1}") for i in range(1, len(sentences))]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventAdminForm
    list_display = ["date", "title", "status", "edited", "report_title", "topic_names"]
    list_filter = [
        "status",
        "topics",
        "precision",
        ("regions", admin.RelatedOnlyFieldListFilter),
        ("actors", admin.RelatedOnlyFieldListFilter),
        "report__source",
        "edited",
    ]
    search_fields = ["title", "text"]
    date_hierarchy = "date"
    autocomplete_fields = ["report", "regions", "actors", "sources"]
    list_select_related = ["report"]
    readonly_fields = ["in_context", "why", "edited", "merged_into", "created", "updated"]
    fieldsets = [
        (None, {"fields": ["title", "date", "precision", "text", "status", "opened_version"]}),
        ("In its report", {"fields": ["in_context", "why"]}),
        ("Tags", {"fields": ["regions", "actors", "topics"]}),
        ("Sources", {"fields": ["report", "position", "sources"]}),
        ("Record", {"fields": ["edited", "merged_into", "created", "updated"]}),
    ]
    actions = ["mark_reviewed", "hide", "restore", "merge"]
    history_list_display = ["status", "edited"]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).prefetch_related("topics")

    @admin.display(description="report", ordering="report__published")
    def report_title(self, event: Event) -> str:
        return Truncator(str(event.report)).chars(40)

    @admin.display(description="topics")
    def topic_names(self, event: Event) -> str:
        return ", ".join(topic.name for topic in event.topics.all())

    @admin.display(description="Text in its report")
    def in_context(self, event: Event) -> str:
        if event.pk is None:
            return "Shown once the event is saved."
        # Events merged into this one from the same report are part of its text too.
        absorbed = event.absorbed.filter(report_id=event.report_id).values_list("quote", flat=True)
        return report_context(event.report, [event.quote or event.text, *absorbed])

    @admin.display(description="Why the machine chose this")
    def why(self, event: Event) -> str:
        found = getattr(event, "evidence", None) if event.pk else None
        return evidence_html(found.data if found is not None else None)

    # Fields and tags are saved in two steps (save_model, then the form's many-to-many
    # fields); log_addition/log_change follow both, on the change form and on a revert
    # from the history page alike, so that is where the version is recorded, as one.
    def save_model(self, request, obj, form, change) -> None:
        curation.event_edit(event=obj)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        curation.event_edit_done(
            event=obj, user=request.user, reason=entry.get_change_message(), created=True
        )
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        curation.event_edit_done(event=obj, user=request.user, reason=entry.get_change_message())
        return entry

    @admin.action(description="Mark selected events reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset) -> None:
        self._status_action(request, queryset, curation.event_review, "marked reviewed")

    @admin.action(description="Hide selected events from the timeline", permissions=["change"])
    def hide(self, request, queryset) -> None:
        self._status_action(request, queryset, curation.event_hide, "hidden")

    @admin.action(
        description="Restore selected hidden or merged events (as reviewed)",
        permissions=["change"],
    )
    def restore(self, request, queryset) -> None:
        self._status_action(request, queryset, curation.event_restore, "restored")

    def _status_action(self, request, queryset, change: Callable[..., bool], done: str) -> None:
        events = list(queryset)
        with transaction.atomic():
            changed = sum(change(event=event, user=request.user) for event in events)
        message = f"{_count(changed)} {done}."
        if unchanged := len(events) - changed:
            message += (
                f" {_count(unchanged)} left as {'it was' if unchanged == 1 else 'they were'}."
            )
        self.message_user(request, message, messages.SUCCESS if changed else messages.WARNING)

    @admin.action(description="Merge selected events…", permissions=["change"])
    def merge(self, request, queryset) -> HttpResponse | None:
        events = list(
            queryset.select_related("report").order_by(
                "date", "report__published", "report_id", "position", "pk"
            )
        )
        form = MergeForm(request.POST if "post" in request.POST else None, events=events)
        if form.is_bound and form.is_valid():
            try:
                survivor = curation.event_merge(
                    events=events,
                    title_from=form.event("title_from"),
                    date_from=form.event("date_from"),
                    user=request.user,
                )
            except curation.CurationError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            url = reverse("admin:timeline_event_change", args=[survivor.pk])
            self.message_user(
                request,
                format_html(
                    '{} merged into <a href="{}">{}</a>.', _count(len(events)), url, survivor
                ),
            )
            return None
        if len(events) < 2 or any(e.status == Event.Status.MERGED for e in events):
            self.message_user(
                request, "Select two or more events that are not merged already.", messages.ERROR
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge events",
            "opts": self.model._meta,
            "rows": list(zip(events, form["title_from"], form["date_from"], strict=True)),
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/timeline/event/merge.html", context)

    def get_urls(self):
        split = path(
            "<path:object_id>/split/",
            self.admin_site.admin_view(self.split_view),
            name="timeline_event_split",
        )
        return [split, *super().get_urls()]

    def split_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        event = self.get_object(request, unquote(object_id))
        if event is None:
            raise Http404("No such event.")
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        sentences = [s for _, s in curation.text_sentences(event.text)]
        form = SplitForm(request.POST or None, sentences=sentences)
        if form.is_bound and form.is_valid():
            try:
                new = curation.event_split(
                    event=event, at=form.cleaned_data["at"], user=request.user
                )
            except curation.CurationError as exc:
                form.add_error(None, str(exc))
            else:
                self.message_user(
                    request,
                    f"Split: “{Truncator(event.title).chars(60)}” keeps the first "
                    f"{_count(form.cleaned_data['at'], 'sentence')}; this new event has the "
                    "rest. Check both headlines and dates.",
                )
                return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[new.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Split “{Truncator(event.title).chars(60)}”",
            "opts": self.model._meta,
            "original": event,
            "form": form,
            "rows": [(sentences[0], None), *zip(sentences[1:], form["at"], strict=True)]
            if sentences
            else [],
        }
        return TemplateResponse(request, "admin/timeline/event/split.html", context)
