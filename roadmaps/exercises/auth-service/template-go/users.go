package main

import "sync"

// The users, in memory: done, so the milestones are about authentication, not storage. Swap it for
// a database later; the routes only use these methods. Safe for concurrent use.

type user struct {
	ID           int
	Email        string
	PasswordHash string
	Role         string
}

type userStore struct {
	mu     sync.Mutex
	users  []*user
	lastID int
}

// insert stores a user under a new id (1, 2, 3, …) and returns it, unless the email is taken
// (then nil): the check and the insert happen under one lock.
func (s *userStore) insert(email, passwordHash, role string) *user {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.users {
		if u.Email == email {
			return nil
		}
	}
	s.lastID++
	u := &user{ID: s.lastID, Email: email, PasswordHash: passwordHash, Role: role}
	s.users = append(s.users, u)
	return u
}

// get answers the user with this id, or nil.
func (s *userStore) get(id int) *user {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.users {
		if u.ID == id {
			return u
		}
	}
	return nil
}

// findByEmail answers the user with this email (compared as given: store emails in one case), or nil.
func (s *userStore) findByEmail(email string) *user {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.users {
		if u.Email == email {
			return u
		}
	}
	return nil
}

// all answers every user, oldest first.
func (s *userStore) all() []*user {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*user(nil), s.users...)
}
