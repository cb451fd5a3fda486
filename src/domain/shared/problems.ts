export interface Problem {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  col: number;
  message: string;
  /** Where the problem ends (1-based, exclusive), when the source gives a range. */
  end?: { line: number; col: number };
  /** An obvious repair, as text edits on the same file. */
  fix?: ProblemFix;
}

export interface TextEdit {
  start: { line: number; col: number };
  end: { line: number; col: number };
  text: string;
}

export interface ProblemFix {
  title: string;
  edits: TextEdit[];
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
