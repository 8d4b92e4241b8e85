"""Hostile query strings against every public view: never a 500, always a valid answer.

Hypothesis generates query strings (unknown and repeated keys, huge values, broken
percent-escapes and invalid UTF-8, SQL and HTML fragments, impossible dates, negative and
huge pages) and sends each to one endpoint. The response must be a redirect to a local,
canonical URL that then answers 200, or a 200 whose body parses as its type says, with
no input reflected unescaped. A few hundred examples by default (a few seconds); for
thousands: `HOSTILE_EXAMPLES=5000 pytest tests/test_hostile_queries.py`.
"""

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_event
from timeline.models import Actor, Region, Topic

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "300"))

HTMX = {"HTTP_HX_REQUEST": "true"}
ENDPOINTS = [
    ("/", {}),
    ("/", HTMX),  # the htmx partial
    ("/", {**HTMX, "HTTP_HX_TRIGGER": "load-more"}),
    ("/", {**HTMX, "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}),
    ("/events.json", {}),
    ("/events.csv", {}),
    ("/events.timelinejs.json", {}),
    ("/feed.atom", {}),
    ("/feed.rss", {}),
    ("/embed/", {}),
]
KEYS = ["region", "actor", "topic", "from", "to", "q", "sort", "page", "region[]", "Page"]
# Fragments that must never come back as markup (each distinctive enough to search for).
MARKUP = [
    '<script>alert("q1")</script>',
    '"><svg onload=alert(2)>',
    "'><img src=x onerror=alert(3)>",
    "</textarea><script>alert(4)</script>",
    "<!--",
    "]]><evil/>",
]
FRAGMENTS = [
    *MARKUP,
    "' OR 1=1 --",
    "'; DROP TABLE timeline_event; --",
    '" OR ""="',
    "1) UNION SELECT password FROM auth_user --",
    "NEAR(a b)",
    'kharkiv" OR "x',
    "a* OR b*",
    "{{ 7*7 }}",
    "javascript:alert(1)",
    "\\",
    "\x00",
    "\u202e\u0000\ufeff",
    "𝔘𝔨𝔯𝔞𝔦𝔫𝔢",
    "kharkiv",
    "russia",
    "battlefield",
    "ukraine",
    "newest",
    "oldest",
]
DATES = [
    "0000-00-00",
    "9999-99-99",
    "2022-02-30",
    "0001-01-01",
    "9999-12-31",
    "-2022-05-18",
    "2022-5-8",
    "20220518",
    "2022-05-18T25:61",
    "1e9",
]
PAGES = [
    *["-1", "0", "-99999999999999999999", "99999999999999999999999", "1e10", "NaN", "0x10"],
    *["²", "٣", "١٢", "1" * 5000],  # digits int() refuses or reads; more digits than it takes
]
BROKEN_ESCAPES = [
    "%ff",
    "%fe%ff",
    "%c3%28",
    "%e2%82",
    "%ed%a0%80",  # a UTF-16 surrogate, encoded as UTF-8
    "%f4%90%80%80",  # past U+10FFFF
    "%",
    "%%",
    "%zz",
    "%0d%0a",
    "%00",
    "+",
    "&&",
    "==",
    ";",
]


def _repeat(piece: str, times: int) -> str:
    return piece * times


values = st.one_of(
    st.sampled_from(FRAGMENTS + DATES + PAGES),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.builds(
        _repeat, st.sampled_from(["a", "kharkiv ", "<b>", "9", "é"]), st.integers(1000, 20000)
    ),
)
raw_or_quoted = st.one_of(
    values.map(lambda v: quote(v, safe="")),
    st.tuples(values, st.sampled_from(BROKEN_ESCAPES)).map(lambda t: quote(t[0], safe="") + t[1]),
    st.sampled_from(BROKEN_ESCAPES),
)
pairs = st.tuples(
    st.one_of(st.sampled_from(KEYS), st.text(max_size=10).map(lambda k: quote(k, safe=""))),
    raw_or_quoted,
)
queries = st.lists(pairs, max_size=10).map(
    lambda ps: "&".join(f"{k}={v}" for k, v in ps)
) | st.sampled_from(BROKEN_ESCAPES)


@pytest.fixture
def timeline_data():
    kharkiv, battlefield = Region.objects.get(slug="kharkiv"), Topic.objects.get(slug="battlefield")
    russia = Actor.objects.get(slug="russia")
    for n in range(3):
        make_event(title=f"Shelling {n}", regions=[kharkiv], topics=[battlefield], actors=[russia])


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # The fixtures run once per test, not per example: nothing here writes to the database.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(endpoint=st.sampled_from(ENDPOINTS), query=queries)
def test_any_query_string_gets_a_valid_answer(client, timeline_data, endpoint, query):
    path, headers = endpoint
    response = client.get(f"{path}?{query}", **headers)
    if response.status_code == 302:
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location
        assert "\r" not in location and "\n" not in location
        response = client.get(location, **headers)  # the canonical URL is a fixed point
        assert response.status_code == 200, location
    assert response.status_code == 200, (path, query, response.status_code)
    _assert_valid(response)


def _assert_valid(response) -> None:
    kind = response["Content-Type"].split(";")[0]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8")
    if kind == "text/html":
        HTMLParser().feed(text)
    elif kind == "application/json":
        json.loads(text)
    elif kind == "text/csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows and all(len(row) == len(rows[0]) for row in rows)
    else:
        assert kind in ("application/atom+xml", "application/rss+xml"), kind
        ET.fromstring(body)
    if kind in ("text/html", "application/atom+xml", "application/rss+xml"):
        for markup in MARKUP:
            assert markup not in text, markup


@pytest.mark.parametrize("path", sorted({path for path, _ in ENDPOINTS}))
def test_too_many_parameters_is_a_bad_request_not_an_error(client, path):
    query = "&".join(f"region=r{n}" for n in range(1500))
    assert client.get(f"{path}?{query}").status_code == 400


@pytest.mark.parametrize("path", sorted({path for path, _ in ENDPOINTS}))
def test_a_post_is_refused(client, path):
    assert client.post(path, {"q": "x"}).status_code == 405
