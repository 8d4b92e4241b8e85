"""Thin views: parse the request, ask a selector, render (a page or its htmx partial)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from .cache import cached_by_data_version
from .selectors import (
    event_merged_into,
    event_related,
    event_source_context,
    event_visible,
    timeline_selection,
    timeline_view,
)


@require_safe
@vary_on_headers("HX-Request")
@cached_by_data_version
def timeline_index(request: HttpRequest) -> HttpResponse:
    selection = timeline_selection(dict(request.GET.lists()))
    swap = request.htmx and not request.htmx.history_restore_request
    asked = reverse("timeline:index") + selection.filters.query()
    if not swap and not selection.filters.ignored and request.get_full_path() != asked:
        return redirect(asked)  # a submitted form's query becomes the shareable one
    view = timeline_view(selection)
    canonical = reverse("timeline:index") + view.filters.query()
    context = {"view": view, "canonical": canonical}
    if swap and request.htmx.trigger == "load-more":
        return render(request, "timeline/index.html#more", context)
    if swap:
        return push_url(render(request, "timeline/index.html#swap", context), canonical)
    return render(request, "timeline/index.html", context)


@require_safe
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_visible(pk)
    if event is None:
        survivor = event_merged_into(pk)
        if survivor is not None:  # a merged event's old links lead to what it became
            return redirect(survivor, permanent=True)
        raise Http404("No such event, or it is no longer shown.")
    context = {
        "event": event,
        "related": event_related(event),
        "source": event_source_context(event),
    }
    return render(request, "timeline/event_detail.html", context)
