// Jobs: post, read, close and list (milestone 1), search and filter the list (milestone 2).
import express from 'express';
import type { Pool } from 'pg';
import type { Deps, Job } from './deps';
import { validateJob, parseId } from './validation';

const COLUMNS = 'id, employer, title, description, location, remote, salary_min, salary_max, status';

// `auth` and `employer` are middleware from auth.ts: put them before a handler that needs them.
export function jobRoutes({ db, auth, employer }: Deps): express.Router {
  const router = express.Router();

  router.post('/jobs', auth, employer, async (req, res) => {
    // TODO 1: validateJob(req.body) (400 { error } when it fails), then INSERT the job with
    // employer = req.user!.id (never from the body) and answer 201 with the row
    // (INSERT ... RETURNING ${COLUMNS}).
    void validateJob;
    res.status(501).json({ error: 'TODO 1: POST /jobs is not written yet' });
  });

  router.get('/jobs', async (req, res) => {
    // TODO 1: { data: [...] } with the open jobs only, newest first (ORDER BY id DESC).
    // TODO 2: the query parameters (req.query), combined with AND, each value as a $n parameter:
    //   q           to_tsvector('english', title || ' ' || description) @@ websearch_to_tsquery('english', $n),
    //               ordered by ts_rank(<the same vector>, <the same query>) DESC, id DESC
    //   location    case-insensitive, the whole name
    //   remote      "true" or "false" (anything else: 400)
    //   min_salary  digits only (anything else: 400); keeps jobs with salary_max >= min_salary
    res.status(501).json({ error: 'TODO 1: GET /jobs is not written yet' });
  });

  // Done for you: how to read one job.
  router.get('/jobs/:id', async (req, res) => {
    const job = await findJob(db, req.params.id);
    if (!job) {
      res.status(404).json({ error: 'No such job' });
      return;
    }
    res.json(job);
  });

  router.patch('/jobs/:id', auth, employer, async (req, res) => {
    // TODO 1: 404 for an unknown job; 403 when job.employer is not req.user!.id; 400 unless the body
    // is { "status": "closed" }; then UPDATE it and answer 200 with the whole job.
    res.status(501).json({ error: 'TODO 1: PATCH /jobs/:id is not written yet' });
  });

  return router;
}

export async function findJob(db: Pool, idText: unknown): Promise<Job | null> {
  const id = parseId(idText);
  if (id === null) return null;
  const { rows } = await db.query<Job>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return rows[0] ?? null;
}
