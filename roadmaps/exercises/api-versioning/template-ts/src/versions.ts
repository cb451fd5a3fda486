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
  // TODO 2: v1 is deprecated: Deprecation (when, as @<unix seconds>), Sunset (when it goes away, as
  //   an HTTP date) and Link to the same path under /v2 with rel="successor-version".
  headers: (path) => {
    void path;
    return {};
  },
};

/** v2: "givenName" and "familyName" instead of "name". */
const v2: ApiVersion = {
  // TODO 1: { id, givenName, familyName, email }, and parse a body of that shape (all three strings
  //   required, "name" is not accepted: a v1 body sent to v2 is a 400).
  present: (user) => v1.present(user),
  parse: (body) => v1.parse(body),
  headers: () => ({}),
};

/** The version for a path segment ("v1", "v2"), or undefined for any other (a 404). */
export function resolveVersion(segment: string): ApiVersion | undefined {
  // TODO 3: v1 and v2 only.
  void v2;
  return segment === 'v1' ? v1 : undefined;
}
