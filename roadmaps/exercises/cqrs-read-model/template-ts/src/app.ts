import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { createEventLog } from './eventLog';
import { createWriteSide, CommandError } from './writeSide';
import { createReadSide } from './readSide';

const isCount = (v: unknown): v is string => typeof v === 'string' && /^\d{1,15}$/.test(v);

/**
 * delayMs:    how long after an event is recorded the read side gets it (PROJECTION_DELAY_MS).
 * readWaitMs: how long a query with ?min_position waits for the read side (READ_WAIT_MS).
 */
export function createApp({ delayMs = 200, readWaitMs = 2000 }: { delayMs?: number; readWaitMs?: number } = {}) {
  const app = express();
  app.use(express.json());

  const log = createEventLog({ delayMs });
  const writeSide = createWriteSide({ log });
  const readSide = createReadSide();
  log.subscribe((event) => readSide.apply(event));

  // ---- The write side: commands only ----
  app.post('/commands/:name', (req, res) => {
    try {
      const events = writeSide.handle(req.params.name, req.body);
      res.status(202).json({ position: events[events.length - 1].position, events });
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      res.status(err.status).json({ error: err.code, message: err.message });
    }
  });

  // ---- The read side: queries only, answered from the projection ----

  /** Waits for ?min_position when there is one; false when the answer has been sent already. */
  async function caughtUp(req: Request, res: Response): Promise<boolean> {
    const min = req.query.min_position;
    if (min === undefined) return true;
    if (!isCount(min)) {
      res.status(400).json({ error: 'invalid_query', message: 'min_position must be a whole number' });
      return false;
    }
    // TODO 4: wait with readSide.waitFor(Number(min), readWaitMs); when it gives up, answer
    // 409 { error: 'stale', position: <the read model's position> } and return false.
    void readWaitMs;
    return true;
  }

  app.get('/accounts', async (req, res) => {
    const min = req.query.min_balance;
    if (min !== undefined && !(typeof min === 'string' && /^-?\d{1,15}$/.test(min))) {
      res.status(400).json({ error: 'invalid_query', message: 'min_balance must be a whole number' });
      return;
    }
    if (!(await caughtUp(req, res))) return;
    res.json({ position: readSide.position, accounts: readSide.list(min === undefined ? -Infinity : Number(min)) });
  });

  app.get('/accounts/:id', async (req, res) => {
    if (!(await caughtUp(req, res))) return;
    const account = readSide.account(req.params.id);
    if (!account) {
      res.status(404).json({ error: 'account_not_found', position: readSide.position });
      return;
    }
    res.json({ position: readSide.position, ...account });
  });

  app.get('/accounts/:id/statement', async (req, res) => {
    if (!(await caughtUp(req, res))) return;
    const statement = readSide.statement(req.params.id);
    if (!statement) {
      res.status(404).json({ error: 'account_not_found', position: readSide.position });
      return;
    }
    res.json({ position: readSide.position, ...statement });
  });

  app.post('/admin/rebuild', (req, res) => {
    readSide.rebuild(log.all());
    res.json({ position: readSide.position });
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found', message: `No route for ${req.method} ${req.path}` });
  });
  // Malformed JSON (express.json() throws a 400) and anything unexpected, answered as JSON.
  app.use((err: { status?: unknown }, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) console.error(err);
    res.status(status).json(status === 500 ? { error: 'internal' } : { error: 'invalid_command', message: 'The body is not valid JSON' });
  });
  return app;
}
