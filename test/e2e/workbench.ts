// Person-like helpers for driving the code-server workbench with playwright-core and Debian's Chromium.
import { chromium } from 'playwright-core';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first();
  // The workbench can close the palette under us (a settings reload, a notification taking focus);
  // a person would simply open it again.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`);
      // Prefer Enter on the highlighted row once it is exactly the command: a mouse click can land on
      // a row the list is still re-rendering as it filters. Fall back to clicking the exact row.
      const highlighted = row.and(page.locator('.monaco-list-row.focused'));
      if (await highlighted.waitFor({ timeout: 5_000 }).then(() => true, () => false)) await page.keyboard.press('Enter');
      else await row.click({ timeout: 10_000 });
      return;
    } catch (e) {
      if (attempt === 3) {
        const rows = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
        await page.screenshot({ path: 'runCommand-failure.png' }).catch(() => undefined);
        throw new Error(`"${title}" was not offered by the command palette (rows: ${JSON.stringify(rows)}); screenshot in runCommand-failure.png\n${String(e)}`);
      }
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      // Keys typed while a webview has focus may never reach the workbench: click back into it, on
      // the side bar's title text (its middle holds action buttons, which would open other pickers).
      await page.locator('.part.sidebar .composite.title .title-label h2').first().click({ timeout: 5_000 }).catch(() => undefined);
    }
  }
}

function escapeRegExp(s: string): string {
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
      await page.waitForFunction(() => {
        const el = document.querySelector<HTMLInputElement>('.quick-input-widget input.input');
        return !!el && el.offsetParent !== null && !el.value.startsWith('>');
      }, undefined, { timeout: 5_000 });
      // Long lists render only the visible rows, so filter first, as a person would.
      await input.fill(text, { timeout: 5_000 });
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.click({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw new Error(`"${command}" never offered "${text}"\n${String(e)}`);
      await page.keyboard.press('Escape');
    }
  }
}

export async function statusBarText(page: Page): Promise<string> {
  return (await page.locator('#backend-roadmap\\.backend-roadmap\\.backendRoadmap\\.progress').innerText()).trim();
}

/** Expands a tree row if it is collapsed; a plain click would collapse an expanded one. */
export async function expandRow(page: Page, labelStart: string): Promise<void> {
  const row = treeRow(page, labelStart);
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  await page.locator(`.monaco-list-row[aria-label^="${labelStart}"][aria-expanded="true"]`).first().waitFor();
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
      const ok = await navigated.then(() => true, (e: unknown) => {
        if (attempt === 3) throw e;
        return false;
      });
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
      if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame shows ${selector}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
