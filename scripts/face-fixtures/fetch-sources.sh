#!/bin/sh
# Downloads the Debian packages whose images the face fixtures and the evaluation use, unpacks them
# into $SOURCES (default /tmp/invigil-face-sources) and converts their JPEGs to PPM with Debian's
# own djpeg (the server has no JPEG decoder unless `jpeg-js` is installed). Needs apt, no root.
set -eu
SOURCES="${SOURCES:-/tmp/invigil-face-sources}"
mkdir -p "$SOURCES/debs" "$SOURCES/unpacked" "$SOURCES/images"
cd "$SOURCES/debs"
apt-get download python3-skimage python-matplotlib-data opencv-doc libjpeg-turbo-progs >/dev/null 2>&1 || \
  apt-get download python3-skimage python-matplotlib-data opencv-doc libjpeg-turbo-progs
for deb in *.deb; do dpkg-deb -x "$deb" "$SOURCES/unpacked"; done
U="$SOURCES/unpacked"
DJPEG="$U/usr/bin/djpeg"
cp "$U/usr/lib/python3/dist-packages/skimage/data/astronaut.png" "$SOURCES/images/astronaut.png"
cp "$U/usr/lib/python3/dist-packages/skimage/data/camera.png" "$SOURCES/images/camera.png"
cp "$U/usr/lib/python3/dist-packages/skimage/data/coffee.png" "$SOURCES/images/coffee.png"
"$DJPEG" -pnm "$U/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg" >"$SOURCES/images/grace_hopper.ppm"
echo "$SOURCES/images"
