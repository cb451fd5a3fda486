package main

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type accessClaims struct {
	SessionID string `json:"sid"`
	jwt.RegisteredClaims
}

// signAccessToken (milestone 2): a short-lived HS256 token: sub is the user id (a string), sid the session.
func signAccessToken(secret string, userID int, sessionID string, seconds int) (string, error) {
	now := time.Now()
	claims := accessClaims{sessionID, jwt.RegisteredClaims{
		Subject:   strconv.Itoa(userID),
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(time.Duration(seconds) * time.Second)),
	}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
}

// verifyAccessToken (milestone 2): the user id and session id of a valid access token; ok false otherwise.
func verifyAccessToken(secret, token string) (userID int, sessionID string, ok bool) {
	var claims accessClaims
	_, err := jwt.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return []byte(secret), nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	if err != nil || claims.SessionID == "" {
		return 0, "", false
	}
	id, err := strconv.Atoi(claims.Subject)
	if err != nil {
		return 0, "", false
	}
	return id, claims.SessionID, true
}

// Only a hash of each refresh token is kept: a leaked store hands out no working tokens.
func digest(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func randomText(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

type session struct {
	id      string
	userID  int
	current string // the digest of the one refresh token that is valid now
	ended   bool
}

// sessionStore: one session per login, each a family of refresh tokens where only the newest is
// valid. Showing an older one again means it was copied: the whole session ends.
type sessionStore struct {
	mu       sync.Mutex
	sessions map[string]*session
	familyOf map[string]string // digest of every refresh token handed out -> session id
}

func newSessionStore() *sessionStore {
	return &sessionStore{sessions: map[string]*session{}, familyOf: map[string]string{}}
}

func (s *sessionStore) issue(sess *session) string {
	token := randomText(32)
	sess.current = digest(token)
	s.familyOf[sess.current] = sess.id
	return token
}

// start (milestone 2): a new session for the user; its id and first refresh token.
func (s *sessionStore) start(userID int) (sessionID, refreshToken string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := &session{id: randomText(16), userID: userID}
	s.sessions[sess.id] = sess
	return sess.id, s.issue(sess)
}

// rotate (milestone 2): trades the newest refresh token for a new one; ok false when it is not valid.
func (s *sessionStore) rotate(refreshToken string) (userID int, sessionID, next string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	hash := digest(refreshToken)
	sess := s.sessions[s.familyOf[hash]]
	if sess == nil || sess.ended {
		return 0, "", "", false
	}
	if sess.current != hash {
		sess.ended = true // reuse: someone else holds a copy
		return 0, "", "", false
	}
	return sess.userID, sess.id, s.issue(sess), true
}

// isActive (milestone 3): true while the session has not ended.
func (s *sessionStore) isActive(sessionID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.sessions[sessionID]
	return sess != nil && !sess.ended
}

// end (milestone 3): ends one session.
func (s *sessionStore) end(sessionID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sess := s.sessions[sessionID]; sess != nil {
		sess.ended = true
	}
}

// endAll (milestone 3): ends every session of the user.
func (s *sessionStore) endAll(userID int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sess := range s.sessions {
		if sess.userID == userID {
			sess.ended = true
		}
	}
}
