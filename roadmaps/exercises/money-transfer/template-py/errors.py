"""Errors a transfer may end with (done for you); the API turns them into 404 and 409."""


class AccountNotFoundError(Exception):
    pass


class InsufficientFundsError(Exception):
    pass
