package publish

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// write makes the files (path → content) under dir.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// site makes a site root with sources and returns its folder.
func site(t *testing.T) string {
	root := filepath.Join(t.TempDir(), "site")
	write(t, root, map[string]string{
		"site.yaml": "title: x\n", "content/_index.md": "---\ntitle: Start\n---\n",
		"layouts/base.html": "x", "static/a.txt": "a", ".git/HEAD": "ref",
	})
	return root
}

func TestCheck(t *testing.T) {
	root := site(t)
	ours := filepath.Join(root, "public")
	write(t, ours, map[string]string{"index.html": "x", "om/index.html": "y"})
	if err := writeManifest(ours); err != nil {
		t.Fatal(err)
	}
	// Any file named .hbtq-build is not a marker: it must list what the
	// build wrote.
	bare := filepath.Join(t.TempDir(), "bilder")
	write(t, bare, map[string]string{Marker: "", "semester.jpg": "x"})
	oldText := filepath.Join(t.TempDir(), "gammal")
	write(t, oldText, map[string]string{Marker: markerText, "index.html": "x"})
	// A folder the build wrote, with somebody's files put in since.
	added := filepath.Join(t.TempDir(), "public")
	write(t, added, map[string]string{"index.html": "x"})
	writeManifest(added)
	write(t, added, map[string]string{"mina-bilder/semester.jpg": "x", "anteckning.txt": "x"})
	linked := filepath.Join(t.TempDir(), "public")
	write(t, linked, map[string]string{"index.html": "x"})
	writeManifest(linked)
	os.Symlink("/etc/passwd", filepath.Join(linked, "passwd"))
	foreign := filepath.Join(t.TempDir(), "foto")
	write(t, foreign, map[string]string{"semester.jpg": "x"})
	empty := filepath.Join(t.TempDir(), "tom")
	os.Mkdir(empty, 0o755)
	file := filepath.Join(t.TempDir(), "fil")
	write(t, filepath.Dir(file), map[string]string{"fil": "x"})
	link := filepath.Join(t.TempDir(), "lank")
	os.Symlink(ours, link)
	for _, tc := range []struct {
		name, out, want string
	}{
		{"missing", filepath.Join(t.TempDir(), "ny"), ""},
		{"empty", empty, ""},
		{"written by the build", ours, ""},
		{"inside the root", filepath.Join(root, "ut"), ""},
		{"the root", root, "det är webbplatsens rotmapp"},
		{"the root, relative", filepath.Join(root, "content", ".."), "det är webbplatsens rotmapp"},
		{"holds the root", filepath.Dir(root), "webbplatsens rotmapp ligger i den mappen"},
		{"content", filepath.Join(root, "content"), "mappen ligger i content/"},
		{"inside content", filepath.Join(root, "content", "ut"), "mappen ligger i content/"},
		{"inside layouts", filepath.Join(root, "layouts", "ut"), "mappen ligger i layouts/"},
		{"inside static", filepath.Join(root, "static", "a", "b"), "mappen ligger i static/"},
		{"not written by the build", foreign, "mappen har filer i sig men är inte skriven av bygget"},
		{"a marker without a manifest", bare, "mappen har en fil .hbtq-build, men den listar inte vad bygget skrev"},
		{"an old marker", oldText, "mappen har en fil .hbtq-build, men den listar inte vad bygget skrev"},
		{"files added since", added, "mappen har 2 filer som bygget inte skrev (anteckning.txt, mina-bilder/semester.jpg)"},
		{"a link added since", linked, "mappen har 1 fil som bygget inte skrev (passwd)"},
		{".git", filepath.Join(root, ".git"), "mappen har filer i sig men är inte skriven av bygget"},
		{"a file", file, "det är en fil"},
		{"a link", link, "det är en symbolisk länk"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.out, root)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Check(%s) = %v, want it allowed", tc.out, err)
			case tc.want != "" && err == nil:
				t.Errorf("Check(%s) allowed it, want %q", tc.out, tc.want)
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Errorf("Check(%s) = %v, want %q", tc.out, err, tc.want)
			}
		})
	}
}

// TestCheckRelative refuses -out . when the build runs in the root.
func TestCheckRelative(t *testing.T) {
	root := site(t)
	t.Chdir(root)
	for _, out := range []string{".", "./", "content/..", "static"} {
		if err := Check(out, "."); err == nil {
			t.Errorf("Check(%q, \".\") allowed it", out)
		}
	}
}

