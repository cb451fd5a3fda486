// Person-like helpers for driving the code-server workbench with playwright-core and Debian's Chromium.
import * as assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import type { Browser, Frame, FrameLocator, Locator, Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench .activitybar', { timeout: 90_000 });
}

export function treeRow(page: Page, labelStart: string) {
  return page.locator(`.monaco-list-row[aria-label^="${labelStart}"]`).first();
}

/** The topic webview's content frame (webviews are nested iframes in the workbench). */
export function topicFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  // Click the row whose label is exactly the command, not a longer one that merely starts with it.
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
    .first();
  // The workbench can close the palette under us (a settings reload, a notification taking focus);
  // a person would simply open it again.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      // The palette's own input (value ">"), not a picker still closing, whose input would vanish under the fill.
      await page.waitForFunction(
        () => {
          const el = document.querySelector<HTMLInputElement>('.quick-input-widget input.input');
          return !!el && el.offsetParent !== null && el.value.startsWith('>');
        },
        undefined,
        { timeout: 5_000 },
      );
      await input.fill(`>${title}`, { timeout: 5_000 });
      // Prefer Enter on the highlighted row once it is exactly the command: a mouse click can land on
      // a row the list is still re-rendering as it filters. Fall back to clicking the exact row.
      const highlighted = row.and(page.locator('.monaco-list-row.focused'));
      if (
        await highlighted.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      )
        await page.keyboard.press('Enter');
      else await row.click({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) {
        const rows = await page
          .locator('.quick-input-list .monaco-list-row')
          .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
        await page.screenshot({ path: 'runCommand-failure.png' }).catch(() => undefined);
        throw new Error(
          `"${title}" was not offered by the command palette (rows: ${JSON.stringify(rows)}); screenshot in runCommand-failure.png\n${String(e)}`,
          { cause: e },
        );
      }
      await page.keyboard.press('Escape');
      await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .catch(() => undefined);
      // Keys typed while a webview has focus may never reach the workbench: click back into it, on
      // the side bar's title text (its middle holds action buttons, which would open other pickers).
      await page
        .locator('.part.sidebar .composite.title .title-label h2')
        .first()
        .click({ timeout: 5_000 })
        .catch(() => undefined);
    }
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function quickOpen(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: file }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Runs a palette command that opens a picker, then picks `text` in it. If the picker never shows
 * (the workbench can swallow the command while it re-renders), a person would run the command
 * again; so does this, up to three times.
 */
export async function pickFromCommand(page: Page, command: string, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: text }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await runCommand(page, command);
      // The palette's own input (value ">…") may still be closing; wait for the picker it opened.
      await page.waitForFunction(
        () => {
          const el = document.querySelector<HTMLInputElement>('.quick-input-widget input.input');
          return !!el && el.offsetParent !== null && !el.value.startsWith('>');
        },
        undefined,
        { timeout: 5_000 },
      );
      // Long lists render only the visible rows, so filter first, as a person would.
      await input.fill(text, { timeout: 5_000 });
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.click({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw new Error(`"${command}" never offered "${text}"\n${String(e)}`, { cause: e });
      await page.keyboard.press('Escape');
    }
  }
}

/** The extension's status-bar item (`$(milestone) 17%`). */
export function statusBar(page: Page): Locator {
  return page.locator('#backend-roadmap\\.backend-roadmap\\.backendRoadmap\\.progress');
}

/** Expands a tree row if it is collapsed; a plain click would collapse an expanded one. */
export async function expandRow(page: Page, labelStart: string): Promise<void> {
  await toggleRow(page, labelStart, true);
}

/** Collapses a tree row if it is expanded. */
export async function collapseRow(page: Page, labelStart: string): Promise<void> {
  await toggleRow(page, labelStart, false);
}

