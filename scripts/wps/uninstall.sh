#!/bin/sh
# Removes the Taizhang WPS add-in of this user: its folder and its publish.xml entry; every other
# add-in's entry stays. Running it twice is harmless.
set -eu
NAME="@NAME@"
DEST="${HOME}/.local/share/Kingsoft/wps/jsaddons"
PUB="$DEST/publish.xml"
for d in "$DEST/${NAME}_"*; do [ -d "$d" ] && rm -rf "$d"; done
if [ -f "$PUB" ]; then
  TMP="$PUB.taizhang.tmp"
  awk -v name="$NAME" '
    { gsub("<jsplugin [^>]*name=\"" name "\"[^>]*/>", "") }
    /^[ \t]*$/ { next }
    { print }
  ' "$PUB" > "$TMP"
  mv "$TMP" "$PUB"
fi
echo "Taizhang removed from $DEST"
