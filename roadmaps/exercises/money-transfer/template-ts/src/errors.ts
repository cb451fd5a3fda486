// Errors a transfer may end with (done for you); the API turns them into 404 and 409.
export class AccountNotFoundError extends Error {}
export class InsufficientFundsError extends Error {}
