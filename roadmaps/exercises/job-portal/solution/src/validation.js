// Checks on what clients send. Each returns an error message, or null when the input is fine.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value, max) => typeof value === 'string' && value.length >= 1 && value.length <= max;
// Salaries are whole numbers that fit PostgreSQL's integer.
const isSalary = (value) => Number.isInteger(value) && value >= 0 && value <= 2147483647;

function validateJob(body) {
  if (!isObject(body)) return 'The body must be a JSON object';
  const { title, description, location, remote, salary_min: min, salary_max: max } = body;
  if (!isText(title, 120)) return 'title must be a string of 1 to 120 characters';
  if (!isText(description, 5000)) return 'description must be a string of 1 to 5000 characters';
  if (!isText(location, 100)) return 'location must be a string of 1 to 100 characters';
  if (typeof remote !== 'boolean') return 'remote must be true or false';
  if (!isSalary(min) || !isSalary(max)) return 'salary_min and salary_max must be whole numbers of at least 0';
  if (min > max) return 'salary_min must not be above salary_max';
  return null;
}

function validateApplication(body) {
  if (!isObject(body) || !isText(body.cover_letter, 2000)) return 'cover_letter must be a string of 1 to 2000 characters';
  return null;
}

const STATUSES = ['submitted', 'reviewing', 'interview', 'offered', 'rejected'];

function validateStatusChange(body) {
  if (!isObject(body) || !STATUSES.includes(body.status)) return `status must be one of ${STATUSES.join(', ')}`;
  return null;
}

// An id in a path: a whole number PostgreSQL's integer can hold, else null (the caller answers 404).
function parseId(text) {
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null;
}

module.exports = { validateJob, validateApplication, validateStatusChange, parseId, STATUSES };
