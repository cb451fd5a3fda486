// Accessibility audits of our webviews with axe-core (WCAG 2.1 A and AA rules), run inside the
// page's frame. Playwright evaluates over the DevTools protocol, which the webview's CSP does not
// govern, so nothing in the extension is loosened for the audit.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Audits the frame's document; fails on any serious or critical violation, printing each. */
export async function expectNoSeriousA11yViolations(frame: Frame, what: string): Promise<void> {
  const loaded = await frame.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await frame.evaluate(axeSource);
  const { violations, passed } = await frame.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[]; passes: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: result.violations as Violation[], passed: result.passes.length };
  });
  // An audit that checked nothing would pass anything.
  assert.ok(passed > 5, `axe-core ran on ${what} (${passed} rules passed)`);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (v: Violation) =>
    `${v.impact ?? '?'} ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
      .join('\n')}`;
  const minor = violations.filter((v) => !serious.includes(v));
  console.log(
    `      axe (${what}): ${passed} rules passed, ${serious.length} serious or critical, ${minor.length} minor or moderate${minor.length ? ` (${minor.map((v) => v.id).join(', ')})` : ''}`,
  );
  assert.equal(
    serious.length,
    0,
    `axe-core found serious or critical WCAG 2.1 AA violations on ${what}:\n${serious.map(describe).join('\n')}`,
  );
}
