package main

import (
	"encoding/json"
	"net/http"
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

	// TODO (milestone 1): POST /todos with {"title": "..."}: store.Insert(Todo{Title: ..., CreatedAt:
	//   time.Now().UTC().Format("2006-01-02T15:04:05.000Z")}), answer 201 with publicTodo(...) and a
	//   Location header /todos/<id>. Read the body with io.ReadAll(r.Body) and json.Unmarshal.

	// TODO (milestone 1): GET /todos: 200 {"data": [every to-do, oldest first]} ([] when empty, not null).
	//   Milestone 4 adds done, limit and offset, and total, limit and offset beside data.

	// TODO (milestone 1): GET /todos/{id}: 200 with the to-do, or 404 {"error": "..."}.
	//   r.PathValue("id") is a string: strconv.Atoi, and "abc" is simply not found.

	// TODO (milestone 2): PATCH /todos/{id} (only the fields given) and DELETE /todos/{id} (204).

	// TODO (milestone 3): validate bodies (validation.go): 400 {"error": "..."} for anything wrong.

	// TODO (milestone 5): every /todos route needs a user: register them on their own mux and
	//   hand mux requireUser(secret, todos) for "/todos" and "/todos/".

	_ = store // used from milestone 1

	// Everything else: a JSON 404, not net/http's plain text.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such route")
	})
	return mux
}
