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
    // TODO 2: MoneyDeposited, MoneyWithdrawn and MoneyTransferred change balances.
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
    handle(name, body) {
      const events = log.append(decide(name, body));
      // TODO 2: apply the recorded events to the write model (evolve), so that the next command is
      // checked against the state that includes them.
      return events;
    },
  };
}
