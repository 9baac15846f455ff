package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/publish"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// tinySite writes a fixture site with one page and returns its folder.
func tinySite(t *testing.T, page string) string {
	t.Helper()
	s := sitetest.Parse(t, "")
	s.Write("content/_index.md", page)
	return s.Dir(t)
}

func TestBuildSummary(t *testing.T) {
	dir := tinySite(t, "---\ntitle: Start\n---\nHej\n")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-root", dir, "-now", "2026-11-23"}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	if !regexp.MustCompile(`^Byggde 3 sidor, \d+ filer, \d+\x{a0}kB på (\d+ ms|\d+,\d s)\n$`).MatchString(stdout.String()) {
		t.Errorf("summary %q", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public/index.html")); err != nil {
		t.Error(err)
	}
}

func TestBuildFailureIsReported(t *testing.T) {
	dir := tinySite(t, "---\ntitel: Start\n---\n")
	out := filepath.Join(t.TempDir(), "ut")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("gammal"), 0o644)
	publish.WriteMarker(out)
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"-root", dir, "-out", out}, &stdout, &stderr)
	if err != errReported {
		t.Fatalf("run returned %v, want the problems reported", err)
	}
	want := "content/_index.md:2:1: okänd nyckel \"titel\" (menade du title?)\n  2 | titel: Start\n    | ^\n1 problem\nbygget misslyckades; " + out + " ändrades inte\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "gammal" {
		t.Error("the output was changed by a failed build")
	}
}

// TestLangEnglish: -lang en prints the same problem in English, for engine
// developers.
func TestLangEnglish(t *testing.T) {
	dir := tinySite(t, "---\ntitel: Start\n---\n")
	out := filepath.Join(t.TempDir(), "ut")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"-root", dir, "-out", out, "-lang", "en"}, &stdout, &stderr)
	if err != errReported {
		t.Fatalf("run returned %v, want the problems reported", err)
	}
	want := "content/_index.md:2:1: unknown key \"titel\" (did you mean title?)\n  2 | titel: Start\n    | ^\n1 problem\n"
	if !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr:\n%s\nwant it to start with:\n%s", stderr.String(), want)
	}
	if !strings.Contains(stderr.String(), "build failed; "+out+" was not changed\n") {
		t.Errorf("stderr does not end in English:\n%s", stderr.String())
	}
	good := tinySite(t, "---\ntitle: Start\n---\nHej\n")
	stdout.Reset()
	if err := run(context.Background(), []string{"-root", good, "-now", "2026-11-23", "-lang", "en"}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v", err)
	}
	if !regexp.MustCompile(`^built 3 pages, \d+ files, \d+\x{a0}kB in (\d+ ms|\d+\.\d s)\n$`).MatchString(stdout.String()) {
		t.Errorf("English summary %q", stdout.String())
	}
	err = run(context.Background(), []string{"-root", dir, "-lang", "de"}, &stdout, &stderr)
	if want := "språket \"de\" finns inte; skriv -lang sv eller -lang en\nSkriv go run ./cmd/build -help för att se vad som går att skriva"; err == nil || err.Error() != want {
		t.Errorf("-lang de: %v, want %q", err, want)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-now", "2026-02-30"}, "-now: 2026-02-30 finns inte i kalendern (månad 1–12, och dagen måste finnas i den månaden)\nSkriv go run ./cmd/build -help för att se vad som går att skriva"},
		{[]string{"-now", "igår"}, "-now: \"igår\" är inte ett datum; skriv det som 2026-09-12 (år-månad-dag)\nSkriv go run ./cmd/build -help för att se vad som går att skriva"},
		{[]string{"bygg"}, "kommandot \"bygg\" finns inte\nSkriv go run ./cmd/build -help för att se vad som går att skriva"},
		{[]string{"-x"}, "flaggan -x finns inte\nSkriv go run ./cmd/build -help för att se vad som går att skriva"},
		{[]string{"serve", "-port", "abc"}, "\"abc\" är inget värde som -port kan ha\nSkriv go run ./cmd/build -help för att se vad som går att skriva"},
		{[]string{"check", "-root"}, "-root behöver ett värde efter sig\nSkriv go run ./cmd/build -help för att se vad som går att skriva"},
		{[]string{"-x", "-lang", "en"}, "there is no flag -x\nTry: go run ./cmd/build -help"},
		{[]string{"-rot", "."}, "flaggan -rot finns inte\nmenade du -root? Skriv go run ./cmd/build -help för att se vad som går att skriva"},
		{[]string{"serve", "--prot", "8080", "-lang", "en"}, "there is no flag -prot\ndid you mean -port? Try: go run ./cmd/build -help"},
	} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), tc.args, &stdout, &stderr)
		if err == nil || err.Error() != tc.want {
			t.Errorf("run %v: %v, want %q", tc.args, err, tc.want)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-help"}, &stdout, &stderr); err != nil {
		t.Errorf("-help: %v", err)
	}
	for _, want := range []string{"Användning: go run ./cmd/build [flaggor]", "Flaggor:", "  -base-url adress\n", "-drafts", "-now", "-out", "  -root mapp\n    \tmappen med webbplatsen (site.yaml, content/ …) (standard: .)\n", "Kommandon:", "serve", "check    kontrollerar länkar"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("-help does not mention %q:\n%s", want, stderr.String())
		}
	}
	// -lang may come after -help: the help is in English all the same.
	stderr.Reset()
	if err := run(context.Background(), []string{"check", "-help", "-lang", "en"}, &stdout, &stderr); err != nil {
		t.Errorf("check -help -lang en: %v", err)
	}
	for _, want := range []string{"Usage: go run ./cmd/build check [-external] [flags]", "Flags:", "  -external\n    \talso ask every external address"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("check -help -lang en does not say %q:\n%s", want, stderr.String())
		}
	}
}

// TestDefaults runs the README's command as it is: no flags, in the site
// root, so the output folder is the relative path public.
func TestDefaults(t *testing.T) {
	dir := tinySite(t, "---\ntitle: Start\n---\nHej\n")
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), nil, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Error(err)
	}
	// Twice: the second build replaces the first.
	if err := run(context.Background(), nil, &stdout, &stderr); err != nil {
		t.Fatalf("second run: %v\n%s", err, stderr.String())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") || e.Name() == "public.old" {
			t.Errorf("left in the site root: %s", e.Name())
		}
	}
}

// TestServePortInUse: a second preview on a port that is taken says so in
// Swedish, with what to do, instead of the system's English.
func TestServePortInUse(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	dir := tinySite(t, "---\ntitle: Start\n---\nHej\n")
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), []string{"serve", "-root", dir, "-bind", "127.0.0.1", "-port", port}, &stdout, &stderr)
	want := "förhandsvisningen kan inte starta på 127.0.0.1:" + port + ": ett annat program använder redan porten\nstoppa den andra förhandsvisningen (Ctrl-C i dess terminal), eller välj en annan port, som -port 1314"
	if err == nil || err.Error() != want {
		t.Errorf("serve on a taken port: %v\nwant %s", err, want)
	}
}
