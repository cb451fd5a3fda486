// npm run bench: prints a table of activation time, topic page opening, roadmap load, tree model
// build and sizes, each next to a baseline measured in the same run, timed rows with their spread
// (median, interquartile range, n), and whether each goal is met.
import { promises as fs, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compiledDetailsLoader, loadCompiledCatalog } from '../src/domain/roadmap/catalog';
import { compileRoadmaps, loadCatalog } from '../src/domain/roadmap/files';
import { validateRoadmap } from '../src/domain/roadmap/validate';
import { FileProgressAdapter } from '../src/domain/progress/fileAdapter';
import { nextUp } from '../src/domain/roadmap/nextUp';
import { emptyProgress, phaseTally, roadmapTally } from '../src/domain/progress/progress';
import { MementoAdapter, MemoryProgressAdapter, ProgressStore } from '../src/domain/progress/store';
import type { ProgressAdapter } from '../src/domain/progress/store';
import * as ops from '../src/domain/progress/ops';
import type { Roadmap } from '../src/domain/roadmap/schema';
import { loadRoadmap } from '../src/domain/roadmap/yaml';
import { allRows } from '../src/domain/roadmap/treeModel';
import type { ActivationSample } from './inHost';
import { formatSpread, spread } from './stats';
import type { Spread } from './stats';
import { JsonMemento, syntheticProgress, syntheticRoadmap } from './synthetic';
import { authoringTimes } from './authoring';
import { ensureCodeServer, installExtension, makeProfile, packageFixture, repoRoot, startCodeServer } from '../test/e2e/codeServer';
import { closeSession, openSession } from '../test/e2e/session';
import { measureTopicOpen, POLL_MS } from '../test/e2e/topicTiming';
import { expectCount, launchBrowser, openWorkbench, runCommand } from '../test/e2e/workbench';

/** Activation samples of each extension (each in its own extension host). */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/** Topic page samples of each kind (panel created, panel reused). */
const CLICKS = Number(process.env.BENCH_CLICKS ?? 16);
const ours = 'backend-roadmap.backend-roadmap';
const hello = 'backend-roadmap-tests.hello-world';
const benchRoot = path.join(repoRoot, '.e2e', `bench-${process.pid}`);

/** Times `fn` `iterations` times after one warm-up call. */
async function time(fn: () => unknown | Promise<unknown>, iterations: number): Promise<Spread> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return spread(samples);
}

const minimalRoadmap = `schemaVersion: 1
id: tiny
title: Tiny
description: One topic, the baseline input.
phases:
  - id: only
    title: Only phase
    topics:
      - id: only-topic
        title: Only topic
        summary: A single topic.
        why: Baseline.
        estimatedHours: 1
        checklist: [{ id: one, text: One item. }]
        resources: [{ title: Docs, url: "https://example.org", type: docs }]
`;

/**
 * Cold activation of ours and of hello-world, alternating (ours, hello, ours, …) so a drift in the
 * machine's load hits both. One code-server with a fresh profile; every sample runs in its own
 * extension host process: the harness extension takes one sample per host (require of the bundle +
 * activate(), timed inside the host), then reloads the window, for which code-server starts a new
 * extension host (it has no Restart Extension Host command). The first host only warms up.
 */
