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
