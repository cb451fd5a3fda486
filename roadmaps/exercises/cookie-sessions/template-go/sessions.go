// Sessions behind a cookie. This works, and it is unsafe in five ways (README, "Steps"): the ids can
// be guessed, the cookie is readable from JavaScript and sent cross-site, the id survives login,
// logout forgets nothing on the server, and sessions never expire.
package main

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

const cookieName = "sid"

// sessionData is what a session holds. Cart is never nil, so it encodes as [].
type sessionData struct {
	User string
	Cart []string
}

// session is a live session: its id and a copy of its data.
type session struct {
	ID   string
	Data sessionData
}

type entry struct {
	data     sessionData
	lastSeen time.Time
}

// sessions keeps sessions in memory, by id. Handlers run concurrently, so a mutex guards the map.
type sessions struct {
	mu     sync.Mutex
	store  map[string]*entry
	idle   time.Duration
	secure bool
	now    func() time.Time
	count  int
}

func newSessions(idle time.Duration, secure bool, now func() time.Time) *sessions {
	return &sessions{store: map[string]*entry{}, idle: idle, secure: secure, now: now}
}

// newID makes a session id.
func (s *sessions) newID() string {
	// TODO 1: ids nobody can guess: 32 bytes from crypto/rand (rand.Read), as
	//         base64.RawURLEncoding.EncodeToString.
	s.count++
	return strconv.Itoa(s.count)
}

func (s *sessions) cookie(value string, maxAge int) *http.Cookie {
	// TODO 2: the cookie's attributes: Path "/", HttpOnly, SameSite http.SameSiteLaxMode, and Secure
	//         when s.secure is true.
	return &http.Cookie{Name: cookieName, Value: value, MaxAge: maxAge}
}

// load returns the request's live session, or nil.
func (s *sessions) load(r *http.Request) *session {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.store[c.Value]
	if !ok {
		return nil
	}
	// TODO 3: a session idle for more than s.idle (s.now().Sub(e.lastSeen)) is deleted and treated
	//         as absent; a live one gets lastSeen = s.now().
	return &session{ID: c.Value, Data: e.data}
}

// start creates a session holding data and sets its cookie.
func (s *sessions) start(w http.ResponseWriter, data *sessionData) *session {
	if data.Cart == nil {
		data.Cart = []string{}
	}
	s.mu.Lock()
	id := s.newID()
	s.store[id] = &entry{data: *data, lastSeen: s.now()}
	s.mu.Unlock()
	http.SetCookie(w, s.cookie(id, 0))
	return &session{ID: id, Data: *data}
}

// update changes a session's data in the store, and in sess.
func (s *sessions) update(sess *session, change func(*sessionData)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	change(&sess.Data)
	if e, ok := s.store[sess.ID]; ok {
		e.data = sess.Data
	}
}

// login puts the user into the request's session (starting one if needed).
func (s *sessions) login(w http.ResponseWriter, r *http.Request, user string) *session {
	// TODO 4: rotation. Start a NEW session holding the old one's data and the user, and delete the
	//         old one, so an id known before login (maybe planted by an attacker) is worth nothing.
	sess := s.load(r)
	if sess == nil {
		sess = s.start(w, &sessionData{})
	}
	s.update(sess, func(d *sessionData) { d.User = user })
	return sess
}

// logout clears the cookie.
func (s *sessions) logout(w http.ResponseWriter, r *http.Request) {
	// TODO 5: delete the session on the server too; clearing the cookie only asks the browser to
	//         forget it, and a copy of the id would still work.
	http.SetCookie(w, s.cookie("", -1))
}
