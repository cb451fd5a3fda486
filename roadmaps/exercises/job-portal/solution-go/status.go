// Milestone 4: the employer moves an application along; the candidate is notified.
package main

import (
	"errors"
	"net/http"

	"github.com/jackc/pgx/v5"
)

// transitions lists, for each status, the statuses it may change to. offered and rejected are final.
var transitions = map[string][]string{
	"submitted": {"reviewing", "rejected"},
	"reviewing": {"interview", "rejected"},
	"interview": {"offered", "rejected"},
	"offered":   {},
	"rejected":  {},
}

func allowed(from, to string) bool {
	for _, next := range transitions[from] {
		if next == to {
			return true
		}
	}
	return false
}

type notification struct {
	ApplicationID int64  `json:"application_id"`
	JobID         int64  `json:"job_id"`
	Status        string `json:"status"`
	Read          bool   `json:"read"`
}

// PATCH /applications/{id} {"status"} (the employer of the application's job only)
func (a *app) changeStatus(w http.ResponseWriter, r *http.Request) {
	u, ok := a.requireRole(w, r, "employer")
	if !ok {
		return
	}
	id, ok := pathID(r)
	if !ok {
		writeError(w, http.StatusNotFound, "no such application")
		return
	}
	body, err := readObject(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	to, _ := body["status"].(string)
	if _, known := transitions[to]; !known {
		writeError(w, http.StatusBadRequest, "status must be one of submitted, reviewing, interview, offered, rejected")
		return
	}

	// One transaction: the status change and the notification are saved together or not at all.
	tx, err := a.db.Begin(r.Context())
	if err != nil {
		serverError(w, r, err)
		return
	}
	defer tx.Rollback(r.Context()) // does nothing once committed

	// FOR UPDATE: a second change of the same application waits here until this one is done, then
	// reads the new status (so two changes cannot both start from "submitted").
	var ap application
	var employer string
	err = tx.QueryRow(r.Context(),
		`SELECT a.id, a.job_id, a.candidate, a.status, a.cover_letter, j.employer
		   FROM applications a JOIN jobs j ON j.id = a.job_id
		  WHERE a.id = $1 FOR UPDATE OF a`, id).
		Scan(&ap.ID, &ap.JobID, &ap.Candidate, &ap.Status, &ap.CoverLetter, &employer)
	if errors.Is(err, pgx.ErrNoRows) {
		writeError(w, http.StatusNotFound, "no such application")
		return
	}
	if err != nil {
		serverError(w, r, err)
		return
	}
	if employer != u.ID {
		writeError(w, http.StatusForbidden, "only the employer of this job may change its applications")
		return
	}
	if !allowed(ap.Status, to) {
		writeError(w, http.StatusConflict, "an application cannot go from "+ap.Status+" to "+to)
		return
	}
	if _, err := tx.Exec(r.Context(), "UPDATE applications SET status = $1 WHERE id = $2", to, id); err != nil {
		serverError(w, r, err)
		return
	}
	// The notification goes to the candidate who applied, not to the employer who made the change.
	if _, err := tx.Exec(r.Context(),
		"INSERT INTO notifications (recipient, application_id, job_id, status) VALUES ($1, $2, $3, $4)",
		ap.Candidate, ap.ID, ap.JobID, to); err != nil {
		serverError(w, r, err)
		return
	}
	if err := tx.Commit(r.Context()); err != nil {
		serverError(w, r, err)
		return
	}
	ap.Status = to
	writeJSON(w, http.StatusOK, ap)
}

// GET /me/notifications (any signed-in user: their own, oldest first)
func (a *app) myNotifications(w http.ResponseWriter, r *http.Request) {
	u, ok := a.authenticate(w, r)
	if !ok {
		return
	}
	rows, err := a.db.Query(r.Context(),
		"SELECT application_id, job_id, status, read FROM notifications WHERE recipient = $1 ORDER BY id", u.ID)
	if err != nil {
		serverError(w, r, err)
		return
	}
	list, err := pgx.CollectRows(rows, pgx.RowToStructByPos[notification])
	if err != nil {
		serverError(w, r, err)
		return
	}
	if list == nil {
		list = []notification{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": list})
}
