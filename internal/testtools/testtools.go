// Package testtools is for tests that need a program from outside Go:
// Chromium, Java, node, the npm packages of test/browser. Such a test calls
// Need with what it found missing; it then skips, or fails when the
// environment variable CI is set (a CI run must not pass by skipping).
//
// A package whose tests call Need runs them through Main from its
// TestMain. When the tests are done, Main reports the skipped tests and the
// one command that installs exactly what they lacked, for example
//
//	test/browser: 27 tests skipped (TestAdmin, TestAxeEveryPage, …): they need test/browser/node_modules.
//	Install what they need with:
//	    (cd test/browser && npm ci)
//
// in go test's own output: `go test ./...` shows a passing package's output
// only with -v, so Main also writes the report to the output of the go
// command that runs the test binary (its parent process; on Linux through
// /proc, when that output is a terminal, a pipe, a socket or a file opened
// for appending, where an added line cannot overwrite the go command's own).
// Elsewhere it falls back to the terminal (/dev/tty). A run that skipped
// tests is not cached by go test, so the report comes on every run until
// the tools are installed (see uncached).
package testtools

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// A Tool is something outside Go that a test needs.
type Tool struct {
	// Name is what the report calls it: "chromium", "java",
	// "test/browser/node_modules".
	Name string
	// Apt is the Debian package that installs it, or "".
	Apt string
	// Command installs it when no Debian package does, like
	// "(cd test/browser && npm ci)", run from the repository's root.
	Command string
}

// The programs the tests use, by the Debian package that installs them.
var (
	Chromium = Tool{Name: "chromium", Apt: "chromium"}
	Java     = Tool{Name: "java", Apt: "default-jre-headless"}
	Node     = Tool{Name: "node", Apt: "nodejs"}
	Npm      = Tool{Name: "npm", Apt: "npm"}
)

// Program returns tool, and true, when the program name is not on PATH.
func Program(name string, tool Tool) (Tool, bool) {
	_, err := exec.LookPath(name)
	return tool, err != nil
}

// NpmPackages returns what is missing to have the npm packages of the
// folder dir (relative to the repository's root, like "test/browser"),
// judged by the files want (relative to the test's working folder, which
// go test makes the package's folder): nothing when every file exists,
// else the command that installs them, and npm itself when it is missing.
func NpmPackages(dir string, want ...string) []Tool {
	for _, f := range want {
		if _, err := os.Stat(f); err != nil {
			tools := []Tool{{Name: dir + "/node_modules", Command: "(cd " + dir + " && npm ci)"}}
			if t, missing := Program("npm", Npm); missing {
				tools = append([]Tool{t}, tools...)
			}
			return tools
		}
	}
	return nil
}

var (
	mu      sync.Mutex
	skipped []string // the tests skipped for want of a tool, in order
	lacking []Tool   // what they lacked, each once
)

// Need skips t, or fails it when CI is set, if missing is not empty,
// saying what is missing and how to install it. Main lists the skipped
// tests when the package's tests are done.
func Need(t testing.TB, missing ...Tool) {
	t.Helper()
	if len(missing) == 0 {
		return
	}
	msg := fmt.Sprintf("this test needs %s; install with: %s", names(missing), Install(missing))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	mu.Lock()
	if !slices.Contains(skipped, t.Name()) {
		skipped = append(skipped, t.Name())
	}
	for _, m := range missing {
		if !slices.Contains(lacking, m) {
			lacking = append(lacking, m)
		}
	}
	mu.Unlock()
	uncached()
	t.Skip(msg)
}

// Install is the one command that installs every tool of tools: one
// apt-get for the Debian packages, then the other commands.
func Install(tools []Tool) string {
	var apt, cmds []string
	for _, t := range tools {
		switch {
		case t.Apt != "" && !slices.Contains(apt, t.Apt):
			apt = append(apt, t.Apt)
		case t.Command != "" && !slices.Contains(cmds, t.Command):
			cmds = append(cmds, t.Command)
		}
	}
	if len(apt) > 0 {
		cmds = append([]string{"apt-get install -y " + strings.Join(apt, " ")}, cmds...)
	}
	return strings.Join(cmds, " && ")
}

