import * as vscode from 'vscode';
import { webviewHtml } from './html';
import { isReady, messageExcerpt } from './protocol';
import type { ReadyMessage, WebviewProtocol } from './protocol';

export interface WebviewPanelConfig<HostMessage, PageMessage extends { type: string }, State> {
  viewType: string;
  /** The tab's title until a view names it. */
  title: string;
  /** A codicon id for the tab. */
  icon: string;
  /** webview/<page>/main.ts, bundled as <page>.js and <page>.css; also names the page in logs. */
  page: string;
  protocol: WebviewProtocol<HostMessage, PageMessage, State>;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  enableFindWidget?: boolean;
  /**
   * After a reload, a tab in the background is only revived when shown. Close such tabs before
   * opening a new panel, so there is still just one.
   */
  closeUnrevivedTabs?: boolean;
}

/** What the owner of a panel supplies; the host does the plumbing around it. */
export interface WebviewPanelHandlers<HostMessage, PageMessage extends { type: string }, State> {
  /** The message that shows the current view, or nothing yet. Asked when the page says ready and on refresh(). */
  view(): HostMessage | undefined | Promise<HostMessage | undefined>;
  /** A valid message from the page, other than `ready`. A failure is logged and shown. */
  receive(message: Exclude<PageMessage, ReadyMessage>): void | Promise<void>;
  /** The tab title for a view about to be posted. */
  titleOf?(message: HostMessage): string | undefined;
  /** The panel came back after a reload, with the page's saved state if it was valid. */
  restore?(state: State | undefined): void;
  /** A panel was created or revived. */
  opened?(): void;
  /** The panel was closed. */
  closed?(): void;
  /** Context for the log line when the page is ready, e.g. `topic: rest-apis`. */
  describe?(): string;
}

/**
 * One reused webview panel: creates or reveals it, revives it after a reload, and carries messages
 * both ways through the page's protocol. Nothing is posted before the page says `ready`; then the
 * owner's current view is posted.
 */
export class WebviewPanelHost<HostMessage extends { type: string }, PageMessage extends { type: string }, State>
  implements vscode.WebviewPanelSerializer, vscode.Disposable
{
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  /** Views may be built asynchronously; only the newest is posted. */
  private requested = 0;
  private readonly root: vscode.Uri;

  constructor(
    private readonly config: WebviewPanelConfig<HostMessage, PageMessage, State>,
    private readonly handlers: WebviewPanelHandlers<HostMessage, PageMessage, State>,
  ) {
    this.root = vscode.Uri.joinPath(config.extensionUri, 'dist', 'webview');
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Reveals the panel, creating it first if there is none. */
  show(): void {
    if (!this.panel) {
      if (this.config.closeUnrevivedTabs) this.closeUnrevivedTabs();
      this.adopt(vscode.window.createWebviewPanel(this.config.viewType, this.config.title, vscode.ViewColumn.Active, this.options()));
    }
    this.panel?.reveal(undefined, false);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.panel?.dispose();
    panel.webview.options = this.options();
    this.adopt(panel);
    const parsed = this.config.protocol.state?.safeParse(state);
    this.handlers.restore?.(parsed?.success ? parsed.data : undefined);
  }

  /** Builds the owner's current view and posts it if the page is ready; the tab title follows it. */
  refresh(): void {
    const panel = this.panel;
    // Without a title to follow, a view the page cannot receive yet is not worth building.
    if (!panel || (!this.ready && !this.handlers.titleOf)) return;
    const seq = ++this.requested;
    void new Promise<HostMessage | undefined>((resolve) => resolve(this.handlers.view())).then(
      (message) => {
        if (!message || seq !== this.requested || this.panel !== panel) return;
        const title = this.handlers.titleOf?.(message);
        if (title !== undefined) panel.title = title;
        this.post(message);
      },
      (e: unknown) => this.config.log.error(`Building the ${this.config.page} view failed`, e),
    );
  }

  /** Posts a message once the page is ready; it is checked against the protocol first. */
  post(message: HostMessage): boolean {
    if (!this.panel || !this.ready) return false;
    // Validated on the way out too, so a host bug cannot send the webview malformed data.
    const parsed = this.config.protocol.host.safeParse(message);
    if (!parsed.success) {
      this.config.log.error(`Not sending an invalid ${message.type} message to the ${this.config.page} webview`, parsed.error.issues);
      return false;
    }
    void this.panel.webview.postMessage(parsed.data);
    return true;
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // No retainContextWhenHidden: pages keep their own small state via setState instead.
    return { enableScripts: true, enableFindWidget: this.config.enableFindWidget ?? false, localResourceRoots: [this.root] };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    const { page } = this.config;
    panel.iconPath = new vscode.ThemeIcon(this.config.icon);
    panel.webview.html = webviewHtml(panel.webview, this.root, {
      name: page,
      title: `Backend Roadmap ${page}`,
      loading: `Loading ${page}…`,
    });
    const subs = [
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        if (this.panel === panel) this.receive(raw);
      }),
      panel.onDidDispose(() => {
        subs.forEach((s) => s.dispose());
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.ready = false;
        this.handlers.closed?.();
      }),
    ];
    this.handlers.opened?.();
  }

  private receive(raw: unknown): void {
    const { log, page } = this.config;
    const parsed = this.config.protocol.page.safeParse(raw);
    if (!parsed.success) {
      log.warn(`Dropped an invalid message from the ${page} webview:`, messageExcerpt(raw));
      return;
    }
    const message = parsed.data;
    if (isReady(message)) {
      const context = this.handlers.describe?.();
      log.debug(`The ${page} webview is ready${context ? ` (${context})` : ''}`);
      this.ready = true;
      this.refresh();
      return;
    }
    void new Promise<void>((resolve) => resolve(this.handlers.receive(message as Exclude<PageMessage, ReadyMessage>))).catch(
      (e: unknown) => {
        log.error(`Handling ${message.type} failed`, e);
        void vscode.window.showErrorMessage(`Backend Roadmap: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  }

  private closeUnrevivedTabs(): void {
    const stale = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(this.config.viewType));
    if (stale.length > 0) void vscode.window.tabGroups.close(stale, true);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
