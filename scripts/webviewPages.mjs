// Which webview pages there are: every webview/<page>/main.ts except shared/. esbuild.mjs bundles
// each as dist/webview/<page>.js with its style.css, if any, as <page>.css: the names WebviewPanelHost loads.
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

// base.css and codicon.css share the webview root with the pages.
const reserved = new Set(['base', 'codicon']);

/** @param {string} root @returns {import('./webviewPages.d.mts').WebviewPageFiles[]} */
export function webviewPages(root = 'webview') {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(path.join(root, d.name, 'main.ts')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      if (reserved.has(name) || !/^[a-z][a-zA-Z0-9]*$/.test(name))
        throw new Error(`webview/${name}: a page needs a camelCase name other than base and codicon`);
      const style = path.join(root, name, 'style.css');
      const stylesheet = existsSync(style) ? style : undefined;
      return { name, entry: path.join(root, name, 'main.ts'), stylesheet, script: `${name}.js`, css: `${name}.css` };
    });
}