async function activationTimes(): Promise<{ ours: number[]; hello: number[]; compileCache: string[] }> {
  const install = await ensureCodeServer();
  const root = path.join(benchRoot, 'activation');
  await fs.mkdir(path.join(root, 'workspace'), { recursive: true });
  const fixtures = path.join(benchRoot, 'fixtures');
  const vsixes = [
    path.join(repoRoot, 'dist', 'backend-roadmap.vsix'),
    path.join(fixtures, 'hello-world.vsix'),
    path.join(fixtures, 'harness.vsix'),
  ];
  const profile = await makeProfile(path.join(root, 'profile'), { 'git.openRepositoryInParentFolders': 'never' });
  for (const v of vsixes) await installExtension(install, profile, v);
  const plan = ['', ...Array.from({ length: 2 * RUNS }, (_, i) => (i % 2 === 0 ? ours : hello))];
  const report = path.join(root, 'samples.jsonl');
  const server = await startCodeServer(install, profile, {
    env: {
      BACKEND_ROADMAP_HARNESS: JSON.stringify({ script: path.join(repoRoot, 'dist', 'bench', 'inHost.js'), report }),
      BACKEND_ROADMAP_BENCH_PLAN: JSON.stringify(plan),
    },
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // Playwright dismisses dialogs, and a dismissed beforeunload prompt would cancel a reload.
    page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
    await openWorkbench(page, server.url, path.join(root, 'workspace'));
    const samples = await waitForSamples(report, plan.length, 60_000 + plan.length * 20_000);
    const pids = new Set(samples.map((x) => x.pid));
    if (pids.size !== samples.length)
      throw new Error(`activation samples shared an extension host (${samples.length} samples in ${pids.size} processes)`);
    samples.forEach((x, i) => {
      if (x.index !== i || x.id !== plan[i])
        throw new Error(`activation sample ${i} is ${JSON.stringify(x)}, expected ${plan[i] || 'the warm-up'}`);
    });
    const timed = samples.slice(1);
    return {
      ours: timed.filter((x) => x.id === ours).map((x) => x.ms),
      hello: timed.filter((x) => x.id === hello).map((x) => x.ms),
      compileCache: [...new Set(timed.map((x) => x.compileCache).filter((c): c is string => !!c))],
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Waits until the report holds `count` samples; a harness error (written instead of a sample) fails at once. */
async function waitForSamples(report: string, count: number, timeoutMs: number): Promise<ActivationSample[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await fs.readFile(report, 'utf8').catch(() => '');
    const lines = text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as ActivationSample & { harnessError?: string });
    const error = lines.find((l) => l.harnessError);
    if (error) throw new Error(`activation harness failed: ${error.harnessError}`);
    if (lines.length >= count) return lines;
    if (Date.now() > deadline) throw new Error(`only ${lines.length} of ${count} activation samples after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Topics of the first phase, none in Next up's first rows; consecutive clicks always change topic. */
const clickTopics = ['tcp-and-udp', 'dns', 'http-basics', 'browsers'];

/**
 * Click on a topic row until that topic's page shows (measureTopicOpen, as the E2E test uses it), in
 * pairs: with every editor closed first (the panel and its webview are created), then another topic
 * with that panel open (the page is replaced). Pairs interleave the two kinds, so load drifts hit both.
 */
async function topicOpenTimes(): Promise<{
  created: { rendered: number[]; selected: number[] };
  reused: { rendered: number[]; selected: number[] };
}> {
  const session = await openSession('bench-topic', { width: 1400, height: 880 });
  const { page } = session;
  let failed = true;
  try {
    const created = { rendered: [] as number[], selected: [] as number[] };
    const reused = { rendered: [] as number[], selected: [] as number[] };
    // Warm-up: the first open of the window also loads the view and the panel code once.
    await measureTopicOpen(page, clickTopics[3] ?? '');
    for (let i = 0; i < CLICKS; i++) {
      await runCommand(page, 'View: Close All Editors');
      await expectCount(page.locator('iframe.webview'), 0);
      const first = await measureTopicOpen(page, clickTopics[(2 * i) % clickTopics.length] ?? '');
      created.rendered.push(first.renderedMs);
      created.selected.push(first.selectedMs);
      const second = await measureTopicOpen(page, clickTopics[(2 * i + 1) % clickTopics.length] ?? '');
      reused.rendered.push(second.renderedMs);
      reused.selected.push(second.selectedMs);
    }
    failed = false;
    return { created, reused };
  } finally {
    await closeSession(session, failed);
  }
}

/** 1,000 clicks on checklist items of 10 topics, some unticking again, as a fast learner makes them. */
const toggles = Array.from({ length: 1000 }, (_, i) => ({
  topicId: `topic-${i % 10}`,
  itemId: `item-${i % 7}`,
  checked: (i * 7 + Math.floor(i / 13)) % 3 !== 0,
}));

/** What the stored progress must hold after `toggles`: per topic, the items whose last toggle ticked them. */
function expectedChecked(): Map<string, Set<string>> {
  const last = new Map<string, boolean>();
  for (const t of toggles) last.set(`${t.topicId}\0${t.itemId}`, t.checked);
  const want = new Map<string, Set<string>>();
  for (const [key, checked] of last) {
    const [topicId = '', itemId = ''] = key.split('\0');
    const items = want.get(topicId) ?? new Set<string>();
    if (checked) items.add(itemId);
    want.set(topicId, items);
  }
  return want;
}

/**
 * Median time for `toggles` applied without awaiting each (rapid clicks) plus `flush()`, on a fresh
 * adapter each run (not timed: making it and opening the store). Afterwards a store reopened on the
 * same adapter must show every toggle applied, or the benchmark fails.
 */
async function timeToggles(name: string, makeAdapter: (run: number) => Promise<ProgressAdapter>, iterations: number): Promise<Spread> {
  const want = expectedChecked();
  const samples: number[] = [];
  for (let run = -1; run < iterations; run++) {
    const adapter = await makeAdapter(run + 1); // run -1 is the warm-up
    const { store } = await ProgressStore.open(adapter);
    const t = performance.now();
    const writes = toggles.map((x) => store.update(ops.setItem(x.topicId, x.itemId, x.checked)));
    await store.flush();
    const ms = performance.now() - t;
    await Promise.all(writes);
    store.dispose();
    const { store: reopened, warnings } = await ProgressStore.open(adapter);
    if (warnings.length > 0) throw new Error(`${name}: reopening the store warned: ${warnings.join('; ')}`);
    for (const [topicId, items] of want) {
      const got = [...(reopened.data.topics[topicId]?.checked ?? [])].sort();
      const expected = [...items].sort();
      if (got.join() !== expected.join())
        throw new Error(`${name}: toggles lost for ${topicId}: stored [${got.join(', ')}], expected [${expected.join(', ')}]`);
      if (reopened.status(topicId) !== 'inProgress')
        throw new Error(`${name}: ${topicId} is ${reopened.status(topicId)} after ticking items, expected inProgress`);
    }
    reopened.dispose();
    if (run >= 0) samples.push(ms);
  }
  return spread(samples);
}

interface ScaleTimes {
  rows: number;
  load: Spread;
  tree: Spread;
  tally: Spread;
  next: Spread;
}

/** Load, tree rows, percentages and next-up on a generated roadmap of `topics` topics with ~30% progress. */
async function scaleTimes(topics: number): Promise<ScaleTimes> {
  const text = JSON.stringify(syntheticRoadmap(topics));
  const load = (): Roadmap => {
    const result = validateRoadmap(JSON.parse(text), `synthetic-${topics}.json`);
    if (!result.ok)
      throw new Error(
        `synthetic ${topics}-topic roadmap invalid: ${result.problems
          .slice(0, 3)
          .map((p) => p.message)
          .join('; ')}`,
      );
    return result.value;
  };
  const roadmap = load();
  const data = syntheticProgress(topics);
  const tallies = () => [roadmapTally(roadmap, data), ...roadmap.phases.map((p) => phaseTally(p, data))];
  const [total] = tallies();
  if (total?.done !== topics * 0.2 || total.inProgress !== topics * 0.1)
    throw new Error(`synthetic ${topics}-topic progress tallied wrong: ${JSON.stringify(total)}`);
  if (nextUp(roadmap, data).length !== 5) throw new Error(`synthetic ${topics}-topic roadmap: next-up found fewer than 5 topics`);
  return {
    rows: allRows(roadmap, data).length,
    load: await time(load, 15),
    tree: await time(() => allRows(roadmap, data), 50),
    tally: await time(tallies, 50),
    next: await time(() => nextUp(roadmap, data), 50),
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** One table row: what was measured, ours, the baseline beside it, the ratio and the goal (if any). */
type Row = [metric: string, ours: string, baseline: string, ratio: string, goal: string];

interface Goal {
  text: string;
  met: boolean;
  detail: string;
}

const VSIX_GOAL_BYTES = 1_000_000;
const TOPIC_GOAL_MS = 150;
const ACTIVATION_GOAL_RATIO = 1.5;
const DIAGNOSTICS_GOAL_MS = 100;

async function main(): Promise<void> {
  const rows: Row[] = [];
  const goals: Goal[] = [];
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '—');
  const timed = (metric: string, a: Spread, b: Spread, baseline: string, goal = '') =>
    rows.push([metric, formatSpread(a), `${formatSpread(b)} (${baseline})`, ratio(a.median, b.median), goal]);
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

  await fs.rm(benchRoot, { recursive: true, force: true });
  const fixtures = path.join(benchRoot, 'fixtures');
  await fs.mkdir(fixtures, { recursive: true });
  await packageFixture('hello-world', fixtures);
  await packageFixture('harness', fixtures);

  const act = await activationTimes();
  const a = spread(act.ours);
  const h = spread(act.hello);
  const activationMet = a.median <= ACTIVATION_GOAL_RATIO * h.median;
  timed(
    'activation in code-server: cold, a new extension host per sample (bundle require + activate(), timed in the host)',
    a,
    h,
    'hello-world',
    `≤ ${ACTIVATION_GOAL_RATIO}× hello-world: ${verdict(activationMet)}`,
  );
  goals.push({
    text: `activation median ≤ ${ACTIVATION_GOAL_RATIO}× hello-world median`,
    met: activationMet,
    detail: `${a.median.toFixed(1)} ms vs ${h.median.toFixed(1)} ms = ${(a.median / h.median).toFixed(2)}×`,
  });

  const topicOpen = await topicOpenTimes();
  const topicRows: [string, { rendered: number[]; selected: number[] }][] = [
    ['panel open', topicOpen.reused],
    ['panel created (editors closed first)', topicOpen.created],
  ];
  for (const [kind, samples] of topicRows) {
    const rendered = spread(samples.rendered);
    const met = rendered.median <= TOPIC_GOAL_MS;
    timed(
      `topic page, ${kind}: click on its tree row → its article + h1 in the webview (test-side performance.now(), mouse press → locator found, polled every ${POLL_MS} ms)`,
      rendered,
      spread(samples.selected),
      'same clicks → the row shows selected',
      `≤ ${TOPIC_GOAL_MS} ms: ${verdict(met)}`,
    );
    goals.push({ text: `topic page median ≤ ${TOPIC_GOAL_MS} ms (${kind})`, met, detail: `${rendered.median.toFixed(0)} ms` });
  }

  const roadmapsDir = path.join(repoRoot, 'roadmaps');
  const catalog = await loadCatalog(roadmapsDir);
  const backend = catalog.roadmaps[0];
  if (!backend) throw new Error('no bundled roadmap loaded');
  const topics = backend.roadmap.phases.flatMap((p) => p.topics).length;
  const compiledFile = path.join(benchRoot, 'roadmaps.json');
  const detailsFile = path.join(benchRoot, 'topics.json');
  const compiled = await compileRoadmaps(roadmapsDir);
  await fs.writeFile(compiledFile, JSON.stringify(compiled.index));
  await fs.writeFile(detailsFile, JSON.stringify(compiled.details));
  const exercisesDir = path.join(roadmapsDir, 'exercises');
  const readParse = (file: string) => async () => JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  timed(
    `roadmap index load at activation (compiled JSON, ${catalog.roadmaps.length} roadmaps, ${topics} topics, validated at build time)`,
    await time(() => loadCompiledCatalog(compiledFile, exercisesDir), 20),
    await time(readParse(compiledFile), 20),
    'reading + JSON.parse of the same file',
  );
  const firstTopic = backend.roadmap.phases[0]?.topics[0]?.id ?? '';
  timed(
    'topic details, first page (dist/topics.json read once)',
    await time(() => compiledDetailsLoader(detailsFile)(firstTopic), 20),
    await time(readParse(detailsFile), 20),
    'reading + JSON.parse of the same file',
  );
  timed(
    'roadmap load + validate from YAML (build, tests)',
    await time(() => loadCatalog(roadmapsDir), 20),
    await time(() => loadRoadmap(minimalRoadmap, 'tiny.yaml'), 20),
    '1-topic roadmap',
  );

  const data = emptyProgress();
  for (const [i, t] of backend.roadmap.phases.flatMap((p) => p.topics).entries()) {
    data.topics[t.id] = { status: i % 3 === 0 ? 'done' : undefined, checked: t.checklist.slice(0, 1).map((c) => c.id), updatedAt: '' };
  }
  const tiny = loadRoadmap(minimalRoadmap, 'tiny.yaml');
  if (!tiny.ok) throw new Error('baseline roadmap invalid');
  timed(
    `tree rows build (${allRows(backend.roadmap, data).length} rows, as a refresh computes them)`,
    await time(() => allRows(backend.roadmap, data), 200),
    await time(() => allRows(tiny.value, emptyProgress()), 200),
    '1-topic roadmap',
  );

  const big = await scaleTimes(5000);
  const small = await scaleTimes(500);
  const grows = (x: (s: ScaleTimes) => Spread, label: string) => timed(label, x(big), x(small), '500 topics');
  grows((s) => s.load, 'synthetic 5,000-topic roadmap: JSON.parse + validateRoadmap (10 phases)');
  grows((s) => s.tree, `synthetic 5,000-topic roadmap: tree rows build (${big.rows.toLocaleString('en')} rows)`);
  grows((s) => s.tally, 'synthetic 5,000-topic roadmap: percentages (roadmapTally + 10 phaseTally)');
  grows((s) => s.next, 'synthetic 5,000-topic roadmap: next-up (5 suggestions)');

  const authoring = await authoringTimes(repoRoot);
  const diagnosticsMet = authoring.bundled.median <= DIAGNOSTICS_GOAL_MS;
  timed(
    `authoring: diagnostics for a bundled-size workspace roadmap (${authoring.bundledTopics} topics, ${authoring.bundledKb.toFixed(0)} KB), after the ${authoring.debounceMs} ms typing pause`,
    authoring.bundled,
    authoring.bundledParse,
    'yaml parseDocument of the same text',
    `≤ ${DIAGNOSTICS_GOAL_MS} ms: ${verdict(diagnosticsMet)}`,
  );
  goals.push({
    text: `diagnostics ≤ ${DIAGNOSTICS_GOAL_MS} ms after the typing pause, bundled-size roadmap`,
    met: diagnosticsMet,
    detail: `median ${authoring.bundled.median.toFixed(1)} ms`,
  });
  timed(
    `authoring: diagnostics for a 5,000-topic workspace roadmap (${authoring.bigKb.toFixed(0)} KB), after the ${authoring.debounceMs} ms typing pause`,
    authoring.big,
    authoring.bigParse,
    'yaml parseDocument of the same text',
  );

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'backend-roadmap-bench-'));
  try {
    const memory = await timeToggles('MemoryProgressAdapter', async () => new MemoryProgressAdapter(), 15);
    const memento = await timeToggles('MementoAdapter', async () => new MementoAdapter(new JsonMemento()), 15);
    const file = await timeToggles(
      'FileProgressAdapter',
      async (run) => new FileProgressAdapter(tmp, path.join(tmp, `run-${run}`, 'progress.json')),
      15,
    );
    timed('1,000 checklist toggles persisted (MementoAdapter, async JSON memento)', memento, memory, 'MemoryProgressAdapter');
    timed(
      '1,000 checklist toggles persisted (FileProgressAdapter: lock + re-read per batch of queued writes)',
      file,
      memory,
      'MemoryProgressAdapter',
    );
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }

  const webviewBytes = ['topic.js', 'base.css', 'topic.css'].reduce(
    (n, f) => n + statSync(path.join(repoRoot, 'dist', 'webview', f)).size,
    0,
  );
  const codicons = ['codicon.css', 'codicon.ttf'].reduce((n, f) => n + statSync(path.join(repoRoot, 'dist', 'webview', f)).size, 0);
  rows.push([
    'webview bundle (topic.js + base.css + topic.css)',
    kb(webviewBytes),
    `${kb(codicons)} (codicon font + css it loads)`,
    ratio(webviewBytes, codicons),
    '',
  ]);
  const dashboardBytes = ['dashboard.js', 'base.css', 'dashboard.css'].reduce(
    (n, f) => n + statSync(path.join(repoRoot, 'dist', 'webview', f)).size,
    0,
  );
  rows.push([
    'dashboard webview bundle (dashboard.js + base.css + dashboard.css)',
    kb(dashboardBytes),
    `${kb(codicons)} (codicon font + css it loads)`,
    ratio(dashboardBytes, codicons),
    '',
  ]);
  const vsix = statSync(path.join(repoRoot, 'dist', 'backend-roadmap.vsix')).size;
  const helloVsix = statSync(path.join(fixtures, 'hello-world.vsix')).size;
  const vsixMet = vsix <= VSIX_GOAL_BYTES;
  rows.push([
    'VSIX size (dist/backend-roadmap.vsix)',
    `${kb(vsix)} (${vsix.toLocaleString('en')} bytes)`,
    `${kb(helloVsix)} (hello-world)`,
    ratio(vsix, helloVsix),
    `≤ 1 MB (${VSIX_GOAL_BYTES.toLocaleString('en')} bytes): ${verdict(vsixMet)}`,
  ]);
  goals.push({
    text: `VSIX ≤ 1 MB (${VSIX_GOAL_BYTES.toLocaleString('en')} bytes)`,
    met: vsixMet,
    detail: `${vsix.toLocaleString('en')} bytes`,
  });

  const header: Row = ['metric', 'Backend Roadmap', 'baseline (same run)', 'ratio', 'goal'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log("\nTimed rows: median (IQR = first–third quartile, n samples); ratio = our median / the baseline's median.");
  console.log(
    `Activation: one code-server, fresh profile; ${RUNS} samples of each, alternating ours/hello-world, each in a new extension host ` +
      `(window reloaded between samples, all ${2 * RUNS + 1} host pids distinct; the first host only warms up); each extension's ` +
      `getExtension(id).activate() timed inside its host after a 1 s settle. Node compile cache in the host: ${act.compileCache.length ? act.compileCache.join(', ') : 'none'}.`,
  );
  console.log(
    `Topic pages: ${CLICKS} pairs of clicks over ${clickTopics.join(', ')}, each pair one click with every editor closed and one with the panel open; after one warm-up click.`,
  );
  console.log(
    `\nactivation samples (ms), in the order taken: ours ${act.ours.map((x) => x.toFixed(1)).join(', ')}; hello-world ${act.hello.map((x) => x.toFixed(1)).join(', ')}`,
  );
  console.log('\nGoals:');
  for (const g of goals) console.log(`  ${g.met ? '[met]    ' : '[NOT met]'} ${g.text}: ${g.detail}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
