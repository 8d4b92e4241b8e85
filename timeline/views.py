"""Thin views: parse the request, ask a selector, render."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import Event
from .selectors import event_page, events_by_date


@require_GET
def timeline_index(request: HttpRequest) -> HttpResponse:
    page = event_page(page_number=request.GET.get("page"))
    context = {"page": page, "days": events_by_date(page.object_list)}
    return render(request, "timeline/index.html", context)


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.visible().with_tags(), pk=pk)
    return render(request, "timeline/event_detail.html", {"event": event})
