// The map of places: a circle per place, its area proportional to the events that place has
// under the current filters. Progressive enhancement: without this file, or without Leaflet,
// the map stays hidden and every filter works as before.
//
// The counts are the filter panel's (#map-points, replaced out of band on every htmx swap),
// and a circle toggles its place by clicking the panel's own checkbox, so the request, the
// URL and the history entry are exactly the panel's.
(function () {
  "use strict";
  if (!window.L) return;
  var WIDE = "(min-width: 60rem)";
  var UKRAINE = [[44.2, 22.1], [52.4, 40.3]]; // the story's place: where the map starts
  var BORDER_STYLES = {
    country: { color: "#8f887a", weight: 0.8, fillColor: "#f6f3ec", fillOpacity: 1 },
    ukraine: { color: "#5c5749", weight: 1.4, fillColor: "#fffbea", fillOpacity: 1 },
    "oblast-borders": { color: "#a79f8c", weight: 0.8, dashArray: "3 3", fill: false },
  };

  var state = {
    drawer: null, // the <details> this state belongs to (a history restore brings a new one)
    map: null,
    markers: {}, // slug -> Leaflet marker
    points: {}, // slug -> the point it shows
    view: null, // centre and zoom kept across a history restore
    borders: null, // the borders' GeoJSON, fetched once per page
  };

  function readPoints() {
    var script = document.getElementById("map-points");
    if (!script) return [];
    try {
      return JSON.parse(script.textContent).points || [];
    } catch (error) {
      return [];
    }
  }

  function setUp() {
    var drawer = document.getElementById("map-drawer");
    if (!drawer || !window.L || drawer === state.drawer) return;
    tearDown();
    state.drawer = drawer;
    if (drawer.hidden) {
      // Fresh from the server: open beside the list on wide screens, closed on phones.
      drawer.hidden = false;
      drawer.open = window.matchMedia(WIDE).matches;
    }
    drawer.addEventListener("toggle", function () {
      if (drawer.open) show();
    });
    if (drawer.open) show();
  }

  // A history restore swaps in a copy of the page with a dead map in it: forget the old one,
  // keeping where the reader was looking.
  function tearDown() {
    if (!state.map) return;
    state.view = { center: state.map.getCenter(), zoom: state.map.getZoom() };
    try {
      state.map.remove();
    } catch (error) {
      // Its container has left the document already; nothing else holds on to it.
    }
    state.map = null;
    state.markers = {};
    state.points = {};
  }

  function show() {
    if (state.map) state.map.invalidateSize();
    else create();
    update();
  }

  function create() {
    var container = document.getElementById("map");
    container.innerHTML = ""; // what a restored snapshot left of the previous map
    container.className = "map";
    var map = L.map(container, {
      minZoom: 1,
      maxZoom: 10,
      zoomSnap: 0.5,
      worldCopyJump: false,
      maxBounds: [[-80, -240], [85, 240]],
      maxBoundsViscosity: 0.8,
    });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
    map.attributionControl.addAttribution(state.drawer.dataset.attribution);
    new FitControl().addTo(map);
    state.map = map;
    if (state.view) map.setView(state.view.center, state.view.zoom);
    else firstView(map, readPoints());
    drawBorders(map);
  }

  // The first view shows Ukraine and its neighbours, unless no place of these events is there.
  function firstView(map, points) {
    var ukraine = L.latLngBounds(UKRAINE);
    var near = points.some(function (p) {
      return ukraine.pad(0.3).contains([p.latitude, p.longitude]);
    });
    if (near || !points.length) map.fitBounds(ukraine);
    else fitPoints(map, points);
  }

  function fitPoints(map, points) {
    if (!points.length) return map.fitBounds(UKRAINE);
    var bounds = L.latLngBounds(points.map(function (p) { return [p.latitude, p.longitude]; }));
    map.fitBounds(bounds.pad(0.1), { maxZoom: 7 });
  }

  function drawBorders(map) {
    if (!state.borders) {
      state.borders = fetch(state.drawer.dataset.borders).then(function (response) {
        if (!response.ok) throw new Error("borders: HTTP " + response.status);
        return response.json();
      });
    }
    state.borders.then(function (geojson) {
      if (state.map !== map) return; // replaced meanwhile by a history restore
      L.geoJSON(geojson, {
        renderer: L.canvas({ padding: 0.5 }), // thousands of vertices: canvas, not SVG nodes
        interactive: false,
        style: function (feature) {
          var kind = feature.id === "804" ? "ukraine" : feature.properties.kind;
          return BORDER_STYLES[kind] || BORDER_STYLES.country;
        },
      }).addTo(map);
    }).catch(function () {
      state.borders = null; // the circles still work on a blank sea; try again next time
    });
  }

  // Markers are updated in place, so the circle a keyboard user is on keeps the focus.
  function update() {
    if (!state.map) return;
    var points = readPoints();
    var seen = {};
    points.forEach(function (point, rank) {
      seen[point.slug] = true;
      var marker = state.markers[point.slug];
      if (marker) {
        marker.setIcon(icon(point));
        marker.setTooltipContent(point.label);
      } else {
        marker = L.marker([point.latitude, point.longitude], { icon: icon(point), keyboard: true });
        marker.bindTooltip(point.label, { direction: "top" });
        marker.on("click", function () { toggle(state.points[point.slug]); });
        marker.addTo(state.map);
        marker.getElement().addEventListener("keydown", function (event) {
          if (event.key !== "Enter" && event.key !== " ") return;
          event.preventDefault();
          toggle(state.points[point.slug]);
        });
        state.markers[point.slug] = marker;
      }
      state.points[point.slug] = point;
      // Smaller circles (sorted last) stay on top of the larger ones around them.
      marker.setZIndexOffset(1000 * (rank + 1));
      label(marker.getElement(), point);
    });
    var focusLost = false;
    Object.keys(state.markers).forEach(function (slug) {
      if (seen[slug]) return;
      var element = state.markers[slug].getElement();
      focusLost = focusLost || (element && element === document.activeElement);
      state.markers[slug].remove();
      delete state.markers[slug];
      delete state.points[slug];
    });
    if (focusLost) state.map.getContainer().focus();
  }

  function icon(point) {
    var size = Math.round(point.radius * 2);
    return L.divIcon({
      className: "map-place map-place--" + point.kind + (point.selected ? " is-selected" : ""),
      iconSize: [size, size],
      tooltipAnchor: [0, -point.radius],
      html: "",
    });
  }

  function label(element, point) {
    element.setAttribute("aria-label", point.label);
    element.setAttribute("aria-pressed", point.selected ? "true" : "false");
    element.dataset.slug = point.slug;
    element.dataset.count = point.count;
  }

  function toggle(point) {
    if (!point) return;
    // Every point is a value of the panel's own tree, so its checkbox is always there.
    var box = document.getElementById("region-" + point.slug);
    if (box) box.click(); // the panel's change: its request, its URL, its history entry
  }

  var FitControl = L.Control.extend({
    options: { position: "topright" },
    onAdd: function (map) {
      var button = L.DomUtil.create("button", "map-fit");
      button.type = "button";
      button.textContent = "Show all places";
      L.DomEvent.disableClickPropagation(button);
      L.DomEvent.on(button, "click", function () { fitPoints(map, readPoints()); });
      return button;
    },
  });

  document.addEventListener("DOMContentLoaded", setUp);
  document.addEventListener("htmx:historyRestore", setUp);
  document.addEventListener("htmx:afterSettle", function () {
    setUp();
    if (state.drawer && state.drawer.open) update();
  });
})();