func names(tools []Tool) string {
	var n []string
	for _, t := range tools {
		n = append(n, t.Name)
	}
	return strings.Join(n, ", ")
}

// Report is the list of the tests skipped so far with the command that
// installs what they need, under the name of the package pkg (like
// "test/browser"), or "" when none was skipped.
func Report(pkg string) string {
	mu.Lock()
	defer mu.Unlock()
	if len(skipped) == 0 {
		return ""
	}
	list := skipped
	if len(list) > 8 {
		list = append(slices.Clone(list[:8]), "…")
	}
	tests, they := "tests", "they need"
	if len(skipped) == 1 {
		tests, they = "test", "it needs"
	}
	return fmt.Sprintf("%s: %d %s skipped (%s): %s %s.\nInstall what %s with:\n    %s\n",
		pkg, len(skipped), tests, strings.Join(list, ", "), they, names(lacking), they, Install(lacking))
}

// Main runs the tests of m, reports the skipped ones (see the package
// comment) under the name pkg, and returns the exit code for os.Exit.
func Main(m *testing.M, pkg string) int {
	code := m.Run()
	if r := Report(pkg); r != "" {
		fmt.Print(r)
		if !shown() {
			tellGo(r)
		}
	}
	return code
}

// shown reports whether go test shows the test binary's output anyway:
// with -v (or -json), or when the binary writes straight to the go
// command's output (go test without package arguments).
func shown() bool {
	for _, a := range os.Args[1:] {
		if a == "-test.v" || strings.HasPrefix(a, "-test.v=") && a != "-test.v=false" {
			return true
		}
	}
	self, err := os.Stdout.Stat()
	if err != nil {
		return false
	}
	parent, err := os.Stat(fmt.Sprintf("/proc/%d/fd/1", os.Getppid()))
	return err == nil && os.SameFile(self, parent)
}

// tellGo writes r to the go command's output, or else to the terminal.
func tellGo(r string) {
	for _, fd := range []int{1, 2} {
		name := fmt.Sprintf("/proc/%d/fd/%d", os.Getppid(), fd)
		if !appendable(name, fd) {
			continue
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			continue
		}
		_, err = f.WriteString(r)
		f.Close()
		if err == nil {
			return
		}
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		tty.WriteString(r)
		tty.Close()
	}
}

// appendable reports whether a line written to the file name (the
// parent's descriptor fd) lands after what the parent wrote and before
// what it writes next: a terminal, a pipe or a socket, or a file the
// parent opened for appending.
func appendable(name string, fd int) bool {
	info, err := os.Stat(name)
	if err != nil {
		return false
	}
	switch m := info.Mode(); {
	case m&(os.ModeNamedPipe|os.ModeSocket|os.ModeCharDevice) != 0:
		return true
	case !m.IsRegular():
		return false
	}
	fdinfo, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(name)), "fdinfo", strconv.Itoa(fd)))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(fdinfo), "\n") {
		if v, ok := strings.CutPrefix(line, "flags:"); ok {
			flags, err := strconv.ParseInt(strings.TrimSpace(v), 8, 64)
			return err == nil && flags&syscall.O_APPEND != 0
		}
	}
	return false
}

// uncached keeps go test from caching this run: it opens a file written
// just now, which go test takes as an input too new to trust. go test
// looks only at files inside the module, so the file is
// .cache/testtools-skipped in the module's root (.cache/ is git-ignored).
// It must run inside a test: go test learns of the files a test binary
// opens only until m.Run returns.
func uncached() {
	dir, err := os.Getwd()
	if err != nil {
		return
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			return
		}
		dir = up
	}
	name := filepath.Join(dir, ".cache", "testtools-skipped")
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return
	}
	if err := os.WriteFile(name, []byte("go test does not cache a run that skipped tests for want of a tool: see internal/testtools\n"), 0o644); err != nil {
		return
	}
	if f, err := os.Open(name); err == nil {
		f.Close()
	}
}
