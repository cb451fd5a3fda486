// Python flavours: a virtual environment in the exercise folder (.venv) with the pinned requirements,
// then `python main.py` judged by the exercise's behavioural spec over HTTP.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isPlainFile, readFileInside } from '../../shared/safeFs';
import type { Detection, ExerciseRunner, ToolRequirement } from '../runner';

export const minimumPython: [number, number] = [3, 11];
/** A copy of the requirements the venv was last installed from: unchanged means nothing to install. */
const installedStamp = path.join('.venv', 'requirements.installed');
const maxRequirementsBytes = 256 * 1024;

const python: ToolRequirement = {
  name: 'Python',
  probe: { command: 'python3', args: ['--version'] },
  version: (output) => {
    const m = /Python (\d+)\.(\d+)/.exec(output);
    return m ? [Number(m[1]), Number(m[2])] : undefined;
  },
  minimum: minimumPython,
};

export const pythonRunner: ExerciseRunner = {
  id: 'python',
  manualCommand: 'python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/python main.py',
  missingToolHint: `Install Python ${minimumPython.join('.')} or newer (https://www.python.org) with its venv module, and restart the editor.`,
  projectFiles: ['requirements.txt'],
  dependencyFolder: '.venv',

  async detect(dir: string): Promise<Detection> {
    const requirements = await isPlainFile(path.join(dir, 'requirements.txt'));
    const main = await isPlainFile(path.join(dir, 'main.py'));
    if (requirements && main) return { ok: true };
    return { ok: false, missing: [requirements ? '' : 'no requirements.txt', main ? '' : 'no main.py'].filter(Boolean).join(' and ') };
  },

  async install(dir: string) {
    const read = (file: string) => readFileInside(dir, path.join(dir, file), { maxBytes: maxRequirementsBytes }).catch(() => undefined);
    const wanted = await read('requirements.txt');
    const installed = await read(installedStamp);
    // The venv's python is a link to the interpreter by design: only its presence is checked, nothing is read.
    const venvPython = await fs.stat(path.join(dir, '.venv', 'bin', 'python')).then(
      () => true,
      () => false,
    );
    if (venvPython && wanted !== undefined && wanted === installed) return undefined;
    return {
      message: 'Installing requirements into .venv (pip)',
      name: 'pip install',
      // One fixed command line (no learner input in it): venv, pinned requirements, then the stamp.
      command: {
        command: 'sh',
        args: [
          '-c',
          'python3 -m venv .venv && .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt && cp requirements.txt .venv/requirements.installed',
        ],
      },
    };
  },

  test(dir: string) {
    return Promise.resolve({
      kind: 'spec' as const,
      message: 'Starting python main.py and checking it against the spec',
      start: { command: path.join(dir, '.venv', 'bin', 'python'), args: ['main.py'] },
      requires: [python],
    });
  },

  // The spec produces the results; there is no results file to read.
  parseResults: () => [],
};
