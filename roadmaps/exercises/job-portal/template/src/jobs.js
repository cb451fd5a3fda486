// Jobs: post, read, close and list (milestone 1), search and filter the list (milestone 2).
const express = require('express');
const { validateJob, parseId } = require('./validation');

const COLUMNS = 'id, employer, title, description, location, remote, salary_min, salary_max, status';

// `auth` and `employer` are middleware from auth.js: put them before a handler that needs them.
function jobRoutes({ db, auth, employer }) {
  const router = express.Router();

  router.post('/jobs', auth, employer, async (req, res) => {
    // TODO 1: validateJob(req.body) (400 { error } when it fails), then INSERT the job with
    // employer = req.user.id (never from the body) and answer 201 with the row
    // (INSERT ... RETURNING ${COLUMNS}).
    void validateJob;
    res.status(501).json({ error: 'TODO 1: POST /jobs is not written yet' });
  });

  router.get('/jobs', async (req, res) => {
    // TODO 1: { data: [...] } with the open jobs only, newest first (ORDER BY id DESC).
    // TODO 2: the query parameters, combined with AND, each value as a $n parameter:
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
    if (!job) return res.status(404).json({ error: 'No such job' });
    res.json(job);
  });

  router.patch('/jobs/:id', auth, employer, async (req, res) => {
    // TODO 1: 404 for an unknown job; 403 when job.employer is not req.user.id; 400 unless the body is
    // { "status": "closed" }; then UPDATE it and answer 200 with the whole job.
    res.status(501).json({ error: 'TODO 1: PATCH /jobs/:id is not written yet' });
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
