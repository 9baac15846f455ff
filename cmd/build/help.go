package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// The help of the command and its mistakes in flags are messages of the
// catalog, in the language of -lang, which is looked up in the arguments
// before anything is printed (see langOf).

// flagHelp says what each flag does, and the word for its value (nil for
// a flag without one).
var flagHelp = map[string]struct{ text, arg *msg.Key }{
	"root":       {HelpRoot, ArgFolder},
	"out":        {HelpOut, ArgFolder},
	"base-url":   {HelpBaseURL, ArgAddress},
	"drafts":     {HelpDrafts, nil},
	"now":        {HelpNow, ArgDate},
	"lang":       {HelpLang, ArgLang},
	"cpuprofile": {HelpCPUProfile, ArgFile},
	"memprofile": {HelpMemProfile, ArgFile},
	"external":   {HelpExternal, nil},
	"port":       {HelpPort, ArgPort},
	"bind":       {HelpBind, ArgAddress},
}

// langOf returns the language that -lang asks for in args, Swedish when
// there is none or it is not a language of the catalog.
func langOf(args []string) msg.Lang {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				break
			}
			val = args[i+1]
		}
		if l, err := msg.ParseLang(val); err == nil {
			return l
		}
	}
	return msg.SV
}

// help writes the help of a command: its usage lines, what it does, its
// flags in order of name with their defaults, and what more writes (more
// may be nil).
func help(w io.Writer, fl *flag.FlagSet, l msg.Lang, usage []*msg.Key, about *msg.Key, more func(io.Writer, msg.Lang)) {
	for _, u := range usage {
		fmt.Fprintln(w, u.With().In(l))
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, wrap(about.With().In(l), 78, ""))
	fmt.Fprintln(w)
	fmt.Fprintln(w, HelpFlags.With().In(l))
	fl.VisitAll(func(f *flag.Flag) {
		h, ok := flagHelp[f.Name]
		line := "  -" + f.Name
		if ok && h.arg != nil {
			line += " " + h.arg.With().In(l)
		}
		fmt.Fprintln(w, line)
		text := f.Usage
		if ok {
			text = h.text.With().In(l)
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			text += " " + HelpDefault.With(f.DefValue).In(l)
		}
		fmt.Fprint(w, wrap(text, 72, "    \t"))
	})
	if more != nil {
		more(w, l)
	}
}

// commandList writes the commands with their summaries, for the build's
// help.
func commandList(w io.Writer, l msg.Lang) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, HelpCommands.With().In(l))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary.With().In(l))
	}
}

// wrap breaks s into lines of at most width characters (a longer word
// stands alone), each starting with indent and ending with a newline.
func wrap(s string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Fields(s) {
		n := len([]rune(w))
		switch {
		case i == 0:
			b.WriteString(indent)
		case line+1+n > width:
			b.WriteString("\n" + indent)
			line = 0
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += n
	}
	b.WriteByte('\n')
	return b.String()
}

var (
	flagUnknownRE = regexp.MustCompile(`^flag provided but not defined: -(.*)$`)
	flagSyntaxRE  = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	flagNeedsRE   = regexp.MustCompile(`^flag needs an argument: -(.*)$`)
	flagValueRE   = regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-([^:]*):`)
)

// flagGuess returns, for a misspelt flag, "menade du -now?" naming the
// nearest flag of fl, or the zero Message.
func flagGuess(fl *flag.FlagSet, err error) msg.Message {
	m := flagUnknownRE.FindStringSubmatch(err.Error())
	if m == nil {
		return msg.Message{}
	}
	var names []string
	fl.VisitAll(func(f *flag.Flag) {
		if f.Name != "cpuprofile" && f.Name != "memprofile" {
			names = append(names, f.Name)
		}
	})
	if c := diag.Closest(strings.TrimLeft(m[1], "-"), names); c != "" {
		return CmdFlagGuess.With(c)
	}
	return msg.Message{}
}

// flagError returns the package flag's complaint about the arguments as a
// message of the catalog.
func flagError(err error) msg.Message {
	s := err.Error()
	if m := flagUnknownRE.FindStringSubmatch(s); m != nil {
		return CmdFlagUnknown.With(m[1])
	}
	if m := flagSyntaxRE.FindStringSubmatch(s); m != nil {
		return CmdFlagSyntax.With(m[1])
	}
	if m := flagNeedsRE.FindStringSubmatch(s); m != nil {
		return CmdFlagNeedsValue.With(m[1])
	}
	if m := flagValueRE.FindStringSubmatch(s); m != nil {
		v := m[1]
		if len(v) >= 2 {
			v = v[1 : len(v)-1]
		}
		return CmdFlagValue.With(v, m[2])
	}
	return msg.Plain.With(s)
}
