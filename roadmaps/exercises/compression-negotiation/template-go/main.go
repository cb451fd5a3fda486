// A small report API (done for you). Every answer goes through writeNegotiated (compression.go):
//
//	GET /report     a large JSON report (several kB): worth compressing
//	GET /status     a tiny JSON body: not worth it
//	GET /logo.gif   an image (GIF data is compressed already): not worth it
//
// Configuration comes from the environment: PORT and HOST, where to listen (8080, 127.0.0.1).
package main

import (
	"bytes"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
)

type row struct {
	ID      int    `json:"id"`
	City    string `json:"city"`
	Celsius int    `json:"celsius"`
}

func main() {
	cities := []string{"Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Perth", "Quebec", "Tunis", "Hanoi", "Bergen"}
	rows := make([]row, 100)
	for i := range rows {
		rows[i] = row{i + 1, cities[i%len(cities)], (i*7)%35 - 5}
	}
	report, _ := json.Marshal(map[string]any{"title": "Daily temperatures", "rows": rows})
	status := []byte(`{"ok":true}`)
	// Not a real picture: the GIF signature, then filler. What matters is its type.
	logo := append([]byte("GIF89a"), bytes.Repeat([]byte("*"), 2000)...)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /report", func(w http.ResponseWriter, r *http.Request) {
		writeNegotiated(w, r, http.StatusOK, "application/json", report)
	})
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, r *http.Request) {
		writeNegotiated(w, r, http.StatusOK, "application/json", status)
	})
	mux.HandleFunc("GET /logo.gif", func(w http.ResponseWriter, r *http.Request) {
		writeNegotiated(w, r, http.StatusOK, "image/gif", logo)
	})

	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	log.Printf("Listening on http://%s/report", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
