package msg

// Messages about the output folder (-out, package publish), symbolic links
// in the site root (package rootfs), old addresses written into Netlify's
// _redirects, nesting in Markdown, the dev server's host check and an
// interrupted build.
var (
	OutUnreadable = def("output.unreadable",
		"mappen går inte att läsa: %v",
		"the folder cannot be read: %v")
	OutRootUnreadable = def("output.root-unreadable",
		"webbplatsens rotmapp %s går inte att läsa: %v",
		"the site root %s cannot be read: %v")
	OutIsRoot = def("output.is-root",
		"det är webbplatsens rotmapp; bygget skulle ersätta content/, layouts/ och allt annat i den",
		"it is the site root; the build would replace content/, layouts/ and everything else in it")
	OutHoldsRoot = def("output.holds-root",
		"webbplatsens rotmapp ligger i den mappen; bygget skulle ersätta den",
		"the site root lies inside it; the build would replace it")
	HintOutOwn = def("output.hint.own",
		"välj en egen mapp för resultatet, som public",
		"choose a folder of its own for the result, like public")
	OutInSources = def("output.in-sources",
		"mappen ligger i %s/, bland webbplatsens egna filer",
		"the folder lies in %s/, among the site's own files")
	HintOutSources = def("output.hint.sources",
		"välj en mapp utanför content/, layouts/ och static/, som public",
		"choose a folder outside content/, layouts/ and static/, like public")
	OutSymlink = def("output.symlink",
		"det är en symbolisk länk, inte en mapp",
		"it is a symbolic link, not a folder")
	HintOutSymlink = def("output.hint.symlink",
		"ange mappen som länken pekar på, eller en ny mapp",
		"give the folder the link points at, or a new folder")
	OutFile = def("output.file",
		"det är en fil, inte en mapp",
		"it is a file, not a folder")
	// OutForeignFiles: the folder has the marker but also files the build
	// did not write: how many, and the first few.
	OutForeignFiles = def("output.foreign-files",
		"mappen har %d filer som bygget inte skrev (%s), så bygget ersätter den inte",
		"the folder holds %d files the build did not write (%s), so the build does not replace it")
	HintOutForeignFiles = def("output.hint.foreign-files",
		"flytta filerna till en annan mapp, eller välj en annan mapp med -out; bygget tar inte bort något den inte har skrivit",
		"move those files to another folder, or choose another folder with -out; the build removes nothing it did not write")
	OutBusy = def("output.busy",
		"ett annat bygge skriver till mappen just nu",
		"another build is writing to the folder right now")
	HintOutBusy = def("output.hint.busy",
		"vänta tills det är klart och bygg sedan igen, eller välj en annan mapp med -out",
		"wait until it is done and build again, or choose another folder with -out")
	OutNotWritable = def("output.not-writable",
		"bygget kan inte skriva i mappen %s: %v",
		"the build cannot write in the folder %s: %v")
	HintOutNotWritable = def("output.hint.not-writable",
		"välj en mapp som du får skriva i med -out, eller ge dig rätt att skriva i mappen",
		"choose a folder you may write in with -out, or give yourself the right to write in the folder")
	OutForeign = def("output.foreign",
		"mappen har filer i sig men är inte skriven av bygget (filen %s saknas), så bygget ersätter den inte",
		"the folder has files in it but was not written by the build (it has no %s), so the build does not replace it")
	HintOutForeign = def("output.hint.foreign",
		"välj en tom eller ny mapp; om det är en gammal byggd webbplats, ta bort mappen själv en gång",
		"choose an empty or new folder; if it is an old built site, remove the folder yourself once")
	OutPlace = def("output.place",
		"den nya webbplatsen kan inte läggas på plats i %s: %v",
		"the new site cannot be put in place at %s: %v")
	OutPlaceKept = def("output.place-kept",
		"den nya webbplatsen kan inte läggas på plats i %s: %v; den gamla ligger kvar",
		"the new site cannot be put in place at %s: %v; the old one is still there")
	OutAside = def("output.aside",
		"den gamla webbplatsen i %s kan inte flyttas undan: %v",
		"the old site at %s cannot be moved aside: %v")
	OutRollback = def("output.rollback",
		"den nya webbplatsen kan inte läggas på plats i %s (%v), och den gamla kan inte flyttas tillbaka (%v): den gamla webbplatsen ligger nu i %s",
		"the new site cannot be put in place at %s (%v), and the old one cannot be moved back (%v): the old site is now at %s")
	// OutWrite: a file of the new site cannot be written (a full disk,
	// no right to write); the system's reason follows.
	OutWrite = def("output.write",
		"/%s kan inte skrivas till den nya webbplatsen: %v",
		"/%s cannot be written to the new site: %v")
	// OutInterrupted: Ctrl-C or SIGTERM stopped the build.
	OutInterrupted = def("output.interrupted",
		"bygget avbröts; %s ändrades inte",
		"the build was interrupted; %s was not changed")

	// Symlink: a symbolic link in the site root, which the build never follows.
	Symlink = def("file.symlink",
		"är en symbolisk länk; bygget läser och publicerar inga symboliska länkar",
		"is a symbolic link; the build reads and publishes no symbolic links")
	HintSymlink = def("file.hint.symlink",
		"lägg en kopia av filen här i stället för länken",
		"put a copy of the file here instead of the link")

	// The reasons an old address cannot be written into _redirects
	// (PageAlias gives them after a colon).
	AliasNoSlash = def("page.alias.no-slash",
		"den börjar inte med /",
		"it does not start with /")
	AliasSpace = def("page.alias.space",
		"den har mellanslag, tabb eller radbrytning i sig",
		"it has a space, tab or line break in it")
	AliasControl = def("page.alias.control",
		"den har ett osynligt styrtecken i sig",
		"it has an invisible control character in it")
	AliasStar = def("page.alias.star",
		"den har en * i sig, som skulle fånga andra adresser",
		"it has a * in it, which would catch other addresses")
	AliasChar = def("page.alias.char",
		"den har tecknet %c i sig",
		"it has the character %c in it")
	AliasDots = def("page.alias.dots",
		"den har .. i sig",
		"it has .. in it")
	AliasColon = def("page.alias.colon",
		"en del av den börjar med :, som skulle fånga andra adresser",
		"a part of it starts with :, which would catch other addresses")
	AliasSlashes = def("page.alias.slashes",
		"den har // i sig",
		"it has // in it")
	AliasReserved = def("page.alias-reserved",
		"aliaset %s är en fil som bygget själv skriver",
		"the alias %s is a file the build writes itself")
	HintAliasReserved = def("page.hint.alias-reserved",
		"bygget skriver alltid %s; ta bort adressen från aliases",
		"the build always writes %s; remove the address from aliases")
	AliasTakesFile = def("page.alias-takes-file",
		"den gamla adressen %s tar en fil som webbplatsen redan har: %v",
		"the old address %s takes a file the site has already: %v")
	HintAliasTakesFile = def("page.hint.alias-takes-file",
		"ta bort den gamla adressen, eller flytta filen",
		"remove the old address, or move the file")
	// RedirectRefused: the writer of _redirects refuses an address that the
	// reader should have refused (a second line of defence).
	RedirectRefused = def("site.redirect-refused",
		"vidarekopplingen %q → %q skrivs inte till _redirects: %v",
		"the redirect %q → %q is not written to _redirects: %v")

	MarkdownDeep = def("markdown.deep",
		"listan eller citatet på den här raden ligger i fler än %d nivåer",
		"the list or quote on this line is nested more than %d levels deep")
	HintMarkdownDeep = def("markdown.hint.deep",
		"ingen sida behöver så många nivåer; gör om texten till färre nivåer",
		"no page needs that many levels; rewrite the text with fewer")

	// ServeHost: the dev server's answer (421) to a request for another host.
	ServeHost = def("serve.host",
		"Förhandsvisningen svarar bara på adresserna localhost och %s, inte på %s.",
		"The preview answers only the addresses localhost and %s, not %s.")
)
