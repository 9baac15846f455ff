package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/site"
)

// checkFlags defines the flags of check and returns what runs it.
func checkFlags(fl *flag.FlagSet) action {
	external := fl.Bool("external", false, "")
	return func(ctx context.Context, sf siteFlags, stdout, stderr io.Writer) error {
		return runCheck(ctx, sf, *external, stdout, stderr)
	}
}

func runCheck(ctx context.Context, sf siteFlags, external bool, stdout, stderr io.Writer) error {
	opt := sf.opt
	rep, err := site.Check(ctx, opt, check.Options{External: external})
	if err != nil {
		diag.FormatLang(stderr, err, site.Source(opt.Root), sf.lang)
		fmt.Fprintln(stderr, CmdCheckNotBuilding.With().In(sf.lang))
		return errReported
	}
	if err := rep.Err(); err != nil {
		diag.FormatLang(stderr, err, site.Source(opt.Root), sf.lang)
		fmt.Fprintln(stderr, rep.Summary.Message().In(sf.lang))
		return errReported
	}
	fmt.Fprintln(stdout, CmdCheckOK.With(rep.Summary.Message()).In(sf.lang))
	return nil
}
