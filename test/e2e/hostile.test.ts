// Learners open strangers' repositories. Each variant opens a hostile workspace (see
// test/helpers/hostileWorkspace.ts) in code-server and walks activation, file mode, a scaffold and
// notes like a learner. The sentinel folder outside the workspace must stay byte for byte the same,
// and each refusal must name the link it refused.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  createHostileWorkspace,
  craftedTopics,
  hostileLinks,
  hostileLinkTargets,
  hostileProgressRelative,
  hostileSecret,
  snapshotTree,
} from '../helpers/hostileWorkspace';
import type { HostileLayout, HostileWorkspace } from '../helpers/hostileWorkspace';
import { repoRoot } from './codeServer';
import { closeSession, openSession } from './session';
import type { Session } from './session';
import {
  clearNotifications,
  escapeRegExp,
  eventually,
  expandRow,
  expectNotification,
  notificationTexts,
  openTopic,
  pickFromCommand,
  showRoadmap,
  topicFrame,
  treeRow,
} from './workbench';

interface Variant {
  slug: string;
  title: string;
  layouts: HostileLayout[];
  trusted: boolean;
}

// One code-server session per variant; layouts are combined wherever their links do not collide.
const variants: Variant[] = [
  {
    slug: 'links',
    title: 'trusted, with a planted temp-file link and exercise and notes links',
    layouts: ['tmpLink', 'exerciseLink', 'notesLink'],
    trusted: true,
  },
  { slug: 'dirlink', title: 'trusted, with .vscode/backend-roadmap a link', layouts: ['dirLink'], trusted: true },
  { slug: 'progresslink', title: 'trusted, with progress.json a link to a secret', layouts: ['progressLink'], trusted: true },
  {
    slug: 'restricted',
    title: 'in Restricted Mode, with every link that fits',
    layouts: ['tmpLink', 'progressLink', 'exerciseLink', 'notesLink'],
    trusted: false,
  },
];

/** A refusal naming `rel` as a symbolic link: the whole path, not a path beneath it or above it. */
function namesLink(rel: string): (text: string) => boolean {
  const token = new RegExp(`(?<![\\w./-])${escapeRegExp(rel)}(?![\\w/-]|\\.\\w)`);
  return (text) => text.includes('is a symbolic link') && token.test(text);
}

/** Workspace files (links not followed) whose content holds `needle`. */
async function filesHolding(root: string, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const [rel, kind] of await snapshotTree(root)) {
    if (kind === 'dir' || kind.startsWith('link:')) continue;
    const text = await fs.readFile(path.join(root, rel), 'utf8').catch(() => ''); // a lock file may be gone already
    if (text.includes(needle)) found.push(rel);
  }
  return found;
}

/** A modal dialog where a refusal belongs (an overwrite offer through a link): cancelled, and described. */
async function dialogInstead(page: Page): Promise<string | undefined> {
  const dialog = page.locator('.monaco-dialog-box');
  if (!(await dialog.isVisible())) return undefined;
  const text = await dialog.innerText().catch(() => '');
  // Cancel, as a careful learner would: nothing gets written through the link.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
  return `a dialog asked instead of refusing the link: ${JSON.stringify(text)}`;
}

/** Waits for the answer to a request that must be refused: a notification naming `rel`, never a dialog. */
async function expectRefusal(page: Page, rel: string): Promise<void> {
  // First whatever answers: a notification, or a modal dialog (which would also block the palette).
  await eventually(
    async () => {
      const answered = (await page.locator('.monaco-dialog-box').isVisible()) || (await page.locator('.notification-toast').count()) > 0;
      assert.ok(answered, 'neither a notification nor a dialog answered');
    },
    `an answer about ${rel}`,
    30_000,
  );
  const wrong = await dialogInstead(page);
  if (wrong !== undefined) assert.fail(wrong);
  await expectNotification(page, namesLink(rel), `saying "${rel}" is a symbolic link`, { giveUpIf: () => dialogInstead(page) });
}

