// Release notes from Conventional Commits: the next semantic version and a changelog section.

export interface Commit {
  type: string;
  scope: string | null;
  breaking: boolean;
  description: string;
  /** The texts of BREAKING CHANGE footers, in order. */
  notes: string[];
}

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface Release {
  version: string;
  bump: Bump;
  changelog: string;
  /** The first lines of the messages that are not Conventional Commits. */
  malformed: string[];
}

/** The types that appear in the changelog, in this order, with their headings. */
export const SECTIONS: readonly { type: string; heading: string }[] = [
  { type: 'feat', heading: 'Features' },
  { type: 'fix', heading: 'Bug Fixes' },
  { type: 'perf', heading: 'Performance' },
];

/**
 * Reads one commit message. Returns null for a merge commit ("Merge ..."), throws a SyntaxError when
 * the first line is not `type(scope)!: description`.
 */
export function parseCommit(message: string): Commit | null {
  const lines = message.split('\n');
  const header = lines[0].trim();
  if (header.startsWith('Merge ')) return null;
  const match = /^([a-z]+)(?:\(([^()\s]+)\))?(!)?: (\S.*)$/.exec(header);
  if (!match) throw new SyntaxError(`not a Conventional Commit: ${header}`);
  const [, type, scope, bang, description] = match;
  // Footers live after the header; a BREAKING CHANGE footer may be written with a space or a hyphen.
  const notes: string[] = [];
  for (const line of lines.slice(1)) {
    const footer = /^BREAKING[ -]CHANGE: (\S.*)$/.exec(line.trim());
    if (footer) notes.push(footer[1]);
  }
  return { type, scope: scope ?? null, breaking: bang === '!' || notes.length > 0, description, notes };
}

/** The next version after `current` ("MAJOR.MINOR.PATCH") for these commits. */
export function nextVersion(
  current: string,
  commits: readonly Pick<Commit, 'type' | 'breaking'>[],
): { version: string; bump: Bump } {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(current);
  if (!match) throw new RangeError(`not a version: ${current}`);
  let [major, minor, patch] = match.slice(1).map(Number);
  let bump: Bump = 'none';
  if (commits.some((c) => c.breaking)) bump = major === 0 ? 'minor' : 'major';
  else if (commits.some((c) => c.type === 'feat')) bump = 'minor';
  else if (commits.some((c) => c.type === 'fix' || c.type === 'perf')) bump = 'patch';
  if (bump === 'major') [major, minor, patch] = [major + 1, 0, 0];
  else if (bump === 'minor') [minor, patch] = [minor + 1, 0];
  else if (bump === 'patch') patch += 1;
  return { version: `${major}.${minor}.${patch}`, bump };
}

/** One changelog line: "- **scope:** text" or "- text". */
function entry(scope: string | null, text: string): string {
  return scope ? `- **${scope}:** ${text}` : `- ${text}`;
}

/** The release for these commit messages (oldest first) after version `current`. */
export function releaseNotes(messages: readonly string[], current: string): Release {
  const commits: Commit[] = [];
  const malformed: string[] = [];
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

  const sections: { heading: string; lines: string[] }[] = [];
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
