// GET /cities in three formats, chosen by the request's Accept header (content negotiation).
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

type city struct {
	Name    string `json:"name"`
	Country string `json:"country"`
}

// The data: names with letters outside ASCII, so bytes and characters differ.
var cities = []city{{"Zürich", "CH"}, {"São Paulo", "BR"}, {"東京", "JP"}}

// The media types GET /cities can produce, in the server's order of preference (for ties).
var types = []string{"application/json", "text/csv", "text/plain"}

const allow = "GET, HEAD, OPTIONS"

// render gives each representation of the list, as text (done for you).
func render(mediaType string, list []city) string {
	var b strings.Builder
	switch mediaType {
	case "application/json":
		data, _ := json.Marshal(list)
		b.Write(data)
	case "text/csv":
		b.WriteString("name,country\r\n")
		for _, c := range list {
			fmt.Fprintf(&b, "%s,%s\r\n", c.Name, c.Country)
		}
	case "text/plain":
		for _, c := range list {
			fmt.Fprintf(&b, "%s (%s)\n", c.Name, c.Country)
		}
	}
	return b.String()
}

type mediaRange struct {
	typ, subtype string
	q            float64
}

var validQ = regexp.MustCompile(`^(0(\.\d{0,3})?|1(\.0{0,3})?)$`)

// parseAccept returns the Accept header's media ranges. No q means q=1; a range with a q that is
// not from 0 to 1 is left out.
func parseAccept(header string) []mediaRange {
	var ranges []mediaRange
	for _, part := range strings.Split(header, ",") {
		params := strings.Split(part, ";")
		typ, subtype, ok := strings.Cut(strings.ToLower(strings.TrimSpace(params[0])), "/")
		if !ok || typ == "" || subtype == "" {
			continue
		}
		r := mediaRange{typ, subtype, 1}
		valid := true
		for _, param := range params[1:] {
			name, value, _ := strings.Cut(param, "=")
			if strings.EqualFold(strings.TrimSpace(name), "q") {
				value = strings.TrimSpace(value)
				q, err := strconv.ParseFloat(value, 64)
				valid = err == nil && validQ.MatchString(value)
				r.q = q
			}
		}
		if valid {
			ranges = append(ranges, r)
		}
	}
	return ranges
}

// negotiate returns the type to answer with, or "" when nothing is acceptable. Each type takes the
// q of the most specific range that matches it (text/csv, then text/*, then */*); q=0 means "not
// this one"; the highest q wins, ties going to the earlier type in types.
func negotiate(accept string) string {
	if strings.TrimSpace(accept) == "" {
		return types[0]
	}
	ranges := parseAccept(accept)
	best, bestQ := "", 0.0
	for _, mediaType := range types {
		typ, subtype, _ := strings.Cut(mediaType, "/")
		specificity := func(r mediaRange) int {
			switch {
			case r.typ == typ && r.subtype == subtype:
				return 3
			case r.typ == typ && r.subtype == "*":
				return 2
			case r.typ == "*" && r.subtype == "*":
				return 1
			}
			return 0
		}
		var match *mediaRange
		for i := range ranges {
			if s := specificity(ranges[i]); s > 0 && (match == nil || s > specificity(*match)) {
				match = &ranges[i]
			}
		}
		if match != nil && match.q > bestQ {
			best, bestQ = mediaType, match.q
		}
	}
	return best
}

func newHandler() http.Handler {
	mux := http.NewServeMux()
	// Go 1.22 patterns: "GET /cities" serves HEAD too, and any other method gets a 405 from the mux
	// itself, with an Allow header listing the methods registered here (GET, HEAD, OPTIONS).
	mux.HandleFunc("GET /cities", func(w http.ResponseWriter, r *http.Request) {
		// The answer depends on Accept: caches must keep one copy per Accept value.
		w.Header().Set("Vary", "Accept")
		status, contentType, body := http.StatusOK, "", ""
		if chosen := negotiate(r.Header.Get("Accept")); chosen != "" {
			contentType, body = chosen+"; charset=utf-8", render(chosen, cities)
		} else {
			status, contentType = http.StatusNotAcceptable, "text/plain; charset=utf-8"
			body = "Not acceptable. Available: " + strings.Join(types, ", ") + "\n"
		}
		w.Header().Set("Content-Type", contentType)
		// len of a Go string is its length in bytes: what Content-Length counts.
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			fmt.Fprint(w, body)
		}
	})
	mux.HandleFunc("OPTIONS /cities", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}
