// GET /cities in three formats, chosen by the request's Accept header (content negotiation).
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
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

// parseAccept returns the Accept header's media ranges. No q means q=1; a range with a q that is
// not from 0 to 1 is left out.
func parseAccept(header string) []mediaRange {
	// TODO: split on commas; each part is "type/subtype" and optional ";name=value" parameters.
	//       Lower-case the type and subtype. Keep q as a float64 (strconv.ParseFloat).
	return nil
}

// negotiate returns the type to answer with, or "" when nothing is acceptable. Each type takes the
// q of the most specific range that matches it (text/csv, then text/*, then */*); q=0 means "not
// this one"; the highest q wins, ties going to the earlier type in types.
func negotiate(accept string) string {
	// TODO: no header (or an empty one) accepts anything: JSON.
	// TODO: otherwise find each type's q from parseAccept(accept), and pick.
	return types[0]
}

func newHandler() http.Handler {
	mux := http.NewServeMux()
	// Go 1.22 patterns: "GET /cities" serves HEAD too, and any other method gets a 405 from the mux
	// itself, with an Allow header listing the methods registered for /cities.
	mux.HandleFunc("GET /cities", func(w http.ResponseWriter, r *http.Request) {
		// TODO: Vary: Accept on every answer.
		chosen := negotiate(r.Header.Get("Accept"))
		// TODO: nothing acceptable (chosen == "") → 406.
		if chosen == "" {
			chosen = types[0]
		}
		body := render(chosen, cities)
		// TODO: Content-Type with "; charset=utf-8", and a Content-Length that counts bytes.
		// TODO: HEAD (r.Method == http.MethodHead): the same headers, no body.
		w.Header().Set("Content-Type", chosen)
		fmt.Fprint(w, body)
	})
	// TODO: OPTIONS /cities → 204 with an Allow header (it also adds OPTIONS to the mux's 405 Allow).
	return mux
}
