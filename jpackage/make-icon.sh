#!/bin/sh
# Regenerates the icons from one drawing: usher.png (256x256; Linux launcher and menu),
# usher.ico (Windows, 16–256 px) and usher.icns (macOS, 16–512 px). Only needed when the icon
# changes: they are committed, so a build never needs these tools.
# Debian: apt-get install -y --no-install-recommends imagemagick icnsutils
# (call /usr/bin/convert, the real one).
set -eu
cd "$(dirname "$0")"
draw() { # size file
  /usr/bin/convert -size 512x512 xc:none \
    -fill '#2E5AAC' -draw 'roundrectangle 16,16 495,495 96,96' \
    -fill white -font DejaVu-Sans-Bold -pointsize 360 -gravity center -annotate +0+12 'U' \
    -resize "$1x$1" -strip "PNG32:$2"
}
draw 256 usher.png
/usr/bin/convert usher.png -define icon:auto-resize=256,128,64,48,32,16 usher.ico
tmp=$(mktemp -d)
for size in 16 32 128 256 512; do draw "$size" "$tmp/$size.png"; done
png2icns usher.icns "$tmp"/16.png "$tmp"/32.png "$tmp"/128.png "$tmp"/256.png "$tmp"/512.png >/dev/null
rm -rf "$tmp"
