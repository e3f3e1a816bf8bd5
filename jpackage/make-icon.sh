#!/bin/sh
# Regenerates jpackage/usher.png (256x256), the launcher and menu icon. Only needed when the
# icon changes: the PNG is committed, so a build never needs ImageMagick.
# Debian: apt-get install -y --no-install-recommends imagemagick (call /usr/bin/convert, the real one).
set -eu
cd "$(dirname "$0")"
/usr/bin/convert -size 256x256 xc:none \
  -fill '#2E5AAC' -draw 'roundrectangle 8,8 247,247 48,48' \
  -fill white -font DejaVu-Sans-Bold -pointsize 180 -gravity center -annotate +0+6 'U' \
  -strip PNG32:usher.png
