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
    // TODO 3: validateApplication (400); 404 for an unknown job (findJob); 409 when it is closed;
    // INSERT with candidate = req.user.id and answer 201 with the row. A second application by the
    // same candidate to the same job is 409: let the UNIQUE constraint refuse it (err.code '23505').
    void validateApplication;
    res.status(501).json({ error: 'TODO 3: POST /jobs/:id/applications is not written yet' });
  });

  router.get('/jobs/:id/applications', auth, employer, async (req, res) => {
    // TODO 3: 404 for an unknown job, 403 when it is not req.user.id's job; { data: [...] } ORDER BY id.
    void findJob;
    res.status(501).json({ error: 'TODO 3: GET /jobs/:id/applications is not written yet' });
  });

  router.get('/me/applications', auth, candidate, async (req, res) => {
    // TODO 3: the signed-in candidate's own applications, ORDER BY id.
    res.status(501).json({ error: 'TODO 3: GET /me/applications is not written yet' });
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
