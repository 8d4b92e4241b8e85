"""Security: response headers, the CSP and inline code, HTTPS, the admin's doors, escaping."""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from django.urls import reverse

from tests.conftest import ROOT, make_event
from timeline.auth import client_ip
from timeline.middleware import policy_parse
from timeline.models import Region, Topic

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
HTMX_LOAD_MORE = {**HTMX, "HTTP_HX_TRIGGER": "load-more"}
PASSWORD = "a-long-newsroom-passphrase"


@pytest.fixture
def event():
    return make_event(
        regions=[Region.objects.get(slug="kharkiv")], topics=[Topic.objects.get(slug="battlefield")]
    )


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def public_urls(event) -> list[str]:
    return [
        "/",
        "/?region=kharkiv",
        event.get_absolute_url(),
        "/events.json",
        "/events.csv",
        "/events.timelinejs.json",
        "/feed.atom",
        "/feed.rss",
        "/no-such-page/",
    ]


def policy(response) -> dict[str, list[str]]:
    return policy_parse(response["Content-Security-Policy"])


def test_every_response_carries_the_security_headers(client, event):
    for url in public_urls(event):
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert response["X-Frame-Options"] == "DENY", url
        assert "camera=()" in response["Permissions-Policy"], url
        csp = policy(response)
        assert csp["script-src"] == ["'self'"], url
        assert csp["style-src"] == ["'self'"], url
        assert csp["object-src"] == ["'none'"], url
        assert csp["frame-ancestors"] == ["'none'"], url
        assert "Strict-Transport-Security" not in response, "only over HTTPS"


def test_the_embed_may_be_framed_anywhere_and_keeps_the_rest_of_the_policy(client, event):
    response = client.get("/embed/?region=kharkiv")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    csp = policy(response)
    assert csp["frame-ancestors"] == ["*"]
    assert csp["script-src"] == ["'self'"] and csp["default-src"] == ["'self'"]


def test_the_admin_allows_inline_styles_but_never_inline_scripts(client, editor):
    client.force_login(editor)
    csp = policy(client.get(reverse("admin:timeline_event_changelist")))
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]


