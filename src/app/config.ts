// Every setting, read in one place with its type, default and bounds. Features call these instead
// of getConfiguration, so a setting's name and meaning are defined once (ids.ts holds the names).
import * as vscode from 'vscode';
import { isFlavour } from '../domain/exercises/flavours';
import type { Flavour } from '../domain/exercises/flavours';
import { settings } from './ids';

type Setting = Exclude<keyof typeof settings, 'section'>;

function section(): vscode.WorkspaceConfiguration {
  // Resource-scoped settings are read for the first folder, where exercises and notes live.
  return vscode.workspace.getConfiguration(settings.section, vscode.workspace.workspaceFolders?.[0]);
}

function read<T>(setting: Setting, fallback: T, accept: (value: unknown) => value is T): T {
  const value: unknown = section().get(settings[setting]);
  return accept(value) ? value : fallback;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const config = {
  /** Workspace-relative, POSIX separators; checked against the workspace where it is used. */
  exercisesFolder: (): string => read('exercisesFolder', 'exercises', isString).replace(/\\/g, '/'),
  notesFolder: (): string => read('notesFolder', 'notes', isString).replace(/\\/g, '/'),
  authoringFolder: (): string => read('authoringFolder', '.backend-roadmap', isString).replace(/\\/g, '/'),
  /** Seconds, clamped to the range package.json declares. */
  checkTimeoutSeconds: (): number => Math.min(Math.max(read('checkTimeoutSeconds', 120, isFiniteNumber), 5), 3600),
  exerciseLanguage: (): Flavour => read('exerciseLanguage', 'javascript', isFlavour),
  progressStorage: (): 'workspaceState' | 'file' => read('progressStorage', 'workspaceState', (v): v is 'file' => v === 'file'),
};

/**
 * Saves the learner's exercise language where it is already set for this folder, else for the user:
 * a language is a learner's choice, not a project's.
 */
export async function setExerciseLanguage(language: Flavour): Promise<void> {
  const conf = section();
  const inspected = conf.inspect(settings.exerciseLanguage);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await conf.update(settings.exerciseLanguage, language, target);
}

/** Fires when the given setting changes. */
export function onDidChangeSetting(setting: Setting, listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${settings.section}.${settings[setting]}`)) listener();
  });
}
