package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"hbtq/internal/check"
	"hbtq/internal/diag"
	"hbtq/internal/site"
)

func init() {
	commands["check"] = command{
		summary: "check links, headings, link texts and documents (no browser needed)",
		run:     runCheck,
	}
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	opts := siteFlags(fl)
	external := fl.Bool("external", false, "also check that external links answer")
	if err := parse(fl, args, stderr, "Usage: go run ./cmd/build check [flags]\n\nBuilds the site into a temporary folder and checks it; public/ is not touched."); err != nil {
		if errors.Is(err, errHelp) {
			return nil
		}
		return err
	}
	opt, _, err := opts()
	if err != nil {
		return err
	}
	r, err := site.Inspect(ctx, opt)
	if err != nil {
		diag.Format(stderr, err, site.Source(opt.Root))
		fmt.Fprintln(stderr, "the site does not build; fix these first")
		return errReported
	}
	defer os.RemoveAll(r.Out)
	sum, err := check.Run(ctx, r, check.Options{External: *external})
	if err != nil {
		diag.Format(stderr, err, site.Source(opt.Root))
		return errReported
	}
	ext := ""
	if *external {
		ext = fmt.Sprintf(", %d external addresses", sum.External)
	}
	fmt.Fprintf(stdout, "checked %d pages, %d links%s: no problems\n", sum.Pages, sum.Links, ext)
	return nil
}
