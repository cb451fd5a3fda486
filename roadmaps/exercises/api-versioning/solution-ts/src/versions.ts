// The API's versions. Read README.md first; it lists every rule the check tests.

/** A user as stored, whatever the version. */
export interface User {
  id: number;
  givenName: string;
  familyName: string;
  email: string;
}
export type UserFields = Omit<User, 'id'>;

export interface ApiVersion {
  /** The stored user in this version's shape. */
  present(user: User): Record<string, unknown>;
  /** A request body in this version's shape: the fields to store, or an error (a 400). */
  parse(body: Record<string, unknown>): { fields: UserFields } | { error: string };
  /** Extra response headers for every answer under this version. */
  headers(path: string): Record<string, string>;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** 1 January 2026, when v1 was deprecated, in Unix seconds; and the last second v1 answers. */
const deprecatedAt = Date.UTC(2026, 0, 1) / 1000;
const sunset = new Date(Date.UTC(2026, 11, 31, 23, 59, 59)).toUTCString();

/** v1 (done for you; it is what clients use today): one "name" field. */
const v1: ApiVersion = {
  present: (user) => ({ id: user.id, name: `${user.givenName} ${user.familyName}`.trim(), email: user.email }),
  parse(body) {
    if (!isText(body.name) || !isText(body.email)) return { error: 'v1 needs "name" and "email"' };
    // The first word is the given name, the rest the family name ("Plato" has none).
    const name = body.name.trim();
    const space = name.indexOf(' ');
    const [givenName, familyName] = space < 0 ? [name, ''] : [name.slice(0, space), name.slice(space + 1).trim()];
    return { fields: { givenName, familyName, email: body.email } };
  },
  headers: (path) => ({
    deprecation: `@${deprecatedAt}`, // RFC 9745: "@" and Unix seconds
    sunset, // RFC 8594: an HTTP date
    link: `<${path.replace(/^\/v1\//, '/v2/')}>; rel="successor-version"`,
  }),
};

/** v2: "givenName" and "familyName" instead of "name". */
const v2: ApiVersion = {
  present: ({ id, givenName, familyName, email }) => ({ id, givenName, familyName, email }),
  parse({ givenName, familyName, email }) {
    if (!isText(givenName)) return { error: 'v2 needs "givenName"' };
    if (typeof familyName !== 'string') return { error: 'v2 needs "familyName" (it may be "")' };
    if (!isText(email)) return { error: 'v2 needs "email"' };
    return { fields: { givenName, familyName, email } };
  },
  headers: () => ({}),
};

const versions = new Map<string, ApiVersion>([
  ['v1', v1],
  ['v2', v2],
]);

/** The version for a path segment ("v1", "v2"), or undefined for any other (a 404). */
export function resolveVersion(segment: string): ApiVersion | undefined {
  return versions.get(segment);
}
