// Milestones 1 and 2: posting, reading, closing, listing and searching jobs.
package main

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

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

// jobColumns are the columns scanJob reads, in its order.
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

// validateJob checks a new job's body; the error's text is the message for the client.
func validateJob(body map[string]any) (job, error) {
	var j job
	title, ok := body["title"].(string)
	if !ok || strings.TrimSpace(title) == "" || utf8.RuneCountInString(title) > 120 {
		return j, errors.New("title must be a string of 1 to 120 characters")
	}
	description, ok := body["description"].(string)
	if !ok || description == "" || utf8.RuneCountInString(description) > 5000 {
		return j, errors.New("description must be a string of 1 to 5000 characters")
	}
	location, ok := body["location"].(string)
	if !ok || location == "" || utf8.RuneCountInString(location) > 100 {
		return j, errors.New("location must be a string of 1 to 100 characters")
	}
	remote, ok := body["remote"].(bool)
	if !ok {
		return j, errors.New("remote must be true or false")
	}
	salaryMin, okMin := wholeNumber(body["salary_min"])
	salaryMax, okMax := wholeNumber(body["salary_max"])
	// integer columns: up to 2147483647.
	if !okMin || !okMax || salaryMin < 0 || salaryMax < 0 || salaryMin > 1<<31-1 || salaryMax > 1<<31-1 {
		return j, errors.New("salary_min and salary_max must be whole numbers from 0 to 2147483647")
	}
	if salaryMin > salaryMax {
		return j, errors.New("salary_min must not be above salary_max")
	}
	return job{Title: title, Description: description, Location: location, Remote: remote, SalaryMin: salaryMin, SalaryMax: salaryMax}, nil
}

// POST /jobs (employers only)
func (a *app) createJob(w http.ResponseWriter, r *http.Request) {
	u, ok := a.requireRole(w, r, "employer")
	if !ok {
		return
	}
	body, err := readObject(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	j, err := validateJob(body)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	// The employer is the token's user, whatever the body says.
	created, err := scanJob(a.db.QueryRow(r.Context(),
		`INSERT INTO jobs (employer, title, description, location, remote, salary_min, salary_max)
		 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING `+jobColumns,
		u.ID, j.Title, j.Description, j.Location, j.Remote, j.SalaryMin, j.SalaryMax))
	if err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, created)
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
		writeError(w, http.StatusForbidden, "only the employer who posted this job may change it")
		return
	}
	body, err := readObject(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if status, _ := body["status"].(string); status != "closed" {
		writeError(w, http.StatusBadRequest, `status must be "closed"`)
		return
	}
	j, err = scanJob(a.db.QueryRow(r.Context(),
		"UPDATE jobs SET status = 'closed' WHERE id = $1 RETURNING "+jobColumns, id))
	if err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, j)
}

// GET /jobs (public): open jobs, newest first; milestone 2 adds q, location, remote and min_salary.
func (a *app) listJobs(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	where := []string{"status = 'open'"}
	var args []any
	// arg adds a query parameter and answers its placeholder ($1, $2, ...).
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	order := "id DESC"
	if q := strings.TrimSpace(query.Get("q")); q != "" {
		// The same expression as the GIN index in schema.go.
		document := "to_tsvector('english', title || ' ' || description)"
		tsquery := "websearch_to_tsquery('english', " + arg(q) + ")"
		where = append(where, document+" @@ "+tsquery)
		order = "ts_rank(" + document + ", " + tsquery + ") DESC, id DESC"
	}
	if location := query.Get("location"); location != "" {
		where = append(where, "lower(location) = lower("+arg(location)+")")
	}
	if query.Has("remote") {
		switch query.Get("remote") {
		case "true":
			where = append(where, "remote")
		case "false":
			where = append(where, "NOT remote")
		default:
			writeError(w, http.StatusBadRequest, "remote must be true or false")
			return
		}
	}
	if query.Has("min_salary") {
		// Digits only: ParseInt alone would also take "+5".
		text := query.Get("min_salary")
		minSalary, err := strconv.ParseInt(text, 10, 32)
		if err != nil || strings.TrimLeft(text, "0123456789") != "" {
			writeError(w, http.StatusBadRequest, "min_salary must be a whole number from 0")
			return
		}
		where = append(where, "salary_max >= "+arg(minSalary))
	}
	rows, err := a.db.Query(r.Context(),
		"SELECT "+jobColumns+" FROM jobs WHERE "+strings.Join(where, " AND ")+" ORDER BY "+order, args...)
	if err != nil {
		serverError(w, r, err)
		return
	}
	jobs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (job, error) { return scanJob(row) })
	if err != nil {
		serverError(w, r, err)
		return
	}
	if jobs == nil {
		jobs = []job{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": jobs})
}
