// One build for everything: the extension (node, cjs), the webview (browser) and the test bundles.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { webviewPages } from './scripts/webviewPages.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Clean only what this build writes (not the packaged .vsix).
for (const out of [
  'dist/extension.js',
  'dist/extension.js.map',
  'dist/cli.js',
  'dist/cli.js.map',
  'dist/webview',
  'dist/test',
  'dist/bench',
  'dist/node_modules',
]) {
  rmSync(out, { recursive: true, force: true });
}
mkdirSync('dist/webview', { recursive: true });
// The webview loads only files from dist/webview (its single localResourceRoot).
cpSync('node_modules/@vscode/codicons/dist/codicon.css', 'dist/webview/codicon.css');
cpSync('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/webview/codicon.ttf');
cpSync('webview/shared/base.css', 'dist/webview/base.css');
// Every webview/<page>/main.ts is a page: <page>.js and <page>.css, the names the panel host loads.
const pages = webviewPages('webview');
// The page shell always links <page>.css, so a page without a style.css gets an empty one.
for (const page of pages) {
  if (page.stylesheet) cpSync(page.stylesheet, `dist/webview/${page.css}`);
  else writeFileSync(`dist/webview/${page.css}`, '');
}

const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'info', legalComments: 'none' };

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // yaml is a separate file (below): only a failing test's details need it, and as a third of the
    // bundle it would be compiled on every activation.
    external: ['vscode', 'yaml'],
  },
  // Where require('yaml') from dist/*.js finds it: the package bundled on its own.
  {
    ...common,
    stdin: { contents: "module.exports = require('yaml');", resolveDir: '.', sourcefile: 'yaml-entry.js' },
    outfile: 'dist/node_modules/yaml/index.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  // The CLI shares src/domain with the extension and never imports vscode.
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['yaml'],
    banner: { js: '#!/usr/bin/env node' },
  },
  ...pages.map((page) => ({
    ...common,
    entryPoints: [page.entry],
    outfile: `dist/webview/${page.script}`,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  })),
];

// Test and benchmark bundles are built every time, so a packaged build can be tested as is;
// .vscodeignore keeps them out of the VSIX.
{
  const integration = readdirSync('test/integration')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `test/integration/${f}`);
  builds.push({
    ...common,
    entryPoints: integration,
    outdir: 'dist/test/integration',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Tests run inside the extension host: vscode comes from it, mocha from node_modules.
    packages: 'external',
    external: ['vscode'],
  });
  builds.push({
    ...common,
    entryPoints: ['bench/inHost.ts'],
    outfile: 'dist/bench/inHost.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    external: ['vscode'],
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
