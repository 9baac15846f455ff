// Command runner measures full builds of generated sites against the floor
// and prints one table. bench/run calls it.
//
// For each size (pages, units) it generates a site with bench/gen, then runs
// the floor and the build alternately, -runs times each, in fresh output
// folders, and reports the median wall time, the CPU time (user+system) and
// peak RSS of that run, the output size, and the build's wall time as a
// ratio to the floor's. Figures are measured on this machine in this run:
// compare ratios, not seconds.
//
// With -baseline REV, the build of that git revision (say the commit before
// a change) is measured in the same run: its own bench/gen writes a site of
// the same size (a site.yaml the old build can read), and floor, baseline
// and build run in turn (every other run in reverse order), so that load
// on the machine falls on all three alike. Disk writes make wall times
// noisy: -work on a tmpfs (-work /dev/shm/bench) steadies them; compare
// -baseline HEAD, the build against itself, to see the noise. The table then adds the baseline's wall and CPU time and the
// build's wall time as a ratio to the baseline's.
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
}

func main() {
	runs := flag.Int("runs", 5, "runs of each command per size")
	sizes := flag.String("sizes", "100x100,1000x1000,10000x5000", "pages x units, comma separated")
	work := flag.String("work", "", "working folder (default a new temporary folder)")
	buildBin := flag.String("build", "", "a build binary to measure (default: go build ./cmd/build)")
	baseline := flag.String("baseline", "", "a git revision whose build is measured in the same run, on a site of the same size made by its own bench/gen")
	flag.Parse()
	if err := run(*runs, *sizes, *work, *buildBin, *baseline); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(runs int, sizesFlag, work, buildBin, baseline string) error {
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
	if baseBin != "" {
		fmt.Fprintf(tw, "pages\tunits\tfloor wall\tbaseline wall\tbaseline CPU\tbuild wall\tbuild CPU\tbuild/baseline\tbuild/floor\tpeak RSS\toutput\t\n")
	} else {
		fmt.Fprintf(tw, "pages\tunits\tfloor wall\tbuild wall\tratio\tbuild CPU\tpeak RSS\toutput\t\n")
	}
	var walls []time.Duration
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
		var floor, build, base []sample
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
					s, err := measure(baseBin, "-root", baseRoot, "-out", bo, "-now", "2026-11-23")
					base = append(base, s)
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
		f, b := median(floor), median(build)
		walls = append(walls, b.wall)
		if baseBin != "" {
			o := median(base)
			fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\t%s\t%.2f×\t%.2f×\t%d MB\t%.1f MB\t\n", z.pages, z.units,
				f.wall.Round(time.Millisecond), o.wall.Round(time.Millisecond), o.cpu.Round(time.Millisecond),
				b.wall.Round(time.Millisecond), b.cpu.Round(time.Millisecond),
				float64(b.wall)/float64(o.wall), float64(b.wall)/float64(f.wall), b.rssKB/1024, float64(outBytes)/1e6)
			continue
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%.2f×\t%s\t%d MB\t%.1f MB\t\n", z.pages, z.units,
			f.wall.Round(time.Millisecond), b.wall.Round(time.Millisecond), float64(b.wall)/float64(f.wall),
			b.cpu.Round(time.Millisecond), b.rssKB/1024, float64(outBytes)/1e6)
	}
	tw.Flush()
	if len(walls) >= 3 {
		fmt.Printf("growth: the %d-page build takes %.1f× the %d-page build\n", sizes[2].pages, float64(walls[2])/float64(walls[1]), sizes[1].pages)
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

// measure runs a command and returns its wall time, CPU time and peak RSS.
func measure(name string, args ...string) (sample, error) {
	cmd := exec.Command(name, args...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v\n%s", filepath.Base(name), err, out)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, rssKB: ru.Maxrss}, nil
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
