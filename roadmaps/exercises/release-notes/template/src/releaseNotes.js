// Release notes from Conventional Commits: the next semantic version and a changelog section.

/** The types that appear in the changelog, in this order, with their headings. */
const SECTIONS = [
  { type: 'feat', heading: 'Features' },
  { type: 'fix', heading: 'Bug Fixes' },
  { type: 'perf', heading: 'Performance' },
];

/**
 * Reads one commit message. Returns null for a merge commit ("Merge ..."), throws a SyntaxError when
 * the first line is not `type(scope)!: description`.
 * @param {string} message
 * @returns {{ type: string, scope: string | null, breaking: boolean, description: string, notes: string[] } | null}
 */
function parseCommit(message) {
  // TODO: the first line is the header. A header starting with "Merge " is a merge commit: return null.
  // TODO: match the header against type(scope)!: description (a regular expression does it): type is
  //       lowercase letters, the scope is optional and not empty, "!" is optional, then ": " and a
  //       non-empty description. No match: throw new SyntaxError(...).
  // TODO: every later line "BREAKING CHANGE: text" or "BREAKING-CHANGE: text" is a note; a commit is
  //       breaking if it has "!" or at least one note.
  throw new SyntaxError('not written yet');
}

/**
 * The next version after `current` for these parsed commits.
 * @param {string} current "MAJOR.MINOR.PATCH"
 * @param {{ type: string, breaking: boolean }[]} commits
 * @returns {{ version: string, bump: 'major' | 'minor' | 'patch' | 'none' }}
 */
function nextVersion(current, commits) {
  // TODO: check current is MAJOR.MINOR.PATCH (whole numbers, no leading zeros) or throw a RangeError.
  // TODO: the biggest change wins: breaking (major; minor while major is 0), else feat (minor), else
  //       fix or perf (patch), else none. A bump resets the parts after it.
  return { version: current, bump: 'none' };
}

/** One changelog line: "- **scope:** text" or "- text". */
function entry(scope, text) {
  // TODO: the scope in bold with a colon, when there is one.
  return `- ${text}`;
}

/**
 * @param {string[]} messages commit messages, oldest first
 * @param {string} current the version released last
 * @returns {{ version: string, bump: string, changelog: string, malformed: string[] }}
 */
function releaseNotes(messages, current) {
  // TODO: parse every message: keep the commits, skip merge commits (null), and collect the first line
  //       of each malformed one (parseCommit throws a SyntaxError) instead of stopping.
  // TODO: the version from nextVersion().
  // TODO: the changelog: "## version", then "### ⚠ BREAKING CHANGES" (each breaking commit's notes, or
  //       its description when it has none), then a section per SECTIONS entry; empty sections left
  //       out; a blank line between blocks and one newline at the end (see the README's example).
  return { version: current, bump: 'none', changelog: '', malformed: [] };
}

module.exports = { parseCommit, nextVersion, releaseNotes, SECTIONS };
