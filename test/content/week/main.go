// Command week makes a week of a communicator's ordinary edits in a site
// root (see content.Week): new pages in a section, a news item, a changed
// start page, a new unit, a new seminar session, a new phone number in
// site.yaml, and a page removed with the links to it. It is for proving on
// a throwaway copy that such a week needs no change to Go code or golden
// files:
//
//	git clone . /tmp/vecka && cd /tmp/vecka
//	go run ./test/content/week && go test ./...
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/hbtq-diplomering/webbplats/test/content"
)

func main() {
	root := flag.String("root", ".", "the site root to edit, in place")
	flag.Parse()
	done, err := content.Week(*root, time.Now())
	for _, d := range done {
		fmt.Println(d)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "week:", err)
		os.Exit(1)
	}
}
