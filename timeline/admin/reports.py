"""Reports in the admin: added by pasting or uploading, re-extracted on demand."""

from __future__ import annotations

import logging
from collections import Counter

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin

from .. import services
from ..extraction.frontmatter import FrontMatterError, parse_report
from ..extraction.pipeline import ReportExtractor
from ..models import Event, Report
from ..report_files import MAX_REPORT_BYTES, ReportFileError, decode_report
from ..selectors import gazetteer_load

logger = logging.getLogger(__name__)


class ReportAddForm(forms.ModelForm):
    """A report's details and its text, pasted or uploaded; extracted when it validates."""

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 16}),
        required=False,
        help_text="Paste the report here, or upload it as a file below.",
    )
    url = forms.URLField(max_length=1000, required=False, assume_scheme="https")
    file = forms.FileField(required=False, help_text="A text file: UTF-8, UTF-16 or Windows-1252.")

    class Meta:
        model = Report
        fields = ["title", "source", "url", "published"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.draft: services.ReportDraft | None = None
        self.fields["published"].required = False
        self.fields["published"].help_text = (
            "Needed unless the text starts with front matter saying it ('published: "
            "YYYY-MM-DD'). Front matter in the text takes precedence over these fields."
        )
        self.fields["title"].help_text = "Left empty, the first event's headline."

    def clean_file(self) -> tuple[str, str] | None:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_REPORT_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_REPORT_BYTES // 1_048_576} MB."
            )
        try:
            return upload.name, decode_report(upload.read())
        except ReportFileError as exc:
            raise forms.ValidationError(f"{upload.name}: {exc}.") from None

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        pasted = (cleaned.get("text") or "").replace("\r\n", "\n")
        uploaded = cleaned.get("file")
        if pasted.strip() and uploaded:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if not pasted.strip() and not uploaded:
            raise forms.ValidationError("Paste the report's text or upload a file.")
        file_name, text = uploaded or ("", pasted)
        try:
            dated = parse_report(text).published is not None
        except FrontMatterError as exc:
            raise forms.ValidationError(f"{capfirst(str(exc))}.") from None
        if not dated and not cleaned.get("published"):
            self.add_error("published", "Give the date: the text does not say it.")
            return cleaned
        try:
            self.draft = services.report_draft(
                text=text,
                file_name=file_name,
                published=cleaned.get("published"),
                title=cleaned.get("title", ""),
                source=cleaned.get("source", ""),
                url=cleaned.get("url", ""),
            )
        except services.DuplicateReportError as exc:
            url = reverse("admin:timeline_report_change", args=[exc.report_id])
            raise forms.ValidationError(
                format_html('This text was imported before: <a href="{}">see it</a>.', url)
            ) from None
        except services.ReportImportError as exc:
            raise forms.ValidationError(f"{capfirst(str(exc))}.") from None
        except Exception:  # a pipeline bug on one odd text: the editor hears it, we log it
            logger.exception("extracting an added report failed")
            raise forms.ValidationError(
                "The extraction failed on this text; the error is logged for the developers."
            ) from None
        return cleaned


class ReportEventInline(admin.TabularInline):
    """The report's events, read-only, each linked to its change page."""

    model = Event
    fk_name = "report"
    fields = ["position", "date", "headline", "status", "edited"]
    readonly_fields = fields
    ordering = ["position", "pk"]
    extra = 0
    can_delete = False
    view_on_site = False
    verbose_name_plural = "Events extracted from this report"

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="headline")
    def headline(self, event: Event) -> str:
        url = reverse("admin:timeline_event_change", args=[event.pk])
        return format_html('<a href="{}">{}</a>', url, event.title)


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["title", "source", "published", "event_count", "file_name", "imported_at"]
    list_filter = ["source", "language"]
    search_fields = ["title", "source", "file_name", "url"]
    date_hierarchy = "published"
    actions = ["reextract"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    add_fieldsets = [
        (None, {"fields": ["title", "source", "url", "published"]}),
        ("Text", {"fields": ["text", "file"]}),
    ]
    fieldsets = [
        (None, {"fields": ["title", "source", "url", "published", "language"]}),
        ("As received", {"fields": ["file_name", "raw_text", "content_hash", "imported_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events"))

    @admin.display(description="events", ordering="event_count")
    def event_count(self, report: Report) -> int:
        return report.event_count

    def get_fieldsets(self, request, obj=None):
        return self.fieldsets if obj else self.add_fieldsets

    def get_readonly_fields(self, request, obj=None):
        # The text stays as received: events quote it and its hash identifies it.
        return ["file_name", "raw_text", "content_hash", "imported_at"] if obj else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ReportAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_inlines(self, request, obj):
        return [ReportEventInline] if obj else []

    # Adding stores the report and its events as the form's draft says (services.report_save).
    def save_form(self, request, form, change):
        return super().save_form(request, form, change) if change else form.draft.report

    def save_model(self, request, obj, form, change) -> None:
        if change:
            super().save_model(request, obj, form, change)
        else:
            obj._history_user = request.user
            services.report_save(draft=form.draft)

    def save_related(self, request, form, formsets, change) -> None:
        if change:
            super().save_related(request, form, formsets, change)

    def response_add(self, request, obj, post_url_continue=None):
        if "_addanother" in request.POST or "_popup" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        count = obj.events.count()
        self.message_user(request, f"Report added: {count} event{'s' * (count != 1)} extracted.")
        return HttpResponseRedirect(reverse("admin:timeline_report_change", args=[obj.pk]))

    @admin.action(
        description="Re-extract events (edited and decided ones are kept)", permissions=["change"]
    )
    def reextract(self, request, queryset) -> None:
        extractor = ReportExtractor(gazetteer_load())
        totals: Counter[str] = Counter()
        failed: list[str] = []
        for report in queryset:
            try:
                outcome = services.report_reextract(report, extractor=extractor)
            except Exception:  # one report the pipeline chokes on keeps its events
                logger.exception("re-extracting report %s failed", report.pk)
                failed.append(str(report))
                continue
            for name in ("added", "updated", "unchanged", "kept", "removed"):
                totals[name] += getattr(outcome, name)
        done = len(queryset) - len(failed)
        if done:
            self.message_user(
                request,
                f"Re-extracted {done} report{'s' * (done != 1)}: {totals['added']} added, "
                f"{totals['updated']} updated, {totals['kept']} kept, "
                f"{totals['removed']} removed ({totals['unchanged']} unchanged).",
            )
        if failed:
            self.message_user(
                request,
                f"Re-extraction failed for {', '.join(failed)}; their events are as they were.",
                messages.ERROR,
            )
