package msg

// Messages of the layouts (layouts/*.html, package render). Communicators
// rarely meet them: they are about the site's templates.
var (
	LayoutError = def("layout.error",
		"fel i sidmallen: %s",
		"layout error: %s")
	LayoutBaseMissing = def("layout.base-missing",
		"grundmallen saknas",
		"the base layout is missing")
	HintLayoutBase = def("layout.hint.base",
		"varje webbplats behöver layouts/base.html",
		"every site needs layouts/base.html")
	LayoutMissing = def("layout.missing",
		"sidmallen finns inte",
		"the layout does not exist")
)

// Layouts a page needs, and the files of layouts/assets/.
var (
	// LayoutUnknown: the page's layout: names a layout that is not there.
	LayoutUnknown = def("layout.unknown",
		"sidmallen %q finns inte: det finns ingen layouts/%s.html",
		"the layout %q does not exist: there is no layouts/%s.html")
	// LayoutNeeded: the layout a page gets by the layout rule is not
	// there.
	LayoutNeeded = def("layout.needed",
		"webbplatsen har ingen layouts/%s.html, som den här sidan behöver",
		"the site has no layouts/%s.html, which this page needs")
	LayoutNotFoundMissing = def("layout.not-found-missing",
		"mallen för sidan som visas när en adress inte finns saknas",
		"the not-found layout is missing")
	HintLayoutNotFound = def("layout.hint.not-found",
		"varje webbplats behöver layouts/404.html",
		"every site needs layouts/404.html")
	// LayoutNoAsset: a layout asks for a file of layouts/assets/ that is
	// not there ({{asset "x.css"}}).
	LayoutNoAsset = def("layout.no-asset",
		"det finns ingen fil %q i layouts/assets",
		"there is no asset %q in layouts/assets")
	// NotMinified: a CSS, JS or HTML file cannot be made smaller for
	// publishing; the minifier's reason follows.
	NotMinified = def("layout.not-minified",
		"filen går inte att göra mindre för publicering: %v",
		"cannot be minified: %v")
	// NotMinifiedAt: the same for a file the build writes, by address.
	NotMinifiedAt = def("layout.not-minified-at",
		"/%s går inte att göra mindre för publicering: %v",
		"/%s cannot be minified: %v")
)
