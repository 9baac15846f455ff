package testtools

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestInstall(t *testing.T) {
	npm := Tool{Name: "test/browser/node_modules", Command: "(cd test/browser && npm ci)"}
	for _, c := range []struct {
		tools []Tool
		want  string
	}{
		{[]Tool{npm}, "(cd test/browser && npm ci)"},
		{[]Tool{Chromium}, "apt-get install -y chromium"},
		{[]Tool{Java}, "apt-get install -y default-jre-headless"},
		{[]Tool{Chromium, npm, Java, Chromium}, "apt-get install -y chromium default-jre-headless && (cd test/browser && npm ci)"},
		{[]Tool{Npm, npm}, "apt-get install -y npm && (cd test/browser && npm ci)"},
	} {
		if have := Install(c.tools); have != c.want {
			t.Errorf("Install(%s):\nhave %s\nwant %s", names(c.tools), have, c.want)
		}
	}
}

// goTest runs go test on the package testdata/skipper, whose tests skip
// for want of a tool, with its output into out (nil: a pipe), and returns
// what go test printed.
func goTest(t *testing.T, env []string, out *os.File) (string, error) {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	cmd := exec.Command(gobin, "test", "./testdata/skipper")
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "CI=") {
			cmd.Env = append(cmd.Env, e)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	if out == nil {
		b, err := cmd.CombinedOutput()
		return string(b), err
	}
	cmd.Stdout, cmd.Stderr = out, out
	err = cmd.Run()
	b, _ := os.ReadFile(out.Name())
	return string(b), err
}

// TestGoTestShowsTheReport: go test on a package (as go test ./... runs
// each one), whose output go test hides when it passes, prints which tests
// were skipped and the command that installs what they lack, each time it
// runs (the result is not cached); under CI the package fails.
func TestGoTestShowsTheReport(t *testing.T) {
	want := []string{
		"skipper: 2 tests skipped (TestNeedsATool, TestNeedsPackages): they need a-tool-nobody-has, testdata/skipper/node_modules.\n",
		"Install what they need with:\n    apt-get install -y a-tool-nobody-has && (cd testdata/skipper && npm ci)\n",
		"ok  \tgithub.com/hbtq-diplomering/webbplats/internal/testtools/testdata/skipper\t",
	}
	// Read the package here too, so that go test's cache knows it: the go
	// command below reads it in another process.
	if _, err := os.ReadFile("testdata/skipper/skipper_test.go"); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 2; run++ {
		out, err := goTest(t, nil, nil)
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, out)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("run %d: go test printed\n%s\nwithout\n%s", run, out, w)
			}
		}
		if strings.Contains(out, "(cached)") {
			t.Errorf("run %d: go test cached a run that skipped tests:\n%s", run, out)
		}
	}

	out, err := goTest(t, []string{"CI=true"}, nil)
	if err == nil || !strings.Contains(out, "--- FAIL: TestNeedsATool") || !strings.Contains(out, "this test needs a-tool-nobody-has; install with: apt-get install -y a-tool-nobody-has") {
		t.Errorf("under CI, go test did not fail for the missing tool (%v):\n%s", err, out)
	}

	// Into a file opened for appending (go test ./... >>log), the report
	// goes into the file; into a file opened for writing (go test ./...
	// >log), it must not overwrite the go command's lines.
	for _, appending := range []bool{true, false} {
		name := filepath.Join(t.TempDir(), "log")
		flag := os.O_WRONLY | os.O_CREATE
		if appending {
			flag |= os.O_APPEND
		}
		f, err := os.OpenFile(name, flag, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		out, err := goTest(t, nil, f)
		f.Close()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if !strings.HasPrefix(out, "ok  \t") && !strings.Contains(out, "\nok  \t") {
			t.Errorf("appending %v: the log has no ok line:\n%q", appending, out)
		}
		if appending && !strings.Contains(out, want[1]) {
			t.Errorf("appending: the log has no report:\n%s", out)
		}
		if !appending && out != strings.TrimSpace(out)+"\n" || strings.Count(out, "ok  \t") != 1 {
			t.Errorf("appending %v: the log is damaged:\n%q", appending, out)
		}
	}
}
