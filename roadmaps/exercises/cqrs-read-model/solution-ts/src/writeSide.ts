// The write side: it takes commands, checks them against its own state (the write model), and records
// the events they cause in the log. It never answers a query.
import type { EventData, EventLog, StoredEvent } from './eventLog';

/** A command that is refused: status is the HTTP status, code the error the client gets. */
export class CommandError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;

const invalid = (message: string) => new CommandError(400, 'invalid_command', message);
const isId = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isAmount = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

export interface WriteSide {
  /** Runs one command: decide, then record the events and apply them to the write model. */
  handle(name: string, body: unknown): StoredEvent[];
}

export function createWriteSide({ log }: { log: EventLog }): WriteSide {
  /** The write model: account id -> { owner, balance }. Only what the rules need. */
  const accounts = new Map<string, { owner: string; balance: number }>();

  /** What one recorded event does to the write model. */
  function evolve(event: StoredEvent): void {
    if (event.type === 'AccountOpened') accounts.set(event.data.accountId, { owner: event.data.owner, balance: 0 });
    else if (event.type === 'MoneyDeposited') accounts.get(event.data.accountId)!.balance += event.data.amount;
    else if (event.type === 'MoneyWithdrawn') accounts.get(event.data.accountId)!.balance -= event.data.amount;
    else if (event.type === 'MoneyTransferred') {
      accounts.get(event.data.from)!.balance -= event.data.amount;
      accounts.get(event.data.to)!.balance += event.data.amount;
    }
  }

  function existing(id: string) {
    const account = accounts.get(id);
    if (!account) throw new CommandError(404, 'account_not_found', `There is no account ${id}`);
    return account;
  }

  /** Checks the command and returns the events it causes, or throws a CommandError. Records nothing. */
  function decide(name: string, input: unknown): EventData[] {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) throw invalid('The body must be a JSON object');
    const body = input as Body;
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
        if (body.amount > account.balance) throw new CommandError(409, 'insufficient_funds', `Account ${body.accountId} has ${account.balance}`);
        return [{ type: 'MoneyWithdrawn', data: { accountId: body.accountId, amount: body.amount } }];
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
    handle(name, body) {
      const events = log.append(decide(name, body));
      events.forEach(evolve);
      return events;
    },
  };
}
