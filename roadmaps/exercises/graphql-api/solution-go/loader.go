package main

import (
	"fmt"
	"sync"
)

// Loader is a tiny DataLoader. Load(key) does not query at once: it notes the key and answers a
// thunk. graphql-go calls the thunks only after it has called the resolvers of the whole list, so
// every Load made meanwhile (one per book, say) lands in one batchFn(keys) call: the first thunk
// called runs the batch, the others find their value ready.
//
// batchFn gets each distinct key once and must answer a slice of the same length, in the same order
// (nil for a key with no value). Results are cached for the loader's lifetime, so create one loader
// per request: a long-lived cache would serve stale data and grow forever.
type Loader[V any] struct {
	batchFn func(keys []string) ([]V, error)

	mu      sync.Mutex
	cache   map[string]*result[V] // key → its result, filled when its batch has run
	pending []string              // the keys of the batch being collected
}

type result[V any] struct {
	value V
	err   error
}

func NewLoader[V any](batchFn func(keys []string) ([]V, error)) *Loader[V] {
	return &Loader[V]{batchFn: batchFn, cache: map[string]*result[V]{}}
}

func (l *Loader[V]) Load(key string) func() (V, error) {
	l.mu.Lock()
	r, ok := l.cache[key]
	if !ok {
		r = &result[V]{}
		l.cache[key] = r
		l.pending = append(l.pending, key)
	}
	l.mu.Unlock()

	return func() (V, error) {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.dispatch() // a no-op when this key's batch has already run
		return r.value, r.err
	}
}

// dispatch sends every pending key to batchFn in one call. Call it with l.mu held: it stays held
// during the call, so no thunk reads a result that its batch is still filling.
func (l *Loader[V]) dispatch() {
	keys := l.pending
	l.pending = nil
	if len(keys) == 0 {
		return
	}
	values, err := l.batchFn(keys)
	if err == nil && len(values) != len(keys) {
		err = fmt.Errorf("the batch function must answer %d values (one per key), got %d", len(keys), len(values))
	}
	for i, key := range keys {
		r := l.cache[key]
		if err != nil {
			r.err = err
			delete(l.cache, key) // a failure is not cached: a later Load tries again
			continue
		}
		r.value = values[i]
	}
}
