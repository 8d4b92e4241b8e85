"""Logins: brute-force protection (django-axes) and the client address it counts by."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' lockout check on logins over HTTP.

    A login without a request (a management command, the shell, a test) cannot be a
    remote guess, so it is not counted; axes itself would refuse it outright.
    """

    def authenticate(self, request: HttpRequest | None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def client_ip(request: HttpRequest) -> str:
    """The address a login attempt came from, as the TLS proxy saw it when there is one.

    Behind the proxy (HTTPS=1) every request comes from the proxy, which appends the real
    client to X-Forwarded-For; only that last entry is the proxy's word, the rest is
    whatever the client sent.
    """
    if settings.HTTPS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")
