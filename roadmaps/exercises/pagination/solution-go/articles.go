package main

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

const (
	defaultLimit = 10
	maxLimit     = 100
)

// page is the JSON answer: {"data": [...], "nextCursor": "..." | null}. A nil *string is null.
type page struct {
	Data       []Article `json:"data"`
	NextCursor *string   `json:"nextCursor"`
}

// articleAPI serves the articles. Nothing changes them after the start, so the handler may read
// them from many goroutines at once without a lock, as long as it never sorts them in place.
type articleAPI struct {
	articles []Article
}

// newestFirst orders by CreatedAt descending, then ID descending: a total order, so a page boundary
// inside a tie neither repeats nor skips an article. In SQL: ORDER BY created_at DESC, id DESC.
func newestFirst(a, b Article) int {
	return cmp.Or(cmp.Compare(b.CreatedAt, a.CreatedAt), cmp.Compare(b.ID, a.ID))
}

// list answers GET /articles?limit=10&cursor=...&tag=sql.
func (api *articleAPI) list(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	limit, ok := parseLimit(query)
	if !ok {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("limit must be a whole number from 1 to %d", maxLimit))
		return
	}
	tag, filtered := query.Get("tag"), query.Has("tag")

	rows := make([]Article, 0, len(api.articles))
	for _, a := range api.articles {
		if !filtered || slices.Contains(a.Tags, tag) {
			rows = append(rows, a)
		}
	}
	slices.SortFunc(rows, newestFirst)

	if query.Has("cursor") {
		id, ok := decodeCursor(query.Get("cursor"))
		index := slices.IndexFunc(api.articles, func(a Article) bool { return a.ID == id })
		if !ok || index < 0 {
			writeError(w, http.StatusBadRequest, "cursor is not valid: start again from the first page")
			return
		}
		last := api.articles[index]
		// Keyset: everything strictly after the last article seen, in the same order.
		rows = slices.DeleteFunc(rows, func(a Article) bool { return newestFirst(a, last) <= 0 })
	}

	answer := page{Data: rows[:min(limit, len(rows))]}
	if len(rows) > limit {
		next := encodeCursor(answer.Data[len(answer.Data)-1].ID)
		answer.NextCursor = &next
		params := url.Values{}
		params.Set("limit", strconv.Itoa(limit))
		if filtered {
			params.Set("tag", tag)
		}
		params.Set("cursor", next)
		w.Header().Set("Link", fmt.Sprintf(`</articles?%s>; rel="next"`, params.Encode()))
	}
	writeJSON(w, http.StatusOK, answer)
}

// parseLimit reads ?limit=: defaultLimit when missing, else digits only, from 1 to maxLimit.
func parseLimit(query url.Values) (int, bool) {
	if !query.Has("limit") {
		return defaultLimit, true
	}
	raw := query.Get("limit")
	if raw == "" {
		return 0, false
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, _ := strconv.Atoi(raw)
	return n, n >= 1 && n <= maxLimit
}

// encodeCursor makes the cursor, opaque to clients: they pass it back, they never build or read it.
// It is base64url of the id as text, without "=" padding: 26 -> "MjY".
func encodeCursor(id int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprint(id)))
}

// decodeCursor gives the article id inside a cursor, and false when it is not a cursor this API made.
func decodeCursor(cursor string) (int, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || len(raw) == 0 || len(raw) > 9 || raw[0] < '1' || raw[0] > '9' {
		return 0, false
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	id, _ := strconv.Atoi(string(raw))
	// The round trip accepts only what encodeCursor makes (no other spelling of the same bytes).
	return id, encodeCursor(id) == cursor
}
