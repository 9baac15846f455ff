// Command build builds the hbtq-diplomering site.
//
// Usage:
//
//	go run ./cmd/build [flags]          build the site into public/
//
// Flags:
//
//	-root DIR       the site root (default .)
//	-out DIR        the output folder (default <root>/public)
//	-base-url URL   the site's address, for sitemap, feeds and canonical links
//	-drafts         include pages with draft: true
//	-now YYYY-MM-DD the day the build treats as today (default: today in Stockholm)
//
// It prints one summary line and exits 1 when the site has problems, each
// printed as path:line:col: message with the line it is about. A failed
// build leaves the output folder as it was.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"time"

	"hbtq/internal/diag"
	"hbtq/internal/history"
	"hbtq/internal/site"
	"hbtq/internal/yamldoc"

	_ "time/tzdata" // Europe/Stockholm on any machine
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "build:", err)
		}
		os.Exit(1)
	}
}

// errReported is returned when the problems have been printed already.
var errReported = errors.New("reported")

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg + "\nTry: go run ./cmd/build -help" }

// A command is a subcommand of build: serve, check. Each lives in its own
// file and registers itself here from an init function.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		if c, ok := commands[args[0]]; ok {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	opts := siteFlags(fl)
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile to `file`")
	memprofile := fl.String("memprofile", "", "write a heap profile to `file` after the build")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "Usage: go run ./cmd/build [flags]\n       go run ./cmd/build <command> [flags]\n\nBuilds the site at -root into -out.\n\nFlags:\n")
		fl.PrintDefaults()
		if len(commands) > 0 {
			fmt.Fprintf(stderr, "\nCommands:\n")
			names := make([]string, 0, len(commands))
			for n := range commands {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				fmt.Fprintf(stderr, "  %-8s %s\n", n, commands[n].summary)
			}
		}
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errReported
	}
	if fl.NArg() > 0 {
		return usageError{fmt.Sprintf("unknown command %q", fl.Arg(0))}
	}
	opt, out, err := opts()
	if err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		defer func() {
			f, err := os.Create(*memprofile)
			if err == nil {
				runtime.GC()
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}()
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// Collect garbage harder rather than grow past this: the build
		// streams pages to disk, so its live heap is small even for large
		// sites, and CI machines are shared.
		debug.SetMemoryLimit(200 << 20)
	}
	stats, err := site.Build(ctx, opt)
	if err != nil {
		diag.Format(stderr, err, site.Source(opt.Root))
		fmt.Fprintf(stderr, "build failed; %s was not changed\n", out)
		return errReported
	}
	fmt.Fprintln(stdout, stats)
	for _, n := range stats.Notes {
		fmt.Fprintln(stdout, n)
	}
	return nil
}

// errHelp is returned by parse when -help was asked for: the usage has
// been printed and the command has nothing more to do.
var errHelp = errors.New("help")

// parse parses a subcommand's args with fl and refuses arguments that are
// not flags. usage is the line that -help prints first.
func parse(fl *flag.FlagSet, args []string, stderr io.Writer, usage string) error {
	fl.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\nFlags:\n", usage)
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return errReported
	}
	if fl.NArg() > 0 {
		return usageError{fmt.Sprintf("%s takes no arguments, not %q", fl.Name(), fl.Arg(0))}
	}
	return nil
}

// siteFlags defines the flags every command shares on fl: -root, -out,
// -base-url, -drafts, -now. After parsing, the returned function gives the
// build options and the output folder, or a usage error.
func siteFlags(fl *flag.FlagSet) func() (site.Options, string, error) {
	root := fl.String("root", ".", "the site root `folder`")
	out := fl.String("out", "", "the output `folder` (default <root>/public)")
	baseURL := fl.String("base-url", "", "the site's address, like https://hbtq.example.se")
	drafts := fl.Bool("drafts", false, "include pages with draft: true")
	nowFlag := fl.String("now", "", "the `date` the build treats as today, like 2026-11-23 (default today)")
	return func() (site.Options, string, error) {
		now, err := today(*nowFlag)
		if err != nil {
			return site.Options{}, "", usageError{err.Error()}
		}
		o := *out
		if o == "" {
			o = filepath.Join(*root, "public")
		}
		return site.Options{
			Root: os.DirFS(*root), Out: o, BaseURL: *baseURL, Drafts: *drafts, Now: now,
			History: history.Load(*root),
		}, o, nil
	}
}

// today returns the day given by -now, or today in Stockholm, as midnight UTC.
func today(s string) (time.Time, error) {
	if s == "" {
		loc, err := time.LoadLocation("Europe/Stockholm")
		if err != nil {
			return time.Time{}, err
		}
		y, m, d := time.Now().In(loc).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := yamldoc.ParseDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("-now: %v", err)
	}
	return t, nil
}
