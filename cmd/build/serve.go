package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"strconv"

	"hbtq/internal/msg"
	"hbtq/internal/serve"
)

func init() {
	commands["serve"] = command{
		summary: "build, serve on 127.0.0.1 and rebuild on every change (live reload)",
		run:     runServe,
	}
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	port := fl.Int("port", 1313, "the `port` to listen on")
	bind := fl.String("bind", "127.0.0.1", "the `address` to listen on")
	sf, err := parseFlags(fl, args, stderr, "Usage: go run ./cmd/build serve [flags]\n\nServes the site from memory and rebuilds it when files change.", nil)
	if err != nil {
		return helped(err)
	}
	s, err := serve.Start(serve.Options{
		Dir:  sf.root,
		Addr: net.JoinHostPort(*bind, strconv.Itoa(*port)),
		Site: sf.opt,
		Log:  stdout,
		Lang: sf.lang,
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, msg.CmdServing.With(s.URL()).In(sf.lang))
	<-ctx.Done()
	fmt.Fprintln(stdout, msg.CmdStopping.With().In(sf.lang))
	return s.Close()
}
