export interface WebviewPageFiles {
  name: string;
  /** webview/<page>/main.ts */
  entry: string;
  /** webview/<page>/style.css, if the page has one. */
  stylesheet: string | undefined;
  /** Output names in dist/webview. */
  script: string;
  css: string;
}
export function webviewPages(root?: string): WebviewPageFiles[];
