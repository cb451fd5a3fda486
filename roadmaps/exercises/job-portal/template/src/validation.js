// Checks on what clients send. Each returns an error message, or null when the input is fine.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function validateJob(body) {
  if (!isObject(body)) return 'The body must be a JSON object';
  // TODO 1: title a string of 1 to 120 characters; description (1 to 5000) and location (1 to 100)
  // strings; remote a boolean; salary_min and salary_max whole numbers from 0 to 2147483647, with
  // salary_min <= salary_max. Return a message for the first problem found.
  return 'TODO 1: validateJob is not written yet';
}

function validateApplication(body) {
  // TODO 3: cover_letter a string of 1 to 2000 characters.
  void body;
  return 'TODO 3: validateApplication is not written yet';
}

const STATUSES = ['submitted', 'reviewing', 'interview', 'offered', 'rejected'];

function validateStatusChange(body) {
  // TODO 4: status one of STATUSES (whether the move is allowed is checked against the stored status).
  void body;
  return 'TODO 4: validateStatusChange is not written yet';
}

// An id in a path: a whole number PostgreSQL's integer can hold, else null (the caller answers 404).
function parseId(text) {
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null;
}

module.exports = { validateJob, validateApplication, validateStatusChange, parseId, STATUSES };
