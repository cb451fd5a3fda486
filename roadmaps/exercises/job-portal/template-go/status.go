// Milestone 4: the employer moves an application along; the candidate is notified.
package main

import (
	"net/http"
)

// transitions lists, for each status, the statuses it may change to.
var transitions = map[string][]string{
	// TODO (milestone 4, step 1): submitted -> reviewing -> interview -> offered, and rejected from
	// submitted, reviewing and interview. offered and rejected are final.
}

type notification struct {
	ApplicationID int64  `json:"application_id"`
	JobID         int64  `json:"job_id"`
	Status        string `json:"status"`
	Read          bool   `json:"read"`
}

// PATCH /applications/{id} {"status"} (the employer of the application's job only)
func (a *app) changeStatus(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 4, step 2): employers only; 404 unknown application; 403 when its job is not
	// theirs; 400 for a status that does not exist; 409 for a change transitions does not allow.
	// TODO (milestone 4, step 3): in ONE transaction (a.db.Begin), lock the application's row
	// (SELECT ... FOR UPDATE), update its status and insert the candidate's notification; answer 200
	// with the application.
	writeError(w, http.StatusNotImplemented, "PATCH /applications/{id} is not written yet (milestone 4)")
}

// GET /me/notifications (any signed-in user: their own, oldest first)
func (a *app) myNotifications(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 4, step 4): {"data": [...]} with the user's notifications, oldest first.
	writeError(w, http.StatusNotImplemented, "GET /me/notifications is not written yet (milestone 4)")
}
