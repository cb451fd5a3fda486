// Milestone 3: candidates apply; the employer reads the applications to their job.
package main

import (
	"net/http"
	"unicode/utf8"

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
	u, ok := a.requireRole(w, r, "candidate")
	if !ok {
		return
	}
	id, ok := pathID(r)
	if !ok {
		writeError(w, http.StatusNotFound, "no such job")
		return
	}
	j, found, err := a.findJob(r, id)
	if err != nil {
		serverError(w, r, err)
		return
	}
	if !found {
		writeError(w, http.StatusNotFound, "no such job")
		return
	}
	body, err := readObject(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	letter, ok := body["cover_letter"].(string)
	if !ok || letter == "" || utf8.RuneCountInString(letter) > 2000 {
		writeError(w, http.StatusBadRequest, "cover_letter must be a string of 1 to 2000 characters")
		return
	}
	if j.Status != "open" {
		writeError(w, http.StatusConflict, "this job is closed")
		return
	}
	// No "have they applied already?" SELECT first: two requests at once would both see "no". The
	// UNIQUE (job_id, candidate) constraint refuses the second insert, however close they come.
	ap, err := scanApplication(a.db.QueryRow(r.Context(),
		"INSERT INTO applications (job_id, candidate, cover_letter) VALUES ($1, $2, $3) RETURNING "+applicationColumns,
		id, u.ID, letter))
	if isUniqueViolation(err) {
		writeError(w, http.StatusConflict, "you have already applied to this job")
		return
	}
	if err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, ap)
}

// GET /jobs/{id}/applications (the employer who posted the job only)
func (a *app) jobApplications(w http.ResponseWriter, r *http.Request) {
	u, ok := a.requireRole(w, r, "employer")
	if !ok {
		return
	}
	id, ok := pathID(r)
	if !ok {
		writeError(w, http.StatusNotFound, "no such job")
		return
	}
	j, found, err := a.findJob(r, id)
	if err != nil {
		serverError(w, r, err)
		return
	}
	if !found {
		writeError(w, http.StatusNotFound, "no such job")
		return
	}
	if j.Employer != u.ID {
		writeError(w, http.StatusForbidden, "only the employer who posted this job may see its applications")
		return
	}
	a.listApplications(w, r, "SELECT "+applicationColumns+" FROM applications WHERE job_id = $1 ORDER BY id", id)
}

// GET /me/applications (candidates: their own)
func (a *app) myApplications(w http.ResponseWriter, r *http.Request) {
	u, ok := a.requireRole(w, r, "candidate")
	if !ok {
		return
	}
	a.listApplications(w, r, "SELECT "+applicationColumns+" FROM applications WHERE candidate = $1 ORDER BY id", u.ID)
}
