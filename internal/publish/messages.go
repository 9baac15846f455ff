package publish

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages about the output folder (-out, package publish), symbolic links
// in the site root (package rootfs), old addresses written into Netlify's
// _redirects, nesting in Markdown, the dev server's host check and an
// interrupted build.
var (
	OutUnreadable = msg.Def("output.unreadable",
		"mappen går inte att läsa: %v",
		"the folder cannot be read: %v")
	OutRootUnreadable = msg.Def("output.root-unreadable",
		"webbplatsens rotmapp %s går inte att läsa: %v",
		"the site root %s cannot be read: %v")
	OutIsRoot = msg.Def("output.is-root",
		"det är webbplatsens rotmapp; bygget skulle ersätta content/, layouts/ och allt annat i den",
		"it is the site root; the build would replace content/, layouts/ and everything else in it")
	OutHoldsRoot = msg.Def("output.holds-root",
		"webbplatsens rotmapp ligger i den mappen; bygget skulle ersätta den",
		"the site root lies inside it; the build would replace it")
	HintOutOwn = msg.Def("output.hint.own",
		"välj en egen mapp för resultatet, som public",
		"choose a folder of its own for the result, like public")
	OutInSources = msg.Def("output.in-sources",
		"mappen ligger i %s/, bland webbplatsens egna filer",
		"the folder lies in %s/, among the site's own files")
	HintOutSources = msg.Def("output.hint.sources",
		"välj en mapp utanför content/, layouts/ och static/, som public",
		"choose a folder outside content/, layouts/ and static/, like public")
	OutSymlink = msg.Def("output.symlink",
		"det är en symbolisk länk, inte en mapp",
		"it is a symbolic link, not a folder")
	HintOutSymlink = msg.Def("output.hint.symlink",
		"ange mappen som länken pekar på, eller en ny mapp",
		"give the folder the link points at, or a new folder")
	OutFile = msg.Def("output.file",
		"det är en fil, inte en mapp",
		"it is a file, not a folder")
	// OutForeignFiles: the folder has the marker but also files the build
	// did not write: how many, and the first few.
	OutForeignFiles = msg.DefPlural("output.foreign-files",
		"mappen har %d fil som bygget inte skrev (%s), så bygget ersätter den inte",
		"mappen har %d filer som bygget inte skrev (%s), så bygget ersätter den inte",
		"the folder holds %d file the build did not write (%s), so the build does not replace it",
		"the folder holds %d files the build did not write (%s), so the build does not replace it")
	HintOutForeignFiles = msg.Def("output.hint.foreign-files",
		"flytta filerna till en annan mapp, eller välj en annan mapp med -out; bygget tar inte bort något den inte har skrivit",
		"move those files to another folder, or choose another folder with -out; the build removes nothing it did not write")
	OutBusy = msg.Def("output.busy",
		"ett annat bygge skriver till mappen just nu",
		"another build is writing to the folder right now")
	HintOutBusy = msg.Def("output.hint.busy",
		"vänta tills det är klart och bygg sedan igen, eller välj en annan mapp med -out",
		"wait until it is done and build again, or choose another folder with -out")
	OutNotWritable = msg.Def("output.not-writable",
		"bygget kan inte skriva i mappen %s: %v",
		"the build cannot write in the folder %s: %v")
	HintOutNotWritable = msg.Def("output.hint.not-writable",
		"välj en mapp som du får skriva i med -out, eller ge dig rätt att skriva i mappen",
		"choose a folder you may write in with -out, or give yourself the right to write in the folder")
	// OutMarkerNoList: a file with the marker's name that lists nothing
	// the build wrote (any file named .hbtq-build, or an older builder's).
	OutMarkerNoList = msg.Def("output.marker-no-list",
		"mappen har en fil %s, men den listar inte vad bygget skrev, så bygget ersätter inte mappen",
		"the folder has a file %s, but it does not list what the build wrote, so the build does not replace the folder")
	OutForeign = msg.Def("output.foreign",
		"mappen har filer i sig men är inte skriven av bygget (filen %s saknas), så bygget ersätter den inte",
		"the folder has files in it but was not written by the build (it has no %s), so the build does not replace it")
	HintOutForeign = msg.Def("output.hint.foreign",
		"välj en tom eller ny mapp; om det är en gammal byggd webbplats, ta bort mappen själv en gång",
		"choose an empty or new folder; if it is an old built site, remove the folder yourself once")
	OutPlace = msg.Def("output.place",
		"den nya webbplatsen kan inte läggas på plats i %s: %v",
		"the new site cannot be put in place at %s: %v")
	OutPlaceKept = msg.Def("output.place-kept",
		"den nya webbplatsen kan inte läggas på plats i %s: %v; den gamla ligger kvar",
		"the new site cannot be put in place at %s: %v; the old one is still there")
	OutAside = msg.Def("output.aside",
		"den gamla webbplatsen i %s kan inte flyttas undan: %v",
		"the old site at %s cannot be moved aside: %v")
	OutRollback = msg.Def("output.rollback",
		"den nya webbplatsen kan inte läggas på plats i %s (%v), och den gamla kan inte flyttas tillbaka (%v): den gamla webbplatsen ligger nu i %s",
		"the new site cannot be put in place at %s (%v), and the old one cannot be moved back (%v): the old site is now at %s")
)
