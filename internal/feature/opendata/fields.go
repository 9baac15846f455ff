package opendata

import (
	"github.com/hbtq-diplomering/webbplats/internal/dataset"
	"strconv"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/registry"
)

// record is one unit as published, before it is written.
type record struct {
	u        *registry.Unit
	k        registry.Kommun
	url      string
	status   registry.Status
	lat, lon float64
	exact    bool
}

func date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format("2006-01-02")
}

func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func list(ss []string) any {
	if len(ss) == 0 {
		return []string{}
	}
	return ss
}

// Fields are the fields of a published unit (see package dataset).
var Fields = dataset.Fields

// values gives each field of dataset.Fields its value for a record.
var values = map[string]func(r *record) any{
	"id":           func(r *record) any { return r.u.ID },
	"name":         func(r *record) any { return r.u.Name },
	"url":          func(r *record) any { return r.url },
	"kind":         func(r *record) any { return r.u.Kind },
	"kommun":       func(r *record) any { return r.u.Kommun },
	"kommun_code":  func(r *record) any { return r.k.Code },
	"county_code":  func(r *record) any { return r.k.County },
	"county":       func(r *record) any { return r.k.CountyName },
	"organisation": func(r *record) any { return r.u.Org.Name },
	"address":      func(r *record) any { return text(r.u.Address) },
	"website":      func(r *record) any { return text(r.u.Website) },
	"hsa_id":       func(r *record) any { return text(r.u.HSAID) },
	"url_1177":     func(r *record) any { return text(r.u.URL1177) },
	"certified":    func(r *record) any { return date(r.u.Certified) },
	"recertified": func(r *record) any {
		out := []string{}
		for _, t := range r.u.Recertified {
			out = append(out, t.Format("2006-01-02"))
		}
		return out
	},
	"valid_until":  func(r *record) any { return date(r.u.ValidUntil()) },
	"status":       func(r *record) any { return r.status.String() },
	"former_names": func(r *record) any { return list(r.u.FormerNames) },
	"keywords":     func(r *record) any { return list(r.u.Keywords) },
	"latitude":     func(r *record) any { return r.lat },
	"longitude":    func(r *record) any { return r.lon },
	"location_source": func(r *record) any {
		if r.exact {
			return "verksamhet"
		}
		return "kommun"
	},
}

// csvValue writes v as one CSV cell: lists joined by "; ", numbers as Go
// writes them, nothing for null.
func csvValue(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []string:
		return strings.Join(v, "; ")
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	panic("opendata: a field of an unknown type")
}
