package main

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Used by the TODOs below; delete this line when they are written.
var _, _, _ = strconv.Itoa, time.Now, jwt.ParseWithClaims

type accessClaims struct {
	SessionID string `json:"sid"`
	jwt.RegisteredClaims
}

// signAccessToken (milestone 2): a short-lived HS256 token: sub is the user id (a string), sid the session.
func signAccessToken(secret string, userID int, sessionID string, seconds int) (string, error) {
	// TODO (milestone 2): jwt.NewWithClaims(jwt.SigningMethodHS256, accessClaims{sessionID,
	//   jwt.RegisteredClaims{Subject: strconv.Itoa(userID), IssuedAt: ..., ExpiresAt: ...}})
	//   .SignedString([]byte(secret)), with seconds from now.
	return "", errors.New("signAccessToken is not written yet (milestone 2)")
}

// verifyAccessToken (milestone 2): the user id and session id of a valid access token; ok false otherwise.
func verifyAccessToken(secret, token string) (userID int, sessionID string, ok bool) {
	// TODO (milestone 2): jwt.ParseWithClaims(token, &claims, keyFunc,
	//   jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()); a numeric Subject and a
	//   SessionID are required.
	return 0, "", false
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
	// TODO (milestone 2): a session with a random id (randomText(16)), stored, and its first token (s.issue).
	panic("sessionStore.start is not written yet (milestone 2)")
}

// rotate (milestone 2): trades the newest refresh token for a new one; ok false when it is not valid.
func (s *sessionStore) rotate(refreshToken string) (userID int, sessionID, next string, ok bool) {
	// TODO (milestone 2): find the session by digest(refreshToken); an older token of a live session is
	//   a reuse: end the session and answer ok false, as for unknown tokens.
	return 0, "", "", false
}

// isActive (milestone 3): true while the session has not ended.
func (s *sessionStore) isActive(sessionID string) bool {
	// TODO (milestone 3)
	return true
}

// end (milestone 3): ends one session.
func (s *sessionStore) end(sessionID string) {
	// TODO (milestone 3)
}

// endAll (milestone 3): ends every session of the user.
func (s *sessionStore) endAll(userID int) {
	// TODO (milestone 3)
}
