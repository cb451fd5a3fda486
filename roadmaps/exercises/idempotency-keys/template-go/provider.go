package main

// A fake card payment provider (done for you), standing in for Stripe or Adyen. It keeps count of
// the cards it has charged, so you (and the checks) can see whether a retry charged twice.

import (
	"errors"
	"fmt"
	"sync"
)

// ErrCardDeclined: the card was refused. The provider did its work: charging again would be
// refused again.
var ErrCardDeclined = errors.New("the card was declined")

// ErrProviderUnavailable: the provider could not be reached. Nothing was charged: trying again
// later is safe.
var ErrProviderUnavailable = errors.New("the payment provider is unavailable")

// Provider charges cards. The card "tok_declined" is declined; any other card is charged.
type Provider struct {
	mu      sync.Mutex
	down    bool
	charges int
}

// Charge charges the card and returns the charge id, or one of the errors above.
func (p *Provider) Charge(amount int64, currency, card string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.down {
		return "", ErrProviderUnavailable
	}
	p.charges++
	if card == "tok_declined" {
		return "", ErrCardDeclined
	}
	return fmt.Sprintf("ch_%d", p.charges), nil
}

// SetDown takes the provider down (every charge fails with ErrProviderUnavailable) or back up.
func (p *Provider) SetDown(down bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = down
}

// Charges is how many charges the provider has processed (charged or declined).
func (p *Provider) Charges() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.charges
}
