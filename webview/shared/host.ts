// The page's end of WebviewPanelHost: every message from the extension is parsed with the page's
// protocol (invalid ones are dropped), and `ready` goes out once the listener is installed.
import type { ReadyMessage, WebviewProtocol } from '../../src/platform/webview/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface HostConnection<PageMessage, State> {
  send(message: PageMessage): void;
  /** The state this page saved before it was hidden or reloaded, if it is still valid. */
  getState(): State | undefined;
  setState(state: State): void;
}

// VS Code allows one acquireVsCodeApi() per page.
let api: VsCodeApi | undefined;

export function connectToHost<HostMessage, PageMessage extends { type: string }, State>(
  protocol: WebviewProtocol<HostMessage, PageMessage, State>,
  onMessage: (message: HostMessage) => void,
): HostConnection<Exclude<PageMessage, ReadyMessage>, State> {
  const vscode = (api ??= acquireVsCodeApi());
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = protocol.host.safeParse(event.data);
    if (!parsed.success) {
      console.warn('Backend Roadmap: dropped an invalid message from the extension', event.data);
      return;
    }
    onMessage(parsed.data);
  });
  const ready: ReadyMessage = { type: 'ready' };
  vscode.postMessage(ready);
  return {
    send: (message) => {
      // Checked on the way out too, as the host does, so a page bug shows here rather than as a drop.
      const parsed = protocol.page.safeParse(message);
      if (parsed.success) vscode.postMessage(parsed.data);
      else console.error('Backend Roadmap: not sending an invalid message to the extension', message);
    },
    getState: () => {
      const parsed = protocol.state?.safeParse(vscode.getState());
      return parsed?.success ? parsed.data : undefined;
    },
    setState: (state) => vscode.setState(state),
  };
}
