// Milestones 1 and 2: posting, reading, closing, listing and searching jobs.
package main

import (
	"errors"
	"net/http"

	"github.com/jackc/pgx/v5"
)

type job struct {
	ID          int64  `json:"id"`
	Employer    string `json:"employer"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Location    string `json:"location"`
	Remote      bool   `json:"remote"`
	SalaryMin   int64  `json:"salary_min"`
	SalaryMax   int64  `json:"salary_max"`
	Status      string `json:"status"`
}

// jobColumns are the columns scanJob reads, in its order: "SELECT " + jobColumns + " FROM jobs ...",
// or "INSERT ... RETURNING " + jobColumns.
const jobColumns = "id, employer, title, description, location, remote, salary_min, salary_max, status"

func scanJob(row pgx.Row) (job, error) {
	var j job
	err := row.Scan(&j.ID, &j.Employer, &j.Title, &j.Description, &j.Location, &j.Remote, &j.SalaryMin, &j.SalaryMax, &j.Status)
	return j, err
}

// findJob is the job with that id; found is false when there is none.
func (a *app) findJob(r *http.Request, id int64) (j job, found bool, err error) {
	j, err = scanJob(a.db.QueryRow(r.Context(), "SELECT "+jobColumns+" FROM jobs WHERE id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return job{}, false, nil
	}
	return j, err == nil, err
}

// validateJob checks a new job's body (from readObject); the error's text is the message for the
// client.
func validateJob(body map[string]any) (job, error) {
	// TODO (milestone 1, step 3): title a string of 1 to 120 characters, description 1 to 5000,
	// location 1 to 100; remote true or false; salary_min and salary_max whole numbers (wholeNumber)
	// from 0 to 2147483647, min <= max.
	return job{}, errors.New("validateJob is not written yet (milestone 1)")
}

// POST /jobs (employers only)
func (a *app) createJob(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 1, step 4): requireRole "employer", read and validate the body (400), insert
	// with employer = the token's user, answer 201 with the job.
	writeError(w, http.StatusNotImplemented, "POST /jobs is not written yet (milestone 1)")
}

// GET /jobs/{id} (public), done: an example of pathID and findJob.
func (a *app) getJob(w http.ResponseWriter, r *http.Request) {
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
	writeJSON(w, http.StatusOK, j)
}

// PATCH /jobs/{id} {"status": "closed"} (the employer who posted it only)
func (a *app) updateJob(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 1, step 5): employers only; 404 for an unknown job; 403 when the job is not
	// the user's; then close it and answer 200 with the job.
	writeError(w, http.StatusNotImplemented, "PATCH /jobs/{id} is not written yet (milestone 1)")
}

// GET /jobs (public): open jobs, newest first; milestone 2 adds q, location, remote and min_salary.
func (a *app) listJobs(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 1, step 6): {"data": [...]}, the open jobs only, newest first ([] when none).
	// TODO (milestone 2): the filters of r.URL.Query(), as SQL conditions with $n parameters (never
	// the text pasted into the SQL); q ranks by ts_rank, then id.
	writeError(w, http.StatusNotImplemented, "GET /jobs is not written yet (milestone 1)")
}
