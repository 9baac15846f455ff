package main

import (
	"context"
	"flag"
	"fmt"
	"io"

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
	external := fl.Bool("external", false, "also ask every external address (HEAD, then GET; 4 at a time, 10 s timeout)")
	sf, err := parseFlags(fl, args, stderr, "Usage: go run ./cmd/build check [-external] [flags]\n\nBuilds the site into a temporary folder (public/ and -out are not touched) and reports\nbroken links and #fragments, headings that skip a level, link texts that do not say\nwhere they lead, document links without type and size, and bad mailto: and tel: links,\neach at the line that causes it. Exits 1 when there is any problem.", nil)
	if err != nil {
		return helped(err)
	}
	opt := sf.opt
	r, err := site.Inspect(ctx, opt)
	if err != nil {
		diag.FormatLang(stderr, err, site.Source(opt.Root), sf.lang)
		fmt.Fprintln(stderr, "the site does not build; fix these first")
		return errReported
	}
	defer r.Close()
	sum, err := check.Run(ctx, r, check.Options{External: *external})
	if err != nil {
		diag.FormatLang(stderr, err, site.Source(opt.Root), sf.lang)
		fmt.Fprintf(stderr, "%s\n", sum)
		return errReported
	}
	fmt.Fprintf(stdout, "%s: no problems\n", sum)
	return nil
}
