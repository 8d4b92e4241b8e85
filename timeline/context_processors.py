from django.urls import reverse


def timeline_urls(request):
    """The timeline's address, resolved once per page rather than once per link."""
    return {"index_url": reverse("timeline:index")}
