// npm run bench: prints a table of activation time, roadmap load, tree model build and sizes,
// each next to a baseline measured in the same run.
import { promises as fs, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCompiledCatalog } from '../src/domain/roadmap/catalog';
import { compileRoadmaps, loadCatalog } from '../src/domain/roadmap/files';
import { validateRoadmap } from '../src/domain/roadmap/validate';
import { parse } from 'yaml';
import { FileProgressAdapter } from '../src/domain/progress/fileAdapter';
import { nextUp } from '../src/domain/roadmap/nextUp';
import { emptyProgress, phaseTally, roadmapTally } from '../src/domain/progress/progress';
import { MementoAdapter, MemoryProgressAdapter, ProgressStore } from '../src/domain/progress/store';
import type { ProgressAdapter } from '../src/domain/progress/store';
import * as ops from '../src/domain/progress/ops';
import type { Roadmap } from '../src/domain/roadmap/schema';
import { loadRoadmap } from '../src/domain/roadmap/yaml';
import { allRows } from '../src/domain/roadmap/treeModel';
import { JsonMemento, syntheticProgress, syntheticRoadmap } from './synthetic';
import { ensureCodeServer, installExtension, makeProfile, packageFixture, repoRoot, startCodeServer, waitForReport } from '../test/e2e/codeServer';
import { launchBrowser, openWorkbench } from '../test/e2e/workbench';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ours = 'backend-roadmap.backend-roadmap';
const hello = 'backend-roadmap-tests.hello-world';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

async function time(fn: () => unknown | Promise<unknown>, iterations: number): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
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

async function activationTimes(): Promise<{ ours: number[]; hello: number[] }> {
  const install = await ensureCodeServer();
  const root = path.join(repoRoot, '.e2e', `bench-${process.pid}`);
  await fs.rm(root, { recursive: true, force: true });
  await fs.mkdir(path.join(root, 'workspace'), { recursive: true });
  const fixtures = path.join(root, 'fixtures');
  await fs.mkdir(fixtures, { recursive: true });
  const vsixes = [path.join(repoRoot, 'dist', 'backend-roadmap.vsix'), await packageFixture('hello-world', fixtures), await packageFixture('harness', fixtures)];
  const times = { ours: [] as number[], hello: [] as number[] };
  const browser = await launchBrowser();
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh profile each run, and alternating order, so neither extension gets a warm cache.
      const profile = await makeProfile(path.join(root, `run-${run}`), { 'git.openRepositoryInParentFolders': 'never' });
      for (const v of vsixes) await installExtension(install, profile, v);
      const report = path.join(root, `run-${run}.json`);
      const order = run % 2 === 0 ? [hello, ours] : [ours, hello];
      const server = await startCodeServer(install, profile, {
        env: {
          BACKEND_ROADMAP_HARNESS: JSON.stringify({ script: path.join(repoRoot, 'dist', 'bench', 'inHost.js'), report }),
          BACKEND_ROADMAP_BENCH_ORDER: order.join(','),
        },
      });
      const page = await browser.newPage();
      try {
        await openWorkbench(page, server.url, path.join(root, 'workspace'));
        const result = await waitForReport<Record<string, number> & { harnessError?: string }>(report, 120_000);
        if (result.harnessError) throw new Error(result.harnessError);
        times.ours.push(result[ours] ?? NaN);
        times.hello.push(result[hello] ?? NaN);
      } finally {
        await page.close();
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return times;
}

/** 1,000 clicks on checklist items of 10 topics, some unticking again, as a fast learner makes them. */
const toggles = Array.from({ length: 1000 }, (_, i) => ({ topicId: `topic-${i % 10}`, itemId: `item-${i % 7}`, checked: (i * 7 + Math.floor(i / 13)) % 3 !== 0 }));

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
async function timeToggles(name: string, makeAdapter: (run: number) => Promise<ProgressAdapter>, iterations: number): Promise<number> {
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
      if (got.join() !== expected.join()) throw new Error(`${name}: toggles lost for ${topicId}: stored [${got.join(', ')}], expected [${expected.join(', ')}]`);
      if (reopened.status(topicId) !== 'inProgress') throw new Error(`${name}: ${topicId} is ${reopened.status(topicId)} after ticking items, expected inProgress`);
    }
    reopened.dispose();
    if (run >= 0) samples.push(ms);
  }
  return median(samples);
}

