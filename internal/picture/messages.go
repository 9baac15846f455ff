package picture

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages about images: in a page's text, image: in the front matter,
// and the files themselves (packages site and picture).
var (
	ImageNotImage = msg.Def("image.not-image",
		"är inte en bild som webbplatsen kan visa (JPEG, PNG, GIF, WebP eller SVG)",
		"is not an image the site can show (JPEG, PNG, GIF, WebP or SVG)")
	ImageSVGNoSize = msg.Def("image.svg-no-size",
		"är en SVG-fil utan storlek (ge svg-elementet viewBox eller width och height)",
		"is an SVG file without a size (give the svg element a viewBox, or width and height)")
	ImageNotFormat = msg.Def("image.not-format",
		"går inte att läsa som %s",
		"cannot be read as %s")
	ImageWrongExt = msg.Def("image.wrong-ext",
		"är en %s-fil men har filändelsen %s",
		"is a %s file but has the extension %s")
	// ImagePixels and ImageBytes say why an image is large
	// (NoteImageLarge).
	ImagePixels = msg.Def("image.pixels",
		"%d × %d pixlar",
		"%d × %d pixels")
	// ImageTooManyPixels: the header's size is over the limit; the
	// image is never decoded (package picture).
	ImageTooManyPixels = msg.Def("image.too-many-pixels",
		"är %d × %d pixlar, mer än bygget läser (högst %d megapixlar)",
		"is %d × %d pixels, more than the build reads (at most %d megapixels)")
	HintImageTooManyPixels = msg.Def("image.hint.too-many-pixels",
		"gör bilden mindre i ett bildprogram, till exempel 2000 pixlar bred, och lägg in den igen; images: max_megapixels: i site.yaml höjer gränsen",
		"make the image smaller in an image editor, for example 2000 pixels wide, and add it again; images: max_megapixels: in site.yaml raises the limit")
	ImageSVGTooLarge = msg.Def("image.svg-too-large",
		"säger att den är %s × %s pixlar, och en bild får vara högst %d pixlar på varje led",
		"says it is %s × %s pixels, and an image may be at most %d pixels each way")
	HintImageSVGTooLarge = msg.Def("image.hint.svg-too-large",
		`skriv svg-elementets width och height som bildens storlek i pixlar, eller ta bort dem och ge det viewBox="0 0 bredd höjd"`,
		`write the svg element's width and height as the image's size in pixels, or remove them and give it viewBox="0 0 width height"`)
	ImageNoPixels = msg.Def("image.no-pixels",
		"säger att den är %d × %d pixlar, och en bild måste ha minst en pixel på varje led",
		"says it is %d × %d pixels, and an image needs at least one pixel each way")
	// ImageBroken: the header was read but the whole image cannot be
	// decoded: a truncated file or a header that lies.
	ImageBroken = msg.Def("image.broken",
		"är trasig: den går inte att läsa hel som %s (filen kan vara avbruten eller felaktig)",
		"is broken: it cannot be read whole as %s (the file may be cut short or wrong)")
	HintImageResave = msg.Def("image.hint.resave",
		"öppna bilden i ett bildprogram, spara den på nytt som JPEG eller PNG och lägg in den igen",
		"open the image in an image editor, save it again as JPEG or PNG and add it again")
	// The image cache (.cache/bilder) is refused (package picture).
	ImageCacheLink = msg.Def("image.cache-link",
		"bildcachen %s är en symbolisk länk, och bygget skriver inte genom länkar",
		"the image cache %s is a symbolic link, and the build does not write through links")
	ImageCacheForeign = msg.Def("image.cache-foreign",
		"bildcachen %s är inte en mapp som bygget har gjort (den är en fil eller tillhör en annan användare)",
		"the image cache %s is not a folder the build made (it is a file or belongs to another user)")
	ImageCacheUnusable = msg.Def("image.cache-unusable",
		"bildcachen %s går inte att använda: %v",
		"the image cache %s cannot be used: %v")
	HintImageCache = msg.Def("image.hint.cache",
		"ta bort %s; bygget gör en ny cache själv",
		"remove %s; the build makes a new cache itself")
)
