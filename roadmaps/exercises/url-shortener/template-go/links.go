package main

import (
	"encoding/json"
	"net/http"
)

// maxAttempts: random codes rarely collide; when they keep colliding, something is wrong (a full
// code space, a broken generator), so give up instead of looping forever.
const maxAttempts = 5

// linkAPI serves the link routes over a store and a code generator (a test could pass predictable ones).
type linkAPI struct {
	repo         *memoryRepository
	generateCode func() string
}

// createdLink is the answer to POST /api/links: the link plus the short address.
type createdLink struct {
	Link
	ShortURL string `json:"shortUrl"`
}

// register adds the routes to mux. Go 1.22 patterns name the method; {code} is read in the handler
// with r.PathValue("code"). The most specific pattern wins, so GET /{code} does not catch /health.
func (api *linkAPI) register(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/links", api.create)
	mux.HandleFunc("GET /api/links/{code}/stats", api.stats)
	mux.HandleFunc("GET /{code}", api.follow)
}

// create answers POST /api/links with {"url": "...", "alias"?: "..."}.
func (api *linkAPI) create(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	_ = body
	// TODO: create a short link.
	// 1. 400 unless body["url"] is a string and isHTTPURL says yes; 400 when "alias" is in the body
	//    but is not a string or not isValidAlias.
	// 2. Build Link{Code, URL: the url as sent, Clicks: 0, CreatedAt: now as ISO 8601 text}:
	//    time.Now().UTC().Format("2006-01-02T15:04:05.000Z").
	// 3. With an alias: Code = alias; if api.repo.Insert(link) is false, answer 409.
	// 4. Without: Code = api.generateCode(), and Insert again with a fresh code while it answers
	//    false, at most maxAttempts times; still no luck -> 503.
	// 5. Set the header Location: /api/links/<code>/stats and answer 201 with
	//    createdLink{link, shortURL}: the scheme and host the request came to ("http://" + r.Host),
	//    then "/" and the code.
	writeError(w, http.StatusNotImplemented, "TODO: write POST /api/links in links.go")
}

// stats answers GET /api/links/{code}/stats (done for you).
func (api *linkAPI) stats(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	link, ok := api.repo.FindByCode(code)
	if !ok {
		writeError(w, http.StatusNotFound, `No link with the code "`+code+`"`)
		return
	}
	writeJSON(w, http.StatusOK, link)
}

// follow answers GET /{code}.
func (api *linkAPI) follow(w http.ResponseWriter, r *http.Request) {
	// TODO: count the click with api.repo.RecordClick(code); unknown code -> 404; otherwise
	// http.Redirect(w, r, link.URL, http.StatusFound): 302, not 301 (browsers cache those and
	// later clicks go uncounted).
	writeError(w, http.StatusNotImplemented, "TODO: write GET /{code} in links.go")
}

// readBody decodes the JSON body into a map; on failure it answers 400 and returns false.
// A map keeps the types the client sent: {"url": 42} gives a float64, not a string.
func readBody(w http.ResponseWriter, r *http.Request) (map[string]any, bool) {
	var body map[string]any
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 10<<10)).Decode(&body); err != nil || body == nil {
		writeError(w, http.StatusBadRequest, "The body must be a JSON object")
		return nil, false
	}
	return body, true
}
