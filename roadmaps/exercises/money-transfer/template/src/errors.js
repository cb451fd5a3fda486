// Errors a transfer may end with (done for you); the API turns them into 404 and 409.
class AccountNotFoundError extends Error {}
class InsufficientFundsError extends Error {}

module.exports = { AccountNotFoundError, InsufficientFundsError };
