import { z } from 'zod';

// TODO: make this the full signup schema (zod v4, https://zod.dev/api):
// - email:    required string, trimmed and lowercased, then checked to be a valid email address
// - password: required string of at least 12 characters (don't trim it)
// - name:     optional string, trimmed, 1 to 80 characters
// - age:      optional whole number from 13 to 130 (no strings like "20")
// - any other key is an error (z.strictObject instead of z.object)
export const signupSchema = z.object({
  email: z.string(),
  password: z.string(),
});

/** The parsed, normalised body: zod infers the type from the schema. */
export type Signup = z.infer<typeof signupSchema>;
