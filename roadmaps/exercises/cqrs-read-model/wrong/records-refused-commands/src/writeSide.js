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
const isAmount = (v) => Number.isInteger(v) && v > 0;

function createWriteSide({ log }) {
  /** The write model: account id -> { owner, balance }. Only what the rules need. */
  const accounts = new Map();

  /** What one recorded event does to the write model. */
  function evolve(event) {
    const d = event.data;
    if (event.type === 'AccountOpened') accounts.set(d.accountId, { owner: d.owner, balance: 0 });
    else if (event.type === 'MoneyDeposited') accounts.get(d.accountId).balance += d.amount;
    else if (event.type === 'MoneyWithdrawn') accounts.get(d.accountId).balance -= d.amount;
    else if (event.type === 'MoneyTransferred') {
      accounts.get(d.from).balance -= d.amount;
      accounts.get(d.to).balance += d.amount;
    }
  }

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
      case 'deposit':
      case 'withdraw': {
        if (!isId(body.accountId)) throw invalid('accountId must be a non-empty string');
        if (!isAmount(body.amount)) throw invalid('amount must be a positive integer (cents)');
        const account = existing(body.accountId);
        if (name === 'deposit') return [{ type: 'MoneyDeposited', data: { accountId: body.accountId, amount: body.amount } }];
        // WRONG: the withdrawal is recorded first, "for the audit trail", and then refused.
        const attempt = { type: 'MoneyWithdrawn', data: { accountId: body.accountId, amount: body.amount } };
        if (body.amount > account.balance) {
          log.append([attempt]);
          throw new CommandError(409, 'insufficient_funds', `Account ${body.accountId} has ${account.balance}`);
        }
        return [attempt];
      }
      case 'transfer': {
        if (!isId(body.from) || !isId(body.to)) throw invalid('from and to must be non-empty strings');
        if (body.from === body.to) throw invalid('from and to must be different accounts');
        if (!isAmount(body.amount)) throw invalid('amount must be a positive integer (cents)');
        const from = existing(body.from);
        existing(body.to);
        if (body.amount > from.balance) throw new CommandError(409, 'insufficient_funds', `Account ${body.from} has ${from.balance}`);
        return [{ type: 'MoneyTransferred', data: { from: body.from, to: body.to, amount: body.amount } }];
      }
      default:
        throw new CommandError(404, 'unknown_command', `There is no command ${name}`);
    }
  }

  return {
    /** Runs one command: decide, then record the events and apply them to the write model. */
    handle(name, body) {
      const events = log.append(decide(name, body));
      events.forEach(evolve);
      return events;
    },
  };
}

module.exports = { createWriteSide, CommandError };
