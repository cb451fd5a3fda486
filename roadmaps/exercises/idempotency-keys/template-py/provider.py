"""A fake card payment provider (done for you), standing in for Stripe or Adyen.

It keeps count of the cards it has charged, so you (and the checks) can see whether a retry charged
twice.
"""

import asyncio


class CardDeclinedError(Exception):
    """The card was refused. The provider did its work: charging again would be refused again."""


class ProviderUnavailableError(Exception):
    """The provider could not be reached. Nothing was charged: trying again later is safe."""


class Provider:
    """delay_ms: how long each charge takes. The card "tok_declined" is declined; any other is charged."""

    def __init__(self, delay_ms: int = 0) -> None:
        self.delay_ms = delay_ms
        # While True, every charge fails with ProviderUnavailableError (POST /provider/outage sets it).
        self.down = False
        # How many charges the provider has processed (charged or declined).
        self.charges = 0

    async def charge(self, amount: int, currency: str, card: str) -> str:
        """Charges the card and returns the charge id."""
        if self.down:
            raise ProviderUnavailableError()
        await asyncio.sleep(self.delay_ms / 1000)
        self.charges += 1
        if card == "tok_declined":
            raise CardDeclinedError()
        return f"ch_{self.charges}"
