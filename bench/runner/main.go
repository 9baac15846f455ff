// Command runner measures full builds of generated sites against the floor
// and prints one table. bench/run calls it.
//
// For each size (pages, units) it generates a site with bench/gen, then runs
// the floor and the build alternately, -runs times each, in fresh output
// folders. Each command is measured the same way: its wall time, its CPU
// time (user+system), its peak RSS and its live heap (the largest heap its
// collector marked live: every command here is a Go program, run with
// GODEBUG=gctrace=1; what a memory limit would have to stay above). The
// collector's share of the CPU is not given: gctrace counts its workers'
// time by the clock, which on a busy machine is far more than their CPU
// time; take it from a CPU profile (-cpuprofile, gcBgMarkWorker). The table
// has a row per size and command with the median run (by wall time), and
// the build's wall time, CPU time, peak RSS and live heap as ratios to the
// command's. Figures are measured on this machine in this run: compare
// ratios, not seconds. Below the table, a line per size gives the median
// CPU time of each command and the build's as a ratio to each: steadier
// than wall times when others share the machine.
//
// With -baseline REV, the build of that git revision (say the commit before
// a change) is measured in the same run: its own bench/gen writes a site of
// the same size (a site.yaml the old build can read), and floor, baseline
// and build run in turn (every other run in reverse order), so that load
// on the machine falls on all three alike. Disk writes make wall times
// noisy: -work on a tmpfs (-work /dev/shm/bench) steadies them; compare
// -baseline HEAD, the build against itself, to see the noise.
//
// Hugo is measured as a peer when it is installed (Debian's hugo; -hugo ""
// leaves it out): the same Markdown pages (not the units' registries, which
// Hugo cannot read) in a Hugo site with minimal layouts (head, main menu,
// the page's text, a list on section pages), built with hugo --minify in
// its turn with the others.
//
// A build keeps what it may reuse under .cache in the site root (smaller
// copies of images, the badges' PNGs, what git said of the history). A
// build in CI starts from a fresh clone, without it, and so does every
// build measured here: the site's .cache is removed before each run of
// the build and of the baseline. -warm keeps it, to measure a
// communicator's second build.
//
// For the build it also gives the CPU time per page (pages and units: each
// unit is a page of the site), relative to the first size's at the end.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

type size struct{ pages, units int }

type sample struct {
	wall, cpu time.Duration
	rssKB     int64
	liveMB    int // the largest heap marked live (gctrace)
}

