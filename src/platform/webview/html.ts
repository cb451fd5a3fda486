import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface WebviewPage {
  /** The page's name: esbuild.mjs writes its files as <name>.js and <name>.css in the webview root. */
  name: string;
  title: string;
  loading: string;
}

/**
 * The shell every webview page gets: CSP `default-src 'none'` with a fresh nonce for its one script,
 * styles and fonts only from the webview root, and every URL through asWebviewUri.
 */
export function webviewHtml(webview: vscode.Webview, root: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, file)).toString();
  const csp = ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join(
    '; ',
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${uri('base.css')}">
<link rel="stylesheet" href="${uri(`${page.name}.css`)}">
<title>${page.title}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">${page.loading}</p></main>
<script nonce="${nonce}" src="${uri(`${page.name}.js`)}"></script>
</body>
</html>`;
}
