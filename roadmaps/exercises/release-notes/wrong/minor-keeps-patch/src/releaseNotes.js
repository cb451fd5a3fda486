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
  const lines = message.split('\n');
  const header = lines[0].trim();
  if (header.startsWith('Merge ')) return null;
  const match = /^([a-z]+)(?:\(([^()\s]+)\))?(!)?: (\S.*)$/.exec(header);
  if (!match) throw new SyntaxError(`not a Conventional Commit: ${header}`);
  const [, type, scope, bang, description] = match;
  // Footers live after the header; a BREAKING CHANGE footer may be written with a space or a hyphen.
  const notes = [];
  for (const line of lines.slice(1)) {
    const footer = /^BREAKING[ -]CHANGE: (\S.*)$/.exec(line.trim());
    if (footer) notes.push(footer[1]);
  }
  return { type, scope: scope ?? null, breaking: bang === '!' || notes.length > 0, description, notes };
}

/**
 * The next version after `current` for these parsed commits.
 * @param {string} current "MAJOR.MINOR.PATCH"
 * @param {{ type: string, breaking: boolean }[]} commits
 * @returns {{ version: string, bump: 'major' | 'minor' | 'patch' | 'none' }}
 */
function nextVersion(current, commits) {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(current);
  if (!match) throw new RangeError(`not a version: ${current}`);
  let [major, minor, patch] = match.slice(1).map(Number);
  let bump = 'none';
  if (commits.some((c) => c.breaking)) bump = major === 0 ? 'minor' : 'major';
  else if (commits.some((c) => c.type === 'feat')) bump = 'minor';
  else if (commits.some((c) => c.type === 'fix' || c.type === 'perf')) bump = 'patch';
  if (bump === 'major') [major, minor, patch] = [major + 1, 0, 0];
  // WRONG: the patch is kept: 1.4.2 + feat is 1.5.2.
  else if (bump === 'minor') minor += 1;
  else if (bump === 'patch') patch += 1;
  return { version: `${major}.${minor}.${patch}`, bump };
}

/** One changelog line: "- **scope:** text" or "- text". */
function entry(scope, text) {
  return scope ? `- **${scope}:** ${text}` : `- ${text}`;
}

/**
 * @param {string[]} messages commit messages, oldest first
 * @param {string} current the version released last
 * @returns {{ version: string, bump: string, changelog: string, malformed: string[] }}
 */
function releaseNotes(messages, current) {
  const commits = [];
  const malformed = [];
  for (const message of messages) {
    try {
      const commit = parseCommit(message);
      if (commit) commits.push(commit);
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      malformed.push(message.split('\n')[0]);
    }
  }
  const { version, bump } = nextVersion(current, commits);

  const sections = [];
  const breaking = commits
    .filter((c) => c.breaking)
    .flatMap((c) => (c.notes.length > 0 ? c.notes : [c.description]).map((text) => entry(c.scope, text)));
  if (breaking.length > 0) sections.push({ heading: '⚠ BREAKING CHANGES', lines: breaking });
  for (const { type, heading } of SECTIONS) {
    const lines = commits.filter((c) => c.type === type).map((c) => entry(c.scope, c.description));
    if (lines.length > 0) sections.push({ heading, lines });
  }
  const parts = [`## ${version}`, ...sections.map((s) => `### ${s.heading}\n\n${s.lines.join('\n')}`)];
  return { version, bump, changelog: parts.join('\n\n') + '\n', malformed };
}

module.exports = { parseCommit, nextVersion, releaseNotes, SECTIONS };
