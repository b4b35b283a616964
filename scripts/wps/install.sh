#!/bin/sh
# Installs the Taizhang WPS add-in for this user only (no admin rights): copies the add-in folder
# beside this script into ~/.local/share/Kingsoft/wps/jsaddons and adds its entry to publish.xml,
# keeping every other add-in's entry. Running it twice leaves one entry. Restart WPS 表格 afterwards.
set -eu
NAME="@NAME@"
VERSION="@VERSION@"
FOLDER="${NAME}_${VERSION}"
HERE=$(cd "$(dirname "$0")" && pwd)
DEST="${HOME}/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$DEST"
rm -rf "${DEST:?}/$FOLDER"
cp -R "$HERE/$FOLDER" "$DEST/$FOLDER"
PUB="$DEST/publish.xml"
ENTRY="<jsplugin name=\"$NAME\" type=\"et\" url=\"$FOLDER\" version=\"$VERSION\" enable=\"enable_dev\"/>"
if [ ! -f "$PUB" ] || ! grep -q "</jsplugins>" "$PUB"; then
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n' > "$PUB"
fi
TMP="$PUB.taizhang.tmp"
# Our earlier entry goes (whatever its version), every other line stays; ours goes before </jsplugins>.
awk -v name="$NAME" -v entry="$ENTRY" '
  { gsub("<jsplugin [^>]*name=\"" name "\"[^>]*/>", "") }
  /<\/jsplugins>/ && !done { sub("</jsplugins>", "  " entry "\n</jsplugins>"); done = 1 }
  /^[ \t]*$/ { next }
  { print }
' "$PUB" > "$TMP"
mv "$TMP" "$PUB"
echo "Taizhang $VERSION installed in $DEST/$FOLDER"
