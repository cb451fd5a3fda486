// Jobs: post, read, close and list (milestone 1), search and filter the list (milestone 2).
const express = require('express');
const { validateJob, parseId } = require('./validation');

const COLUMNS = 'id, employer, title, description, location, remote, salary_min, salary_max, status';
// The text a search looks in; the same expression as the index in schema.sql, so the index is used.
const DOCUMENT = "to_tsvector('english', title || ' ' || description)";

function jobRoutes({ db, auth, employer }) {
  const router = express.Router();

  router.post('/jobs', auth, employer, async (req, res) => {
    const error = validateJob(req.body);
    if (error) return res.status(400).json({ error });
    const { title, description, location, remote, salary_min, salary_max } = req.body;
    const { rows } = await db.query(
      `INSERT INTO jobs (employer, title, description, location, remote, salary_min, salary_max)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [req.user.id, title, description, location, remote, salary_min, salary_max],
    );
    res.status(201).json(rows[0]);
  });

  router.get('/jobs', async (req, res) => {
    const { q, location, remote, min_salary: minSalary } = req.query;
    const where = ["status = 'open'"];
    const params = [];
    const param = (value) => {
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
      if (remote !== 'true' && remote !== 'false') return res.status(400).json({ error: 'remote must be true or false' });
      where.push(`remote = ${param(remote === 'true')}`);
    }
    if (minSalary !== undefined) {
      if (typeof minSalary !== 'string' || !/^\d{1,15}$/.test(minSalary)) {
        return res.status(400).json({ error: 'min_salary must be a whole number of at least 0' });
      }
      where.push(`salary_max >= ${param(minSalary)}::bigint`);
    }
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM jobs WHERE ${where.join(' AND ')} ORDER BY ${order}`, params);
    res.json({ data: rows });
  });

  router.get('/jobs/:id', async (req, res) => {
    const job = await findJob(db, req.params.id);
    if (!job) return res.status(404).json({ error: 'No such job' });
    res.json(job);
  });

  router.patch('/jobs/:id', auth, employer, async (req, res) => {
    const job = await findJob(db, req.params.id);
    if (!job) return res.status(404).json({ error: 'No such job' });
    if (job.employer !== req.user.id) return res.status(403).json({ error: 'Only the employer who posted this job may change it' });
    if (req.body?.status !== 'closed') return res.status(400).json({ error: 'The only change allowed is {"status": "closed"}' });
    const { rows } = await db.query(`UPDATE jobs SET status = 'closed' WHERE id = $1 RETURNING ${COLUMNS}`, [job.id]);
    res.json(rows[0]);
  });

  return router;
}

async function findJob(db, idText) {
  const id = parseId(idText);
  if (id === null) return null;
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

module.exports = { jobRoutes, findJob };