// build writes a whole build with the given files through Begin and Commit.
func build(t *testing.T, out string, files map[string]string) error {
	t.Helper()
	f, err := Begin(out, "")
	if err != nil {
		return err
	}
	defer f.Abort()
	write(t, f.Dir(), files)
	return f.Commit(context.Background())
}

func TestSwap(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := build(t, out, map[string]string{"index.html": "ett"}); err != nil {
		t.Fatal(err)
	}
	if err := build(t, out, map[string]string{"index.html": "två", "om/index.html": "om"}); err != nil {
		t.Fatal(err)
	}
	assertSite(t, out, map[string]string{"index.html": "två", "om/index.html": "om"})
	assertAlone(t, out)
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("the output's mode is %v (%v), want 0755", fi.Mode(), err)
	}
}

// assertSite checks that dir holds exactly the marker and files.
func assertSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	have := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			have[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	if !strings.HasPrefix(have[Marker], markerText) {
		t.Errorf("%s has no marker", dir)
	}
	var listed []string
	for p := range files {
		listed = append(listed, p)
	}
	slices.Sort(listed)
	if m := have[Marker]; !strings.HasSuffix(m, manifestHead+strings.Join(listed, "\n")+"\n") {
		t.Errorf("the marker of %s does not list %v:\n%s", dir, listed, m)
	}
	delete(have, Marker)
	if len(have) != len(files) {
		t.Errorf("%s holds %v, want %v", dir, have, files)
	}
	for p, s := range files {
		if have[p] != s {
			t.Errorf("%s/%s = %q, want %q", dir, p, have[p], s)
		}
	}
}

// assertAlone checks that nothing but out is left beside it.
func assertAlone(t *testing.T, out string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != filepath.Base(out) {
			t.Errorf("%s is left beside the output", e.Name())
		}
	}
}

