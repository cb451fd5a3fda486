package main

import "sync"

// Todo is a stored to-do. Owner (milestone 5) is stored, never answered: publicTodo leaves it out.
type Todo struct {
	ID        int
	Title     string
	Done      bool
	CreatedAt string
	Owner     string
}

// Store keeps the to-dos in memory, in creation order: done, so the milestones are about HTTP, not
// storage. It is safe for concurrent requests. Swap it for a database later; the routes only use these.
type Store struct {
	mu     sync.Mutex
	lastID int
	todos  []*Todo
}

// Insert gives the to-do the next id (1, 2, 3, ..., never reused) and stores it.
func (s *Store) Insert(t Todo) Todo {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastID++
	t.ID = s.lastID
	s.todos = append(s.todos, &t)
	return t
}

// Get returns a copy of the to-do with this id.
func (s *Store) Get(id int) (Todo, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.todos {
		if t.ID == id {
			return *t, true
		}
	}
	return Todo{}, false
}

// All returns copies of every to-do, oldest first.
func (s *Store) All() []Todo {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Todo, 0, len(s.todos))
	for _, t := range s.todos {
		out = append(out, *t)
	}
	return out
}

// Update stores t over the to-do with t.ID; false when there is none.
func (s *Store) Update(t Todo) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, old := range s.todos {
		if old.ID == t.ID {
			s.todos[i] = &t
			return true
		}
	}
	return false
}

// Remove deletes the to-do; false when there was none.
func (s *Store) Remove(id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, t := range s.todos {
		if t.ID == id {
			s.todos = append(s.todos[:i], s.todos[i+1:]...)
			return true
		}
	}
	return false
}