async function toggleRow(page: Page, labelStart: string, expand: boolean): Promise<void> {
  const rows = page.locator(`.monaco-list-row[aria-label^="${labelStart}"]`);
  const done = rows.and(page.locator(`[aria-expanded="${expand}"]`)).first();
  const toggle = rows.and(page.locator(`[aria-expanded="${!expand}"]`)).first();
  await rows.first().waitFor();
  // The tree may redraw the row under the click; look again and retry, as a person would.
  for (let attempt = 1; ; attempt++) {
    await settleList(page);
    if ((await done.count()) > 0) return;
    await toggle.click({ timeout: 5_000 }).catch(() => undefined);
    if (
      await done.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (attempt === 3) throw new Error(`the tree row "${labelStart}" did not ${expand ? 'expand' : 'collapse'}`);
  }
}

/**
 * Waits until the side bar's DOM has been quiet for `quietMs`: a tree that is still redrawing
 * (a filter, a status change) replaces the row under a click. Best effort: a side bar that never
 * settles is left to the click's own retries.
 */
export async function settleList(page: Page, quietMs = 300): Promise<void> {
  await page
    .waitForFunction(
      (quiet) => {
        interface Quiet {
          target: Element;
          since: number;
        }
        const w = window as Window & { __e2eQuiet?: Quiet };
        const target = document.querySelector('.part.sidebar');
        if (!target) return false;
        if (w.__e2eQuiet?.target !== target) {
          const state: Quiet = { target, since: Date.now() };
          new MutationObserver(() => (state.since = Date.now())).observe(target, {
            subtree: true,
            childList: true,
            attributes: true,
            attributeFilter: ['aria-label', 'aria-expanded', 'style'],
          });
          w.__e2eQuiet = state;
          return false;
        }
        return Date.now() - w.__e2eQuiet.since >= quiet;
      },
      quietMs,
      { polling: 100, timeout: 10_000 },
    )
    .catch(() => undefined);
}

/** Clicks a tree row once the tree is still; a row redrawn under the click is found again and clicked. */
export async function clickRow(page: Page, labelStart: string, options: { button?: 'left' | 'right' } = {}): Promise<void> {
  const row = treeRow(page, labelStart);
  await row.waitFor();
  for (let attempt = 1; ; attempt++) {
    await settleList(page);
    try {
      await row.click({ ...options, timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** Clicks one of a row's inline actions, which show only while the row is hovered. */
export async function clickRowAction(page: Page, labelStart: string, action: string): Promise<void> {
  const row = treeRow(page, labelStart);
  await row.waitFor();
  for (let attempt = 1; ; attempt++) {
    await settleList(page);
    try {
      await row.hover({ timeout: 5_000 });
      await row.locator(`.action-label[aria-label="${action}"]`).click({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/**
 * Right-clicks a row and runs a context-menu item. VS Code's menus ignore Playwright's instant
 * synthetic click; hover and Enter is what a keyboard user does. A menu lost to a redraw is opened again.
 */
export async function chooseRowMenuItem(page: Page, labelStart: string, item: RegExp): Promise<void> {
  const menuItem = page.getByRole('menuitem', { name: item });
  for (let attempt = 1; ; attempt++) {
    try {
      await clickRow(page, labelStart, { button: 'right' });
      await menuItem.hover({ timeout: 5_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Shows the Roadmap view from its activity-bar icon, unless it is shown already (a click on the
 * active icon would hide it). After a reload the view may still be coming back: given a moment first.
 */
export async function showRoadmap(page: Page): Promise<void> {
  const phase = page.locator('.part.sidebar .monaco-list-row[aria-label*="topics done"]').first();
  if (
    await phase.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    )
  )
    return;
  // The item, not its link: a badge (activation progress, topics in progress) lies over the link.
  const item = page.locator('.activitybar .action-item').filter({ has: page.locator('a.action-label[aria-label^="Backend Roadmap"]') });
  if (!(await item.evaluate((el) => el.classList.contains('checked')))) await item.click();
  await phase.waitFor();
}

/** Opens a topic from the tree and waits for its page. */
export async function openTopic(page: Page, phase: string, topic: string): Promise<void> {
  await showRoadmap(page);
  await expandRow(page, phase);
  await clickRow(page, topic);
  await topicFrame(page).locator('h1', { hasText: topic }).waitFor();
}

const statusCommands = {
  Done: 'Backend Roadmap: Mark Topic Done',
  'In progress': 'Backend Roadmap: Mark Topic In Progress',
  Skipped: 'Backend Roadmap: Skip Topic',
  'Not started': 'Backend Roadmap: Reset Topic to Not Started',
} as const;
export type StatusLabel = keyof typeof statusCommands;

/**
 * Gives a topic a status unless the tree already shows it, so a test need not rely on an earlier
 * one. Untouched when already right: a needless write could race a test's own edit of the file.
 */
export async function ensureTopicStatus(page: Page, phase: string, topic: string, status: StatusLabel): Promise<void> {
  await showRoadmap(page);
  await expandRow(page, phase);
  const row = treeRow(page, `${topic},`);
  await row.waitFor();
  await settleList(page);
  if (((await row.getAttribute('aria-label')) ?? '').startsWith(`${topic}, ${status}`)) return;
  await pickFromCommand(page, statusCommands[status], topic);
  await treeRow(page, `${topic}, ${status}`).waitFor();
}

/** Ticks a webview checkbox unless it is ticked already. */
export async function ensureChecked(box: Locator): Promise<void> {
  await box.waitFor();
  if ((await box.getAttribute('checked')) === null) await box.click();
  await expectAttribute(box, 'checked', '');
}

/** Clears every notification, so a later wait sees only new ones. */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await expectCount(page.locator('.notification-toast'), 0);
}

/**
 * Runs `fn` with the notification center open, reading its messages. The center holds every
 * notification of the window: toasts hide after 10-15 s and only three show at once, so a toast
 * may be gone before anyone looks.
 */
async function withNotificationCenter<T>(page: Page, fn: (messages: () => Promise<string[]>) => Promise<T>): Promise<T> {
  const center = page.locator('.notifications-center');
  const header = center.locator('.notifications-center-header');
  try {
    // The command can land while an editor opening (after a scaffold) takes focus and closes the
    // palette, so it never runs; wait for the center itself and ask again if it did not open.
    for (let attempt = 1; ; attempt++) {
      await runCommand(page, 'Notifications: Show Notifications');
      if (
        await header.waitFor({ timeout: 10_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      if (attempt === 3) await header.waitFor({ timeout: 1 });
    }
    return await fn(() => center.locator('.notification-list-item-message').evaluateAll((els) => els.map((el) => el.textContent ?? '')));
  } finally {
    // Open, the center covers the editors a later click may need.
    await runCommand(page, 'Notifications: Hide Notifications').catch(() => undefined);
    await center
      .locator('.notifications-center-header')
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => undefined);
  }
}

/** Every notification message the window holds now (shown as a toast or not). */
export async function notificationTexts(page: Page): Promise<string[]> {
  return withNotificationCenter(page, (messages) => messages());
}

/** Waits for a notification whose text passes `matches`, and returns that text. */
export async function expectNotification(
  page: Page,
  matches: (text: string) => boolean,
  description: string,
  options: { timeoutMs?: number; giveUpIf?: () => Promise<string | undefined> } = {},
): Promise<string> {
  return withNotificationCenter(page, (messages) =>
    eventually(
      async () => {
        const wrong = await options.giveUpIf?.();
        if (wrong !== undefined) throw new GiveUp(wrong);
        const texts = await messages();
        const hit = texts.find(matches);
        assert.ok(hit !== undefined, `no notification ${description}; the center shows ${JSON.stringify(texts)}`);
        return hit;
      },
      `a notification ${description}`,
      options.timeoutMs ?? 30_000,
    ),
  );
}

/** Thrown inside `eventually` to stop waiting at once: the state went wrong and cannot turn right. */
export class GiveUp extends Error {}

/**
 * Polls `fn` until it resolves, then returns its value. On timeout throws the last error (an
 * assertion's actual/expected included), its message prefixed with `description`.
 */
export async function eventually<T>(fn: () => Promise<T>, description: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof GiveUp) throw e;
      last = e;
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, Math.min(wait, Math.max(1, deadline - Date.now()))));
  }
  const prefix = `${description} (waited ${timeoutMs / 1000} s)`;
  if (last instanceof Error) {
    last.message = `${prefix}: ${last.message}`;
    throw last;
  }
  throw new Error(`${prefix}: ${String(last)}`);
}

// Reads inside a poll get short timeouts, so one slow read cannot eat the whole wait.
const readTimeout = { timeout: 2_000 };

export async function expectCount(locator: Locator, n: number, what = `count of ${locator.toString()}`, timeoutMs?: number): Promise<void> {
  await eventually(async () => assert.equal(await locator.count(), n, what), `${locator.toString()} to count ${n}`, timeoutMs);
}

export async function expectMinCount(
  locator: Locator,
  n: number,
  what = `count of ${locator.toString()}`,
  timeoutMs?: number,
): Promise<void> {
  await eventually(
    async () => {
      const got = await locator.count();
      assert.ok(got >= n, `${what}: ${got}, expected at least ${n}`);
    },
    `${locator.toString()} to count at least ${n}`,
    timeoutMs,
  );
}

/** Waits for the text to match; no-break spaces (Monaco renders spaces as them) count as spaces. */
export async function expectText(locator: Locator, re: RegExp, timeoutMs?: number): Promise<string> {
  return eventually(
    async () => {
      const text = (await locator.innerText(readTimeout)).replace(/\u00a0/g, ' ');
      assert.match(text, re);
      return text;
    },
    `${locator.toString()} to show ${re}`,
    timeoutMs,
  );
}

/** Waits for an attribute to equal `want` (null: absent) or match it. */
export async function expectAttribute(locator: Locator, name: string, want: string | RegExp | null, timeoutMs?: number): Promise<void> {
  await eventually(
    async () => {
      const got = await locator.getAttribute(name, readTimeout);
      if (want instanceof RegExp) assert.match(got ?? '', want, `${name} of ${locator.toString()}`);
      else assert.equal(got, want, `${name} of ${locator.toString()}`);
    },
    `${name} of ${locator.toString()} to be ${String(want)}`,
    timeoutMs,
  );
}

/** Waits for a value read from the page (a computed style, a file) to deep-equal `want`. */
export async function expectValue<T>(read: () => Promise<T>, want: T, description: string, timeoutMs?: number): Promise<void> {
  await eventually(async () => assert.deepEqual(await read(), want, description), description, timeoutMs);
}

/**
 * Reloads like a person: "Developer: Reload Window" runs VS Code's shutdown, which saves the editor
 * layout first. A bare page reload may drop it, since the browser flushes storage on unload only best-effort.
 */
export async function reloadWindow(page: Page): Promise<void> {
  // Playwright dismisses dialogs by default, and a dismissed beforeunload prompt cancels the reload.
  const accept = (d: { type(): string; accept(): Promise<void> }) => void (d.type() === 'beforeunload' ? d.accept() : undefined);
  page.on('dialog', accept);
  try {
    // A settings change applied live can re-render the workbench and swallow the command; a person
    // would notice nothing happened and run it again.
    for (let attempt = 1; ; attempt++) {
      const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 30_000 });
      await runCommand(page, 'Developer: Reload Window');
      const ok = await navigated.then(
        () => true,
        (e: unknown) => {
          if (attempt === 3) throw e;
          return false;
        },
      );
      if (ok) break;
      await page.keyboard.press('Escape');
    }
  } finally {
    page.off('dialog', accept);
  }
  await page.waitForSelector('.monaco-workbench .activitybar', { timeout: 90_000 });
}

/**
 * The webview content frame holding `selector`. With several webviews open (a topic and the
 * dashboard), frame locators by class are ambiguous; the content tells them apart.
 */
export async function frameWith(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      if (
        (await frame
          .locator(selector)
          .count()
          .catch(() => 0)) > 0
      )
        return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame shows ${selector}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
