#!/bin/sh
# Install the built program for one user, with a menu entry and icons:
#   packaging/linux/install.sh [BUILD_FOLDER]     (default: dist/Dialogteam)
# PREFIX=/usr/local (as root) installs it for everyone; the default is ~/.local.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$(dirname "$here")")
build=${1:-$repo/dist/Dialogteam}
prefix=${PREFIX:-$HOME/.local}

if [ ! -x "$build/dialogteam" ]; then
    echo "No build in $build: run python packaging/build.py first" >&2
    exit 1
fi

rm -rf "$prefix/lib/dialogteam"
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
cp -R "$build" "$prefix/lib/dialogteam"
ln -sf "$prefix/lib/dialogteam/dialogteam" "$prefix/bin/dialogteam"

# A menu starts programs without the user's PATH, so the entry names the full path.
# The file names are the AppStream id, which the window also reports (Wayland's app id).
id=se.dialogteam.Dialogteam
sed "s|^Exec=dialogteam\$|Exec=\"$prefix/bin/dialogteam\"|" "$here/$id.desktop" \
    > "$prefix/share/applications/$id.desktop"
cp "$here/$id.metainfo.xml" "$prefix/share/metainfo/$id.metainfo.xml"

icons=$prefix/share/icons/hicolor
for png in "$repo"/packaging/icons/dialogteam-*.png; do
    size=$(basename "$png" .png | cut -d- -f2)
    mkdir -p "$icons/${size}x$size/apps"
    cp "$png" "$icons/${size}x$size/apps/dialogteam.png"
done
mkdir -p "$icons/scalable/apps"
cp "$repo/resources/icons/dialogteam.svg" "$icons/scalable/apps/dialogteam.svg"

echo "Dialogteam installed in $prefix/lib/dialogteam; start it from the menu or with $prefix/bin/dialogteam"
