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
//	-lang sv|en     the language of messages: Swedish (default) or English
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
	"runtime/pprof"
	"sync"
	"syscall"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/history"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/publish"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

func main() {
	// SIGINT and SIGTERM cancel the build, which then removes its
	// unfinished folder before the command exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, err) // usage errors and the like: in the language of -lang
		}
		os.Exit(1)
	}
}

// errReported is returned when the problems have been printed already.
var errReported = errors.New("reported")

// usageError is a mistake in the command's arguments, printed in the
// language of -lang with a line on how to get help.
type usageError struct {
	m    msg.Message
	lang msg.Lang
	// hint, when not zero, is the second line instead of the one on how
	// to get help.
	hint msg.Message
}

func (e usageError) Error() string {
	if !e.hint.IsZero() {
		return e.m.In(e.lang) + "\n" + e.hint.In(e.lang)
	}
	return e.m.In(e.lang) + "\n" + CmdTry.With().In(e.lang)
}

// A command is a subcommand of build: serve, check. Each lives in a file of
// its own; commands lists them.
type command struct {
	summary *msg.Key   // the line of the build's -help
	usage   []*msg.Key // the first lines of its own -help
	about   *msg.Key   // what it does, in its -help
	// flags defines the command's own flags on fl and returns what runs
	// the command once they and the shared flags are parsed.
	flags func(fl *flag.FlagSet) action
}

// action runs a command with the values of the shared flags.
type action func(ctx context.Context, sf siteFlags, stdout, stderr io.Writer) error

// commands are the subcommands, by name.
var commands = map[string]command{
	"check": {summary: HelpSummaryCheck, usage: []*msg.Key{HelpUsageCheck}, about: HelpCheck, flags: checkFlags},
	"serve": {summary: HelpSummaryServe, usage: []*msg.Key{HelpUsageServe}, about: HelpServe, flags: serveFlags},
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		if c, ok := commands[args[0]]; ok {
			fl := flag.NewFlagSet(args[0], flag.ContinueOnError)
			act := c.flags(fl)
			sf, err := parseFlags(fl, args[1:], stderr, c.usage, c.about, nil)
			if err != nil {
				return helped(err)
			}
			return act(ctx, sf, stdout, stderr)
		}
	}
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	cpuprofile := fl.String("cpuprofile", "", "")
	memprofile := fl.String("memprofile", "", "")
	sf, err := parseFlags(fl, args, stderr, []*msg.Key{HelpUsageBuild, HelpUsageCommand}, HelpBuild, commandList)
	if err != nil {
		return helped(err)
	}
	opt, out := sf.opt, sf.out
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
		// The profile of the phase whose live heap is largest (after the
		// build returns it holds nothing of the site any more), and each
		// phase's beside it: FILE.load, FILE.pages, FILE.gate.
		var most uint64
		opt.Checkpoint = func(phase string) {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Fprintln(stderr, CmdMemProfile.With(phase, ms.HeapAlloc>>20).In(sf.lang))
			files := []string{*memprofile + "." + phase}
			if ms.HeapAlloc >= most {
				most = ms.HeapAlloc
				files = append(files, *memprofile)
			}
			for _, name := range files {
				if f, err := os.Create(name); err == nil {
					pprof.WriteHeapProfile(f)
					f.Close()
				}
			}
		}
	}
	// No memory limit of our own: the collector runs at Go's default pace
	// (GOGC=100, the heap grows to twice what is live). A soft limit of
	// 200 MB stood here; the live heap of 10 000 pages passed it and the
	// collector ran without pause (31 s of CPU instead of 12 s). See
	// docs/budgets.md, "Memory", for the live heap per page as measured.
	// A ballast while the heap is small (see keepBallast); none under
	// -memprofile, whose profiles show what the build holds.
	if *memprofile == "" {
		defer keepBallast()()
	}
	stats, err := site.Build(ctx, opt)
	if err != nil {
		var pe *publish.Error
		switch {
		case errors.As(err, &pe):
			fmt.Fprintln(stderr, pe.In(sf.lang))
			return errReported
		case ctx.Err() != nil:
			fmt.Fprintln(stderr, OutInterrupted.With(out).In(sf.lang))
			return errReported
		}
		diag.FormatLang(stderr, err, site.Source(opt.Root), sf.lang)
		fmt.Fprintln(stderr, CmdBuildFailed.With(out).In(sf.lang))
		return errReported
	}
	fmt.Fprintln(stdout, stats.Summary().In(sf.lang))
	for _, n := range stats.Notes {
		fmt.Fprintln(stdout, diag.Escape(n.In(sf.lang)))
	}
	return nil
}

