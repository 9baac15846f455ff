package msg

// Messages of the dev server (go run ./cmd/build serve, package serve): its
// error page and its log.
var (
	ServeFailed = def("serve.failed",
		"Bygget misslyckades",
		"The build failed")
	ServeToFix = defPlural("serve.to-fix",
		"%d problem att rätta. Sidan laddas om av sig själv när filen är sparad igen.",
		"%d problem att rätta. Sidan laddas om av sig själv när filen är sparad igen.",
		"%d problem to fix. The page reloads by itself when the file is saved again.",
		"%d problems to fix. The page reloads by itself when the file is saved again.")
	ServeLogFailed = def("serve.log-failed",
		"bygget misslyckades: %v",
		"build failed: %v")
	ServeLogRebuilt = def("serve.log-rebuilt",
		"byggde om %v som ändrats, på %v",
		"rebuilt %v that changed, in %v")
	ServeLogContent = def("serve.log-content",
		"innehållsproblem på %v, som visas överst på varje sida; go run ./cmd/build stoppar på dem",
		"content problems on %v, shown at the top of each; go run ./cmd/build stops on them")
)
