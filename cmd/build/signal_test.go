//go:build unix

package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignals stops real builds mid-way. The build is held in the middle
// of writing by a named pipe in static/, which it reads as a file: opening
// the pipe waits until the test opens the other end.
//
// SIGTERM and SIGINT: the build removes its unfinished folder and exits 1;
// the output is as it was. SIGKILL: nothing can run, so the unfinished
// folder stays, and the next build removes it.
func TestSignals(t *testing.T) {
	if os.Getenv("BUILD_HELPER") != "" {
		os.Args = append([]string{"build"}, strings.Fields(os.Getenv("BUILD_HELPER"))...)
		main()
		return
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := tinySite(t, "---\ntitle: Start\n---\nHej\n")
			out := filepath.Join(t.TempDir(), "public")
			if err := run(t.Context(), []string{"-root", dir, "-out", out}, io.Discard, io.Discard); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(filepath.Join(out, "index.html"))
			pipe := filepath.Join(dir, "static", "ror.txt")
			if err := syscall.Mkfifo(pipe, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignals$")
			cmd.Env = append(os.Environ(), "BUILD_HELPER=-root "+dir+" -out "+out)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until the build writes its new folder.
			var tmp []string
			for deadline := time.Now().Add(30 * time.Second); len(tmp) == 0 && time.Now().Before(deadline); {
				time.Sleep(20 * time.Millisecond)
				tmp, _ = filepath.Glob(filepath.Join(filepath.Dir(out), ".public.tmp-*"))
			}
			if len(tmp) == 0 {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("the build never started writing: %s", stderr.String())
			}
			cmd.Process.Signal(sig)
			if sig != syscall.SIGKILL {
				// Let the signal arrive, then let the build go on reading.
				time.Sleep(time.Second)
				w, err := os.OpenFile(pipe, os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				w.Close()
			}
			err := cmd.Wait()
			if err == nil {
				t.Fatalf("the build exited 0 after %v", sig)
			}
			if after, _ := os.ReadFile(filepath.Join(out, "index.html")); string(after) != string(before) {
				t.Error("the output changed")
			}
			left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*"))
			if sig == syscall.SIGKILL {
				if len(left) == 0 {
					t.Error("SIGKILL left no unfinished folder; the test did not stop the build mid-way")
				}
			} else {
				if len(left) > 0 {
					t.Errorf("%v left %v", sig, left)
				}
				if want := "bygget avbröts; " + out + " ändrades inte\n"; stderr.String() != want {
					t.Errorf("stderr %q, want %q", stderr.String(), want)
				}
			}
			// The next build removes what was left.
			os.Remove(pipe)
			if err := run(t.Context(), []string{"-root", dir, "-out", out}, io.Discard, io.Discard); err != nil {
				t.Fatal(err)
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*")); len(left) > 0 {
				t.Errorf("the next build left %v", left)
			}
		})
	}
}
