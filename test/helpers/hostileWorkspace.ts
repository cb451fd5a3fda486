// A repository a stranger could hand a learner: symbolic links leading out of it, poisoned settings,
// crafted progress, and huge or deeply nested files. Beside it, a sentinel folder standing for the
// learner's own files, which nothing may ever change. Plain Node, for unit and E2E tests alike.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type HostileLayout = 'tmpLink' | 'dirLink' | 'progressLink' | 'exerciseLink' | 'notesLink';

export interface HostileWorkspace {
  /** temp parent folder holding both */ base: string;
  workspace: string; // the repo a learner opens
  sentinel: string; // a folder OUTSIDE the workspace that must never change
  /** path -> sha256 (files) or 'link:'+target (symlinks) or 'dir' for every entry under sentinel, recursively, not following links */
  snapshot(): Promise<Map<string, string>>;
  cleanup(): Promise<void>;
}

/** Each layout's symbolic link, relative to the workspace: the path a refusal must name. */
export const hostileLinks: Readonly<Record<HostileLayout, string>> = {
  tmpLink: '.vscode/backend-roadmap/.progress.json.tmp',
  dirLink: '.vscode/backend-roadmap',
  progressLink: '.vscode/backend-roadmap/progress.json',
  exerciseLink: 'exercises/express-route/src',
  notesLink: 'notes',
};

/** Where each link points, relative to the sentinel. */
export const hostileLinkTargets: Readonly<Record<HostileLayout, string>> = {
  tmpLink: 'bashrc',
  dirLink: 'dir',
  progressLink: 'secret.txt',
  exerciseLink: 'outside',
  notesLink: 'notes',
};

/** The sentinel's secret.txt: it must never show up inside the workspace (read or copied through a link). */
export const hostileSecret = 'BACKEND_ROADMAP_SENTINEL_SECRET=7f3a9c-never-copy-me';

/** Topic ids in the crafted progress: one no roadmap has (so activation writes at once) and a real one. */
export const craftedTopics = { unknown: 'no-such-topic', known: 'rest-apis', knownItem: 'crud-routes' } as const;

export const hostileProgressRelative = '.vscode/backend-roadmap/progress.json';

/** Valid version-2 progress naming an unknown topic and REST APIs in progress with one item ticked. */
export function craftedProgress(): Record<string, unknown> {
  const at = '2024-01-02T03:04:05.000Z';
  return {
    version: 2,
    topics: {
      [craftedTopics.unknown]: { status: 'done', checked: ['no-such-item'], updatedAt: at },
      [craftedTopics.known]: { status: 'inProgress', checked: [craftedTopics.knownItem], updatedAt: at },
    },
    exercises: { 'no-such-exercise': { passedAt: at } },
    history: [{ at, topicId: craftedTopics.unknown, status: 'done' }],
  };
}

/** Layouts that cannot be combined: one's link lies inside (or is) the other's. */
function assertCompatible(layouts: readonly HostileLayout[]): void {
  for (const a of layouts) {
    for (const b of layouts) {
      if (a !== b && hostileLinks[b].startsWith(`${hostileLinks[a]}/`)) {
        throw new Error(`hostile layouts ${a} and ${b} collide: ${hostileLinks[b]} would lie inside the link ${hostileLinks[a]}`);
      }
    }
  }
}

/** 300 KB on one line after a real import: text that keeps import scanners busy (unclosed quotes, bare `import`s). */
function adversarialIndexJs(): string {
  const units = ['import ', 'import x, {y} from ', 'require(', "import('", 'export * from ', 'import "', '/*', '`${', '\\'];
  let body = "import x from 'express'; ";
  for (let i = 0; body.length < 300 * 1024; i++) body += units[i % units.length];
  return `${body}\n`;
}

async function write(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
}

/**
 * Every entry under `root`, recursively, without following links: POSIX path relative to `root` ->
 * sha256 of a file, 'link:' + target of a symbolic link, 'dir' of a folder ('other' for anything else).
 */
