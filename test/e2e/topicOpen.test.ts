// Opening topics from tree rows, one after another, as a learner browsing a phase: each click shows
// that topic's page. The time each took is logged; how fast is npm run bench's business, not a test's.
import type { Page } from 'playwright-core';
import { closeSession, openSession } from './session';
import type { Session } from './session';
import { bundledTopic, measureTopicOpen, renderedTopic } from './topicTiming';
import { escapeRegExp, expectAttribute, expectCount, expectText, topicFrame, treeRow } from './workbench';

describe('E2E in code-server: opening topics from the tree', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  let page: Page;
  let failed = false;

  before(async function () {
    this.timeout(600_000);
    session = await openSession('topic-open', { width: 1400, height: 880 });
    ({ page } = session);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    await closeSession(session, failed);
  });

  it('shows the page of each topic clicked in turn, the panel reused after the first', async () => {
    // Back to the first topic at the end: a page shown before must be shown again, not a stale one.
    const ids = ['tcp-and-udp', 'dns', 'http-basics', 'browsers', 'tcp-and-udp'];
    for (const id of ids) {
      const topic = await bundledTopic(id);
      const timing = await measureTopicOpen(page, id);
      const frame = topicFrame(page);
      // Exactly one page, of this topic: the previous one was replaced, not stacked.
      await expectCount(frame.locator('article'), 1);
      await expectAttribute(frame.locator('article'), 'data-topic', id);
      await expectText(renderedTopic(page, topic), new RegExp(`^${escapeRegExp(topic.title)}$`));
      await expectAttribute(treeRow(page, `${topic.title}, `), 'aria-selected', 'true');
      // One webview: the topic panel is reused, not opened again per topic.
      await expectCount(page.locator('iframe.webview'), 1);
      console.log(
        `      ${id}: page shown ${timing.renderedMs.toFixed(0)} ms after the click (row selected at ${timing.selectedMs.toFixed(0)} ms)`,
      );
    }
  });
});
