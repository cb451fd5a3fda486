// What "New Roadmap…" and "New Exercise…" write: small, valid, commented files an author edits.
import type { TemplateFile } from '../exercises/scaffold';

/** A commented roadmap that loads as it is: one phase, two topics, one prerequisite. */
export function roadmapStarter(id: string, title: string): string {
  return `# A Backend Roadmap course roadmap. Every field is explained in the README ("Course authoring").
# With the Red Hat YAML extension installed you also get completion and hover docs here.
schemaVersion: 1
id: ${id}            # a lowercase slug; progress is kept by topic id, so keep ids stable
title: ${title}
description: What this roadmap teaches, and for whom.
phases:
  - id: first-steps
    title: First steps
    topics:
      - id: ${id}-setup
        title: Set up your machine
        summary: Install the tools the course uses.
        why: Everything later runs on them.
        estimatedHours: 2
        checklist:            # ticking every item marks the topic done
          - id: install-node
            text: Install Node.js 20 or newer and run node --version.
        resources:
          - title: Node.js downloads
            url: https://nodejs.org/en/download
            type: docs
        questions:            # quiz questions; a passed quiz and passing exercises make a topic verified
          - id: node-version
            kind: recall
            question: How do you see which Node.js version is installed?
            answer: Run node --version.
            why: The course's exercises need Node.js 20 or newer.
      - id: ${id}-first-api
        title: Your first API
        summary: Answer an HTTP request.
        why: Every backend starts here.
        estimatedHours: 4
        prerequisites: [${id}-setup]
        checklist:
          - id: hello-route
            text: Serve GET /hello with a JSON body.
        resources:
          - title: Node.js HTTP guide
            url: https://nodejs.org/en/learn/modules/anatomy-of-an-http-transaction
            type: docs
        # exercises: [my-exercise]   # an id from .backend-roadmap/exercises/<id>/ or a bundled one
`;
}

/** A track on another roadmap: its topics by id, one retitled, one of the track's own. */
export function trackStarter(id: string, title: string, basedOn: string, baseTopicIds: readonly string[]): string {
  const [first = 'internet-basics', second] = baseTopicIds;
  return `# A track: a course built on the "${basedOn}" roadmap. Progress is kept by topic id, so it is shared with it.
# Name the base's topics by id, retitle them under "titles", or write out topics of your own.
schemaVersion: 1
kind: track
id: ${id}
title: ${title}
description: What this course covers, and for whom.
basedOn: ${basedOn}
titles:
  ${first}: Week 1 - how the web works
phases:
  - id: week-1
    title: Week 1
    topics:
      - ${first}
${second ? `      - ${second}\n` : ''}      - id: ${id}-kickoff         # a topic of the track's own, written out in full
        title: Course kick-off
        summary: Meet the team and set up the course repository.
        why: The rest of the course is handed in through it.
        estimatedHours: 1
        prerequisites: [${first}]
        checklist:
          - id: clone-repo
            text: Clone the course repository and open it in VS Code.
        resources:
          - title: Git clone
            url: https://git-scm.com/docs/git-clone
            type: docs
`;
}

/**
 * A starter exercise folder in the bundled format: manifest, JavaScript template and solution, a
 * known-wrong variant. `backend-roadmap dev check` proves it sound as written.
 */
export function exerciseStarter(id: string, title: string, topic: string): TemplateFile[] {
  const manifest = {
    id,
    title,
    topic,
    description: 'Describe in one sentence what the learner builds.',
    languages: ['javascript'],
    open: ['README.md', 'src/greeting.js'],
    runner: 'node',
    flavours: ['javascript'],
  };
  const pkg = {
    name: 'exercise-{{exerciseId}}',
    version: '1.0.0',
    private: true,
    description: 'Backend Roadmap exercise: {{exerciseTitle}}',
    scripts: { test: 'node --test test/*.test.js' },
    engines: { node: '>=20' },
  };
  const test = `const { test } = require('node:test');
const assert = require('node:assert/strict');
const { greet } = require('../src/greeting');

test('greets a person by name', () => {
  assert.equal(greet('Ada'), 'Hello, Ada!');
});

test('trims the name', () => {
  assert.equal(greet('  Linus '), 'Hello, Linus!');
});

test('refuses an empty name', () => {
  assert.throws(() => greet('   '), TypeError);
});
`;
  return [
    { path: 'exercise.json', content: `${JSON.stringify(manifest, null, 2)}\n` },
    {
      path: 'template/README.md',
      content: `# {{exerciseTitle}}\n\nPart of **{{topicTitle}}**.\n\nWrite \`greet(name)\` in \`src/greeting.js\`: it returns \`Hello, <name>!\` for a name with its\nspaces trimmed, and throws a \`TypeError\` for an empty name.\n\nRun the tests with \`npm test\`, or **Check Exercise** in VS Code.\n`,
    },
    { path: 'template/package.json', content: `${JSON.stringify(pkg, null, 2)}\n` },
    {
      path: 'template/src/greeting.js',
      content: `/** Returns "Hello, <name>!"; throws a TypeError for an empty name. */\nfunction greet(name) {\n  // TODO: trim the name, refuse an empty one, greet the rest.\n  throw new Error('not written yet');\n}\n\nmodule.exports = { greet };\n`,
    },
    { path: 'template/test/greeting.test.js', content: test },
    {
      path: 'solution/src/greeting.js',
      content: `/** Returns "Hello, <name>!"; throws a TypeError for an empty name. */\nfunction greet(name) {\n  const trimmed = String(name).trim();\n  if (trimmed === '') throw new TypeError('name must not be empty');\n  return \`Hello, \${trimmed}!\`;\n}\n\nmodule.exports = { greet };\n`,
    },
    {
      path: 'wrong/README.md',
      content: `# Known-wrong variants\n\nEach folder is laid over the solution; the tests must reject every one (\`backend-roadmap dev check\`).\n\n- \`no-trim\`: greets the name with its spaces.\n`,
    },
    {
      path: 'wrong/no-trim/src/greeting.js',
      content: `function greet(name) {\n  if (String(name).trim() === '') throw new TypeError('name must not be empty');\n  return \`Hello, \${name}!\`;\n}\n\nmodule.exports = { greet };\n`,
    },
  ];
}
