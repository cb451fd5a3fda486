const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { parseCommit, nextVersion, releaseNotes } = require('../src/releaseNotes');

/** The version releaseNotes() computes for these messages after `current`. */
const next = (current, messages) => releaseNotes(messages, current).version;

describe('parseCommit', () => {
  test('type, scope and description from the first line', () => {
    assert.deepEqual(parseCommit('feat(parser): accept tabs'), {
      type: 'feat',
      scope: 'parser',
      breaking: false,
      description: 'accept tabs',
      notes: [],
    });
    assert.deepEqual(parseCommit('fix: handle empty input'), {
      type: 'fix',
      scope: null,
      breaking: false,
      description: 'handle empty input',
      notes: [],
    });
  });

  test('"!" before the colon marks a breaking change', () => {
    const commit = parseCommit('refactor(api)!: drop v1 routes');
    assert.equal(commit.breaking, true);
    assert.equal(commit.scope, 'api');
    assert.equal(commit.description, 'drop v1 routes');
  });

  test('a BREAKING CHANGE footer (or BREAKING-CHANGE) marks a breaking change and gives its note', () => {
    const commit = parseCommit('feat: new config file\n\nThe old one is gone.\n\nBREAKING CHANGE: config.json is now config.yaml');
    assert.equal(commit.breaking, true);
    assert.deepEqual(commit.notes, ['config.json is now config.yaml']);
    assert.deepEqual(parseCommit('fix: x\n\nBREAKING-CHANGE: y').notes, ['y']);
  });

  test('a merge commit is not a change: null', () => {
    assert.equal(parseCommit("Merge branch 'main' into feature"), null);
    assert.equal(parseCommit('Merge pull request #12 from someone/branch'), null);
  });

  test('a first line that is not "type(scope): description" is a SyntaxError', () => {
    for (const bad of ['fixed the bug', 'feat:no space', 'feat: ', 'Feat: capital type', 'feat(): empty scope', '']) {
      assert.throws(() => parseCommit(bad), SyntaxError, JSON.stringify(bad));
    }
  });
});

describe('nextVersion', () => {
  test('fix and perf bump the patch', () => {
    assert.deepEqual(nextVersion('1.4.2', [{ type: 'fix', breaking: false }]), { version: '1.4.3', bump: 'patch' });
    assert.deepEqual(nextVersion('1.4.2', [{ type: 'perf', breaking: false }]), { version: '1.4.3', bump: 'patch' });
  });

  test('feat bumps the minor and resets the patch', () => {
    assert.deepEqual(nextVersion('1.4.2', [{ type: 'fix', breaking: false }, { type: 'feat', breaking: false }]), {
      version: '1.5.0',
      bump: 'minor',
    });
  });

  test('a breaking change bumps the major and resets minor and patch', () => {
    assert.deepEqual(nextVersion('1.4.2', [{ type: 'feat', breaking: false }, { type: 'docs', breaking: true }]), {
      version: '2.0.0',
      bump: 'major',
    });
  });

  test('while the major is 0, a breaking change bumps the minor, not to 1.0.0', () => {
    assert.deepEqual(nextVersion('0.3.7', [{ type: 'fix', breaking: true }]), { version: '0.4.0', bump: 'minor' });
    assert.deepEqual(nextVersion('0.3.7', [{ type: 'feat', breaking: false }]), { version: '0.4.0', bump: 'minor' });
    assert.deepEqual(nextVersion('0.3.7', [{ type: 'fix', breaking: false }]), { version: '0.3.8', bump: 'patch' });
  });

  test('nothing to release: the version stays', () => {
    assert.deepEqual(nextVersion('2.0.1', []), { version: '2.0.1', bump: 'none' });
    assert.deepEqual(nextVersion('2.0.1', [{ type: 'docs', breaking: false }]), { version: '2.0.1', bump: 'none' });
  });

  test('numbers, not strings: 1.9.9 + fix is 1.9.10', () => {
    assert.deepEqual(nextVersion('1.9.9', [{ type: 'fix', breaking: false }]).version, '1.9.10');
  });

  test('a current version that is not MAJOR.MINOR.PATCH is a RangeError', () => {
    for (const bad of ['1.2', 'v1.2.3', '1.2.3.4', '01.2.3', 'x']) {
      assert.throws(() => nextVersion(bad, []), RangeError, bad);
    }
  });
});

describe('releaseNotes', () => {
  test('the whole section: breaking changes first, then Features, Bug Fixes, Performance, with scopes', () => {
    const messages = [
      'fix(cli): exit 1 on a missing file',
      'docs: explain the config file',
      'feat(api)!: remove the v1 routes',
      "Merge branch 'main' into next",
      'perf: cache parsed templates',
      'feat: add --quiet\n\nBREAKING CHANGE: --silent is gone, use --quiet',
      'feat(cli): colour the output',
      'fix: typo in help',
    ];
    const result = releaseNotes(messages, '1.4.2');
    assert.equal(result.version, '2.0.0');
    assert.equal(result.bump, 'major');
    assert.deepEqual(result.malformed, []);
    assert.equal(
      result.changelog,
      [
        '## 2.0.0',
        '',
        '### ⚠ BREAKING CHANGES',
        '',
        '- **api:** remove the v1 routes',
        '- --silent is gone, use --quiet',
        '',
        '### Features',
        '',
        '- **api:** remove the v1 routes',
        '- add --quiet',
        '- **cli:** colour the output',
        '',
        '### Bug Fixes',
        '',
        '- **cli:** exit 1 on a missing file',
        '- typo in help',
        '',
        '### Performance',
        '',
        '- cache parsed templates',
        '',
      ].join('\n'),
    );
  });

  test('empty sections are left out', () => {
    assert.equal(releaseNotes(['fix(db): close the pool'], '0.1.0').changelog, '## 0.1.1\n\n### Bug Fixes\n\n- **db:** close the pool\n');
  });

  test('a breaking change of a type that has no section still appears under BREAKING CHANGES', () => {
    const result = releaseNotes(['refactor(core)!: rename Client to Session'], '3.1.4');
    assert.equal(result.version, '4.0.0');
    assert.equal(result.changelog, '## 4.0.0\n\n### ⚠ BREAKING CHANGES\n\n- **core:** rename Client to Session\n');
  });

  test('the BREAKING CHANGE footer counts even without "!", in 1.x and in 0.x', () => {
    const message = 'fix(auth): stricter tokens\n\nBREAKING CHANGE: tokens older than a day are refused';
    assert.equal(next('1.2.3', [message]), '2.0.0');
    assert.equal(next('0.2.3', [message]), '0.3.0');
    assert.match(releaseNotes([message], '1.2.3').changelog, /- \*\*auth:\*\* tokens older than a day are refused\n/);
  });

  test('unknown types and merge commits change nothing', () => {
    const result = releaseNotes(['chore: bump deps', 'wip: half done', 'Merge pull request #3 from a/b'], '1.0.0');
    assert.deepEqual(result, { version: '1.0.0', bump: 'none', changelog: '## 1.0.0\n', malformed: [] });
  });

  test('malformed messages are reported by their first line, and the rest still counts', () => {
    const result = releaseNotes(['fixed the login', 'feat(ui): dark mode', 'oops\n\nmore text'], '1.0.0');
    assert.equal(result.version, '1.1.0');
    assert.deepEqual(result.malformed, ['fixed the login', 'oops']);
    assert.equal(result.changelog, '## 1.1.0\n\n### Features\n\n- **ui:** dark mode\n');
  });
});