class InlineCode(HTMLParser):
    """Inline scripts, style elements, style attributes and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        data = attributes.get("type") in ("application/json", "application/ld+json")
        if tag == "script" and "src" not in attributes and not data:
            self.found.append(f"inline <script> {attributes}")
        if tag == "style":
            self.found.append("<style> element")
        for name, _ in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f'{name}="…" on <{tag}>')


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def test_the_public_pages_have_no_inline_code_for_the_policy_to_block(client, event):
    pages = [
        client.get("/"),
        client.get("/?region=kharkiv", **HTMX_LOAD_MORE),
        client.get("/?region=kharkiv", **HTMX),
        client.get(event.get_absolute_url()),
        client.get("/embed/"),
        client.get("/?from=banana"),  # with the ignored-value notice
    ]
    for response in pages:
        assert response.status_code == 200
        assert inline_code(response.content.decode()) == [], response.request["PATH_INFO"]


def test_the_admin_pages_have_no_inline_script(client, editor, event):
    client.force_login(editor)
    urls = [
        reverse("admin:index"),
        reverse("admin:timeline_event_changelist"),
        reverse("admin:timeline_event_change", args=[event.pk]),
        reverse("admin:timeline_event_history", args=[event.pk]),
        reverse("admin:timeline_event_split", args=[event.pk]),
        reverse("admin:timeline_report_add"),
    ]
    for url in urls:
        scripts = [c for c in inline_code(client.get(url).content.decode()) if "script" in c]
        assert scripts == [], url


# HTTPS: the settings HTTPS=1 turns on (timeline/settings.py), applied here by hand.
SECURE = {
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "HTTPS": True,
}


@override_settings(**SECURE)
def test_over_https_plain_http_is_redirected_and_browsers_told_to_stay(client, editor):
    response = client.get("/?region=kharkiv")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/?region=kharkiv"
    proxied = {"HTTP_X_FORWARDED_PROTO": "https"}
    response = client.get("/", **proxied)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    login = reverse("admin:login")
    page = client.get(login, **proxied)
    assert page.cookies["csrftoken"]["secure"]
    client.post(login, {"username": "editor", "password": PASSWORD}, **proxied)
    assert client.cookies["sessionid"]["secure"]


def deploy_check(**env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "HTTPS", "DJANGO_SETTINGS_MODULE", "HSTS_SECONDS"}
    }
    environment |= {
        "SECRET_KEY": "x8Qv1-throwaway-deploy-check-key-Zr7mK2pL9sT4wY6bN3cF5hJ0dG",
        "ALLOWED_HOSTS": "timeline.example.org",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check_with_no_warning():
    result = deploy_check(HTTPS="1")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_without_https_the_deploy_check_names_what_is_missing():
    result = deploy_check()
    assert result.returncode != 0
    for code in ("W004", "W008", "W012", "W016"):  # HSTS, redirect, secure cookies
        assert f"security.{code}" in result.stderr


@pytest.mark.parametrize(
    ("https", "forwarded", "expected"),
    [
        (False, "6.6.6.6", "10.0.0.1"),  # no proxy: the header is the client's own word
        (True, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the proxy appends the real client
        (True, "", "10.0.0.1"),
    ],
)
def test_the_login_throttle_counts_by_the_address_the_proxy_saw(rf, https, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(HTTPS=https):
        assert client_ip(request) == expected


# The admin's doors.


def test_the_admin_asks_anyone_not_logged_in_to_log_in(client, event):
    for url in [
        reverse("admin:index"),
        reverse("admin:timeline_event_change", args=[event.pk]),
        reverse("admin:auth_user_changelist"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_admin_forms_need_the_csrf_token(editor, event):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 403
    client.force_login(editor)
    url = reverse("admin:timeline_event_change", args=[event.pk])
    assert client.post(url, {"title": "Changed"}).status_code == 403
    event.refresh_from_db()
    assert event.title != "Changed"


def login(client, password: str, address: str = "10.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": "editor", "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_login_out_from_that_address(client, editor):
    for _ in range(4):
        assert login(client, "wrong").status_code == 200  # the form again, with an error
    assert login(client, "wrong").status_code == 429
    locked = login(client, PASSWORD)
    assert locked.status_code == 429, "even the right password, while locked out"
    assert "_auth_user_id" not in client.session
    # The editor at their own desk is not locked out by someone guessing elsewhere.
    elsewhere = Client()
    assert login(elsewhere, PASSWORD, address="10.0.0.2").status_code == 302
    assert "_auth_user_id" in elsewhere.session


def test_a_right_password_resets_the_count(client, editor):
    for _ in range(4):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert login(client, "wrong").status_code == 200
    assert login(client, PASSWORD).status_code == 302


def test_an_editor_cannot_reach_user_management_or_raise_their_own_rights(client, editor):
    client.force_login(editor)
    editors = Group.objects.get(name="Editors")
    for url in [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_user_change", args=[editor.pk]),
        reverse("admin:auth_user_password_change", args=[editor.pk]),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_group_change", args=[editors.pk]),
        reverse("admin:axes_accessattempt_changelist"),
    ]:
        assert client.get(url).status_code == 403, url
    escalate = {
        "username": "editor",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [editors.pk],
        "date_joined_0": "2022-01-01",
        "date_joined_1": "00:00:00",
    }
    url = reverse("admin:auth_user_change", args=[editor.pk])
    assert client.post(url, escalate).status_code == 403
    add = {"username": "boss", "password1": PASSWORD, "password2": PASSWORD}
    assert client.post(reverse("admin:auth_user_add"), add).status_code == 403
    group = reverse("admin:auth_group_change", args=[editors.pk])
    assert client.post(group, {"name": "Editors", "permissions": []}).status_code == 403
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert not editor.has_perm("auth.change_user")
    assert editor.get_all_permissions() == {
        f"timeline.{p.codename}" for p in editors.permissions.all()
    }


# Report text is text, everywhere it is shown.

SCRIPT = '<script>alert("owned")</script>'
IMAGE = '<img src=x onerror="alert(1)">'


@pytest.fixture
def hostile():
    return make_event(
        title=f"Shelling {IMAGE}",
        text=f"Russian forces shelled Kharkiv. {SCRIPT} It was {IMAGE} loud.",
        regions=[Region.objects.get(slug="kharkiv")],
    )


def test_html_in_report_text_is_shown_as_text_on_every_page(client, editor, hostile):
    client.force_login(editor)
    urls = [
        "/",
        "/?q=Kharkiv",
        hostile.get_absolute_url(),
        "/embed/",
        reverse("admin:timeline_event_changelist"),
        reverse("admin:timeline_event_change", args=[hostile.pk]),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert SCRIPT not in html and IMAGE not in html, url
        assert "&lt;script&gt;" in html or "&lt;img" in html, url
    partial = client.get("/?q=Kharkiv", **HTMX).content.decode()
    assert SCRIPT not in partial and "&lt;script&gt;" in partial


def test_html_in_report_text_stays_text_in_feeds_json_and_csv(client, hostile):
    for url in ["/feed.atom", "/feed.rss"]:
        body = client.get(url).content.decode()
        assert SCRIPT not in body and IMAGE not in body
        entry = feedparser.parse(body).entries[0]
        assert entry.title == f"Shelling {IMAGE}"  # the feed's title is plain text
        assert "&lt;script&gt;" in entry.summary  # its HTML description shows the tag
    response = client.get("/events.json")
    assert response["Content-Type"].startswith("application/json")
    exported = json.loads(b"".join(response.streaming_content))
    assert exported["events"][0]["text"] == hostile.text
    timelinejs = client.get("/events.timelinejs.json")
    assert timelinejs["Content-Type"].startswith("application/json")
    # TimelineJS shows its text as HTML on other sites: it must arrive escaped.
    body = timelinejs.content.decode()
    assert SCRIPT not in body and IMAGE not in body and "&lt;script&gt;" in body
    csv = client.get("/events.csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert csv["Content-Disposition"].startswith("attachment")


@override_settings(DEBUG=True)
def test_with_debug_on_the_error_pages_keep_their_inline_styles_and_scripts(client):
    assert "Content-Security-Policy" not in client.get("/no-such-page/")
    assert "script-src 'self'" in client.get("/")["Content-Security-Policy"]
