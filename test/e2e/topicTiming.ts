// Times what a learner waits for: a click on a topic row in the Backend Roadmap view until that
// topic's page shows in the webview. Shared by the E2E test (which asserts the page, never a time)
// and npm run bench (which prints the spread).
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Locator, Page } from 'playwright-core';
import { loadCatalog } from '../../src/domain/roadmap/files';
import { repoRoot } from './codeServer';
import { escapeRegExp, expandRow, settleList, showRoadmap, topicFrame, treeRow } from './workbench';

export interface BundledTopic {
  id: string;
  title: string;
  /** The phase's title, which starts its tree row's label. */
  phase: string;
}

let topics: Promise<Map<string, BundledTopic>> | undefined;

/** A topic of the bundled roadmaps, read from their YAML, so titles are never copied into tests. */
export async function bundledTopic(topicId: string): Promise<BundledTopic> {
  topics ??= loadCatalog(path.join(repoRoot, 'roadmaps')).then((catalog) => {
    const byId = new Map<string, BundledTopic>();
    for (const { roadmap } of catalog.roadmaps) {
      for (const phase of roadmap.phases) {
        for (const t of phase.topics) if (!byId.has(t.id)) byId.set(t.id, { id: t.id, title: t.title, phase: phase.title });
      }
    }
    return byId;
  });
  const topic = (await topics).get(topicId);
  if (!topic) throw new Error(`no bundled topic has the id "${topicId}"`);
  return topic;
}

/** The rendered page of `topic`: its article (by topic id) with an h1 of exactly its title. */
export function renderedTopic(page: Page, topic: BundledTopic): Locator {
  return topicFrame(page)
    .locator(`article[data-topic="${topic.id}"] h1`)
    .filter({ hasText: new RegExp(`^${escapeRegExp(topic.title)}$`) });
}

export interface TopicOpenTiming {
  topicId: string;
  /** Click until the clicked row shows selected: the workbench's own answer, the floor of this method. */
  selectedMs: number;
  /** Click until the webview shows the topic's article with its h1. */
  renderedMs: number;
}

/** How often the page is asked whether the click has shown; the timings' resolution (plus one round trip). */
export const POLL_MS = 10;

/**
 * Clicks the topic's row in the Roadmap view and waits for its page, timed with performance.now()
 * in the test process from the mouse press until a poll finds the locator: the row selected, and the
 * topic's article (by id) with its h1 in the webview frame. Polled every POLL_MS, since Playwright's
 * own waitFor backs off to 500 ms between looks. Untimed first: the view shown, the phase expanded,
 * the tree still, the pointer over the row (as a person's is before clicking). The topic must not be
 * shown or selected already (alternate topics), or the wait would end at once.
 */
export async function measureTopicOpen(page: Page, topicId: string): Promise<TopicOpenTiming> {
  const topic = await bundledTopic(topicId);
  await showRoadmap(page);
  await expandRow(page, topic.phase);
  const row = treeRow(page, `${topic.title}, `);
  const selected = row.and(page.locator('[aria-selected="true"]'));
  const rendered = renderedTopic(page, topic);
  for (let attempt = 1; ; attempt++) {
    await row.waitFor();
    await row.scrollIntoViewIfNeeded();
    await settleList(page);
    if ((await selected.count()) > 0) throw new Error(`the row of "${topic.title}" is selected already; open another topic first`);
    for (const frame of page.frames()) {
      if (
        (await frame
          .locator(`article[data-topic="${topic.id}"]`)
          .count()
          .catch(() => 0)) > 0
      )
        throw new Error(`"${topic.title}" is shown already; open another topic first`);
    }
    const box = await row.boundingBox();
    if (!box) throw new Error(`the row of "${topic.title}" is not on screen`);
    // On the label, clear of the inline actions at the row's right end.
    await page.mouse.move(box.x + Math.min(box.width / 3, 120), box.y + box.height / 2);
    const start = performance.now();
    await page.mouse.down();
    await page.mouse.up();
    let selectedMs: number | undefined;
    for (;;) {
      const elapsed = performance.now() - start;
      if (selectedMs === undefined && (await selected.count()) > 0) selectedMs = performance.now() - start;
      if (selectedMs !== undefined && (await rendered.isVisible())) return { topicId, selectedMs, renderedMs: performance.now() - start };
      // A row redrawn under the pointer was never clicked: take the sample again.
      if (selectedMs === undefined && elapsed > 5_000) break;
      if (elapsed > 30_000) throw new Error(`"${topic.title}" (${topic.id}) was not shown within 30 s of a click on its row`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    if (attempt === 3) throw new Error(`three clicks on the row of "${topic.title}" did not select it`);
  }
}
