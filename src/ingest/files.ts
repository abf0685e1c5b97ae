import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative as relativePath, sep } from 'node:path';
import { error, warning } from '../problems.ts';
import type { ContentProblem } from '../types.ts';

/** Article file extensions ingest reads. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'];
/** The ending of a sidecar's name: `NAME.meta.json` beside `NAME.txt` or `NAME.md`. */
export const SIDECAR = '.meta.json';

/** An article file found under the seeds folder. */
export interface SeedFile {
  /** Its path on disk. */
  path: string;
  /** Its path under the seeds folder, folders separated by `/` (`business/001.txt`). */
  relative: string;
  /** Its sidecar's path under the seeds folder, or null when it has none. */
  sidecar: string | null;
}

/** The article files of a seeds folder in path order, and the problems met on the way. */
export interface SeedListing {
  files: SeedFile[];
  problems: ContentProblem[];
}

function isInside(child: string, parent: string): boolean {
  const rel = relativePath(parent, child);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !rel.includes(`..${sep}`);
}

/**
 * Lists the article files of a seeds folder and of its folders, depth first with the names of
 * each folder sorted by code unit, so the order is the same on every machine ("path order").
 * Nothing is dropped in silence: hidden files and folders, links to folders and files of other
 * kinds are reported; a link that leads outside the seeds folder is refused.
 */
export function listSeeds(dir: string, displayDir = 'seeds'): SeedListing {
  const problems: ContentProblem[] = [];
  const files: SeedFile[] = [];
  let realDir: string;
  try {
    realDir = realpathSync(dir);
    readdirSync(dir);
  } catch {
    return { files, problems: [error(displayDir, '', 'is not a readable folder; create it and put the articles in it')] };
  }
  const show = (relative: string): string => `${displayDir}/${relative}`;

  const walk = (folder: string, prefix: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      problems.push(error(show(prefix.slice(0, -1)), '', 'is a folder Gloss cannot read; give it read permission or move it out of seeds/'));
      return;
    }
    const stems = new Set<string>();
    for (const name of names) {
      const path = join(folder, name);
      const relative = prefix + name;
      const stat = lstatSync(path);
      let kind: 'file' | 'folder' | 'other' = stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
      if (stat.isSymbolicLink()) {
        let target: string | null = null;
        try {
          target = realpathSync(path);
        } catch {
          target = null;
        }
        const toFolder = target !== null && statSync(target).isDirectory();
        if (toFolder && (target === realDir || isInside(target!, realDir))) {
          problems.push(warning(show(relative), '', 'is a symbolic link to a folder, which Gloss does not follow (its articles would be read twice); remove the link, or replace it with the folder itself'));
          continue;
        }
        if (!target || !isInside(target, realDir)) {
          const what = toFolder ? 'folder' : 'file';
          problems.push(error(show(relative), '', `is a symbolic link to a ${what} outside the seeds folder, which Gloss refuses to read; copy the ${what} into ${displayDir}/ instead`));
          continue;
        }
        kind = statSync(target).isFile() ? 'file' : 'other';
      }
      if (kind === 'other') continue;
      if (name.startsWith('.')) {
        // Editors and tools leave hidden files and folders about: each is skipped with a word.
        const what = kind === 'folder' ? 'hidden folder' : 'hidden file';
        problems.push(warning(show(relative), '', `is a ${what} (its name starts with a dot), so Gloss skips it; rename it without the dot to include it`));
        continue;
      }
      if (kind === 'folder') {
        walk(path, `${relative}/`);
        continue;
      }
      if (name.endsWith(SIDECAR)) continue;
      const ext = extname(name).toLowerCase();
      if (!ARTICLE_EXTENSIONS.includes(ext)) {
        problems.push(error(show(relative), '', `is not an article file (Gloss reads ${ARTICLE_EXTENSIONS.join(' and ')}); rename it or move it out of ${displayDir}/`));
        continue;
      }
      const stem = name.slice(0, -ext.length);
      stems.add(stem);
      files.push({ path, relative, sidecar: names.includes(stem + SIDECAR) ? prefix + stem + SIDECAR : null });
    }
    for (const name of names.filter((n) => n.endsWith(SIDECAR) && !n.startsWith('.'))) {
      const stem = name.slice(0, -SIDECAR.length);
      if (!stems.has(stem)) problems.push(error(show(prefix + name), '', `is metadata for an article "${stem}.txt" or "${stem}.md" that does not exist; rename it to match its article or delete it`));
    }
  };
  walk(dir, '');
  return { files, problems };
}