for (const variant of variants) {
  describe(`E2E in code-server: a hostile workspace, ${variant.title}`, function () {
    this.timeout(240_000);
    const has = (layout: HostileLayout) => variant.layouts.includes(layout);
    // Only a trusted folder uses file mode, and only these layouts leave the crafted progress.json in place.
    const readsCraftedFile = variant.trusted && !has('dirLink') && !has('progressLink');
    let hostile: HostileWorkspace;
    let session: Session | undefined;
    let page: Page;
    let sentinelAtStart: Map<string, string>;
    let workspaceAtStart: Map<string, string>;
    let failed = false;
    const inWorkspace = (rel: string) => path.join(hostile.workspace, ...rel.split('/'));

    before(async function () {
      this.timeout(600_000);
      hostile = await createHostileWorkspace(variant.layouts, { parent: path.join(repoRoot, '.e2e', 'hostile-workspaces') });
      sentinelAtStart = await hostile.snapshot();
      workspaceAtStart = await snapshotTree(hostile.workspace);
      session = await openSession(`hostile-${variant.slug}`, { width: 1400, height: 900 }, undefined, {
        workspace: hostile.workspace,
        trusted: variant.trusted,
        // No trust prompt: the folder simply opens in Restricted Mode.
        settings: variant.trusted ? {} : { 'security.workspace.trust.startupPrompt': 'never' },
      });
      ({ page } = session);
    });

    afterEach(function () {
      if (this.currentTest?.state === 'failed') failed = true;
    });

    after(async function () {
      await closeSession(session, failed);
      // Unset when the fixture itself failed.
      const created = hostile as HostileWorkspace | undefined;
      if (failed) console.error(`    the hostile workspace is kept for a look: ${created?.base ?? '(not created)'}`);
      else await created?.cleanup();
    });

    /** The progress file, once it is a file of its own (not a link) and passes `check`. */
    const storedWhen = (
      check: (stored: { topics: Record<string, { status?: string }>; vanishedReported?: string[] }) => void,
      description: string,
    ) =>
      eventually(
        async () => {
          const file = inWorkspace(hostileProgressRelative);
          assert.ok((await fs.lstat(file)).isFile(), `${hostileProgressRelative} is a file of its own, not a link`);
          check(
            JSON.parse(await fs.readFile(file, 'utf8')) as { topics: Record<string, { status?: string }>; vanishedReported?: string[] },
          );
        },
        description,
        30_000,
      );

    /** These planted links are where the stranger left them: not renamed, replaced or removed. */
    const assertLinksInPlace = async (layouts: readonly HostileLayout[]) => {
      for (const layout of layouts.filter(has)) {
        const target = await fs.readlink(inWorkspace(hostileLinks[layout])).catch(() => 'no link there any more');
        assert.equal(
          target,
          path.join(hostile.sentinel, hostileLinkTargets[layout]),
          `${hostileLinks[layout]} still links to the sentinel's ${hostileLinkTargets[layout]}`,
        );
      }
    };
    const progressLinks: readonly HostileLayout[] = ['tmpLink', 'dirLink', 'progressLink'];

    const assertNoSecretInWorkspace = async () => {
      assert.deepEqual(
        await filesHolding(hostile.workspace, hostileSecret),
        [],
        'no workspace file holds the secret the progress.json link points at',
      );
    };

    it('activates with file mode on and shows the phases, writing nothing outside the workspace', async () => {
      await showRoadmap(page);
      await treeRow(page, 'Internet and the web, 0 of 16 topics done').waitFor();
      await treeRow(page, 'Frameworks and APIs, 0 of 17 topics done').waitFor();
      if (!variant.trusted) await page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor();
      await expandRow(page, 'Frameworks and APIs');
      if (readsCraftedFile) {
        // File mode read the crafted file...
        await treeRow(page, 'REST APIs, In progress, 1 of 6 checklist items').waitFor();
        // ...and wrote at once (the unknown topic, reported), through a temp file of its own.
        await storedWhen((s) => assert.deepEqual(s.vanishedReported, [craftedTopics.unknown]), 'the unknown topic recorded as reported');
      } else {
        await treeRow(page, 'REST APIs, Not started').waitFor();
      }
      // Restricted Mode keeps progress in workspace state: not a byte of the workspace changes.
      if (!variant.trusted) assert.deepEqual(await snapshotTree(hostile.workspace), workspaceAtStart);
      await assertLinksInPlace(variant.layouts);
      await assertNoSecretInWorkspace();
      assert.deepEqual(await hostile.snapshot(), sentinelAtStart);
    });

    it('file mode: a topic marked done stays done, and nothing is written through a link', async () => {
      const sentinelBefore = await hostile.snapshot();
      const workspaceBefore = await snapshotTree(hostile.workspace);
      await showRoadmap(page);
      await pickFromCommand(page, 'Backend Roadmap: Mark Topic Done', 'How the internet works');
      // Shown at once, even when it can only be kept in memory.
      await treeRow(page, 'Internet and the web, 1 of 16 topics done').waitFor();
      if (readsCraftedFile) {
        await storedWhen((s) => assert.equal(s.topics['how-the-internet-works']?.status, 'done'), 'How the internet works saved as done');
      }
      // Named once per link, at activation or at this write: the notification center has it either way.
      if (variant.trusted && has('dirLink'))
        await expectNotification(page, namesLink(hostileLinks.dirLink), `saying "${hostileLinks.dirLink}" is a symbolic link`);
      if (variant.trusted && has('progressLink'))
        await expectNotification(page, namesLink(hostileLinks.progressLink), `saying "${hostileLinks.progressLink}" is a symbolic link`);
      if (!variant.trusted) {
        assert.deepEqual(await snapshotTree(hostile.workspace), workspaceBefore, 'Restricted Mode writes nothing into the workspace');
        // File mode would have met the progress.json link at activation and said so.
        assert.deepEqual(
          (await notificationTexts(page)).filter((t) => t.includes('progress.json')),
          [],
          'Restricted Mode does not touch the progress file',
        );
      }
      await assertLinksInPlace(progressLinks);
      await assertNoSecretInWorkspace();
      assert.deepEqual(await hostile.snapshot(), sentinelBefore);
    });

    if (has('exerciseLink')) {
      it('refuses to scaffold express-route through exercises/express-route/src, naming the link', async () => {
        const sentinelBefore = await hostile.snapshot();
        await clearNotifications(page);
        await openTopic(page, 'Frameworks and APIs', 'REST APIs');
        await topicFrame(page).locator('vscode-button[data-exercise="express-route"]').click();
        await expectRefusal(page, hostileLinks.exerciseLink);
        await assertLinksInPlace(['exerciseLink']);
        assert.deepEqual(await hostile.snapshot(), sentinelBefore);
      });
    }

    if (has('notesLink')) {
      it('refuses to create notes through the notes link, naming it', async () => {
        const sentinelBefore = await hostile.snapshot();
        await clearNotifications(page);
        await pickFromCommand(page, 'Backend Roadmap: Open Notes', 'REST APIs');
        await expectRefusal(page, hostileLinks.notesLink);
        await assertLinksInPlace(['notesLink']);
        assert.deepEqual(await hostile.snapshot(), sentinelBefore);
      });
    }
  });
}
