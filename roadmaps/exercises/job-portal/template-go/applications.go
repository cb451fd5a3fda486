// Milestone 3: candidates apply; the employer reads the applications to their job.
package main

import (
	"net/http"

	"github.com/jackc/pgx/v5"
)

type application struct {
	ID          int64  `json:"id"`
	JobID       int64  `json:"job_id"`
	Candidate   string `json:"candidate"`
	Status      string `json:"status"`
	CoverLetter string `json:"cover_letter"`
}

// applicationColumns are the columns scanApplication reads, in its order.
const applicationColumns = "id, job_id, candidate, status, cover_letter"

func scanApplication(row pgx.Row) (application, error) {
	var ap application
	err := row.Scan(&ap.ID, &ap.JobID, &ap.Candidate, &ap.Status, &ap.CoverLetter)
	return ap, err
}

// listApplications answers {"data": [...]} with the applications the query finds.
func (a *app) listApplications(w http.ResponseWriter, r *http.Request, sql string, args ...any) {
	rows, err := a.db.Query(r.Context(), sql, args...)
	if err != nil {
		serverError(w, r, err)
		return
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (application, error) { return scanApplication(row) })
	if err != nil {
		serverError(w, r, err)
		return
	}
	if list == nil {
		list = []application{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": list})
}

// POST /jobs/{id}/applications {"cover_letter"} (candidates only)
func (a *app) apply(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 3, step 2): candidates only; 404 unknown job; cover_letter 1 to 2000
	// characters (400); 409 when the job is closed; insert and answer 201. A second application to
	// the same job answers 409: let the table's constraint refuse it (isUniqueViolation).
	writeError(w, http.StatusNotImplemented, "POST /jobs/{id}/applications is not written yet (milestone 3)")
}

// GET /jobs/{id}/applications (the employer who posted the job only)
func (a *app) jobApplications(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 3, step 3): employers only; 404 unknown job; 403 when it is not theirs; the
	// job's applications by id (listApplications).
	writeError(w, http.StatusNotImplemented, "GET /jobs/{id}/applications is not written yet (milestone 3)")
}

// GET /me/applications (candidates: their own)
func (a *app) myApplications(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 3, step 4): candidates only; their own applications, by id.
	writeError(w, http.StatusNotImplemented, "GET /me/applications is not written yet (milestone 3)")
}