// errHelp is returned by parseFlags when -help was asked for: the usage
// has been printed and the command has nothing more to do.
var errHelp = errors.New("help")

// helped returns err, or nil when it is errHelp: the command's return
// value after parseFlags failed.
func helped(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

// siteFlags are the values of the flags every command shares.
type siteFlags struct {
	opt  site.Options // the build options
	root string       // -root
	out  string       // the output folder: -out, or <root>/public
	lang msg.Lang     // -lang: the language of messages
}

// parseFlags is the flag handling of every command. It adds the flags all
// commands share (-root, -out, -base-url, -drafts, -now, -lang) to fl, whose own
// flags the caller has defined, parses args, and returns the build
// options. -help prints the usage lines, about, the flags and what more
// prints (more may be nil; see help), in the language of -lang, and returns
// errHelp; arguments that are not flags, and mistakes in flags, are usage
// errors. Flags' help is in flagHelp.
func parseFlags(fl *flag.FlagSet, args []string, stderr io.Writer, usage []*msg.Key, about *msg.Key, more func(io.Writer, msg.Lang)) (siteFlags, error) {
	fl.Init(fl.Name(), flag.ContinueOnError)
	fl.SetOutput(io.Discard) // the package's own words are English: see help and flagError
	fl.Usage = func() {}
	root := fl.String("root", ".", "")
	out := fl.String("out", "", "")
	baseURL := fl.String("base-url", "", "")
	drafts := fl.Bool("drafts", false, "")
	nowFlag := fl.String("now", "", "")
	langFlag := fl.String("lang", "sv", "")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			help(stderr, fl, langOf(args), usage, about, more)
			return siteFlags{}, errHelp
		}
		return siteFlags{}, usageError{flagError(err), langOf(args), flagGuess(fl, err)}
	}
	lang, err := msg.ParseLang(*langFlag)
	if err != nil {
		return siteFlags{}, usageError{err.(msg.Message), msg.SV, msg.Message{}}
	}
	if fl.NArg() > 0 {
		if fl.Name() == "build" {
			return siteFlags{}, usageError{CmdUnknown.With(fl.Arg(0)), lang, msg.Message{}}
		}
		return siteFlags{}, usageError{CmdNoArgs.With(fl.Name(), fl.Arg(0)), lang, msg.Message{}}
	}
	now, err := today(*nowFlag)
	if err != nil {
		return siteFlags{}, usageError{CmdNow.With(err), lang, msg.Message{}}
	}
	o := *out
	if o == "" {
		o = filepath.Join(*root, "public")
	}
	return siteFlags{
		opt: site.Options{Features: all.Features(),
			Root: rootfs.New(*root), Out: o, BaseURL: *baseURL, Drafts: *drafts, Now: now,
			// Only the dates of what pages are made from: the Markdown
			// and registries in content/, and site.yaml (the search
			// page's); see Options.History. What git says is kept in
			// .cache/historik for the next build of the same commit. The
			// build asks while it reads the site; serve's builds after
			// its first take the first's.
			LoadHistory: sync.OnceValue(func() map[string]time.Time {
				return history.Cached(*root, ".cache/historik", content.Dir, settings.File)
			}),
			Added: func(paths ...string) map[string]time.Time { return history.Added(*root, paths...) },
			// Smaller copies of images are kept between builds, outside the
			// output and out of git (.gitignore).
			ImageCache: filepath.Join(*root, ".cache", "bilder"),
		},
		root: *root, out: o, lang: lang,
	}, nil
}

// today returns the day given by -now, or today in Stockholm.
func today(s string) (swedish.Day, error) {
	if s == "" {
		return swedish.Today(), nil
	}
	t, err := yamldoc.ParseDate(s)
	if err != nil {
		return swedish.Day{}, err
	}
	return swedish.DayOf(t), nil
}