func main() {
	runs := flag.Int("runs", 5, "runs of each command per size")
	sizes := flag.String("sizes", "100x100,1000x1000,10000x5000", "pages x units, comma separated")
	work := flag.String("work", "", "working folder (default a new temporary folder)")
	buildBin := flag.String("build", "", "a build binary to measure (default: go build ./cmd/build)")
	baseline := flag.String("baseline", "", "a git revision whose build is measured in the same run, on a site of the same size made by its own bench/gen")
	hugo := flag.String("hugo", "hugo", `Hugo's command, measured as a peer when found ("" leaves it out)`)
	warm := flag.Bool("warm", false, "keep the site's .cache between the build's runs (default: removed before each, as in a fresh clone)")
	flag.Parse()
	if *hugo != "" {
		if p, err := exec.LookPath(*hugo); err == nil {
			*hugo = p
		} else {
			fmt.Fprintf(os.Stderr, "bench: no %s installed: measured without Hugo\n", *hugo)
			*hugo = ""
		}
	}
	if err := run(*runs, *sizes, *work, *buildBin, *baseline, *hugo, *warm); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(runs int, sizesFlag, work, buildBin, baseline, hugo string, warm bool) error {
	if work == "" {
		var err error
		if work, err = os.MkdirTemp("", "hbtq-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	bin := filepath.Join(work, "bin")
	for _, b := range []string{"gen", "floor"} {
		if err := command("go", "build", "-o", filepath.Join(bin, b), "./bench/"+b).Run(); err != nil {
			return fmt.Errorf("building bench/%s: %w", b, err)
		}
	}
	if buildBin == "" {
		if err := command("go", "build", "-o", filepath.Join(bin, "build"), "./cmd/build").Run(); err != nil {
			return fmt.Errorf("building cmd/build: %w", err)
		}
	} else {
		data, err := os.ReadFile(buildBin)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(bin, "build"), data, 0o755); err != nil {
			return err
		}
	}
	var baseBin string
	if baseline != "" {
		var err error
		baseBin, err = buildBaseline(work, baseline)
		if err != nil {
			return err
		}
	}
	var sizes []size
	for _, s := range strings.Split(sizesFlag, ",") {
		var z size
		if _, err := fmt.Sscanf(s, "%dx%d", &z.pages, &z.units); err != nil {
			return fmt.Errorf("-sizes: %q is not pages x units, like 1000x1000", s)
		}
		sizes = append(sizes, z)
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "pages\tunits\tcommand\twall\tCPU\tpeak RSS\tlive heap\tbuild/it wall\tbuild/it CPU\tbuild/it RSS\tbuild/it live\t")
	var perPage []time.Duration
	var cpuLines, sizeLines []string
	for _, z := range sizes {
		root := filepath.Join(work, fmt.Sprintf("site-%d-%d", z.pages, z.units))
		os.RemoveAll(root)
		if out, err := exec.Command(filepath.Join(bin, "gen"), "-pages", fmt.Sprint(z.pages), "-units", fmt.Sprint(z.units), "-out", root).CombinedOutput(); err != nil {
			return fmt.Errorf("gen: %v\n%s", err, out)
		}
		baseRoot := root + "-baseline"
		if baseBin != "" {
			os.RemoveAll(baseRoot)
			gen := exec.Command(filepath.Join(bin, "baseline-gen"), "-pages", fmt.Sprint(z.pages), "-units", fmt.Sprint(z.units), "-out", baseRoot)
			gen.Dir = filepath.Join(work, "baseline-src")
			if out, err := gen.CombinedOutput(); err != nil {
				return fmt.Errorf("baseline gen: %v\n%s", err, out)
			}
		}
		hugoRoot := root + "-hugo"
		if hugo != "" {
			if err := hugoSite(root, hugoRoot); err != nil {
				return fmt.Errorf("hugo site: %w", err)
			}
		}
		var floor, build, base, peer []sample
		var outBytes int64
		for i := range runs {
			steps := []func() error{
				func() error {
					fo := filepath.Join(work, "floor-out")
					os.RemoveAll(fo)
					s, err := measure(filepath.Join(bin, "floor"), "-root", root, "-out", fo)
					floor = append(floor, s)
					return err
				},
				func() error {
					bo := filepath.Join(work, "public")
					os.RemoveAll(bo)
					if !warm {
						os.RemoveAll(filepath.Join(root, ".cache"))
					}
					s, err := measure(filepath.Join(bin, "build"), "-root", root, "-out", bo, "-now", "2026-11-23")
					build = append(build, s)
					if i == 0 {
						outBytes = dirSize(bo)
					}
					return err
				},
			}
			if baseBin != "" {
				steps = append(steps, func() error {
					bo := filepath.Join(work, "baseline-out")
					os.RemoveAll(bo)
					if !warm {
						os.RemoveAll(filepath.Join(baseRoot, ".cache"))
					}
					s, err := measure(baseBin, "-root", baseRoot, "-out", bo, "-now", "2026-11-23")
					base = append(base, s)
					return err
				})
			}
			if hugo != "" {
				steps = append(steps, func() error {
					ho := filepath.Join(work, "hugo-out")
					os.RemoveAll(ho)
					s, err := measure(hugo, "--minify", "--quiet", "-s", hugoRoot, "-d", ho, "--cacheDir", filepath.Join(work, "hugo-cache"))
					peer = append(peer, s)
					return err
				})
			}
			// Every other run goes in reverse order, so that no command
			// always follows the same one (and the deletion of its output).
			if i%2 == 1 {
				slices.Reverse(steps)
			}
			for _, step := range steps {
				if err := step(); err != nil {
					return err
				}
			}
		}
		b := median(build)
		pp := b.cpu / time.Duration(z.pages+z.units)
		perPage = append(perPage, pp)
		rows := []struct {
			name string
			s    []sample
		}{{"build", build}, {"floor", floor}, {"baseline", base}, {"Hugo", peer}}
		for _, r := range rows {
			if len(r.s) == 0 {
				continue
			}
			m := median(r.s)
			fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%d MB\t%d MB\t%s\t%s\t%s\t%s\t\n", z.pages, z.units, r.name,
				ms(m.wall), ms(m.cpu), m.rssKB/1024, m.liveMB,
				ratio(float64(b.wall), float64(m.wall)), ratio(float64(b.cpu), float64(m.cpu)),
				ratio(float64(b.rssKB), float64(m.rssKB)), ratio(float64(b.liveMB), float64(m.liveMB)))
		}
		sizeLines = append(sizeLines, fmt.Sprintf("Build at %d pages: %s of CPU per page and unit, output %.1f MB", z.pages, pp.Round(time.Microsecond), float64(outBytes)/1e6))
		// CPU time (the median of the runs' CPU) is steadier than wall
		// time when other work shares the machine.
		c := fmt.Sprintf("CPU at %d pages: build %s, floor %s (build/floor %.2f×)", z.pages, ms(medianCPU(build)), ms(medianCPU(floor)),
			float64(medianCPU(build))/float64(medianCPU(floor)))
		if hugo != "" {
			c += fmt.Sprintf(", Hugo %s (build/Hugo %.2f×)", ms(medianCPU(peer)), float64(medianCPU(build))/float64(medianCPU(peer)))
		}
		if baseBin != "" {
			c += fmt.Sprintf(", baseline %s (build/baseline %.2f×)", ms(medianCPU(base)), float64(medianCPU(build))/float64(medianCPU(base)))
		}
		cpuLines = append(cpuLines, c)
	}
	tw.Flush()
	for _, c := range sizeLines {
		fmt.Println(c)
	}
	for _, c := range cpuLines {
		fmt.Println(c)
	}
	for i := 1; i < len(sizes); i++ {
		fmt.Printf("CPU per page at %d pages: %.2f× that at %d pages\n", sizes[i].pages, float64(perPage[i])/float64(perPage[0]), sizes[0].pages)
	}
	return nil
}

func ms(d time.Duration) string { return d.Round(time.Millisecond).String() }

// hugoSite makes a Hugo site of the Markdown pages of the generated site
// root (hard links where it can), with minimal layouts.
func hugoSite(root, dst string) error {
	os.RemoveAll(dst)
	src := filepath.Join(root, "content")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, "content", rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if os.Link(p, target) == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return err
	}
	files := map[string]string{
		"hugo.toml": "baseURL = 'https://hbtq.example.se/'\nlanguageCode = 'sv'\ntitle = 'Hbtq-diplomering'\ndisableKinds = ['taxonomy', 'term']\n",
		"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
			`<title>{{.Title}} – {{.Site.Title}}</title>{{with .Description}}<meta name="description" content="{{.}}">{{end}}</head>` +
			`<body><header><a href="/">{{.Site.Title}}</a><nav><ul>{{range .Site.Menus.main}}<li><a href="{{.URL}}">{{.Name}}</a></li>{{end}}</ul></nav></header>` +
			`<main>{{block "main" .}}{{end}}</main><footer><a href="/tillganglighet/">Tillgänglighet</a></footer></body></html>` + "\n",
		"layouts/_default/single.html": `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}<p>Senast uppdaterad {{.Lastmod.Format "2006-01-02"}}</p>{{end}}` + "\n",
		"layouts/_default/list.html":   `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}<ul>{{range .Pages}}<li><a href="{{.RelPermalink}}">{{.Title}}</a> {{.Description}}</li>{{end}}</ul>{{end}}` + "\n",
	}
	for name, text := range files {
		p := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// buildBaseline writes the files of rev into work/baseline-src (git
// archive: no worktree to clean up) and builds its cmd/build and bench/gen
// as work/bin/baseline and work/bin/baseline-gen. The files stay: its gen
// copies its site.yaml, layouts and static.
func buildBaseline(work, rev string) (string, error) {
	src := filepath.Join(work, "baseline-src")
	os.RemoveAll(src)
	if err := os.MkdirAll(src, 0o755); err != nil {
		return "", err
	}
	if err := command("sh", "-c", `git archive --format=tar "$1" | tar -x -C "$2"`, "sh", rev, src).Run(); err != nil {
		return "", fmt.Errorf("-baseline %s: git archive: %w", rev, err)
	}
	dir := filepath.Join(work, "bin")
	for out, pkg := range map[string]string{"baseline": "./cmd/build", "baseline-gen": "./bench/gen"} {
		cmd := command("go", "build", "-o", filepath.Join(dir, out), pkg)
		cmd.Dir = src
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("-baseline %s: building %s: %w", rev, pkg, err)
		}
	}
	return filepath.Join(dir, "baseline"), nil
}

func command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	return cmd
}

