#!/bin/bash
# Signs "Device Check.app" (hardened runtime), puts it in a .dmg, notarises the .dmg and staples the ticket.
# Run on macOS after `python3 packaging/package.py [--profile FILE]` has built packaging/out/Device Check.app.
#
#   packaging/macos/sign_and_notarize.sh "Developer ID Application: Northfield Supply Teachers Ltd (AB12CD34EF)"
#
# Notarisation credentials, one of (see packaging/README.md):
#   NOTARY_PROFILE=name                      a profile saved with `xcrun notarytool store-credentials`
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   an Apple ID with an app-specific password
#   NOTARY_KEY=AuthKey_XXXX.p8, NOTARY_KEY_ID, NOTARY_ISSUER   an App Store Connect API key
set -euo pipefail

IDENTITY="${1:?usage: $0 \"Developer ID Application: Name (TEAMID)\"}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
APP="$ROOT/packaging/out/Device Check.app"
ENTITLEMENTS="$ROOT/packaging/macos/entitlements.plist"
BRAND="$ROOT/packaging/out/brand.json"   # written by packaging/package.py: version and file-name stem
[ -d "$APP" ] || { echo "No $APP: run python3 packaging/package.py first" >&2; exit 2; }
VERSION="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$BRAND")"
STEM="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["file_stem"])' "$BRAND")"
DMG="$ROOT/dist/$STEM-$VERSION-macos.dmg"

sign() { codesign --force --options runtime --timestamp --sign "$IDENTITY" "$@"; }

echo "Signing every library and helper inside the app first (the app's own signature seals them)"
find "$APP/Contents" -type f ! -path "*/Contents/MacOS/devicecheck" -print0 | while IFS= read -r -d '' item; do
    if file -b "$item" | grep -q "Mach-O"; then sign "$item"; fi
done
echo "Signing the app"
sign --entitlements "$ENTITLEMENTS" "$APP/Contents/MacOS/devicecheck"
sign --entitlements "$ENTITLEMENTS" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

echo "Making $DMG"
mkdir -p "$ROOT/dist"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"   # drag the app onto it to install
hdiutil create -volname "Device Check" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
codesign --force --timestamp --sign "$IDENTITY" "$DMG"

echo "Notarising (this waits for Apple's answer, usually a few minutes)"
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
elif [ -n "${NOTARY_KEY:-}" ]; then
    xcrun notarytool submit "$DMG" --key "$NOTARY_KEY" --key-id "${NOTARY_KEY_ID:?}" --issuer "${NOTARY_ISSUER:?}" --wait
else
    xcrun notarytool submit "$DMG" --apple-id "${APPLE_ID:?set NOTARY_PROFILE, NOTARY_KEY or APPLE_ID}" \
        --team-id "${APPLE_TEAM_ID:?}" --password "${APPLE_APP_PASSWORD:?}" --wait
fi
xcrun stapler staple "$DMG"
xcrun stapler validate "$DMG"
spctl --assess --type open --context context:primary-signature --verbose "$DMG"
echo "Ready to hand out: $DMG"
