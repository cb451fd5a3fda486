package main

import (
	"encoding/base64"
	"fmt"
	"net/http"
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

// list answers GET /articles?limit=10&cursor=...&tag=sql.
func (api *articleAPI) list(w http.ResponseWriter, r *http.Request) {
	// query.Get("limit") is "" both when limit is missing and for ?limit=; query.Has tells them apart.
	query := r.URL.Query()
	_ = query

	// TODO 1: limit: defaultLimit when missing; otherwise a whole number from 1 to maxLimit written
	//         in digits only, else writeError(w, 400, "...").
	// TODO 2: order newest first: CreatedAt descending, and ID descending when CreatedAt is equal.
	//         Sort a copy (slices.Clone, then slices.SortFunc), never api.articles itself.
	// TODO 3: ?tag=sql keeps only articles whose Tags include "sql".
	// TODO 4: ?cursor=...: decodeCursor it; keep only the articles after that one in the order
	//         above. A cursor that does not decode to a known article id answers 400.
	// TODO 5: if more articles follow this page, NextCursor = encodeCursor(ID of the page's last
	//         article), and set the header Link: </articles?limit=..&cursor=..>; rel="next" (keep
	//         tag in it too). Otherwise NextCursor stays nil (null) and there is no Link header.
	writeJSON(w, http.StatusOK, page{Data: api.articles[:defaultLimit]})
}

// encodeCursor makes the cursor, opaque to clients: they pass it back, they never build or read it.
// It is base64url of the id as text, without "=" padding: 26 -> "MjY".
func encodeCursor(id int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprint(id)))
}

// decodeCursor gives the article id inside a cursor, and false when it is not a cursor this API made.
func decodeCursor(cursor string) (int, bool) {
	// TODO: base64.RawURLEncoding.DecodeString gives the id back as text (or an error). Check it is
	// a positive whole number (strconv.Atoi accepts "-3" and "+3", so look at the digits yourself),
	// and that encodeCursor(id) == cursor: that accepts only what you made.
	return 0, false
}
