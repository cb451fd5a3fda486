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
 * - `{"$between": [min, max]}` (a number from min to max, both included)
 * Strings may name saved values: `"{{book.id}}"` alone keeps the saved value's type; inside a longer
 * string it is interpolated (`"/books/{{book.id}}"`).
 */
export type Expected = null | boolean | number | string | Expected[] | { [key: string]: Expected };
// Registered, not given a meta check: `.check()` copies re-run the checks, so each described copy
// below would claim the same `id`. The id names it in the generated JSON Schema's definitions, as it
// refers to itself.
const expectedSchema: z.ZodMiniType<Expected> = z
  .lazy(() => z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(expectedSchema), z.record(z.string(), expectedSchema)]))
  .register(z.globalRegistry, {
    id: 'expected',
    description:
      'An expected value: plain values must be equal; an object with one $ key is a matcher ($type, $matches, $absent, $not, $any, $between). Strings may name saved values: {{name.json.id}}.',
  });

const methodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export const specRequestSchema = z.strictObject({
  method: methodSchema,
  path: z.string().check(z.regex(/^\//, 'must start with /'), z.describe('Starts with /; may name saved values.')),
  headers: z.optional(z.record(z.string(), z.string())),
  json: z.optional(expectedSchema.check(z.describe('Sent as JSON with content-type: application/json; may name saved values.'))),
  body: z.optional(z.string().check(z.describe('Sent as is (no content type added), for bodies that are not JSON.'))),
});

const why = z.optional(z.string().check(z.describe('Why this step matters, shown when it fails.')));
const hint = z.optional(z.string().check(z.describe("Offered first when this step fails, before the scenario's hints.")));

/** What an HTTP response must be: from an http step's request, or read off a raw TCP connection. */
const responseExpectSchema = z.strictObject({
  status: z.optional(z.int()),
  headers: z.optional(
    z.record(z.string(), expectedSchema).check(z.describe('Header names are case-insensitive; values are strings or matchers.')),
  ),
  json: z.optional(expectedSchema.check(z.describe('The response body parsed as JSON.'))),
  text: z.optional(expectedSchema.check(z.describe('The response body as text ("" for an empty body).'))),
});

/** One HTTP request and what must come back. */
export const httpStepSchema = z.strictObject({
  request: specRequestSchema.check(z.describe('An HTTP request to the program.')),
  expect: responseExpectSchema.check(z.describe('What must come back.')),
  save: z.optional(
    z
      .string()
      .check(
        z.regex(/^(?!tokens$)[a-zA-Z][a-zA-Z0-9]*$/, 'a name other than tokens'),
        z.describe('Names this response for later steps: {{name.status}}, {{name.json.id}}, {{name.headers.location}}.'),
      ),
  ),
  why,
  hint,
});

/**
 * HTTP requests sent all at once, for behaviour that only breaks under concurrency (a lost update, an
 * overdraft, a deadlock): every request in `parallel`, each `times` times, goes out before any answer
 * is read, and every response must match its own `expect`. Nothing is saved; a later sql or http step
 * checks what the requests did together.
 */
export const parallelStepSchema = z.strictObject({
  parallel: z
    .array(z.omit(httpStepSchema, { save: true, why: true, hint: true }))
    .check(z.minLength(1), z.describe('HTTP requests (request and expect, no save), sent at the same time.')),
  times: z.optional(
    z.int().check(z.minimum(1), z.maximum(200), z.describe('How many times each request is sent (default 1), all at once.')),
  ),
  why,
  hint,
});

/** A pause, for behaviour that depends on time passing (a rate-limit window, an expiry). */
export const waitStepSchema = z.strictObject({
  wait: z
    .strictObject({ ms: z.int().check(z.minimum(1), z.maximum(30_000)) })
    .check(z.describe('A pause of ms milliseconds (at most 30000).')),
  why,
});

/**
 * One Redis command and what it must answer, against the learner's Redis (REDIS_URL). Arguments may
 * name saved values; every key must start with `{{redisKeyPrefix}}`, the scenario's own prefix, which
 * the program gets as REDIS_KEY_PREFIX and must put in front of its keys. Those keys are deleted after
 * the scenario; nothing else is touched. Replies: strings, integers, null, arrays; an error reply is
 * `{ "error": "ERR …" }`.
 */
export const redisStepSchema = z.strictObject({
  redis: z
    .array(z.string())
    .check(z.minLength(1), z.describe('A Redis command and its arguments; every key starts with {{redisKeyPrefix}}.')),
  expect: z.optional(
    z.strictObject({
      reply: z.optional(expectedSchema),
      /** The reply (a string) parsed as JSON. */
      json: z.optional(expectedSchema),
    }),
  ),
  save: z.optional(
    z
      .string()
      .check(
        z.regex(/^(?!tokens$|redisKeyPrefix$)[a-zA-Z][a-zA-Z0-9]*$/, 'a name other than tokens'),
        z.describe('Names the reply for later steps: {{name.reply}}.'),
      ),
  ),
  why,
  hint,
});

const connectionSchema = z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a connection name such as alice'));
const wsMsSchema = z.int().check(z.minimum(1), z.maximum(30_000));

/**
 * One WebSocket action on a named connection (see ws.ts). Frames are text; `json` is sent as its JSON
 * text and may name saved values. In a sent value, `{"$repeat": ["x", 1001]}` is the string repeated.
 */
export const wsActionSchema = z.union([
  /** Opens the connection (the HTTP upgrade) to `path` (default `/`). */
  z.strictObject({ connect: connectionSchema, path: z.optional(z.string().check(z.regex(/^\//, 'must start with /'))) }),
  z.strictObject({ send: connectionSchema, json: expectedSchema }),
  z.strictObject({ send: connectionSchema, text: z.string() }),
  /** The next frame on that connection, within `ms` (default 2000): as JSON, as text, or any frame. */
  z.strictObject({
    receive: connectionSchema,
    json: z.optional(expectedSchema),
    text: z.optional(expectedSchema),
    ms: z.optional(wsMsSchema),
  }),
  /** No frame arrives (and the connection stays open) for `ms`. */
  z.strictObject({ silent: connectionSchema, ms: wsMsSchema }),
  /** The client closes: a close frame (code 1000), or with `abrupt` the TCP connection just drops. */
  z.strictObject({ close: connectionSchema, abrupt: z.optional(z.boolean()) }),
  /** The server closes the connection within `ms` (default 2000), with `code` if given. */
  z.strictObject({ closed: connectionSchema, code: z.optional(z.int()), ms: z.optional(wsMsSchema) }),
]);

/** A WebSocket frame sent or expected; connections close at the end of each scenario. */
export const wsStepSchema = z.strictObject({
  ws: wsActionSchema.check(z.describe('One WebSocket action: connect, send, receive, silent, close or closed, on a named connection.')),
  save: z.optional(
    z
      .string()
      .check(
        z.regex(/^(?!tokens$)[a-zA-Z][a-zA-Z0-9]*$/, 'a name other than tokens'),
        z.describe('On receive: names the frame for later steps, {{name.json.users}}, {{name.text}}.'),
      ),
  ),
  why,
  hint,
});

const tcpMsSchema = z.int().check(z.minimum(1), z.maximum(30_000));
const repeatSchema = z.strictObject({
  $repeat: z.tuple([z.string(), z.int().check(z.minimum(0), z.maximum(1_000_000))]).check(z.describe('The text repeated count times.')),
});
/** Bytes to send, as UTF-8 text: a string, or parts (strings and `{"$repeat": ["a", 1025]}`) joined. */
const tcpPayloadSchema = z.union([z.string(), z.array(z.union([z.string(), repeatSchema]))]);

/**
 * One action on a raw TCP connection to the program's port (see tcp.ts), by name. What the server
 * sends is one stream of bytes per connection; each receive takes what it needs from the front.
 */
export const tcpActionSchema = z.union([
  /** Opens a TCP connection to the program's port. */
  z.strictObject({ connect: connectionSchema }),
  /**
   * Sends the text as UTF-8. With `splitAt` (byte offsets, increasing) it goes out in several writes
   * with a pause of `pauseMs` (default 100) between them, so one message crosses packets.
   */
  z.strictObject({
    send: connectionSchema,
    text: tcpPayloadSchema.check(
      z.describe('UTF-8 text; may name saved values. An array is joined: strings and {"$repeat": ["a", 1025]}.'),
    ),
    splitAt: z.optional(
      z
        .array(z.int().check(z.minimum(1)))
        .check(z.minLength(1), z.describe('Byte offsets at which the bytes are split into separate writes, increasing.')),
    ),
    pauseMs: z.optional(z.int().check(z.minimum(1), z.maximum(5000), z.describe('The pause between writes (default 100).'))),
  }),
  /** The next lines, each ending in "\n" (a "\r" before it stays part of the line), within `ms` (default 2000). */
  z.strictObject({
    receive: connectionSchema,
    lines: z.array(expectedSchema).check(z.minLength(1), z.describe('The next lines, without their "\n"; strings or matchers.')),
    ms: z.optional(tcpMsSchema),
  }),
  /** Exactly these bytes next (UTF-8), within `ms` (default 2000). */
  z.strictObject({ receive: connectionSchema, text: z.string(), ms: z.optional(tcpMsSchema) }),
  /**
   * The next HTTP/1.x response, read by its framing: the head up to a blank line, then Content-Length
   * bytes of body (or a chunked body, or everything up to the close when it has neither).
   */
  z.strictObject({
    receive: connectionSchema,
    response: responseExpectSchema.check(z.describe('What the response must be, as in an http step.')),
    ms: z.optional(tcpMsSchema),
  }),
  /** Nothing arrives (and the connection stays open) for `ms`. */
  z.strictObject({ silent: connectionSchema, ms: tcpMsSchema }),
  /** The client closes its side (a FIN), or with `abrupt` resets the connection (an RST). */
  z.strictObject({ close: connectionSchema, abrupt: z.optional(z.boolean()) }),
  /** The server closes the connection within `ms` (default 2000), with nothing more sent first. */
  z.strictObject({ closed: connectionSchema, ms: z.optional(tcpMsSchema) }),
]);

/** Raw bytes over a TCP connection; connections close at the end of each scenario. */
export const tcpStepSchema = z.strictObject({
  tcp: tcpActionSchema.check(
    z.describe('One TCP action: connect, send, receive (lines, text or an HTTP response), silent, close or closed, on a named connection.'),
  ),
  why,
  hint,
});

/**
 * Runs the program to completion with these arguments (specs whose `program` is `command`: a
 * migration tool, a CLI), with the spec's environment and the scenario's DATABASE_URL.
 */
export const runStepSchema = z.strictObject({
  run: z.array(z.string()).check(z.describe('Arguments to run the program with, to completion.')),
  expect: z.optional(
    z.strictObject({
      exitCode: z.optional(expectedSchema.check(z.describe('0 when not given.'))),
      output: z.optional(expectedSchema.check(z.describe('What it printed (stdout and stderr together).'))),
    }),
  ),
  why,
  hint,
});

/**
 * One SQL statement (or a few, separated by `;`) in the scenario's fresh database (specs with
 * `database`), run with psql. Without `expect` it must succeed.
 */
export const sqlStepSchema = z.strictObject({
  sql: z.string().check(z.minLength(1), z.describe("SQL run with psql in the scenario's fresh database; without expect it must succeed.")),
  expect: z.optional(
    z.union([
      z.strictObject({
        rows: expectedSchema.check(z.describe('The rows as objects (column name to value), in the order the query returns them.')),
      }),
      z.strictObject({
        error: expectedSchema.check(z.describe('It must fail; matched against "SQLSTATE: message" ("23505: duplicate key value…").')),
      }),
    ]),
  ),
  why,
  hint,
});

const stdoutMsSchema = z.int().check(z.minimum(1), z.maximum(30_000));

/**
 * What the program printed on stdout since it was started for this scenario (see stdout.ts): a
 * structured log line, or the whole text. Stderr is not read.
 */
export const stdoutStepSchema = z.strictObject({
  stdout: z.union([
    /**
     * A line that parses as JSON and matches `line`. An object gives only the fields that matter:
     * other fields are allowed, `{"$absent": true}` says a field must not be there. Waits up to
     * `ms` (default 2000) for it. With `count`, exactly that many lines must match (0: none, after
     * waiting `ms`, default 500).
     */
    z.strictObject({
      line: expectedSchema.check(
        z.describe('A JSON line printed on stdout; an object lists only the fields that matter (others are allowed).'),
      ),
      count: z.optional(z.int().check(z.minimum(0), z.maximum(1000), z.describe('Exactly this many lines must match.'))),
      ms: z.optional(stdoutMsSchema.check(z.describe('How long to wait for the line (default 2000; 500 with count 0).'))),
    }),
    /** Everything printed on stdout so far, as one string, checked at once. */
    z.strictObject({
      text: expectedSchema.check(z.describe('Everything printed on stdout so far, as one string, checked at once.')),
    }),
  ]),
  why,
  hint,
});

export const specStepSchema = z.union([
  httpStepSchema,
  parallelStepSchema,
  waitStepSchema,
  redisStepSchema,
  wsStepSchema,
  tcpStepSchema,
  runStepSchema,
  sqlStepSchema,
  stdoutStepSchema,
]);

/**
 * A JSON Web Token the spec mints at the start of each scenario, for `{{tokens.<name>}}`. Times are
 * relative to that moment, so a token is fresh (or expired) whenever the check runs.
 */
export const tokenSchema = z.strictObject({
  alg: z
    .enum(['HS256', 'HS384', 'HS512', 'none'])
    .check(z.describe('none makes an unsigned token (header.payload.), the classic forgery.')),
  secret: z.optional(z.string().check(z.describe('The signing secret.'))),
  header: z.optional(
    z.record(z.string(), expectedSchema).check(z.describe('Extra header fields (kid, a lying typ); alg and typ: JWT are set.')),
  ),
  payload: z.record(z.string(), expectedSchema).check(z.describe('The claims.')),
  expiresIn: z.optional(z.int().check(z.describe('Adds iat (now) and exp (now + this many seconds; negative: already expired).'))),
  notBefore: z.optional(z.int().check(z.describe('Adds nbf (now + this many seconds).'))),
});

const nameSchema = z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/));

export const specScenarioSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.describe("What the program must do, in plain words; also the result's name.")),
  hints: z.optional(
    z.array(z.string().check(z.minLength(1))).check(z.describe('Offered one at a time when this scenario fails, gentle first.')),
  ),
  milestone: z.optional(
    z
      .string()
      .check(
        z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a milestone id from exercise.json'),
        z.describe("A project's scenario: the id of the milestone (in exercise.json) whose spec it belongs to."),
      ),
  ),
  steps: z
    .array(specStepSchema)
    .check(z.minLength(1), z.describe('Each one HTTP request, parallel, wait, redis, ws, tcp, run, sql or stdout step, in order.')),
});

export const specSchema = z.strictObject({
  version: z.literal(1).check(z.describe('The version of this file format.')),
  exercise: z.string().check(z.minLength(1), z.describe('The id of the exercise this spec checks.')),
  env: z.optional(
    z
      .record(z.string().check(z.regex(/^(?!PORT$|HOST$)[A-Z_][A-Z0-9_]*$/, 'an upper-case name other than PORT and HOST')), z.string())
      .check(z.describe('Environment for the program (a secret it must use, a short window), the same in every language.')),
  ),
  program: z
    .optional(z.enum(['server', 'command']))
    .check(
      z.describe(
        'server (the default): each scenario starts the program, which listens on PORT, and drives it over HTTP, WebSocket or raw TCP. command: nothing is started; run steps run the program to completion.',
      ),
    ),
  database: z
    .optional(z.literal('postgres'))
    .check(
      z.describe(
        'postgres: each scenario gets a fresh, empty database (dropped afterwards), whose URL the program gets as DATABASE_URL; sql steps run in it.',
      ),
    ),
  tokens: z.optional(
    z.record(nameSchema, tokenSchema).check(z.describe('JSON Web Tokens minted per scenario, by name, for {{tokens.<name>}}.')),
  ),
  scenarios: z
    .array(specScenarioSchema)
    .check(z.minLength(1), z.describe("Each runs against a freshly started program, so none sees another's data.")),
});

export type Spec = z.infer<typeof specSchema>;
export type SpecScenario = z.infer<typeof specScenarioSchema>;
export type SpecStep = z.infer<typeof specStepSchema>;
export type HttpStep = z.infer<typeof httpStepSchema>;
export type ParallelStep = z.infer<typeof parallelStepSchema>;
export type WaitStep = z.infer<typeof waitStepSchema>;
export type RedisStep = z.infer<typeof redisStepSchema>;
export type WsStep = z.infer<typeof wsStepSchema>;
export type WsAction = z.infer<typeof wsActionSchema>;
export type TcpStep = z.infer<typeof tcpStepSchema>;
export type TcpAction = z.infer<typeof tcpActionSchema>;
export type ResponseExpect = z.infer<typeof responseExpectSchema>;
export type RunStep = z.infer<typeof runStepSchema>;
export type SqlStep = z.infer<typeof sqlStepSchema>;
export type StdoutStep = z.infer<typeof stdoutStepSchema>;
export type TokenDefinition = z.infer<typeof tokenSchema>;
export type SpecRequest = z.infer<typeof specRequestSchema>;