// measure runs a command with GODEBUG=gctrace=1 and returns its wall
// time, CPU time, peak RSS and the largest heap its collector marked live.
func measure(name string, args ...string) (sample, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "GODEBUG=gctrace=1")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v\n%s%s", filepath.Base(name), err, stdout.String(), tail(stderr.String()))
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, rssKB: ru.Maxrss, liveMB: liveHeap(stderr.String())}, nil
}

// liveHeap returns the largest live heap in MB of a gctrace: lines like
// "gc 12 @0.5s 3%: … 40->42->21 MB, 44 MB goal, …", the last number before
// MB being the heap marked live.
func liveHeap(trace string) int {
	most := 0
	for _, line := range strings.Split(trace, "\n") {
		if !strings.HasPrefix(line, "gc ") {
			continue
		}
		before, _, ok := strings.Cut(line, " MB, ")
		if !ok {
			continue
		}
		i := strings.LastIndex(before, "->")
		var n int
		if _, err := fmt.Sscanf(before[i+2:], "%d", &n); err == nil && i >= 0 {
			most = max(most, n)
		}
	}
	return most
}

// ratio returns a/b as "1.23×", or "–" when b is 0.
func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// tail returns the last lines of a command's error output, without gc
// traces.
func tail(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "gc ") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep[max(0, len(keep)-20):], "\n")
}

// medianCPU returns the median CPU time of s.
func medianCPU(s []sample) time.Duration {
	c := make([]time.Duration, len(s))
	for i, x := range s {
		c[i] = x.cpu
	}
	slices.Sort(c)
	return c[len(c)/2]
}

func median(s []sample) sample {
	sort.Slice(s, func(i, j int) bool { return s[i].wall < s[j].wall })
	return s[len(s)/2]
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}
