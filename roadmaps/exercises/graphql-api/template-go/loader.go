package main

import "fmt"

// Loader is a tiny DataLoader. Load(key) should not query at once: it notes the key and answers a
// thunk. graphql-go calls the thunks only after it has called the resolvers of the whole list, so
// every Load made meanwhile (one per book, say) lands in one batchFn(keys) call: the first thunk
// called runs the batch, the others find their value ready.
//
// batchFn gets each distinct key once and must answer a slice of the same length, in the same order
// (nil for a key with no value). Results are cached for the loader's lifetime, so create one loader
// per request: a long-lived cache would serve stale data and grow forever.
type Loader[V any] struct {
	batchFn func(keys []string) ([]V, error)
}

func NewLoader[V any](batchFn func(keys []string) ([]V, error)) *Loader[V] {
	return &Loader[V]{batchFn: batchFn}
}

// TODO: this works, but it calls batchFn once per Load and caches nothing. Make it:
//  1. cache: keep key → result (value, error, done) in a map; a second Load(key) shares the result.
//  2. batch: append new keys to a pending list, and answer a thunk. The first thunk called sends
//     every pending key to batchFn in one call, empties the list, and fills each key's result.
//  3. errors: if batchFn fails, or answers a slice of the wrong length, every Load of that batch
//     answers the error; forget those keys, so a later Load tries again.
//
// Guard the map and the list with a sync.Mutex: a loader must be safe for concurrent use.
func (l *Loader[V]) Load(key string) func() (V, error) {
	return func() (V, error) {
		var zero V
		values, err := l.batchFn([]string{key})
		if err != nil {
			return zero, err
		}
		if len(values) != 1 {
			return zero, fmt.Errorf("the batch function answered %d values for 1 key", len(values))
		}
		return values[0], nil
	}
}
