const { z } = require('zod');

// "Required" reads better than zod's default "expected string, received undefined".
const requiredString = (label) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a string`) });

// strictObject: unknown keys are an error instead of being dropped silently, so a client sending
// { isAdmin: true } learns it isn't accepted (and it can never sneak into a database insert).
const signupSchema = z.strictObject({
  // Trim and lowercase first, then check the format of the cleaned-up value.
  email: requiredString('Email').trim().toLowerCase().pipe(z.email({ error: 'Email must be a valid email address' })),
  // Not trimmed: spaces are allowed in passwords, and changing a secret silently locks people out.
  password: requiredString('Password').min(12, { error: 'Password must be at least 12 characters' }),
  name: z.string({ error: 'Name must be a string' }).trim()
    .min(1, { error: 'Name must not be blank' })
    .max(80, { error: 'Name must be at most 80 characters' })
    .optional(),
  // z.int() rejects 20.5 and "20": JSON has real numbers, so no coercion here.
  age: z.int({ error: 'Age must be a whole number' })
    .min(13, { error: 'Age must be at least 13' })
    // WRONG: "under 130", so 130 itself is refused.
    .lt(130, { error: 'Age must be at most 130' })
    .optional(),
});

module.exports = { signupSchema };
