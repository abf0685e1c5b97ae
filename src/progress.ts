/** Least time between two progress reports. */
const PROGRESS_MS = 200;

/**
 * A progress report that passes on at most one call every PROGRESS_MS, and always the last one
 * (done = total), so that a terminal line is redrawn often enough and no more. Does nothing
 * without `report`.
 */
export function throttled(report?: (done: number, total: number) => void): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    if (!report) return;
    const now = performance.now();
    if (now - last < PROGRESS_MS && done < total) return;
    last = now;
    report(done, total);
  };
}
