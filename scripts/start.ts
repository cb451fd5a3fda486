// `npm start`: builds the VSIX, then opens it in a real VS Code: desktop `code` when present,
// else a local code-server that this script starts (and stops on Ctrl-C), printing its URL.
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer, installExtension, makeProfile, repoRoot, startCodeServer } from '../test/e2e/codeServer';

async function main(): Promise<void> {
  const workspace = path.resolve(process.env.BACKEND_ROADMAP_WORKSPACE ?? path.join(os.homedir(), 'backend-roadmap-playground'));
  await fs.mkdir(workspace, { recursive: true });
  const vsix = path.join(repoRoot, 'dist', 'backend-roadmap.vsix');

  const code = spawnSync('code', ['--version'], { encoding: 'utf8' });
  if (code.status === 0 && !process.env.BACKEND_ROADMAP_USE_CODE_SERVER) {
    console.log(`Opening desktop VS Code ${code.stdout.split('\n')[0]} with the extension in development mode…`);
    execFileSync('code', ['--extensionDevelopmentPath', repoRoot, workspace], { stdio: 'inherit' });
    return;
  }

  console.log('No desktop `code` found: starting code-server (first run installs it, a few minutes)…');
  const install = await ensureCodeServer();
  // A persistent profile outside the clone, so progress survives between runs.
  const profileRoot = path.join(os.homedir(), '.cache', 'backend-roadmap', 'start-profile');
  const profile = await makeProfile(profileRoot, { 'git.openRepositoryInParentFolders': 'never' }).catch(() => ({
    userDataDir: path.join(profileRoot, 'user-data'),
    extensionsDir: path.join(profileRoot, 'extensions'),
  }));
  await installExtension(install, profile, vsix);
  const server = await startCodeServer(install, profile, { trusted: true, port: Number(process.env.PORT ?? 0) || undefined });
  console.log(
    `\n  Backend Roadmap is running in code-server: ${server.url}/?folder=${encodeURIComponent(workspace)}\n  Press Ctrl-C to stop.\n`,
  );
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
