package main

import (
	"encoding/json"
	"net/http"
	"time"
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
	rawURL, isString := body["url"].(string)
	if !isString || !isHTTPURL(rawURL) {
		writeError(w, http.StatusBadRequest, `"url" must be an absolute http:// or https:// URL`)
		return
	}
	rawAlias, hasAlias := body["alias"]
	alias, isString := rawAlias.(string)
	if hasAlias && (!isString || !isValidAlias(alias)) {
		writeError(w, http.StatusBadRequest, `"alias" must be 3-32 letters, digits, "-" or "_", and not a reserved word`)
		return
	}

	link := Link{Code: alias, URL: rawURL, CreatedAt: time.Now().UTC().Format("2006-01-02T15:04:05.000Z")}
	if hasAlias {
		if !api.repo.Insert(link) {
			writeError(w, http.StatusConflict, `The alias "`+alias+`" is taken`)
			return
		}
	} else {
		// Let the store decide (insert-if-absent), so two requests can't both get one code.
		stored := false
		for attempt := 0; attempt < maxAttempts && !stored; attempt++ {
			link.Code = api.generateCode()
			stored = api.repo.Insert(link)
		}
		if !stored {
			writeError(w, http.StatusServiceUnavailable, "Could not find a free short code, please try again")
			return
		}
	}

	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	w.Header().Set("Location", "/api/links/"+link.Code+"/stats")
	writeJSON(w, http.StatusCreated, createdLink{Link: link, ShortURL: scheme + "://" + r.Host + "/" + link.Code})
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
	code := r.PathValue("code")
	link, ok := api.repo.RecordClick(code)
	if !ok {
		writeError(w, http.StatusNotFound, `No link with the code "`+code+`"`)
		return
	}
	// 302, not 301: browsers cache a 301 and skip us next time, so those clicks would go uncounted.
	w.Header().Set("Cache-Control", "private, max-age=0")
	http.Redirect(w, r, link.URL, http.StatusFound)
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