export async function snapshotTree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // An entry removed while we look (a lock file in a live workspace) is simply not there.
  const gone = (e: unknown): undefined => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  };
  const walk = async (dir: string): Promise<void> => {
    const names = (await fs.readdir(dir).catch(gone)) ?? [];
    for (const name of names.sort()) {
      const abs = path.join(dir, name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const stat = await fs.lstat(abs).catch(gone);
      if (!stat) continue;
      if (stat.isSymbolicLink()) {
        const target = await fs.readlink(abs).catch(gone);
        if (target !== undefined) out.set(rel, `link:${target}`);
      } else if (stat.isDirectory()) {
        out.set(rel, 'dir');
        await walk(abs);
      } else if (stat.isFile()) {
        const content = await fs.readFile(abs).catch(gone);
        if (content) out.set(rel, createHash('sha256').update(content).digest('hex'));
      } else out.set(rel, 'other');
    }
  };
  await walk(root);
  return out;
}

/**
 * Creates `<base>/workspace` and `<base>/sentinel` (base: a new temp folder, under `options.parent`
 * when given). `options.settings` are merged over the workspace's poisoned `.vscode/settings.json`
 * (an undefined value removes a key). Throws when two layouts would put links on the same path.
 */
export async function createHostileWorkspace(
  layouts: readonly HostileLayout[],
  options: { settings?: Record<string, unknown>; parent?: string } = {},
): Promise<HostileWorkspace> {
  const wanted = [...new Set(layouts)];
  assertCompatible(wanted);
  const parent = options.parent ?? os.tmpdir();
  await fs.mkdir(parent, { recursive: true });
  const base = await fs.mkdtemp(path.join(parent, 'hostile-'));
  const workspace = path.join(base, 'workspace');
  const sentinel = path.join(base, 'sentinel');
  const ws = (rel: string) => path.join(workspace, ...rel.split('/'));

  // The learner's own files, outside the workspace.
  await write(path.join(sentinel, 'bashrc'), '# sentinel ~/.bashrc\nexport PATH="$HOME/bin:$PATH"\n');
  await write(path.join(sentinel, 'secret.txt'), `${hostileSecret}\n`);
  // Exists, so a scaffold through the link would be tempted to offer an overwrite.
  await write(path.join(sentinel, 'outside', 'app.js'), "// sentinel: the learner's own app.js\n");
  await write(path.join(sentinel, 'notes', 'keep.md'), '# sentinel notes\n');
  await write(path.join(sentinel, 'dir', 'keep.txt'), 'sentinel folder behind .vscode/backend-roadmap\n');

  // The stranger's repository.
  await fs.mkdir(workspace, { recursive: true });
  await write(ws('deep.json'), '['.repeat(10_000));
  await write(ws('deep.yaml'), `${'- '.repeat(10_000)}x\n${'['.repeat(10_000)}\n`);
  await write(ws('index.js'), adversarialIndexJs());
  const settings: Record<string, unknown> = {
    'backendRoadmap.progressStorage': 'file',
    'backendRoadmap.noSuchSetting': { nested: [null, true, { deeper: ['x'] }] },
    'backendRoadmap.checkTimeoutSeconds': 'forever',
    'someOtherExtension.enable': true,
    'backendRoadmap.hugeValue': 'A'.repeat(300 * 1024),
    ...options.settings,
  };
  await write(ws('.vscode/settings.json'), `${JSON.stringify(settings, null, 2)}\n`);

  if (wanted.includes('dirLink')) {
    // The crafted progress is not written: the folder it would go in is the link.
    await fs.symlink(path.join(sentinel, hostileLinkTargets.dirLink), ws(hostileLinks.dirLink));
  } else {
    await fs.mkdir(ws('.vscode/backend-roadmap'), { recursive: true });
    if (!wanted.includes('progressLink')) await write(ws(hostileProgressRelative), `${JSON.stringify(craftedProgress(), null, 2)}\n`);
  }
  // No progress.json.lock: the extension must take its lock as usual.
  for (const layout of wanted) {
    if (layout === 'dirLink') continue;
    const link = ws(hostileLinks[layout]);
    await fs.mkdir(path.dirname(link), { recursive: true });
    await fs.symlink(path.join(sentinel, hostileLinkTargets[layout]), link);
  }

  return {
    base,
    workspace,
    sentinel,
    snapshot: () => snapshotTree(sentinel),
    cleanup: () => fs.rm(base, { recursive: true, force: true }),
  };
}
