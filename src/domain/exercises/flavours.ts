// The languages an exercise can come in, and everything that differs between them, in one table.
import type { RunnerId } from './runners';

import { flavours } from './flavourIds';
import type { Flavour } from './flavourIds';

export { flavours };
export type { Flavour };

export interface FlavourInfo {
  /** For learners: "TypeScript". */
  label: string;
  /** For the CLI's list: "TS". */
  short: string;
  /** Runs the flavour's tests. */
  runner: RunnerId;
  /** The flavour's folders in an exercise are `template<suffix>/` and `solution<suffix>/`. */
  folderSuffix: string;
  /** Its source files' extension; the manifest's `open` names are renamed to it. */
  extension: string;
}

/** One row per flavour; the type makes a flavour without a row a compile error. */
export const flavourInfo: Readonly<Record<Flavour, FlavourInfo>> = {
  javascript: { label: 'JavaScript', short: 'JS', runner: 'node', folderSuffix: '', extension: '.js' },
  typescript: { label: 'TypeScript', short: 'TS', runner: 'node', folderSuffix: '-ts', extension: '.ts' },
  python: { label: 'Python', short: 'PY', runner: 'python', folderSuffix: '-py', extension: '.py' },
  go: { label: 'Go', short: 'GO', runner: 'go', folderSuffix: '-go', extension: '.go' },
};

export function isFlavour(value: unknown): value is Flavour {
  return typeof value === 'string' && (flavours as readonly string[]).includes(value);
}
