// The API's versions. Read README.md first; it lists every rule the check tests.
//
// A version is { present(user), parse(body), headers(path) }:
//   present(user)  the stored user ({ id, givenName, familyName, email }) in this version's shape
//   parse(body)    a request body in this version's shape -> { fields: { givenName, familyName, email } }
//                  or { error: '...' } (a 400)
//   headers(path)  extra response headers for every answer under this version

const isText = (value) => typeof value === 'string' && value.trim() !== '';

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
  // TODO 2: v1 is deprecated: Deprecation (when, as @<unix seconds>), Sunset (when it goes away, as
  //   an HTTP date) and Link to the same path under /v2 with rel="successor-version".
  headers: (path) => ({}),
};

/** v2: "givenName" and "familyName" instead of "name". */
const v2 = {
  // TODO 1: { id, givenName, familyName, email }, and parse a body of that shape (all three strings
  //   required, "name" is not accepted: a v1 body sent to v2 is a 400).
  present: (user) => v1.present(user),
  parse: (body) => v1.parse(body),
  headers: () => ({}),
};

/** The version for a path segment ("v1", "v2"), or undefined for any other (a 404). */
function resolveVersion(segment) {
  // TODO 3: v1 and v2 only.
  return segment === 'v1' ? v1 : undefined;
}

module.exports = { resolveVersion };
