package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"strconv"
	"syscall"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/serve"
)

// serveFlags defines the flags of serve and returns what runs it.
func serveFlags(fl *flag.FlagSet) action {
	port := fl.Int("port", 1313, "")
	bind := fl.String("bind", "127.0.0.1", "")
	return func(ctx context.Context, sf siteFlags, stdout, stderr io.Writer) error {
		return runServe(ctx, sf, net.JoinHostPort(*bind, strconv.Itoa(*port)), stdout)
	}
}

func runServe(ctx context.Context, sf siteFlags, addr string, stdout io.Writer) error {
	s, err := serve.Start(serve.Options{
		Dir:  sf.root,
		Addr: addr,
		Site: sf.opt,
		Log:  stdout,
		Lang: sf.lang,
	})
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return usageError{CmdServeInUse.With(addr), sf.lang, HintServeInUse.With()}
		}
		return usageError{CmdServeStart.With(addr, err), sf.lang, msg.Message{}}
	}
	fmt.Fprintln(stdout, CmdServing.With(s.URL()).In(sf.lang))
	<-ctx.Done()
	fmt.Fprintln(stdout, CmdStopping.With().In(sf.lang))
	return s.Close()
}
