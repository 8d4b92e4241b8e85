"""Reports, the events extracted from them, and the taxonomy they are tagged with."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Report(models.Model):
    """One source text as it was received; events are extracted from it."""

    title = models.CharField(max_length=500, blank=True)
    source = models.CharField("outlet", max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateTimeField(db_index=True)
    language = models.CharField(max_length=16, default="en")
    raw_text = models.TextField(help_text="The file's text exactly as received.")
    file_name = models.CharField(max_length=255, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    imported_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published", "id"]

    def __str__(self) -> str:
        return self.title or self.file_name or f"Report {self.pk}"


class Region(models.Model):
    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        OBLAST = "oblast", "Oblast / province"
        CITY = "city", "City or town"
        SEA = "sea", "Sea"
        AREA = "area", "Area"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    aliases = models.JSONField(default=list, blank=True, help_text="Other spellings.")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    confirmed = models.BooleanField(
        default=True, help_text="Unchecked for places the extraction found on its own."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Actor(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", "State"
        ORGANIZATION = "organization", "Organisation"
        PERSON = "person", "Person"
        GROUP = "group", "Group"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    affiliation = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="A person's state or organisation.",
    )
    aliases = models.JSONField(default=list, blank=True, help_text="Other spellings.")
    confirmed = models.BooleanField(
        default=True, help_text="Unchecked for people the extraction found on its own."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    patterns = models.TextField(
        blank=True, help_text="One case-insensitive regular expression per line."
    )
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name


class EventQuerySet(models.QuerySet):
    def visible(self) -> EventQuerySet:
        """What the public timeline shows: never hidden or merged events, and with
        settings.TIMELINE_REVIEWED_ONLY only the events an editor has reviewed."""
        if getattr(settings, "TIMELINE_REVIEWED_ONLY", False):
            return self.filter(status=Event.Status.REVIEWED)
        return self.exclude(status__in=[Event.Status.HIDDEN, Event.Status.MERGED])

    def newest_first(self) -> EventQuerySet:
        return self.order_by("-date", "-report__published", "report_id", "position")

    def with_tags(self) -> EventQuerySet:
        return self.select_related("report").prefetch_related("regions", "actors", "topics")

    def with_evidence(self) -> EventQuerySet:
        """Tags and the extraction's evidence, as the JSON exports write them."""
        return self.with_tags().select_related("evidence")


# Kept by name so curation can record an event's fields and tags as one version.
event_history = HistoricalRecords(m2m_fields=["regions", "actors", "topics", "sources"])


