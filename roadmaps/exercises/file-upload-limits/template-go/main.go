// A small upload API (done for you):
//
//	POST /files        multipart/form-data with a "file" part: 201 {"id", "name", "type", "size"} (400, 413, 415)
//	GET  /files/{id}   the stored file, with the headers of downloadHeaders (404)
//
// Files are stored as <UPLOAD_DIR>/<id>, where id is 32 random hex digits: never a name from the
// client. The rules about what is accepted are yours, in uploads.go.
//
// Configuration comes from the environment:
//
//	PORT, HOST         where to listen (8080, 127.0.0.1)
//	UPLOAD_MAX_BYTES   the largest file accepted, in bytes (1048576)
//	UPLOAD_DIR         where files are stored (a fresh temporary folder)
package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
)

type storedFile struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	Size int    `json:"size"`
}

var fileID = regexp.MustCompile(`^[0-9a-f]{32}$`)

func main() {
	maxBytes, err := strconv.ParseInt(getenv("UPLOAD_MAX_BYTES", "1048576"), 10, 64)
	if err != nil {
		log.Fatalf("UPLOAD_MAX_BYTES: %v", err)
	}
	dir := os.Getenv("UPLOAD_DIR")
	if dir == "" {
		if dir, err = os.MkdirTemp("", "uploads-"); err != nil {
			log.Fatal(err)
		}
	}
	var mu sync.Mutex
	files := map[string]storedFile{}

	writeJSON := func(w http.ResponseWriter, status int, value any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(value)
	}
	mux := http.NewServeMux()

	mux.HandleFunc("POST /files", func(w http.ResponseWriter, r *http.Request) {
		part, header, err := r.FormFile("file")
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": `Send multipart/form-data with a part named "file"`})
			return
		}
		defer part.Close()
		content, err := io.ReadAll(part)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "could not read the file"})
			return
		}
		name, contentType, status, message := acceptUpload(header.Filename, header.Header.Get("Content-Type"), content, maxBytes)
		if status != 0 {
			writeJSON(w, status, map[string]string{"error": message})
			return
		}
		random := make([]byte, 16)
		rand.Read(random)
		id := hex.EncodeToString(random)
		if err := os.WriteFile(filepath.Join(dir, id), content, 0o600); err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "could not store the file"})
			return
		}
		meta := storedFile{id, name, contentType, len(content)}
		mu.Lock()
		files[id] = meta
		mu.Unlock()
		w.Header().Set("Location", "/files/"+id)
		writeJSON(w, http.StatusCreated, meta)
	})

	mux.HandleFunc("GET /files/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		mu.Lock()
		meta, ok := files[id]
		mu.Unlock()
		if !fileID.MatchString(id) || !ok {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "No such file"})
			return
		}
		content, err := os.ReadFile(filepath.Join(dir, meta.ID))
		if err != nil {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "No such file"})
			return
		}
		for name, value := range downloadHeaders(meta.Name, meta.Type) {
			w.Header().Set(name, value)
		}
		w.Write(content)
	})

	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	log.Printf("Listening on http://%s/files (storing in %s)", addr, dir)
	log.Fatal(http.ListenAndServe(addr, mux))
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
