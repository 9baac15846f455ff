package programme

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#ffffff", "#000000", 21},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes on white
		{"#777777", "#ffffff", 4.48},
		{"#3d1e63", "#ffffff", 13.42},
	} {
		a, _ := ParseColor(tc.a)
		b, _ := ParseColor(tc.b)
		if have := Contrast(a, b); math.Abs(have-tc.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tc.a, tc.b, have, tc.want)
		}
	}
}

func TestCheckColor(t *testing.T) {
	for _, tc := range []struct {
		color string
		ok    bool
		msg   string
	}{
		{"#3d1e63", true, ""},
		{"#0b5e6b", true, ""},
		{"#36c", true, ""},
		{"#4a90e2", false, "länkar i sidfoten och i ljusa rutor"},
		{"#ffdd00", false, "länkar i sidfoten och i ljusa rutor: 1,31:1"},
		{"#777777", false, "4,10:1"}, // passes on white, not on the light boxes
		{"3d1e63", true, ""},
		{"#3d1e6", false, "color ska vara en färg"},
		{"purple", false, "color ska vara en färg"},
	} {
		var errs diag.List
		_, ok := CheckColor(tc.color, yamldoc.Pos{Line: 3, Col: 8}, DefaultBase, &errs)
		if ok != tc.ok || ok != (len(errs) == 0) {
			t.Errorf("%s: ok %v with %v, want %v", tc.color, ok, errs, tc.ok)
			continue
		}
		if !ok && !strings.Contains(errs[0].Msg.String(), tc.msg) {
			t.Errorf("%s: %q does not say %q", tc.color, errs[0].Msg.String(), tc.msg)
		}
		// The hint's colour passes.
		if _, h, found := strings.Cut(errs.Error(), "mörkare färg, till exempel "); !ok && found {
			var again diag.List
			if _, ok := CheckColor(strings.TrimSuffix(h, ")"), yamldoc.Pos{}, DefaultBase, &again); !ok {
				t.Errorf("%s: the hinted colour %s fails too: %v", tc.color, h, again)
			}
		}
	}
}

func TestBaseFromCSS(t *testing.T) {
	b := BaseFromCSS([]byte(":root {\n  --text: #111;\n  --muted: #555566; --bg: #fafafa;\n}"))
	if b.Text != (Color{0x11, 0x11, 0x11}) || b.Muted != (Color{0x55, 0x55, 0x66}) || b.Bg != (Color{0xfa, 0xfa, 0xfa}) {
		t.Errorf("BaseFromCSS = %+v", b)
	}
	if BaseFromCSS(nil) != DefaultBase {
		t.Error("a stylesheet without the properties does not give the defaults")
	}
}

func TestCheckLogo(t *testing.T) {
	fsys := fstest.MapFS{
		"static/logo.svg":   {Data: []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="160px" height="40"/>`)},
		"static/box.svg":    {Data: []byte(`<svg viewBox="0 0 99.5, 30"></svg>`)},
		"static/nosize.svg": {Data: []byte(`<svg></svg>`)},
		"static/html.svg":   {Data: []byte(`<html></html>`)},
		"static/logo.png":   {Data: []byte("PNG")},
		"static/huge.svg":   {Data: []byte(`<svg width="99999999999" height="40"></svg>`)},
		"static/inf.svg":    {Data: []byte(`<svg width="1e400" height="40"></svg>`)},
	}
	for _, tc := range []struct {
		name string
		want Logo
		msg  string
	}{
		{"logo.svg", Logo{"/logo.svg", 160, 40}, ""},
		{"/static/box.svg", Logo{"/box.svg", 100, 30}, ""},
		{"nosize.svg", Logo{}, "har ingen storlek"},
		{"html.svg", Logo{}, "har ingen storlek"},
		{"logo.png", Logo{}, "ska vara en SVG-fil"},
		{"huge.svg", Logo{}, "logon static/huge.svg säger att den är 99999999999 × 40 pixlar, och en bild får vara högst 32768 pixlar på varje led"},
		{"inf.svg", Logo{}, "har ingen storlek"},
		{"saknas.svg", Logo{}, "finns inte"},
		{"../site.yaml", Logo{}, "är inte en fil i static/"},
	} {
		var errs diag.List
		have, _ := CheckLogo(fsys, tc.name, yamldoc.Pos{Line: 1, Col: 7}, &errs)
		if have != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, have, tc.want)
		}
		if (tc.msg == "") != (len(errs) == 0) || tc.msg != "" && !strings.Contains(errs[0].Msg.String(), tc.msg) {
			t.Errorf("%s: errors %v, want one saying %q", tc.name, errs, tc.msg)
		}
	}
}

func TestName(t *testing.T) {
	n := Name("hbtqi")
	if n.Diplomerad() != "hbtqi-diplomerad" || Name("").Diplomerade() != "hbtq-diplomerade" || UpperFirst(n.Diplomering()) != "Hbtqi-diplomering" {
		t.Errorf("words: %s %s %s", n.Diplomerad(), Name("").Diplomerade(), UpperFirst(n.Diplomering()))
	}
	for name, hint := range map[string]string{"hbtq": "", "hbtqi": "", "hbtqia+": "", "Hbtqi": "hbtqi", "hbtq-diplomering": "hbtq", "hbtq i": "hbtq eller"} {
		var errs diag.List
		CheckName(Name(name), yamldoc.Pos{Line: 1, Col: 12}, &errs)
		if (hint == "") != (len(errs) == 0) || hint != "" && !strings.Contains(errs[0].Hint.String(), hint) {
			t.Errorf("%q: %v, want a hint with %q", name, errs, hint)
		}
	}
}
