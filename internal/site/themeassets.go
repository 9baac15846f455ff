package site

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
)

// The theme's assets (layouts/assets of the program's theme: every site
// without assets of its own has them) are kept here as the build minifies
// them, so that a build takes them instead of minifying the same 55 KB of
// JavaScript and 16 KB of CSS again (about 5 ms of CPU, on every build
// in a fresh clone as on every other). An entry is named by the SHA-256
// of the media type, a 0 byte and the source, so a site's own asset, or
// one edited, is minified as before. TestThemeMinified holds the entries
// to the minifier and to the theme (go test ./internal/site -run
// TestThemeMinified -update writes them anew).
//
//go:embed themeassets
var themeAssets embed.FS

// themeAssetsDir is the entries' folder.
const themeAssetsDir = "themeassets"

// assetKey is the name of the entry of an asset of media type mt.
func assetKey(mt string, src []byte) string {
	h := sha256.New()
	h.Write([]byte(mt))
	h.Write([]byte{0})
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

// themeMinified returns the asset src of media type mt minified, when it
// is one of the theme's.
func themeMinified(mt string, src []byte) ([]byte, bool) {
	data, err := themeAssets.ReadFile(themeAssetsDir + "/" + assetKey(mt, src))
	return data, err == nil
}
