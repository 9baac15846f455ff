package dataset

import (
	"encoding/json"
	"fmt"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"strconv"
	"strings"
)

// File is a published file as read: its frame and its good units.
type File struct {
	License, Publisher, Modified string
	Units                        []Unit
}

// Unit is one unit of a published file (see Fields for each key).
type Unit struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	URL            string   `json:"url"`
	Kind           string   `json:"kind"`
	Kommun         string   `json:"kommun"`
	KommunCode     string   `json:"kommun_code"`
	CountyCode     string   `json:"county_code"`
	County         string   `json:"county"`
	Organisation   string   `json:"organisation"`
	Address        string   `json:"address"`
	Website        string   `json:"website"`
	HSAID          string   `json:"hsa_id"`
	URL1177        string   `json:"url_1177"`
	Certified      string   `json:"certified"`
	Recertified    []string `json:"recertified"`
	ValidUntil     string   `json:"valid_until"`
	Status         string   `json:"status"`
	FormerNames    []string `json:"former_names"`
	Keywords       []string `json:"keywords"`
	Latitude       float64  `json:"latitude"`
	Longitude      float64  `json:"longitude"`
	LocationSource string   `json:"location_source"`
}

// Skipped is a unit left out of a file, at its JSON pointer (/units/3).
type Skipped struct {
	Pointer string // where the problem is: /units/3/kommun_code
	Reason  string // the schema's words, in English
}

// printer writes problems in the words of the schema library, which
// writes numbers with its English printer (1,000).
var printer = message.NewPrinter(language.English)

// Read reads a published file. A problem inside a unit leaves that unit
// out (each reported once, at its pointer); any other problem (not JSON, a
// missing frame key) makes the file unusable, and Read returns an error.
func Read(data []byte) (File, []Skipped, error) {
	doc, err := decode(data)
	if err != nil {
		return File{}, nil, fmt.Errorf("not JSON: %v", err)
	}
	bad := map[int]Skipped{}
	for _, p := range check(doc) {
		loc := p.loc
		i, perr := -1, error(nil)
		if len(loc) >= 2 && loc[0] == "units" {
			i, perr = strconv.Atoi(loc[1])
		}
		if len(loc) < 2 || loc[0] != "units" || perr != nil {
			return File{}, nil, fmt.Errorf("%s: %s", pointer(loc), p.msg)
		}
		if _, seen := bad[i]; !seen {
			bad[i] = Skipped{Pointer: pointer(loc), Reason: p.msg}
		}
	}
	var raw struct {
		License, Publisher, Modified string
		Units                        []json.RawMessage
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return File{}, nil, err
	}
	f := File{License: raw.License, Publisher: raw.Publisher, Modified: raw.Modified}
	var skipped []Skipped
	for i, r := range raw.Units {
		if s, ok := bad[i]; ok {
			skipped = append(skipped, s)
			continue
		}
		var u Unit
		if err := json.Unmarshal(r, &u); err != nil {
			skipped = append(skipped, Skipped{Pointer: "/units/" + strconv.Itoa(i), Reason: err.Error()})
			continue
		}
		f.Units = append(f.Units, u)
	}
	return f, skipped, nil
}

// pointer writes a location as a JSON pointer (RFC 6901).
func pointer(loc []string) string {
	var b strings.Builder
	for _, p := range loc {
		b.WriteString("/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(p))
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}
