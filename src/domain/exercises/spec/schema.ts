// A behavioural spec: what an exercise's program must do, checked from outside over the network, so
// one spec applies to every language the exercise comes in. Learners can read it: each scenario is
// named in plain words, and each step is one request and what must come back.
import '../../shared/zodSetup';
import * as z from 'zod/mini';

/**
 * An expected JSON value. Plain values must be equal (objects: the same keys, no extra ones; arrays:
 * the same length, in order). Objects with a single `$` key are matchers:
 * - `{"$type": "string" | "number" | "integer" | "boolean" | "array" | "object" | "null"}`
 * - `{"$matches": "regex"}` (a string matching, case-insensitive)
 * - `{"$absent": true}` (as an object's property: the key must not be there)
 * - `{"$not": <expected>}` (anything that does not match)
 * - `{"$any": true}`
 * Strings may name saved values: `"{{book.id}}"` alone keeps the saved value's type; inside a longer
 * string it is interpolated (`"/books/{{book.id}}"`).
 */
export type Expected = null | boolean | number | string | Expected[] | { [key: string]: Expected };
const expectedSchema: z.ZodMiniType<Expected> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(expectedSchema), z.record(z.string(), expectedSchema)]),
);

const methodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export const specRequestSchema = z.strictObject({
  method: methodSchema,
  /** Starts with `/`; may name saved values. */
  path: z.string().check(z.regex(/^\//, 'must start with /')),
  headers: z.optional(z.record(z.string(), z.string())),
  /** Sent as JSON with `content-type: application/json`; may name saved values. */
  json: z.optional(expectedSchema),
  /** Sent as is (no content type added), for bodies that are not JSON. */
  body: z.optional(z.string()),
});

export const specStepSchema = z.strictObject({
  request: specRequestSchema,
  expect: z.strictObject({
    status: z.optional(z.int()),
    /** Header names are case-insensitive; values are strings or matchers. */
    headers: z.optional(z.record(z.string(), expectedSchema)),
    /** The response body parsed as JSON. */
    json: z.optional(expectedSchema),
    /** The response body as text (`""` for an empty body). */
    text: z.optional(expectedSchema),
  }),
  /** Names this response for later steps: `{{name.status}}`, `{{name.json.id}}`, `{{name.headers.location}}`. */
  save: z.optional(z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/))),
  /** Why this matters, shown when the step fails. */
  why: z.optional(z.string()),
});

export const specScenarioSchema = z.strictObject({
  /** What the program must do, in plain words; also the result's name. */
  name: z.string().check(z.minLength(1)),
  /** Offered to a learner when this scenario fails. */
  hint: z.optional(z.string()),
  steps: z.array(specStepSchema).check(z.minLength(1)),
});

export const specSchema = z.strictObject({
  version: z.literal(1),
  exercise: z.string().check(z.minLength(1)),
  /** Each scenario runs against a freshly started program, so none sees another's data. */
  scenarios: z.array(specScenarioSchema).check(z.minLength(1)),
});

export type Spec = z.infer<typeof specSchema>;
export type SpecScenario = z.infer<typeof specScenarioSchema>;
export type SpecStep = z.infer<typeof specStepSchema>;
export type SpecRequest = z.infer<typeof specRequestSchema>;
