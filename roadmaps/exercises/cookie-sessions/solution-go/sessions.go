// Server-side sessions behind a cookie that holds nothing but a long random id.
package main

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
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
}

func newSessions(idle time.Duration, secure bool, now func() time.Time) *sessions {
	return &sessions{store: map[string]*entry{}, idle: idle, secure: secure, now: now}
}

// newID is 32 bytes from the operating system's CSPRNG, as base64url: 43 characters nobody can guess.
func newID() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // no randomness: better no session than a guessable one
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *sessions) cookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: cookieName, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure, MaxAge: maxAge}
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
	if s.now().Sub(e.lastSeen) > s.idle {
		delete(s.store, c.Value)
		return nil
	}
	e.lastSeen = s.now() // sliding: each request restarts the idle clock
	return &session{ID: c.Value, Data: e.data}
}

// start creates a session holding data and sets its cookie.
func (s *sessions) start(w http.ResponseWriter, data *sessionData) *session {
	if data.Cart == nil {
		data.Cart = []string{}
	}
	id := newID()
	s.mu.Lock()
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

// login starts a NEW session with the old one's data and the user, and deletes the old one: an id
// from before login (maybe planted by an attacker) dies here.
func (s *sessions) login(w http.ResponseWriter, r *http.Request, user string) *session {
	data := sessionData{}
	if old := s.load(r); old != nil {
		data = old.Data
		s.mu.Lock()
		delete(s.store, old.ID)
		s.mu.Unlock()
	}
	data.User = user
	return s.start(w, &data)
}

// logout destroys the session on the server and clears the cookie.
func (s *sessions) logout(w http.ResponseWriter, r *http.Request) {
	if old := s.load(r); old != nil {
		s.mu.Lock()
		delete(s.store, old.ID)
		s.mu.Unlock()
	}
	http.SetCookie(w, s.cookie("", -1))
}
