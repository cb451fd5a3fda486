// Go flavours: `go build` into the user's cache, outside the workspace, then the binary judged by the
// exercise's behavioural spec over HTTP. The build runs on every check (Go's cache makes it quick),
// so compile errors show first, in the check's output.
import { isPlainFile } from '../../shared/safeFs';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Detection, ExerciseRunner, ToolRequirement } from '../runner';

export const minimumGo: [number, number] = [1, 22];

const go: ToolRequirement = {
  name: 'Go',
  probe: { command: 'go', args: ['version'] },
  version: (output) => {
    const m = /go(\d+)\.(\d+)/.exec(output);
    return m ? [Number(m[1]), Number(m[2])] : undefined;
  },
  minimum: minimumGo,
};

/**
 * Where the binary for an exercise folder goes: per folder, in the user's own cache (not the shared
 * temp folder, where another user could plant a link), never in the workspace.
 */
export function goBinary(dir: string): string {
  const key = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16);
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cache, 'backend-roadmap', 'go', key, 'app');
}

export const goRunner: ExerciseRunner = {
  id: 'go',
  manualCommand: 'go run .',
  missingToolHint: `Install Go ${minimumGo.join('.')} or newer (https://go.dev/dl), and restart the editor.`,
  projectFiles: ['go.mod'],
  // Go keeps modules in its own cache, outside the folder.

  async detect(dir: string): Promise<Detection> {
    const mod = await isPlainFile(path.join(dir, 'go.mod'));
    return mod ? { ok: true } : { ok: false, missing: 'no go.mod' };
  },

  async install(dir: string) {
    await fs.mkdir(path.dirname(goBinary(dir)), { recursive: true, mode: 0o700 });
    return { message: 'Building with go build', name: 'go build', command: { command: 'go', args: ['build', '-o', goBinary(dir), '.'] } };
  },

  test(dir: string) {
    return Promise.resolve({
      kind: 'spec' as const,
      message: 'Starting the program and checking it against the spec',
      start: { command: goBinary(dir), args: [] },
      requires: [go],
    });
  },

  parseResults: () => [],
};
