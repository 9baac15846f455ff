package render

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the layouts (layouts/*.html, package render). Communicators
// rarely meet them: they are about the site's templates.
var (
	LayoutError = msg.Def("layout.error",
		"fel i sidmallen: %s",
		"layout error: %s")
	LayoutBaseMissing = msg.Def("layout.base-missing",
		"grundmallen saknas",
		"the base layout is missing")
	HintLayoutBase = msg.Def("layout.hint.base",
		"varje webbplats behöver layouts/base.html",
		"every site needs layouts/base.html")
	LayoutMissing = msg.Def("layout.missing",
		"sidmallen finns inte",
		"the layout does not exist")
)
