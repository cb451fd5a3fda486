// npm run bench: prints a table of activation time, roadmap load, tree model build and sizes,
// each next to a baseline measured in the same run.
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCompiledCatalog } from '../src/core/catalog';
import { compileRoadmaps, loadCatalog } from '../src/core/roadmapFiles';
import { validateRoadmap } from '../src/core/roadmapLoader';
import { parse } from 'yaml';
import { emptyProgress } from '../src/core/progress';
import { loadRoadmap } from '../src/core/roadmapYaml';
import { allRows } from '../src/core/treeModel';
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

  const webviewBytes = ['main.js', 'style.css'].reduce((n, f) => n + statSync(path.join(repoRoot, 'dist', 'webview', f)).size, 0);
  const codicons = ['codicon.css', 'codicon.ttf'].reduce((n, f) => n + statSync(path.join(repoRoot, 'dist', 'webview', f)).size, 0);
  rows.push(['webview bundle (main.js + style.css)', kb(webviewBytes), `${kb(codicons)} (codicon font + css it loads)`, ratio(webviewBytes, codicons)]);
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
