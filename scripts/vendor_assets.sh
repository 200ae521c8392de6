#!/usr/bin/env bash
# Vendor the web app's front-end libraries from the npm registry at build time.
# They are not committed (src/jixiao/web/static/vendor/ is ignored) and never fetched at run
# time: `make test` and `make demo` run this once (a stamp file records the versions).
set -euo pipefail
cd "$(dirname "$0")/.."

HTMX_VERSION=2.0.11
ECHARTS_VERSION=6.1.0
DEST=src/jixiao/web/static/vendor

if ! command -v npm >/dev/null; then
    echo "vendor_assets: npm is needed (apt-get install npm)" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() {  # package version file-in-dist
    local package=$1 version=$2 file=$3
    local tarball
    tarball="$work/$(cd "$work" && npm pack --silent "$package@$version" | tail -n 1)"
    tar -xzf "$tarball" -C "$work" "package/dist/$file"
    install -m 0644 "$work/package/dist/$file" "$DEST/$file"
    rm -rf "$work/package" "$tarball"
}

mkdir -p "$DEST"
fetch htmx.org "$HTMX_VERSION" htmx.min.js
fetch echarts "$ECHARTS_VERSION" echarts.min.js
printf 'htmx.org@%s\necharts@%s\n' "$HTMX_VERSION" "$ECHARTS_VERSION" > "$DEST/VERSIONS"
echo "vendor_assets: htmx $HTMX_VERSION, echarts $ECHARTS_VERSION -> $DEST"
