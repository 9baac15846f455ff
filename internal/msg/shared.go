package msg

// The keys that several packages report; every other key lives in the
// messages.go of the package that reports it (see the package comment).

// Printing itself: the count of problems, and text passed through.
var (
	// Plain passes text that is not ours through unchanged, such as an
	// error of the operating system. Prefer a key of its own.
	Plain = def("plain", "%v", "%v")

	// Problems is the count under a list of problems (diag, serve).
	Problems = defPlural("diag.problems",
		"%d problem", "%d problem",
		"%d problem", "%d problems")

	// YAMLValue is a key's name and what is wrong with its value (yamldoc,
	// seminar).
	YAMLValue = def("yaml.value", "%s: %v", "%s: %v")
)

// Hints many areas share.
var (
	// HintDidYouMean proposes the closest known word (diag.Closest).
	HintDidYouMean = def("hint.did-you-mean",
		"menade du %s?",
		"did you mean %s?")
	// HintUseOneOf lists the values that may be written.
	HintUseOneOf = def("hint.use-one-of",
		"skriv en av: %s",
		"use one of: %s")
	// HintPageUTF8: a file that is not UTF-8 (content, yamldoc).
	HintPageUTF8 = def("page.hint.utf8",
		"spara filen som UTF-8 i din editor",
		"save it as UTF-8 in your editor")
	// HintContactPhone: a phone number in kontakter.yaml or site.yaml
	// (contact, settings).
	HintContactPhone = def("contact.hint.phone",
		"skriv ett svenskt nummer som 010-123 45 00 eller +46 10 123 45 00",
		"write a Swedish number like 010-123 45 00 or +46 10 123 45 00")
	// HintContactEmail: write the address alone (contact, settings).
	HintContactEmail = def("site.hint.contact-email",
		"skriv bara adressen, som hbtq.diplomering@region.example.se",
		"write the address alone, like hbtq.diplomering@region.example.se")
)

// Files and images.
var (
	// FileUnreadable: the system's reason follows.
	FileUnreadable = def("file.unreadable",
		"filen går inte att läsa: %v",
		"cannot be read: %v")

	// ImageProblem is an image and what is wrong with it: "bilden par.png
	// finns inte" (site, markdown).
	ImageProblem = def("image.problem",
		"bilden %s %v",
		"the image %s %v")
	// MarkdownNoAlt: an image in the text without alt text (markdown, and
	// the content rules of check).
	MarkdownNoAlt = def("markdown.no-alt",
		"bilden %s saknar alternativtext",
		"the image %s has no alt text")
	HintMarkdownAlt = def("markdown.hint.alt",
		"beskriv bilden inom hakparenteserna: ![Två personer vid ett bord](%s)",
		"describe the image in the brackets: ![Två personer vid ett bord](%s)")
)

// The command's words that the engine's packages share (check, serve, site).
var (
	LangUnknown = def("cmd.lang-unknown",
		"språket %q finns inte; skriv -lang sv eller -lang en",
		"there is no language %q; write -lang sv or -lang en")

	Pages = defPlural("build.pages",
		"%d sida", "%d sidor",
		"%d page", "%d pages")
	Millis = def("build.ms", "%d ms", "%d ms")
	// Seconds is whole seconds and tenths: 1,2 s.
	Seconds = def("build.s", "%d,%d s", "%d.%d s")
)
