// Starts a real code-server (VS Code 1.139 in the browser) for E2E tests, integration tests and benchmarks.
// See ../shared/notes/real-vscode-testing.md for why code-server rather than a desktop download.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const repoRoot = path.resolve(__dirname, '..', '..');

export interface CodeServerInstall {
  bin: string;
  nodeBinDir: string;
}

/** Installs (or reuses) Node 24 and code-server in the cache outside the clone. */
export async function ensureCodeServer(): Promise<CodeServerInstall> {
  const { stdout } = await exec('bash', [path.join(repoRoot, 'scripts', 'ensureCodeServer.sh')], { maxBuffer: 64 * 1024 * 1024 });
  const cache = stdout.trim().split('\n').pop() ?? '';
  const version = process.env.CODE_SERVER_VERSION ?? '4.139.1';
  return {
    bin: path.join(cache, `code-server-${version}`, 'node_modules', '.bin', 'code-server'),
    nodeBinDir: path.join(cache, 'node24', 'bin'),
  };
}

export interface Profile {
  userDataDir: string;
  extensionsDir: string;
}

export async function makeProfile(root: string, settings: Record<string, unknown> = {}): Promise<Profile> {
  const profile = { userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions') };
  await fs.mkdir(path.join(profile.userDataDir, 'User'), { recursive: true });
  await fs.mkdir(profile.extensionsDir, { recursive: true });
  await writeSettings(profile, {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': true,
    'window.commandCenter': false,
    ...settings,
  });
  return profile;
}

export async function writeSettings(profile: Profile, settings: Record<string, unknown>): Promise<void> {
  await fs.writeFile(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

function env(install: CodeServerInstall, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${install.nodeBinDir}:${process.env.PATH ?? ''}`, ...extra };
}

export async function installExtension(install: CodeServerInstall, profile: Profile, vsix: string): Promise<void> {
  const { stdout, stderr } = await exec(
    install.bin,
    ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--install-extension', vsix, '--force'],
    { env: env(install), maxBuffer: 16 * 1024 * 1024 },
  );
  if (!/was successfully installed/.test(stdout + stderr)) throw new Error(`Installing ${vsix} failed:\n${stdout}\n${stderr}`);
}

export interface RunningCodeServer {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(
  install: CodeServerInstall,
  profile: Profile,
  options: { trusted?: boolean; env?: Record<string, string>; port?: number } = {},
): Promise<RunningCodeServer> {
  const port = options.port ?? (await freePort());
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
  ];
  if (options.trusted !== false) args.push('--disable-workspace-trust');
  const child = spawn(install.bin, args, { env: env(install, options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    process: child,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM'); // the whole group: code-server forks its extension host
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
  };
}

/** The extension host log, the first place to look when activation fails. */
export async function extensionHostLog(profile: Profile): Promise<string> {
  const logs = path.join(profile.userDataDir, 'logs');
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      // The host's own log, and ours (the Backend Roadmap output channel): a failure needs both.
      else if (/exthost\.log$|Backend Roadmap\.log$/.test(e.name)) out.push(`== ${e.name}\n${await fs.readFile(p, 'utf8')}`);
    }
  };
  await walk(logs);
  return out.join('\n');
}

/** Packages a test fixture extension (harness, hello-world) into a VSIX under `outDir`. */
export async function packageFixture(name: string, outDir: string): Promise<string> {
  const out = path.join(outDir, `${name}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  await exec(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], {
    cwd: path.join(repoRoot, 'test', 'fixtures', name),
  });
  return out;
}

/**
 * Runs a script inside code-server's extension host through the harness fixture and returns the
 * JSON report it writes. A browser page must be open for code-server to start the extension host.
 */
export async function waitForReport<T>(report: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const text = await fs.readFile(report, 'utf8');
      if (text.trim()) return JSON.parse(text) as T;
    } catch {
      /* not written yet */
    }
    if (Date.now() > deadline) throw new Error(`no report at ${report} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
