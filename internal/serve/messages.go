package serve

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages about the output folder (-out, package publish), symbolic links
// in the site root (package rootfs), old addresses written into Netlify's
// _redirects, nesting in Markdown, the dev server's host check and an
// interrupted build.
var (
	// ServeHost: the dev server's answer (421) to a request for another host.
	ServeHost = msg.Def("serve.host",
		"Förhandsvisningen svarar bara på adresserna localhost och %s, inte på %s.",
		"The preview answers only the addresses localhost and %s, not %s.")
)

// Messages of the dev server (go run ./cmd/build serve, package serve): its
// error page and its log.
var (
	ServeFailed = msg.Def("serve.failed",
		"Bygget misslyckades",
		"The build failed")
	ServeToFix = msg.DefPlural("serve.to-fix",
		"%d problem att rätta. Sidan laddas om av sig själv när filen är sparad igen.",
		"%d problem att rätta. Sidan laddas om av sig själv när filen är sparad igen.",
		"%d problem to fix. The page reloads by itself when the file is saved again.",
		"%d problems to fix. The page reloads by itself when the file is saved again.")
	ServeLogFailed = msg.Def("serve.log-failed",
		"bygget misslyckades: %v",
		"build failed: %v")
	// ServeLogImages: the smaller copies of images were made in the
	// background and the pages reloaded.
	ServeLogImages = msg.DefPlural("serve.log-images",
		"mindre kopior av %d bild klara på %v",
		"mindre kopior av %d bilder klara på %v",
		"smaller copies of %d image ready in %v",
		"smaller copies of %d images ready in %v")
	// ServeLogContent follows the list of the problems that do not stop
	// the dev server: how many, and on how many pages.
	ServeLogContent = msg.Def("serve.log-content",
		"%v ovan, på %v: varje sida visar sina egna i en ruta överst; go run ./cmd/build stoppar på dem",
		"%v above, on %v: each page shows its own in a box at its top; go run ./cmd/build stops on them")
)

// The panel the dev server puts at the top of a page with problems of the
// content rules.
var (
	ServePanelTitle = msg.Def("serve.panel-title",
		"Att rätta på den här sidan",
		"To fix on this page")
	// ServePanelIntro: the count of problems, then where the build is
	// named (a <code> element).
	ServePanelIntro = msg.DefPlural("serve.panel-intro",
		"Ett problem stoppar bygget (%[2]s) tills det är rättat. Resten av webbplatsen fungerar här som vanligt, och sidan laddas om när filen är sparad.",
		"%d problem stoppar bygget (%s) tills de är rättade. Resten av webbplatsen fungerar här som vanligt, och sidan laddas om när filen är sparad.",
		"One problem stops the build (%[2]s) until it is fixed. The rest of the site works here as usual, and the page reloads when the file is saved.",
		"%d problems stop the build (%s) until they are fixed. The rest of the site works here as usual, and the page reloads when the file is saved.")
	// ServePanelNotes heads the notes about what the page shows (a large
	// image): the panel's heading when the page has no problem, else a
	// heading of its own under the problems.
	ServePanelNotes = msg.Def("serve.panel-notes",
		"Bra att veta om den här sidan (stoppar inte bygget)",
		"Good to know about this page (does not stop the build)")
	// ServePanelHint precedes a problem's hint.
	ServePanelHint = msg.Def("serve.panel-hint",
		"Tips: %s",
		"Hint: %s")
)

// What the dev server answers to requests it does not serve, and what it
// logs when the server or the watching of files fails.
var (
	ServeMethod = msg.Def("serve.method",
		"förhandsvisningen svarar bara på GET och HEAD",
		"the preview answers only GET and HEAD")
	// ServeNotFound: no page at the address, and no 404 page to show.
	ServeNotFound = msg.Def("serve.not-found",
		"Här finns ingen sida.",
		"There is no page here.")
	ServeBadPath = msg.Def("serve.bad-path",
		"adressen leder utanför webbplatsen",
		"the address leads outside the site")
	ServeNoStream = msg.Def("serve.no-stream",
		"webbläsaren kan inte få besked om ändringar här",
		"streaming unsupported")
	ServeLogServer = msg.Def("serve.log-server",
		"förhandsvisningen har stannat: %v",
		"server: %v")
	ServeLogWatch = msg.Def("serve.log-watch",
		"ändringar i filerna kan inte följas: %v",
		"watch: %v")
)
