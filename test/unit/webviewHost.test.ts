import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isReady, messageExcerpt } from '../../src/platform/webview/protocol';
import { dashboardPageMessageSchema, dashboardProtocol } from '../../src/features/dashboard/protocol';
import { topicProtocol } from '../../src/features/topic/protocol';

describe('webview host protocol', () => {
  it('makes every page able to say ready, and only then', () => {
    for (const protocol of [topicProtocol, dashboardProtocol]) {
      const parsed = protocol.page.safeParse({ type: 'ready' });
      assert.ok(parsed.success);
      assert.ok(isReady(parsed.data));
      assert.equal(protocol.host.safeParse({ type: 'ready' }).success, false, 'the host never sends ready');
    }
    assert.equal(isReady({ type: 'openTopic' }), false);
  });

  it('validates the dashboard messages and has no state', () => {
    assert.ok(dashboardPageMessageSchema.safeParse({ type: 'openTopic', topicId: 'dns' }).success);
    assert.equal(dashboardPageMessageSchema.safeParse({ type: 'openTopic', topicId: '' }).success, false);
    assert.equal(dashboardPageMessageSchema.safeParse({ type: 'openTopic', topicId: 'x'.repeat(201) }).success, false);
    assert.equal(dashboardPageMessageSchema.safeParse({ type: 'scaffold', topicId: 'dns', exerciseId: 'e' }).success, false);
    assert.equal(dashboardProtocol.state, undefined);
    assert.ok(topicProtocol.state?.safeParse({ topicId: 'rest-apis' }).success);
  });

  it('cuts dropped messages to 500 characters for the log, whatever they hold', () => {
    assert.equal(messageExcerpt({ type: 'x', text: 'a'.repeat(1000) }).length, 500);
    assert.equal(messageExcerpt({ type: 'x' }), '{"type":"x"}');
    assert.equal(messageExcerpt('x'.repeat(20), 5), '"xxxx');
    assert.equal(messageExcerpt(undefined), 'undefined');
    const cyclic: Record<string, unknown> = { type: 'x' };
    cyclic.self = cyclic;
    assert.equal(messageExcerpt(cyclic), '[object Object]');
    assert.equal(messageExcerpt(10n), '[object BigInt]');
  });
});

describe('webview page discovery', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'pages-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const page = (name: string, files: string[]) => {
    mkdirSync(path.join(root, name), { recursive: true });
    for (const f of files) writeFileSync(path.join(root, name, f), '');
  };

  it('finds every folder with a main.ts but shared, sorted, with its output names', async () => {
    const { webviewPages } = await import('../../scripts/webviewPages.mjs');
    page('topic', ['main.ts', 'style.css']);
    page('quiz', ['main.ts']);
    page('shared', ['main.ts', 'dom.ts', 'base.css']);
    page('drafts', ['notes.md']);
    writeFileSync(path.join(root, 'tsconfig.json'), '{}');
    assert.deepEqual(webviewPages(root), [
      { name: 'quiz', entry: path.join(root, 'quiz', 'main.ts'), stylesheet: undefined, script: 'quiz.js', css: 'quiz.css' },
      {
        name: 'topic',
        entry: path.join(root, 'topic', 'main.ts'),
        stylesheet: path.join(root, 'topic', 'style.css'),
        script: 'topic.js',
        css: 'topic.css',
      },
    ]);
  });

  it('refuses page names that clash with the shared files or are not camelCase', async () => {
    const { webviewPages } = await import('../../scripts/webviewPages.mjs');
    page('base', ['main.ts', 'style.css']);
    assert.throws(() => webviewPages(root), /webview\/base: a page needs a camelCase name/);
    rmSync(path.join(root, 'base'), { recursive: true });
    page('my-quiz', ['main.ts']);
    assert.throws(() => webviewPages(root), /webview\/my-quiz: a page needs a camelCase name/);
  });

  it('finds the topic page, the dashboard and the quiz page in this repository', async () => {
    const { webviewPages } = await import('../../scripts/webviewPages.mjs');
    assert.deepEqual(
      webviewPages('webview').map((p) => [p.script, p.css]),
      [
        ['dashboard.js', 'dashboard.css'],
        ['quiz.js', 'quiz.css'],
        ['topic.js', 'topic.css'],
      ],
    );
  });
});
