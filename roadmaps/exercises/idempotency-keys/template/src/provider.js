// A fake card payment provider (done for you), standing in for Stripe or Adyen. It keeps count of the
// cards it has charged, so you (and the checks) can see whether a retry charged twice.

/** The card was refused. The provider did its work: charging again would be refused again. */
class CardDeclinedError extends Error {
  constructor() {
    super('The card was declined');
    this.name = 'CardDeclinedError';
  }
}

/** The provider could not be reached. Nothing was charged: trying again later is safe. */
class ProviderUnavailableError extends Error {
  constructor() {
    super('The payment provider is unavailable');
    this.name = 'ProviderUnavailableError';
  }
}

/**
 * delayMs: how long each charge takes, so two requests can overlap (the tests use it).
 * Cards: "tok_declined" is declined; any other card is charged.
 */
function createProvider({ delayMs = 0 } = {}) {
  const provider = {
    /** While true, every charge fails with ProviderUnavailableError (POST /provider/outage sets it). */
    down: false,
    /** How many charges the provider has processed (charged or declined). */
    charges: 0,
    async charge({ amount, currency, card }) {
      if (provider.down) throw new ProviderUnavailableError();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      provider.charges += 1;
      if (card === 'tok_declined') throw new CardDeclinedError();
      return { chargeId: `ch_${provider.charges}`, amount, currency };
    },
  };
  return provider;
}

module.exports = { createProvider, CardDeclinedError, ProviderUnavailableError };
