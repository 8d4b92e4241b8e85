import datetime as dt

import pytest

from timeline.filters import MAX_VALUES_PER_FACET, TimelineFilters, parse_filters

KNOWN = {"region": {"kherson", "kyiv"}, "actor": {"russia"}, "topic": {"battlefield", "talks"}}


def parse(**query):
    return parse_filters(
        {k: v if isinstance(v, list) else [v] for k, v in query.items()}, known=KNOWN
    )


def test_empty_query_is_the_default_view():
    filters = parse()
    assert filters == TimelineFilters()
    assert filters.query() == ""
    assert not filters.active


def test_canonical_query_is_sorted_and_deduplicated():
    filters = parse(
        topic=["talks", "battlefield", "talks"], region="kyiv", **{"from": "2022-03-01"}
    )
    assert filters.query() == "?from=2022-03-01&region=kyiv&topic=battlefield&topic=talks"


def test_slugs_are_case_folded():
    assert parse(region="Kherson").region == ("kherson",)


@pytest.mark.parametrize(
    ("query", "ignored"),
    [
        ({"region": "atlantis"}, "unknown region “atlantis”"),
        ({"topic": "'; DROP TABLE x"}, "unknown topic"),
        ({"from": "banana"}, "from date “banana”"),
        ({"to": "9999-99-99"}, "to date"),
        ({"from": "0000-00-00"}, "from date"),
        ({"page": "-3"}, "page “-3”"),
        ({"page": "99999999999"}, "page"),
        ({"sort": "random"}, "sort “random”"),
    ],
)
def test_bad_values_are_dropped_and_reported(query, ignored):
    filters = parse(**query)
    assert filters.pairs() == []
    assert any(ignored in note for note in filters.ignored)


def test_too_many_values_are_capped():
    known = {"region": {f"r{n}" for n in range(50)}}
    filters = parse_filters({"region": [f"r{n}" for n in range(50)]}, known=known)
    assert len(filters.region) == MAX_VALUES_PER_FACET
    assert filters.ignored


def test_reversed_date_range_is_swapped():
    filters = parse(**{"from": "2022-05-01", "to": "2022-03-01"})
    assert (filters.date_from, filters.date_to) == (dt.date(2022, 3, 1), dt.date(2022, 5, 1))


def test_search_text_is_trimmed_and_bounded():
    assert parse(q="  tanks   near  Kyiv ").q == "tanks near Kyiv"
    assert len(parse(q="x" * 1000).q) == 200


def test_changing_a_filter_drops_the_page():
    filters = parse(region="kyiv", page="3")
    assert filters.query() == "?page=3&region=kyiv"
    assert filters.with_value("topic", "talks").query() == "?region=kyiv&topic=talks"
    assert filters.without_value("region", "kyiv").query() == ""
    assert filters.toggled("region", "kyiv").region == ()
    assert filters.toggled("region", "kherson").region == ("kyiv", "kherson")


def test_scalars_are_replaced_and_removed():
    filters = parse(q="tanks").with_value("from", "2022-01-01").with_value("sort", "oldest")
    assert filters.query() == "?from=2022-01-01&q=tanks&sort=oldest"
    assert filters.without_value("q").query() == "?from=2022-01-01&sort=oldest"
    assert filters.cleared().query() == "?sort=oldest"


def test_without_known_slugs_only_the_shape_is_checked():
    filters = parse_filters({"region": ["anything-goes", "no spaces"]})
    assert filters.region == ("anything-goes",)