class Event(models.Model):
    """One dated happening or statement, extracted from a report and curated by editors."""

    class Status(models.TextChoices):
        UNREVIEWED = "unreviewed", "Unreviewed"
        REVIEWED = "reviewed", "Reviewed"
        HIDDEN = "hidden", "Hidden"
        MERGED = "merged", "Merged"  # into `merged_into`; kept so re-extraction never re-adds it

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    date = models.DateField()
    precision = models.CharField(max_length=8, choices=Precision.choices, default=Precision.DAY)
    title = models.CharField(max_length=300)
    text = models.TextField()
    # The sentences exactly as extracted: editors change `text`, never this, so re-extraction
    # can recognise an event an editor touched and the permalink can quote its source.
    quote = models.TextField(blank=True, editable=False)
    position = models.PositiveIntegerField(help_text="Order of the event within its report.")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.UNREVIEWED)
    edited = models.BooleanField(
        default=False, help_text="Changed by an editor: re-extraction never overwrites it."
    )
    regions = models.ManyToManyField(Region, blank=True, related_name="events")
    actors = models.ManyToManyField(Actor, blank=True, related_name="events")
    topics = models.ManyToManyField(Topic, blank=True, related_name="events")
    sources = models.ManyToManyField(
        Report,
        blank=True,
        related_name="cited_by",
        help_text="Other reports telling this event, besides its own report.",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="absorbed",
        help_text="The event this one was merged into.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    history = event_history

    class Meta:
        ordering = ["-date", "report_id", "position"]
        indexes = [
            # The timeline's two orders, so a page is read off an index, never sorted. The
            # status rides along so that visibility, the date histogram and the count are
            # answered from the index alone, without reading the events' wide rows.
            models.Index(fields=["-date", "report", "position", "status"], name="event_newest"),
            models.Index(fields=["date", "report", "position", "status"], name="event_oldest"),
            models.Index(fields=["status", "-date"], name="event_status_date"),
            models.Index(fields=["report", "position"], name="event_report_position"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("timeline:event_detail", args=[self.pk])

    @property
    def curated(self) -> bool:
        """Whether an editor has decided on this event (re-extraction must leave it alone)."""
        return self.edited or self.status != self.Status.UNREVIEWED


class EventEvidence(models.Model):
    """Why the machine chose an event's date, tags and topics, with a confidence for each.

    Written by extraction (`timeline.extraction.evidence` gives the shape) and refreshed by
    re-extraction for untouched events only. A table of its own, so the events' rows stay
    narrow for the timeline's scans and the evidence is read only where it is shown.
    """

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, primary_key=True, related_name="evidence"
    )
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name_plural = "event evidence"

    def __str__(self) -> str:
        return f"evidence of event {self.event_id}"


class EventPlace(models.Model):
    """An event and every place it happened in, towns' oblasts and countries included.

    Derived from `Event.regions` and the region tree (see `timeline.places`), so a
    region filter and the region tree's rolled-up counts are plain indexed lookups.
    """

    # No single-column indexes: the unique (event, region) and the (region, event) index
    # below serve lookups by either, and a million events write about four rows each.
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="places", db_index=False
    )
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="event_places", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "region"], name="eventplace_unique"),
        ]
        indexes = [models.Index(fields=["region", "event"], name="eventplace_region_event")]

    def __str__(self) -> str:
        return f"event {self.event_id} in region {self.region_id}"


class TimelineState(models.Model):
    """One row whose `version` grows with every change to the data: the cache key."""

    version = models.PositiveBigIntegerField(default=0)
    changed = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"data version {self.version}"


class Tally(models.Model):
    """How many events the public sees per tag, per tag and day, and per day: facet
    counts and date histograms read instead of counted.

    Kept by the database's own triggers (`timeline.tally_sql`, installed by migration
    0011), so no write path, bulk inserts and raw SQL included, can leave it behind.
    "Sees" means neither hidden nor merged (with TIMELINE_REVIEWED_ONLY the timeline
    counts instead).
    """

    facet = models.CharField(max_length=8)  # "region", "actor", "topic", or "day" for all
    key = models.IntegerField()  # the tag's id (0 for "day")
    day = models.IntegerField(default=0)  # the date as YYYYMMDD; 0 for a tag's total
    events = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "key", "day"], name="tally_facet_key_day")
        ]
        # A facet's totals (day 0) in one range read, counts included.
        indexes = [models.Index(fields=["facet", "day", "key", "events"], name="tally_totals")]

    def __str__(self) -> str:
        return f"{self.facet} {self.key} on {self.day}: {self.events} events"


class TallyPair(models.Model):
    """How many events the public sees with both of two tags of different facets, stored
    both ways round: one facet's counts under a single value of another, read."""

    facet = models.CharField(max_length=8)
    key = models.IntegerField()
    other_facet = models.CharField(max_length=8)
    other_key = models.IntegerField()
    events = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["other_facet", "other_key", "facet", "key"], name="tallypair_keys"
            )
        ]

    def __str__(self) -> str:
        return f"{self.facet} {self.key} with {self.other_facet} {self.other_key}: {self.events}"


class TallyPause(models.Model):
    """While a transaction holds a row here, its own tally triggers stand aside (see
    `timeline.tallies.tallies_paused`); it is never committed."""

    def __str__(self) -> str:
        return "tally triggers paused"
