"""One number, `TimelineState.version`, grows with every change to the data.

Rendered timeline pages are cached under it, so a cached page can never be stale:
after any import, edit or merge the version moves on and old entries are simply
never asked for again (they expire on their own).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from .models import TimelineState

PAGE_TIMEOUT = 60 * 60


def data_version() -> int:
    return TimelineState.objects.values_list("version", flat=True).first() or 0


DataState = tuple[int, dt.datetime | None]


def data_state() -> DataState:
    """The version with the time it last moved: unlike the version alone, never the same
    twice, even after a restore brings back an older version number."""
    return TimelineState.objects.values_list("version", "changed").first() or (0, None)


def data_changed() -> None:
    """Mark the data as changed (call after writes that bypass model signals)."""
    # update() skips auto_now, so the time is set here: it is what keeps a version number
    # that a file-level restore brings back from ever naming the same state twice.
    moved = TimelineState.objects.filter(pk=1).update(
        version=F("version") + 1, changed=timezone.now()
    )
    if not moved:
        TimelineState.objects.get_or_create(pk=1, defaults={"version": 1})


def cached_by_data_version(view):
    """Cache a GET view's successful responses per data version, host, path and htmx kind."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        htmx = (
            request.headers.get("HX-Request", "")
            + "|"
            + request.headers.get("HX-History-Restore-Request", "")
            + "|"
            + request.headers.get("HX-Trigger", "")
        )
        identity = f"{request.get_host()}|{request.get_full_path()}|{htmx}|{args}|{kwargs}"
        key = f"page:{data_version()}:{hashlib.sha256(identity.encode()).hexdigest()}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, response, PAGE_TIMEOUT)
        return response

    return wrapper
