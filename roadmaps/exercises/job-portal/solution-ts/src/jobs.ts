// Jobs: post, read, close and list (milestone 1), search and filter the list (milestone 2).
import express from 'express';
import type { Pool } from 'pg';
import type { Deps, Job } from './deps';
import { validateJob, parseId, type NewJob } from './validation';

const COLUMNS = 'id, employer, title, description, location, remote, salary_min, salary_max, status';
// The text a search looks in; the same expression as the index in schema.sql, so the index is used.
const DOCUMENT = "to_tsvector('english', title || ' ' || description)";

export function jobRoutes({ db, auth, employer }: Deps): express.Router {
  const router = express.Router();

  router.post('/jobs', auth, employer, async (req, res) => {
    const error = validateJob(req.body);
    if (error) {
      res.status(400).json({ error });
      return;
    }
    const { title, description, location, remote, salary_min, salary_max } = req.body as NewJob;
    const { rows } = await db.query<Job>(
      `INSERT INTO jobs (employer, title, description, location, remote, salary_min, salary_max)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [req.user!.id, title, description, location, remote, salary_min, salary_max],
    );
    res.status(201).json(rows[0]);
  });

  router.get('/jobs', async (req, res) => {
    const { q, location, remote, min_salary: minSalary } = req.query;
    const where = ["status = 'open'"];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    let order = 'id DESC';
    if (typeof q === 'string' && q.trim() !== '') {
      const query = `websearch_to_tsquery('english', ${param(q)})`;
      where.push(`${DOCUMENT} @@ ${query}`);
      order = `ts_rank(${DOCUMENT}, ${query}) DESC, id DESC`;
    }
    if (typeof location === 'string' && location !== '') where.push(`lower(location) = lower(${param(location)})`);
    if (remote !== undefined) {
      if (remote !== 'true' && remote !== 'false') {
        res.status(400).json({ error: 'remote must be true or false' });
        return;
      }
      where.push(`remote = ${param(remote === 'true')}`);
    }
    if (minSalary !== undefined) {
      if (typeof minSalary !== 'string' || !/^\d{1,15}$/.test(minSalary)) {
        res.status(400).json({ error: 'min_salary must be a whole number of at least 0' });
        return;
      }
      where.push(`salary_max >= ${param(minSalary)}::bigint`);
    }
    const { rows } = await db.query<Job>(`SELECT ${COLUMNS} FROM jobs WHERE ${where.join(' AND ')} ORDER BY ${order}`, params);
    res.json({ data: rows });
  });

  router.get('/jobs/:id', async (req, res) => {
    const job = await findJob(db, req.params.id);
    if (!job) {
      res.status(404).json({ error: 'No such job' });
      return;
    }
    res.json(job);
  });

  router.patch('/jobs/:id', auth, employer, async (req, res) => {
    const job = await findJob(db, req.params.id);
    if (!job) {
      res.status(404).json({ error: 'No such job' });
      return;
    }
    if (job.employer !== req.user!.id) {
      res.status(403).json({ error: 'Only the employer who posted this job may change it' });
      return;
    }
    if ((req.body as { status?: unknown } | undefined)?.status !== 'closed') {
      res.status(400).json({ error: 'The only change allowed is {"status": "closed"}' });
      return;
    }
    const { rows } = await db.query<Job>(`UPDATE jobs SET status = 'closed' WHERE id = $1 RETURNING ${COLUMNS}`, [job.id]);
    res.json(rows[0]);
  });

  return router;
}

export async function findJob(db: Pool, idText: unknown): Promise<Job | null> {
  const id = parseId(idText);
  if (id === null) return null;
  const { rows } = await db.query<Job>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return rows[0] ?? null;
}
