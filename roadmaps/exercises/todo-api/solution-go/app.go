package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// publicTodo is what a client sees of a to-do: exactly these four fields, whatever else the store keeps.
func publicTodo(t Todo) map[string]any {
	return map[string]any{"id": t.ID, "title": t.Title, "done": t.Done, "createdAt": t.CreatedAt}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers {"error": message}, as every error of this API does.
func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

// newApp builds the whole API.
func newApp(secret string) http.Handler {
	store := &Store{}
	mux := http.NewServeMux()

	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})

	// The user's to-do with the path's id; someone else's is, for this user, not there at all.
	own := func(r *http.Request) (Todo, bool) {
		id, err := strconv.Atoi(r.PathValue("id"))
		if err != nil {
			return Todo{}, false
		}
		t, found := store.Get(id)
		return t, found && t.Owner == userOf(r)
	}
	notFound := func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("to-do %s not found", r.PathValue("id")))
	}
	body := func(r *http.Request) []byte {
		b, _ := io.ReadAll(http.MaxBytesReader(nil, r.Body, 1<<20))
		return b
	}

	todos := http.NewServeMux()
	todos.HandleFunc("POST /todos", func(w http.ResponseWriter, r *http.Request) {
		checked, err := ValidateNewTodo(body(r))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
		t := store.Insert(Todo{Title: checked.Title, Done: checked.Done, CreatedAt: now, Owner: userOf(r)})
		w.Header().Set("Location", fmt.Sprintf("/todos/%d", t.ID))
		writeJSON(w, http.StatusCreated, publicTodo(t))
	})
	todos.HandleFunc("GET /todos", func(w http.ResponseWriter, r *http.Request) {
		q, err := ParseListQuery(r.URL.Query())
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		var matching []Todo
		for _, t := range store.All() {
			if t.Owner == userOf(r) && (q.Done == nil || t.Done == *q.Done) {
				matching = append(matching, t)
			}
		}
		page := []map[string]any{}
		for i := q.Offset; i < len(matching) && i < q.Offset+q.Limit; i++ {
			page = append(page, publicTodo(matching[i]))
		}
		writeJSON(w, http.StatusOK, map[string]any{"data": page, "total": len(matching), "limit": q.Limit, "offset": q.Offset})
	})
	todos.HandleFunc("GET /todos/{id}", func(w http.ResponseWriter, r *http.Request) {
		t, ok := own(r)
		if !ok {
			notFound(w, r)
			return
		}
		writeJSON(w, http.StatusOK, publicTodo(t))
	})
	todos.HandleFunc("PATCH /todos/{id}", func(w http.ResponseWriter, r *http.Request) {
		t, ok := own(r)
		if !ok {
			notFound(w, r)
			return
		}
		changes, err := ValidateChanges(body(r))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		if changes.Title != nil {
			t.Title = *changes.Title
		}
		if changes.Done != nil {
			t.Done = *changes.Done
		}
		store.Update(t)
		writeJSON(w, http.StatusOK, publicTodo(t))
	})
	todos.HandleFunc("DELETE /todos/{id}", func(w http.ResponseWriter, r *http.Request) {
		t, ok := own(r)
		if !ok {
			notFound(w, r)
			return
		}
		store.Remove(t.ID)
		w.WriteHeader(http.StatusNoContent)
	})
	guarded := requireUser(secret, todos)
	mux.Handle("/todos", guarded)
	mux.Handle("/todos/", guarded)

	// Everything else: a JSON 404, not net/http's plain text.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such route")
	})
	return mux
}
