package programme

import (
	"bytes"
	"encoding/xml"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"

	"hbtq/internal/diag"
	"hbtq/internal/msg"
	"hbtq/internal/yamldoc"
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
		bad(msg.ProgLogoPath.With(name)).Tip(msg.HintProgLogoPath.With())
		return Logo{}, false
	}
	if strings.ToLower(path.Ext(clean)) != ".svg" {
		bad(msg.ProgLogoSVG.With(name)).Tip(msg.HintProgLogoSVG.With())
		return Logo{}, false
	}
	data, err := fs.ReadFile(fsys, "static/"+clean)
	if err != nil {
		bad(msg.ProgLogoMissing.With(clean)).Tip(msg.HintProgLogoMissing.With())
		return Logo{}, false
	}
	w, h, ok := svgSize(data)
	if !ok {
		bad(msg.ProgLogoSize.With(clean)).Tip(msg.HintProgLogoSize.With())
		return Logo{}, false
	}
	return Logo{URL: "/" + clean, Width: w, Height: h}, true
}

// svgSize returns the size of the SVG document data: its width and height
// in pixels, else its viewBox's.
func svgSize(data []byte) (w, h int, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0, false
		}
		se, isStart := tok.(xml.StartElement)
		if !isStart {
			continue
		}
		if se.Name.Local != "svg" {
			return 0, 0, false
		}
		var width, height float64
		var box []string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				width = pixels(a.Value)
			case "height":
				height = pixels(a.Value)
			case "viewBox":
				box = strings.Fields(strings.ReplaceAll(a.Value, ",", " "))
			}
		}
		if width > 0 && height > 0 {
			return int(math.Round(width)), int(math.Round(height)), true
		}
		if len(box) == 4 {
			bw, err1 := strconv.ParseFloat(box[2], 64)
			bh, err2 := strconv.ParseFloat(box[3], 64)
			if err1 == nil && err2 == nil && bw > 0 && bh > 0 {
				return int(math.Ceil(bw)), int(math.Ceil(bh)), true
			}
		}
		return 0, 0, false
	}
}

// pixels reads a length in px or without unit; other units give 0.
func pixels(s string) float64 {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return f
}
