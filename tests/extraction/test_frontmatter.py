import datetime as dt

import pytest

from timeline.extraction.frontmatter import FrontMatterError, parse_published, parse_report


def test_fields_and_body_are_split():
    parsed = parse_report(
        "---\ntitle: Talks in Istanbul\nsource: Bloomberg\npublished: 2022-03-30\n"
        "url: https://example.org/a\nlanguage: en\nauthor: Jane\n---\nBody line.\n"
    )
    assert parsed.title == "Talks in Istanbul"
    assert parsed.source == "Bloomberg"
    assert parsed.url == "https://example.org/a"
    assert parsed.language == "en"
    assert parsed.published == dt.datetime(2022, 3, 30, tzinfo=dt.UTC)
    assert parsed.extra == {"author": "Jane"}
    assert parsed.body == "Body line.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-30", dt.datetime(2022, 3, 30, tzinfo=dt.UTC)),
        ("'2022-03-30'", dt.datetime(2022, 3, 30, tzinfo=dt.UTC)),
        ("2022-03-30T14:05:00", dt.datetime(2022, 3, 30, 14, 5, tzinfo=dt.UTC)),
        ("2022-03-30T14:05:00+02:00", dt.datetime(2022, 3, 30, 12, 5, tzinfo=dt.UTC)),
        ("2022-03-30 14:05Z", dt.datetime(2022, 3, 30, 14, 5, tzinfo=dt.UTC)),
    ],
)
def test_published_accepts_iso_dates_and_datetimes(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "30/03/2022", "2022-13-01", "2022-02-30", ""])
def test_published_rejects_other_forms(value):
    with pytest.raises(FrontMatterError, match="not an ISO 8601 date"):
        parse_published(value)


def test_no_front_matter_keeps_the_whole_text_as_body():
    parsed = parse_report("Kyiv, 2 March.\nSecond line.")
    assert parsed.published is None
    assert parsed.body == "Kyiv, 2 March.\nSecond line."


def test_bom_and_crlf_are_tolerated():
    parsed = parse_report("\ufeff---\r\npublished: 2022-03-30\r\n---\r\nBody\r\n")
    assert parsed.published.date() == dt.date(2022, 3, 30)
    assert parsed.body.strip() == "Body"


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(FrontMatterError, match="never closed"):
        parse_report("---\npublished: 2022-03-30\nBody without a closing fence\n")


def test_malformed_line_is_an_error():
    with pytest.raises(FrontMatterError, match="line 3"):
        parse_report("---\npublished: 2022-03-30\nthis is not a field\n---\nBody\n")


def test_invalid_published_date_is_an_error():
    with pytest.raises(FrontMatterError, match="not an ISO 8601 date"):
        parse_report("---\npublished: March 30\n---\nBody\n")
