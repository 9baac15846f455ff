package programme

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/picture"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// Logo is the logo shown in the header.
type Logo struct {
	URL           string // its published address: /logo.svg
	Width, Height int    // its size in CSS pixels, for the img element
}

// CheckLogo reads the logo named name (a path inside static/) from fsys, the
// site root, and returns it. It must be an SVG file with a size: width and
// height, or a viewBox.
func CheckLogo(fsys fs.FS, name string, at yamldoc.Pos, errs *diag.List) (Logo, bool) {
	clean := strings.TrimPrefix(strings.TrimPrefix(name, "/"), "static/")
	bad := func(m msg.Message) *diag.Error {
		return errs.At(File, at.Line, at.Col, m)
	}
	if !fs.ValidPath(clean) || path.Clean(clean) != clean {
		bad(ProgLogoPath.With(name)).Tip(HintProgLogoPath.With())
		return Logo{}, false
	}
	if strings.ToLower(path.Ext(clean)) != ".svg" {
		bad(ProgLogoSVG.With(name)).Tip(HintProgLogoSVG.With())
		return Logo{}, false
	}
	data, err := fs.ReadFile(fsys, "static/"+clean)
	if err != nil {
		bad(ProgLogoMissing.With(clean)).Tip(HintProgLogoMissing.With())
		return Logo{}, false
	}
	w, h, err := picture.SVGSizeErr(data)
	var pe *picture.Error
	if errors.As(err, &pe) {
		bad(ProgLogoTooLarge.With(clean, pe.Msg)).Tip(pe.Hint)
		return Logo{}, false
	}
	if err != nil {
		bad(ProgLogoSize.With(clean)).Tip(HintProgLogoSize.With())
		return Logo{}, false
	}
	return Logo{URL: "/" + clean, Width: w, Height: h}, true
}