func TestAbort(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := build(t, out, map[string]string{"index.html": "ett"}); err != nil {
		t.Fatal(err)
	}
	f, err := Begin(out, "")
	if err != nil {
		t.Fatal(err)
	}
	write(t, f.Dir(), map[string]string{"index.html": "två"})
	f.Abort()
	assertSite(t, out, map[string]string{"index.html": "ett"})
	assertAlone(t, out)

	// A build whose context is done before the swap changes nothing.
	f, err = Begin(out, "")
	if err != nil {
		t.Fatal(err)
	}
	write(t, f.Dir(), map[string]string{"index.html": "tre"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := f.Commit(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Commit after cancel = %v, want context.Canceled", err)
	}
	assertSite(t, out, map[string]string{"index.html": "ett"})
	assertAlone(t, out)
}

func TestLeftoversAreRemoved(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	write(t, parent, map[string]string{
		".public.tmp-123/index.html": "avbrutet", ".public.old-456/index.html": "gammalt",
		"public.old/index.html": "gammalt",
		"backup/index.html":     "en egen kopia", "public.bak/index.html": "en egen kopia",
		"public.bak/" + Marker: markerText,
		".other.tmp-1/x":       "någon annans",
	})
	writeManifest(filepath.Join(parent, "public.old"))
	if err := build(t, out, map[string]string{"index.html": "nytt"}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := ".other.tmp-1 backup public public.bak"; strings.Join(names, " ") != want {
		t.Errorf("beside the output: %s, want %s", strings.Join(names, " "), want)
	}
}

func TestFailedRollbackIsReported(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	dir := filepath.Join(parent, ".public.tmp-1")
	write(t, out, map[string]string{"index.html": "gammalt"})
	write(t, dir, map[string]string{"index.html": "nytt"})
	calls := 0
	rename := func(from, to string) error {
		calls++
		if calls == 1 {
			return os.Rename(from, to)
		}
		return errors.New("disken är full")
	}
	err := swapByRenames(context.Background(), dir, out, rename)
	if err == nil {
		t.Fatal("swapByRenames succeeded though every rename after the first failed")
	}
	entries, _ := filepath.Glob(filepath.Join(parent, ".public.old-*"))
	if len(entries) != 1 {
		t.Fatalf("the old output is at %v, want one .public.old-… folder", entries)
	}
	if !strings.Contains(err.Error(), "den gamla webbplatsen ligger nu i "+entries[0]) {
		t.Errorf("the error %q does not say where the old output is (%s)", err, entries[0])
	}

	// When only the second rename fails, the old output is put back.
	os.RemoveAll(out)
	os.Rename(entries[0], out)
	calls = 0
	rename = func(from, to string) error {
		calls++
		if calls == 2 {
			return errors.New("disken är full")
		}
		return os.Rename(from, to)
	}
	err = swapByRenames(context.Background(), dir, out, rename)
	if err == nil || !strings.Contains(err.Error(), "den gamla ligger kvar") {
		t.Errorf("swapByRenames = %v, want it to say that the old output is still there", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "gammalt" {
		t.Errorf("the output holds %q after a failed swap, want the old site", b)
	}
}

// TestKilled kills a real build with SIGKILL at each step of the swap: the
// output is always whole (old or new), and the next build removes what the
// killed one left.
func TestKilled(t *testing.T) {
	if os.Getenv("PUBLISH_HELPER_OUT") != "" {
		return // the helper runs in TestMain
	}
	for _, tc := range []struct {
		step    string
		renames bool // force the swap by two renames
		want    string
	}{
		{"written", false, "gammalt"},
		{"exchanged", false, "nytt"},
		{"moved-aside", true, ""}, // the one instant the output is missing, only without the exchange
	} {
		t.Run(tc.step, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if err := build(t, out, map[string]string{"index.html": "gammalt"}); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "PUBLISH_HELPER_OUT="+out, "PUBLISH_HELPER_STEP="+tc.step)
			if tc.renames {
				cmd.Env = append(cmd.Env, "PUBLISH_HELPER_RENAMES=1")
			}
			stdout, _ := cmd.StdoutPipe()
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if line != "paused at "+tc.step+"\n" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("the helper said %q (%v)", line, err)
			}
			cmd.Process.Kill() // SIGKILL: no cleanup at all
			cmd.Wait()

			if tc.want != "" {
				assertSite(t, out, map[string]string{"index.html": tc.want})
			} else if _, err := os.Stat(out); err == nil {
				t.Fatal("the output is there; the test did not stop between the renames")
			}
			left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*"))
			if len(left) == 0 {
				t.Error("the killed build left nothing beside the output; the test did not stop mid-swap")
			}
			if err := build(t, out, map[string]string{"index.html": "nästa"}); err != nil {
				t.Fatal(err)
			}
			assertSite(t, out, map[string]string{"index.html": "nästa"})
			assertAlone(t, out)
		})
	}
}

// TestMain runs the helper of TestKilled when asked to: a build of the
// output PUBLISH_HELPER_OUT that says when it reaches the step
// PUBLISH_HELPER_STEP and then waits to be killed.
func TestMain(m *testing.M) {
	out := os.Getenv("PUBLISH_HELPER_OUT")
	if out == "" {
		os.Exit(m.Run())
	}
	hook = func(_ context.Context, s string) {
		if s == os.Getenv("PUBLISH_HELPER_STEP") {
			os.Stdout.WriteString("paused at " + s + "\n")
			select {}
		}
	}
	f, err := Begin(out, "")
	if err != nil {
		panic(err)
	}
	os.WriteFile(filepath.Join(f.Dir(), "index.html"), []byte("nytt"), 0o644)
	if os.Getenv("PUBLISH_HELPER_RENAMES") != "" {
		hook(context.Background(), "written")
		err = swapByRenames(context.Background(), f.Dir(), out, os.Rename)
	} else {
		err = f.Commit(context.Background())
	}
	if err != nil {
		panic(err)
	}
	os.Stdout.WriteString("done\n")
	os.Exit(0)
}

// TestForeignFilesKept: a build into a folder that holds files the build
// did not write is refused, and every file in it is kept.
func TestForeignFilesKept(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	write(t, out, map[string]string{Marker: "", "semester.jpg": "foto", "doc/brev.txt": "brev"})
	err := build(t, out, map[string]string{"index.html": "nytt"})
	if err == nil || !strings.Contains(err.Error(), "den listar inte vad bygget skrev") {
		t.Errorf("build = %v, want a refusal", err)
	}
	for p, want := range map[string]string{"semester.jpg": "foto", "doc/brev.txt": "brev"} {
		if b, _ := os.ReadFile(filepath.Join(out, p)); string(b) != want {
			t.Errorf("%s = %q after the refused build, want it kept", p, b)
		}
	}
}

// TestOneBuildAtATime: while one build holds the output, a second is
// refused at once with a message and leaves the first one's folder alone;
// after the first commits, a build runs again, and no lock file is left.
func TestOneBuildAtATime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Begin(out, "")
	if err != nil {
		t.Fatal(err)
	}
	write(t, first.Dir(), map[string]string{"index.html": "första"})
	_, err = Begin(out, "")
	if err == nil || err.Error() != "-out "+out+": ett annat bygge skriver till mappen just nu (vänta tills det är klart och bygg sedan igen, eller välj en annan mapp med -out)" {
		t.Errorf("the second Begin = %v, want it refused as busy", err)
	}
	if err := first.Commit(context.Background()); err != nil {
		t.Fatalf("the first build fails after the second was refused: %v", err)
	}
	assertSite(t, out, map[string]string{"index.html": "första"})
	if err := build(t, out, map[string]string{"index.html": "andra"}); err != nil {
		t.Fatal(err)
	}
	assertAlone(t, out)
}

// TestNotWritable: an output in a folder the build may not write in is a
// message in Swedish, not a bare "permission denied".
func TestNotWritable(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "låst")
	os.Mkdir(parent, 0o555)
	if os.Getuid() == 0 {
		parent = "/sys" // root may write anywhere but here
		if _, err := os.Stat(parent); err != nil {
			t.Skip("no folder root may not write in")
		}
	}
	out := filepath.Join(parent, "hbtq-public")
	_, err := Begin(out, "")
	if err == nil || !strings.HasPrefix(err.Error(), "-out "+out+": bygget kan inte skriva i mappen "+parent+": ") ||
		!strings.Contains(err.Error(), "(välj en mapp som du får skriva i med -out") {
		t.Errorf("Begin = %v, want the Swedish message", err)
	}
}

