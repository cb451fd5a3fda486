// The write side: it takes commands, checks them against its own state (the write model), and records
// the events they cause in the log. It never answers a query.

/** A command that is refused: status is the HTTP status, code the error the client gets. */
class CommandError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const invalid = (message) => new CommandError(400, 'invalid_command', message);
const isId = (v) => typeof v === 'string' && v.trim() !== '';
// eslint-disable-next-line no-unused-vars -- TODO 1 uses it
const isAmount = (v) => Number.isInteger(v) && v > 0;

function createWriteSide({ log }) {
  /** The write model: account id -> { owner, balance }. Only what the rules need. */
  const accounts = new Map();

  /** What one recorded event does to the write model. */
  function evolve(event) {
    const d = event.data;
    if (event.type === 'AccountOpened') accounts.set(d.accountId, { owner: d.owner, balance: 0 });
    // TODO 2: MoneyDeposited, MoneyWithdrawn and MoneyTransferred change balances.
  }

  // eslint-disable-next-line no-unused-vars -- TODO 1 uses it
  function existing(id) {
    const account = accounts.get(id);
    if (!account) throw new CommandError(404, 'account_not_found', `There is no account ${id}`);
    return account;
  }

  /** Checks the command and returns the events it causes, or throws a CommandError. Records nothing. */
  function decide(name, body) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('The body must be a JSON object');
    switch (name) {
      case 'open-account': {
        if (!isId(body.accountId)) throw invalid('accountId must be a non-empty string');
        if (!isId(body.owner)) throw invalid('owner must be a non-empty string');
        if (accounts.has(body.accountId)) throw new CommandError(409, 'account_exists', `Account ${body.accountId} already exists`);
        return [{ type: 'AccountOpened', data: { accountId: body.accountId, owner: body.owner } }];
      }
      // TODO 1: 'deposit' and 'withdraw' ({ accountId, amount }) and 'transfer' ({ from, to, amount }).
      // 400 invalid_command for a bad body (amount: a positive integer; from and to: two different
      // accounts), 404 account_not_found, 409 insufficient_funds when the amount is more than the
      // balance in the WRITE model (exactly the balance is fine). Events: MoneyDeposited { accountId,
      // amount }, MoneyWithdrawn { accountId, amount }, MoneyTransferred { from, to, amount }.
      default:
        throw new CommandError(404, 'unknown_command', `There is no command ${name}`);
    }
  }

  return {
    /** Runs one command: decide, then record the events and apply them to the write model. */
    handle(name, body) {
      const events = log.append(decide(name, body));
      // TODO 2: apply the recorded events to the write model (evolve), so that the next command is
      // checked against the state that includes them.
      return events;
    },
  };
}

module.exports = { createWriteSide, CommandError };
