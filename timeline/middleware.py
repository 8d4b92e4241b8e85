"""Response headers Django does not send by itself: Content-Security-Policy and
Permissions-Policy. (SecurityMiddleware sends nosniff, Referrer-Policy, the
Cross-Origin-Opener-Policy and, over HTTPS, HSTS; XFrameOptionsMiddleware sends DENY.)
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

CSP = "Content-Security-Policy"


class ContentSecurityPolicyMiddleware:
    """The site's policy on every response; a view's own directives replace the site's.

    The embed view sends `frame-ancestors *`, which keeps the rest of the policy and lets
    any site frame it. The admin gets CONTENT_SECURITY_POLICY_ADMIN.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.DEBUG and response.status_code >= 400:
            return response  # Django's debug error pages are styled and scripted inline
        policy = (
            settings.CONTENT_SECURITY_POLICY_ADMIN
            if _in_admin(request)
            else settings.CONTENT_SECURITY_POLICY
        )
        response[CSP] = policy_format({**policy, **policy_parse(response.get(CSP, ""))})
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _in_admin(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.app_name == "admin"


def policy_parse(header: str) -> dict[str, list[str]]:
    """A policy header as {directive: [sources]}."""
    directives = {}
    for part in header.split(";"):
        if words := part.split():
            directives[words[0].lower()] = words[1:]
    return directives


def policy_format(directives: dict[str, list[str]]) -> str:
    """{directive: [sources]} as a policy header."""
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())
