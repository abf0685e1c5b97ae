/**
 * Helpers of `npm run bench`: runs a benchmark child process (scripts/bench-gloss.ts or
 * scripts/bench-baseline.ts) with its peak memory watched from outside, and sizes up an output folder.
 */
import { fork } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';

/** What a child reported, and its memory. */
export interface ChildOutcome<M> {
  /** Every message the child sent, in order. */
  messages: M[];
  exitCode: number | null;
  signal: string | null;
  /** The highest VmHWM of the child seen in /proc (bytes; 0 where /proc is missing). */
  hwm: number;
  /** The highest sum of VmRSS over the child and its descendants (Pagefind's binary), sampled (bytes). */
  treePeak: number;
  /** CPU seconds of the child's descendants (Pagefind's processes), as last sampled before each ended. */
  descendantsCpuS: number;
  /** The child's last lines of stderr, for a report when it fails. */
  stderrTail: string[];
}

/** Starts `script` under tsx with `job` as JSON in argv[2]; forwards its output lines prefixed with `label`. */
export function runChild<M>(
  script: string,
  job: unknown,
  options: { cwd: string; label: string; onMessage?: (m: M) => void; pollMs?: number; heapMb?: number },
): Promise<ChildOutcome<M>> {
  // An absolute URL of tsx's loader, so that the child finds it from any working folder.
  const tsx = import.meta.resolve('tsx');
  const execArgv = ['--expose-gc', '--import', tsx];
  if (options.heapMb) execArgv.push(`--max-old-space-size=${options.heapMb}`);
  const child = fork(script, [JSON.stringify(job)], { cwd: options.cwd, execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const messages: M[] = [];
  const stderrTail: string[] = [];
  let hwm = 0;
  let treePeak = 0;
  const descendantsCpu = new Map<number, number>();
  const sample = (): void => {
    if (child.pid === undefined) return;
    hwm = Math.max(hwm, statusKb(child.pid, 'VmHWM') * 1024);
    const tree = processTree(child.pid);
    treePeak = Math.max(treePeak, tree.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS') * 1024, 0));
    for (const pid of tree) if (pid !== child.pid) descendantsCpu.set(pid, Math.max(descendantsCpu.get(pid) ?? 0, cpuSeconds(pid)));
  };
  const timer = setInterval(sample, options.pollMs ?? 200);
  const forward = (stream: NodeJS.ReadableStream | null, keep: boolean): void => {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => {
      if (line.trim() === '') return;
      if (keep) {
        stderrTail.push(line);
        if (stderrTail.length > 40) stderrTail.shift();
      }
      console.log(`${options.label} | ${line}`);
    });
  };
  forward(child.stdout, false);
  forward(child.stderr, true);
  child.on('message', (m: unknown) => {
    // The child reports its final figures in a message just before it exits: sample once more.
    sample();
    messages.push(m as M);
    options.onMessage?.(m as M);
  });
  return new Promise((resolveChild, reject) => {
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolveChild({ messages, exitCode: code, signal, hwm, treePeak, stderrTail, descendantsCpuS: [...descendantsCpu.values()].reduce((a, b) => a + b, 0) });
    });
  });
}

/** A field of /proc/PID/status in kilobytes (0 when unreadable). */
function statusKb(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user and system) a process has used so far, from /proc (0 when unreadable). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid … utime stime: fields 14 and 15, counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/** A process and all its descendants (empty without /proc). */
export function processTree(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.pop()!;
    tree.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return tree;
}

/** The size of an output folder: files, bytes, HTML pages, bytes by top-level folder, and the largest files. */
export interface OutputSize {
  files: number;
  bytes: number;
  htmlPages: number;
  htmlBytes: number;
  /** Per top-level folder (`articles/`, `data/`, … and `(top)` for files at the top): files, bytes and its largest files. */
  byFolder: Record<string, { files: number; bytes: number; largest: Array<{ path: string; bytes: number }> }>;
  largest: Array<{ path: string; bytes: number }>;
}

/** Walks `dir` and sizes it up, keeping the `keep` largest files overall and 3 per folder. */
export function outputSize(dir: string, keep = 8): OutputSize {
  const all: Array<{ path: string; bytes: number; top: string }> = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else {
        const rel = relative(dir, path).split(sep).join('/');
        all.push({ path: rel, bytes: st.size, top: rel.includes('/') ? `${rel.slice(0, rel.indexOf('/'))}/` : '(top)' });
      }
    }
  };
  walk(dir);
  all.sort((a, b) => b.bytes - a.bytes);
  const size: OutputSize = { files: all.length, bytes: 0, htmlPages: 0, htmlBytes: 0, byFolder: {}, largest: all.slice(0, keep).map(({ path, bytes }) => ({ path, bytes })) };
  for (const f of all) {
    size.bytes += f.bytes;
    if (f.path.endsWith('.html')) {
      size.htmlPages++;
      size.htmlBytes += f.bytes;
    }
    const folder = (size.byFolder[f.top] ??= { files: 0, bytes: 0, largest: [] });
    folder.files++;
    folder.bytes += f.bytes;
    if (folder.largest.length < 3) folder.largest.push({ path: f.path, bytes: f.bytes });
  }
  return size;
}

/** Sends a message to the parent process (or prints it as a JSON line when run by hand). */
export function sendToParent<M>(message: M): Promise<void> {
  return new Promise((resolveSend) => {
    if (!process.send) {
      process.stdout.write(`${JSON.stringify(message)}\n`);
      resolveSend();
      return;
    }
    process.send(message, undefined, {}, () => resolveSend());
  });
}

/** Runs a benchmark child's `main`, reports a failure to the parent as an `error` message, and exits. */
export function runAsChild(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    async (e: unknown) => {
      await sendToParent({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      process.exit(1);
    },
  );
}
