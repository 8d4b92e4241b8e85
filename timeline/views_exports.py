"""Any filtered timeline, elsewhere: as JSON, CSV and TimelineJS, and as a frameable embed.

Each view takes the query string of `/` unchanged (read by `timeline_selection`, which
parses it as the timeline does). Exports hold the whole filtered set, so they ignore
`page`; the embed pages through the set as the timeline does.
"""

import json
from dataclasses import replace
from functools import partial

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .exports import csv_chunks, json_chunks, timelinejs_document
from .selectors.events import event_page, events_by_date
from .selectors.selection import TimelineSelection, selection_iter, timeline_selection


def _timeline_url(request: HttpRequest, query: str) -> str:
    return request.build_absolute_uri(reverse("timeline:index") + query)


def _public(response: HttpResponse) -> HttpResponse:
    # Read-only public data, no cookies involved: any site may fetch it (TimelineJS does).
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _head(request: HttpRequest, selection: TimelineSelection) -> dict:
    total = selection.events.count()
    return {
        "filter": {
            "description": selection.describe(total),
            "query": selection.query,
            "url": _timeline_url(request, selection.query),
            "ignored": list(selection.filters.ignored),
        },
        "total": total,
    }


@require_safe
def events_json(request: HttpRequest) -> StreamingHttpResponse:
    selection = timeline_selection(dict(request.GET.lists()))
    # Streamed like the CSV: a whole-timeline export never sits in memory at once.
    chunks = json_chunks(selection_iter(selection, evidence=True), head=_head(request, selection))
    return _public(StreamingHttpResponse(chunks, content_type="application/json; charset=utf-8"))


@require_safe
def events_csv(request: HttpRequest) -> StreamingHttpResponse:
    selection = timeline_selection(dict(request.GET.lists()))
    response = StreamingHttpResponse(
        csv_chunks(selection_iter(selection)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="events.csv"'
    return _public(response)


@require_safe
def events_timelinejs(request: HttpRequest) -> HttpResponse:
    selection = timeline_selection(dict(request.GET.lists()))
    document = timelinejs_document(
        selection_iter(selection),
        headline=selection.describe(selection.events.count()),
        url=_timeline_url(request, selection.query),
        absolute=request.build_absolute_uri,
    )
    body = json.dumps(document, ensure_ascii=False)
    return _public(HttpResponse(body, content_type="application/json; charset=utf-8"))


@require_safe
@xframe_options_exempt
def embed(request: HttpRequest) -> HttpResponse:
    """The filtered list without site chrome, for an iframe on any site."""
    selection = timeline_selection(dict(request.GET.lists()))
    response = render(request, "timeline/embed.html", _embed_context(request, selection))
    # The one page any site may frame; every other page keeps X-Frame-Options: DENY.
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response


def _embed_context(request: HttpRequest, selection: TimelineSelection) -> dict:
    filters = selection.filters
    page = event_page(selection.events, number=filters.page, sort=filters.sort)
    at = partial(replace, filters)
    return {
        "page": page,
        "days": events_by_date(page.object_list),
        "description": selection.describe(page.paginator.count),
        "full_url": _timeline_url(request, at(page=page.number).query()),
        "previous_query": at(page=page.number - 1).query() if page.has_previous() else None,
        "next_query": at(page=page.number + 1).query() if page.has_next() else None,
    }
