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

func init() {
	commands["check"] = command{
		summary: "check links, headings, link texts and documents (no browser needed)",
		run:     runCheck,
	}
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	external := fl.Bool("external", false, "also ask every external address (HEAD, then GET; 4 at a time, 10 s timeout)")
	sf, err := parseFlags(fl, args, stderr, "Usage: go run ./cmd/build check [-external] [flags]\n\nBuilds the site in memory (public/ and -out are not touched) and runs the content rules\nthat every build runs: broken links and #fragments, headings that skip a level, link\ntexts that do not say where they lead, document links without type and size, bad mailto:\nand tel: links, duplicate ids, images without alt text, javascript:, vbscript: and data:\nlinks, each at the line that causes it; with -external also external addresses that do\nnot answer. Exits 1 when there is any problem.", nil)
	if err != nil {
		return helped(err)
	}
	opt := sf.opt
	rep, err := site.Check(ctx, opt, check.Options{External: *external})
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
