import type { ContentProblem } from './types.ts';

/** Thrown when input files have problems the user must fix; carries every problem found. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** A content problem that stops the build. */
export function error(file: string, position: string, message: string): ContentProblem {
  return { file, position, message, severity: 'error' };
}

/** A content problem that is reported while the build goes on (unless `--strict`). */
export function warning(file: string, position: string, message: string): ContentProblem {
  return { file, position, message, severity: 'warning' };
}

/** One line for a terminal: `file, position: message`. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.position ? `${problem.file}, ${problem.position}` : problem.file;
  return `${where}: ${problem.message}`;
}

/** Line and column (both 1-based, columns in code points) of a UTF-16 index into a text. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: [...text.slice(lineStart, index)].length + 1 };
}

/** `line L, column C` for a UTF-16 index into a text. */
export function positionAt(text: string, index: number): string {
  const { line, column } = lineColumn(text, index);
  return `line ${line}, column ${column}`;
}
