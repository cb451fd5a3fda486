export interface Problem {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  col: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
