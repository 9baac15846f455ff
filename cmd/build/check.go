package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"hbtq/internal/check"
	"hbtq/internal/diag"
	"hbtq/internal/msg"
	"hbtq/internal/site"
)

// checkSummary and checkUsage are check's lines of -help.
const checkSummary = "check links, headings, link texts and documents (no browser needed)"

const checkUsage = "Usage: go run ./cmd/build check [-external] [flags]\n\nBuilds the site in memory (public/ and -out are not touched) and runs the content rules\nthat every build runs: broken links and #fragments, headings that skip a level, link\ntexts that do not say where they lead, document links without type and size, bad mailto:\nand tel: links, duplicate ids, images without alt text, javascript:, vbscript: and data:\nlinks, each at the line that causes it; with -external also external addresses that do\nnot answer. Exits 1 when there is any problem."

// checkFlags defines the flags of check and returns what runs it.
func checkFlags(fl *flag.FlagSet) action {
	external := fl.Bool("external", false, "also ask every external address (HEAD, then GET; 4 at a time, 10 s timeout)")
	return func(ctx context.Context, sf siteFlags, stdout, stderr io.Writer) error {
		return runCheck(ctx, sf, *external, stdout, stderr)
	}
}

func runCheck(ctx context.Context, sf siteFlags, external bool, stdout, stderr io.Writer) error {
	opt := sf.opt
	rep, err := site.Check(ctx, opt, check.Options{External: external})
	if err != nil {
		diag.FormatLang(stderr, err, site.Source(opt.Root), sf.lang)
		fmt.Fprintln(stderr, msg.CmdCheckNotBuilding.With().In(sf.lang))
		return errReported
	}
	if err := rep.Err(); err != nil {
		diag.FormatLang(stderr, err, site.Source(opt.Root), sf.lang)
		fmt.Fprintln(stderr, rep.Summary.Message().In(sf.lang))
		return errReported
	}
	fmt.Fprintln(stdout, msg.CmdCheckOK.With(rep.Summary.Message()).In(sf.lang))
	return nil
}
