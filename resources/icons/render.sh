#!/usr/bin/env bash
# Renders the app icon's PNG sizes for the hicolor theme from the SVG. Run by hand after
# editing the SVG (needs rsvg-convert from librsvg2-bin); the PNGs are committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for size in 16 22 24 32 48 64 128 256; do
    mkdir -p "hicolor/${size}x${size}"
    rsvg-convert -w "$size" -h "$size" org.storefront.Storefront.svg -o "hicolor/${size}x${size}/org.storefront.Storefront.png"
done
