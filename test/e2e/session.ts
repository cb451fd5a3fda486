// One E2E session: a fresh workspace and profile, the packaged VSIX installed into code-server, and a
// Chromium page on the workbench. Shared by the suites that drive the workbench like a learner.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureCodeServer, extensionHostLog, installExtension, makeProfile, repoRoot, startCodeServer } from './codeServer';
import type { Profile, RunningCodeServer } from './codeServer';
import { launchBrowser, openWorkbench } from './workbench';

// E2E_VSIX: another build to test, e.g. an older commit's, to see a test fail for the right reason.
export const vsix = process.env.E2E_VSIX ?? path.join(repoRoot, 'dist', 'backend-roadmap.vsix');
// README screenshots are refreshed only on request, so a test run leaves the repo unchanged.
export const screenshots = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot, 'media', 'screenshots')
  : path.join(repoRoot, '.e2e', 'screenshots');
/** A quiet, dark workbench: no AI panel, no secondary side bar, no git prompts about parent folders. */
export const baseSettings = {
  'workbench.colorTheme': 'Default Dark Modern',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
};

export interface Session {
  root: string;
  workspace: string;
  profile: Profile;
  server: RunningCodeServer;
  browser: Browser;
  page: Page;
}

export interface SessionOptions {
  /** A folder prepared elsewhere (a hostile workspace) instead of a fresh `<root>/workspace`. */
  workspace?: string;
  /** false: the folder opens in Restricted Mode. */
  trusted?: boolean;
  /** User settings on top of baseSettings. */
  settings?: Record<string, unknown>;
  /** Environment for code-server and its extension host (e.g. the test clock). */
  env?: Record<string, string>;
}

export async function openSession(
  name: string,
  viewport: { width: number; height: number },
  prepareWorkspace: (workspace: string) => Promise<void> = async () => undefined,
  options: SessionOptions = {},
): Promise<Session> {
  assert.ok(existsSync(vsix), `${vsix} is missing: run npm run package first`);
  const root = path.join(repoRoot, '.e2e', `${name}-${process.pid}`);
  await fs.rm(root, { recursive: true, force: true });
  const workspace = options.workspace ?? path.join(root, 'workspace');
  await fs.mkdir(root, { recursive: true });
  await fs.mkdir(workspace, { recursive: true });
  await prepareWorkspace(workspace);
  const install = await ensureCodeServer();
  const profile = await makeProfile(root, { ...baseSettings, ...options.settings });
  await installExtension(install, profile, vsix);
  const server = await startCodeServer(install, profile, {
    trusted: options.trusted ?? true,
    ...(options.env ? { env: options.env } : {}),
  });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  await openWorkbench(page, server.url, workspace);
  await fs.mkdir(screenshots, { recursive: true });
  return { root, workspace, profile, server, browser, page };
}

/** Closes a session; after a failure (or with E2E_DEBUG) keeps a screenshot and prints the extension host log. */
export async function closeSession(session: Session | undefined, failed: boolean): Promise<void> {
  if (!session) return;
  if (failed || process.env.E2E_DEBUG) {
    await session.page.screenshot({ path: path.join(session.root, 'failure.png') }).catch(() => undefined);
    const log = await extensionHostLog(session.profile).catch(() => '');
    // Ours in full (it is short and says what the extension did), the host's last lines.
    const ours = log.split('== ').filter((part) => part.startsWith('Backend Roadmap.log'));
    console.error([...ours, log.split('\n').slice(-40).join('\n')].join('\n'));
  }
  await session.browser.close();
  await session.server.stop();
}
