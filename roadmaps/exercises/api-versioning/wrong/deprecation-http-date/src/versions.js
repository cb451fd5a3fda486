// The API's versions. Read README.md first; it lists every rule the check tests.
//
// A version is { present(user), parse(body), headers(path) }:
//   present(user)  the stored user ({ id, givenName, familyName, email }) in this version's shape
//   parse(body)    a request body in this version's shape -> { fields: { givenName, familyName, email } }
//                  or { error: '...' } (a 400)
//   headers(path)  extra response headers for every answer under this version

const isText = (value) => typeof value === 'string' && value.trim() !== '';

// When v1 was deprecated (1 January 2026) and when it goes away (the end of 2026).
const deprecatedAt = Date.UTC(2026, 0, 1) / 1000;
const sunsetAt = new Date(Date.UTC(2026, 11, 31, 23, 59, 59));

/** v1 (done for you; it is what clients use today): one "name" field. */
const v1 = {
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
    // RFC 9745: a structured-field date, "@" and Unix seconds.
    // WRONG: an HTTP date, as in early drafts; RFC 9745 wants "@" and Unix seconds.
    deprecation: new Date(deprecatedAt * 1000).toUTCString(),
    // RFC 8594: an HTTP date.
    sunset: sunsetAt.toUTCString(),
    link: `<${path.replace(/^\/v1\//, '/v2/')}>; rel="successor-version"`,
  }),
};

/** v2: "givenName" and "familyName" instead of "name". */
const v2 = {
  present: (user) => ({ id: user.id, givenName: user.givenName, familyName: user.familyName, email: user.email }),
  parse(body) {
    if (typeof body.givenName !== 'string' || !isText(body.givenName)) return { error: 'v2 needs "givenName"' };
    if (typeof body.familyName !== 'string') return { error: 'v2 needs "familyName" (it may be "")' };
    if (!isText(body.email)) return { error: 'v2 needs "email"' };
    return { fields: { givenName: body.givenName, familyName: body.familyName, email: body.email } };
  },
  headers: () => ({}),
};

const versions = { v1, v2 };

/** The version for a path segment ("v1", "v2"), or undefined for any other (a 404). */
function resolveVersion(segment) {
  return Object.hasOwn(versions, segment) ? versions[segment] : undefined;
}

module.exports = { resolveVersion };
