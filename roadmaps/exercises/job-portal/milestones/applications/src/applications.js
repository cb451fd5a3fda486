// Applications: candidates apply and read their own, employers read their jobs' (milestone 3);
// the status workflow with a notification per change (milestone 4).
const express = require('express');
const { validateApplication, validateStatusChange, parseId } = require('./validation');
const { findJob } = require('./jobs');

const COLUMNS = 'id, job_id, candidate, status, cover_letter';

// TODO 4: the moves the workflow allows, from a status to the statuses it may become:
// submitted -> reviewing, reviewing -> interview, interview -> offered, and submitted, reviewing or
// interview -> rejected. offered and rejected are final.
const NEXT = {};

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
    if (job.employer !== req.user.id) return res.status(403).json({ error: "Only the job's employer may read its applications" });
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM applications WHERE job_id = $1 ORDER BY id`, [job.id]);
    res.json({ data: rows });
  });

  router.get('/me/applications', auth, candidate, async (req, res) => {
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM applications WHERE candidate = $1 ORDER BY id`, [req.user.id]);
    res.json({ data: rows });
  });

  router.patch('/applications/:id', auth, employer, async (req, res) => {
    // TODO 4: validateStatusChange (400); parseId (404). Then, in ONE transaction on one client
    // (const client = await db.connect(); BEGIN ... COMMIT, ROLLBACK on error, release() always):
    //   - read the application and its job's employer, locked (SELECT ... FOR UPDATE OF a) so two
    //     changes at once cannot both read the old status; 404 if none;
    //   - 403 when the job's employer is not req.user.id; 409 when NEXT does not allow the move;
    //   - UPDATE the status and INSERT a notification for the application's candidate;
    // and answer 200 with the application.
    void validateStatusChange;
    void parseId;
    void NEXT;
    res.status(501).json({ error: 'TODO 4: PATCH /applications/:id is not written yet' });
  });

  router.get('/me/notifications', auth, async (req, res) => {
    // TODO 4: { data: [{ application_id, job_id, status, read }] } for recipient = req.user.id, oldest first.
    res.status(501).json({ error: 'TODO 4: GET /me/notifications is not written yet' });
  });

  return router;
}

module.exports = { applicationRoutes };
