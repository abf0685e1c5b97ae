import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Written } from './zip.ts';

/**
 * The size and SHA-256 of the downloads on the /data/ page. The page is rendered while the export
 * worker is still writing the archive and the database, so it holds a placeholder per download,
 * which the build fills in (fillDataPage) once the export has finished, before the site goes live.
 */

/** The downloads whose figures the data page shows. */
export type DownloadPath = 'gloss-dataset.zip' | 'gloss.sqlite';

/** What the page says when it was rendered without a build (Eleventy alone). */
const NOT_MEASURED = 'size and SHA-256 are filled in by the build';

/** The placeholder the data page renders for a download's figures. */
export function figuresPlaceholder(path: DownloadPath): string {
  return `<span class="figures" data-figures="${path}">(${NOT_MEASURED})</span>`;
}

/** "1.2 MB", "830 kB", "512 bytes": decimal units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

function figures(path: DownloadPath, w: Written): string {
  return `<span class="figures" data-figures="${path}">(${formatBytes(w.bytes)}, ${w.bytes.toLocaleString('en-GB')} bytes; SHA-256 <code class="hash">${w.sha256}</code>)</span>`;
}

/**
 * The page's HTML with each download's figures (the placeholder, or figures an earlier build filled
 * in, which a rebuild that did not render the page again carries over) set to these.
 */
export function fillFigures(html: string, downloads: Record<'zip' | 'sqlite', Written>): string {
  const set = (page: string, path: DownloadPath, w: Written): string => page.replace(new RegExp(`<span class="figures" data-figures="${path.replace(/\./g, '\\.')}">\\(.*?\\)</span>`), () => figures(path, w));
  return set(set(html, 'gloss-dataset.zip', downloads.zip), 'gloss.sqlite', downloads.sqlite);
}

/**
 * Fills in the figures of `<site>/data/index.html`; does nothing when the site has no data page.
 * The page is replaced, not written over: a rebuild may have linked it from the previous site.
 */
export function fillDataPage(site: string, downloads: Record<'zip' | 'sqlite', Written>): void {
  const page = join(site, 'data', 'index.html');
  let html: string;
  try {
    html = readFileSync(page, 'utf8');
  } catch {
    return;
  }
  const filled = fillFigures(html, downloads);
  if (filled === html) return;
  const temp = `${page}.${process.pid}.tmp`;
  writeFileSync(temp, filled);
  renameSync(temp, page);
}