// TestWroteIsTheWalk: the marker made from the build's list of files
// (Folder.Wrote) is the one the walk of the folder makes, names that sort
// differently as whole paths than folder by folder included.
func TestWroteIsTheWalk(t *testing.T) {
	files := []string{
		"a.html", "a/index.html", "a-b/index.html", "a/b/index.html", "a/b.html", "a/b-c/x.png",
		"B/index.html", "b/index.html", "å/index.html", "ä/index.html", "z", "0/1", "a/b/c/d/e.txt",
		"a b/index.html", "a+b/index.html", "a~/x",
	}
	walked, listed := t.TempDir(), t.TempDir()
	all := map[string]string{}
	for _, f := range files {
		all[f] = f
	}
	write(t, walked, all)
	if err := writeManifest(walked); err != nil {
		t.Fatal(err)
	}
	if err := writeList(listed, files); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join(walked, Marker))
	have, _ := os.ReadFile(filepath.Join(listed, Marker))
	if string(have) != string(want) {
		t.Errorf("the list's marker:\n%s\nthe walk's:\n%s", have, want)
	}
}

// TestBeginChecking: BeginChecking leaves the walk for files the build did
// not write running; Checked then gives Check's refusal, and Commit
// refuses too and leaves the output as it was. With another build
// running, the refusal still comes first, as from Begin.
func TestBeginChecking(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := build(t, out, map[string]string{"index.html": "ett"}); err != nil {
		t.Fatal(err)
	}
	write(t, out, map[string]string{"semester.jpg": "foto"})
	want := Check(out, "")
	if want == nil || !strings.Contains(want.Error(), "semester.jpg") {
		t.Fatalf("Check = %v, want a refusal naming semester.jpg", want)
	}
	f, err := BeginChecking(out, "")
	if err != nil {
		t.Fatalf("BeginChecking = %v, want the walk left to Checked", err)
	}
	write(t, f.Dir(), map[string]string{"index.html": "två"})
	if err := f.Checked(); err == nil || err.Error() != want.Error() {
		t.Errorf("Checked = %v, want %v", err, want)
	}
	if err := f.Commit(context.Background()); err == nil || err.Error() != want.Error() {
		t.Errorf("Commit = %v, want %v", err, want)
	}
	for p, s := range map[string]string{"index.html": "ett", "semester.jpg": "foto"} {
		if b, _ := os.ReadFile(filepath.Join(out, p)); string(b) != s {
			t.Errorf("%s = %q after the refused build, want %q", p, b, s)
		}
	}
	if _, err := Begin(out, ""); err == nil || err.Error() != want.Error() {
		t.Errorf("Begin = %v, want %v", err, want)
	}

	os.Remove(filepath.Join(out, "semester.jpg"))
	first, err := Begin(out, "")
	if err != nil {
		t.Fatal(err)
	}
	defer first.Abort()
	write(t, out, map[string]string{"semester.jpg": "foto"})
	if _, err := BeginChecking(out, ""); err == nil || err.Error() != want.Error() {
		t.Errorf("BeginChecking while another build runs = %v, want %v", err, want)
	}
}