/** Sub-millisecond times in µs, others in ms. */
function dur(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}

interface ScaleTimes {
  rows: number;
  load: number;
  tree: number;
  tally: number;
  next: number;
}

/** Load, tree rows, percentages and next-up on a generated roadmap of `topics` topics with ~30% progress. */
async function scaleTimes(topics: number): Promise<ScaleTimes> {
  const text = JSON.stringify(syntheticRoadmap(topics));
  const load = (): Roadmap => {
    const result = validateRoadmap(JSON.parse(text), `synthetic-${topics}.json`);
    if (!result.ok) throw new Error(`synthetic ${topics}-topic roadmap invalid: ${result.problems.slice(0, 3).map((p) => p.message).join('; ')}`);
    return result.value;
  };
  const roadmap = load();
  const data = syntheticProgress(topics);
  const tallies = () => [roadmapTally(roadmap, data), ...roadmap.phases.map((p) => phaseTally(p, data))];
  const [total] = tallies();
  if (total?.done !== topics * 0.2 || total.inProgress !== topics * 0.1) throw new Error(`synthetic ${topics}-topic progress tallied wrong: ${JSON.stringify(total)}`);
  if (nextUp(roadmap, data).length !== 5) throw new Error(`synthetic ${topics}-topic roadmap: next-up found fewer than 5 topics`);
  return {
    rows: allRows(roadmap, data).length,
    load: await time(load, 10),
    tree: await time(() => allRows(roadmap, data), 50),
    tally: await time(tallies, 50),
    next: await time(() => nextUp(roadmap, data), 50),
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const rows: [string, string, string, string][] = [];
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '—');

  const act = await activationTimes();
  const a = median(act.ours);
  const h = median(act.hello);
  rows.push([`activation in code-server (median of ${RUNS})`, `${a.toFixed(1)} ms`, `${h.toFixed(1)} ms (hello-world)`, ratio(a, h)]);

  const roadmapsDir = path.join(repoRoot, 'roadmaps');
  const catalog = await loadCatalog(roadmapsDir);
  const backend = catalog.roadmaps[0];
  if (!backend) throw new Error('no bundled roadmap loaded');
  const topics = backend.roadmap.phases.flatMap((p) => p.topics).length;
  const compiledFile = path.join(repoRoot, '.e2e', `bench-${process.pid}`, 'roadmaps.json');
  await fs.writeFile(compiledFile, JSON.stringify(await compileRoadmaps(roadmapsDir)));
  const exercisesDir = path.join(roadmapsDir, 'exercises');
  const jsonMs = await time(() => loadCompiledCatalog(compiledFile, exercisesDir), 20);
  const tinyData: unknown = parse(minimalRoadmap);
  const tinyJsonMs = await time(() => validateRoadmap(JSON.parse(JSON.stringify(tinyData)), 'tiny.json'), 20);
  rows.push([`roadmap load + validate at activation (compiled JSON, ${catalog.roadmaps.length} roadmaps, ${topics} topics)`, `${jsonMs.toFixed(2)} ms`, `${tinyJsonMs.toFixed(2)} ms (1-topic roadmap)`, ratio(jsonMs, tinyJsonMs)]);
  const loadMs = await time(() => loadCatalog(roadmapsDir), 20);
  const tinyMs = await time(() => loadRoadmap(minimalRoadmap, 'tiny.yaml'), 20);
  rows.push([`roadmap load + validate from YAML (build, tests)`, `${loadMs.toFixed(2)} ms`, `${tinyMs.toFixed(2)} ms (1-topic roadmap)`, ratio(loadMs, tinyMs)]);

  const data = emptyProgress();
  for (const [i, t] of backend.roadmap.phases.flatMap((p) => p.topics).entries()) {
    data.topics[t.id] = { status: i % 3 === 0 ? 'done' : undefined, checked: t.checklist.slice(0, 1).map((c) => c.id), updatedAt: '' };
  }
  const tiny = loadRoadmap(minimalRoadmap, 'tiny.yaml');
  if (!tiny.ok) throw new Error('baseline roadmap invalid');
  const treeMs = await time(() => allRows(backend.roadmap, data), 200);
  const tinyTreeMs = await time(() => allRows(tiny.value, emptyProgress()), 200);
  rows.push([`tree rows build (${allRows(backend.roadmap, data).length} rows, as a refresh computes them)`, `${(treeMs * 1000).toFixed(1)} µs`, `${(tinyTreeMs * 1000).toFixed(1)} µs (1-topic roadmap)`, ratio(treeMs, tinyTreeMs)]);

  const big = await scaleTimes(5000);
  const small = await scaleTimes(500);
  const grows = (x: (s: ScaleTimes) => number, label: string) => rows.push([label, dur(x(big)), `${dur(x(small))} (500 topics)`, ratio(x(big), x(small))]);
  grows((s) => s.load, 'synthetic 5,000-topic roadmap: JSON.parse + validateRoadmap (10 phases)');
  grows((s) => s.tree, `synthetic 5,000-topic roadmap: tree rows build (${big.rows.toLocaleString('en')} rows)`);
  grows((s) => s.tally, 'synthetic 5,000-topic roadmap: percentages (roadmapTally + 10 phaseTally)');
  grows((s) => s.next, 'synthetic 5,000-topic roadmap: next-up (5 suggestions)');

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'backend-roadmap-bench-'));
  try {
    const memoryMs = await timeToggles('MemoryProgressAdapter', async () => new MemoryProgressAdapter(), 10);
    const mementoMs = await timeToggles('MementoAdapter', async () => new MementoAdapter(new JsonMemento()), 10);
    const fileMs = await timeToggles('FileProgressAdapter', async (run) => new FileProgressAdapter(tmp, path.join(tmp, `run-${run}`, 'progress.json')), 5);
    const baseline = `${memoryMs.toFixed(2)} ms (MemoryProgressAdapter)`;
    rows.push(['1,000 checklist toggles persisted (MementoAdapter, async JSON memento)', `${mementoMs.toFixed(2)} ms`, baseline, ratio(mementoMs, memoryMs)]);
    rows.push(['1,000 checklist toggles persisted (FileProgressAdapter: lock + re-read per batch of queued writes)', `${fileMs.toFixed(2)} ms`, baseline, ratio(fileMs, memoryMs)]);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }

  const webviewBytes = ['topic.js', 'base.css', 'topic.css'].reduce((n, f) => n + statSync(path.join(repoRoot, 'dist', 'webview', f)).size, 0);
  const codicons = ['codicon.css', 'codicon.ttf'].reduce((n, f) => n + statSync(path.join(repoRoot, 'dist', 'webview', f)).size, 0);
  rows.push(['webview bundle (topic.js + base.css + topic.css)', kb(webviewBytes), `${kb(codicons)} (codicon font + css it loads)`, ratio(webviewBytes, codicons)]);
  const dashboardBytes = ['dashboard.js', 'base.css', 'dashboard.css'].reduce((n, f) => n + statSync(path.join(repoRoot, 'dist', 'webview', f)).size, 0);
  rows.push(['dashboard webview bundle (dashboard.js + base.css + dashboard.css)', kb(dashboardBytes), `${kb(codicons)} (codicon font + css it loads)`, ratio(dashboardBytes, codicons)]);
  const vsix = statSync(path.join(repoRoot, 'dist', 'backend-roadmap.vsix')).size;
  const helloVsix = statSync(path.join(repoRoot, '.e2e', `bench-${process.pid}`, 'fixtures', 'hello-world.vsix')).size;
  rows.push(['VSIX size', kb(vsix), `${kb(helloVsix)} (hello-world)`, ratio(vsix, helloVsix)]);

  const header: [string, string, string, string] = ['metric', 'Backend Roadmap', 'baseline (same run)', 'ratio'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`\nactivation samples (ms): ours ${act.ours.map((x) => x.toFixed(1)).join(', ')}; hello-world ${act.hello.map((x) => x.toFixed(1)).join(', ')}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
