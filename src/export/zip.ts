import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';

/**
 * gloss-dataset.zip: the dataset's files in one archive (APPNOTE 6.3 deflate, written by fflate),
 * the same bytes for the same files on any machine: entries in the order given (the caller sorts
 * them), every entry dated 1980-01-01 00:00, the DOS epoch (fflate writes a DOS date from the
 * local clock fields, and a date built from local fields reads back the same in every time zone),
 * no extra fields, no file-system attributes.
 */

/** One entry: its name in the archive and the file on disk it copies. */
export interface ZipEntry {
  name: string;
  file: string;
}

/** A written file's size and SHA-256. */
export interface Written {
  bytes: number;
  sha256: string;
}

/** The one date every entry carries. */
const EPOCH = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Writes the archive to `target` entry by entry, streaming: only one file and its compressed
 * bytes are in memory at a time, whatever the size of the dataset.
 */
export function writeZip(target: string, entries: ZipEntry[]): Written {
  const hash = createHash('sha256');
  let bytes = 0;
  let failure: Error | null = null;
  const fd = openSync(target, 'w');
  try {
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else {
        writeSync(fd, chunk);
        hash.update(chunk);
        bytes += chunk.length;
      }
    });
    for (const entry of entries) {
      const file = new ZipDeflate(entry.name, { level: 6 });
      file.mtime = EPOCH;
      zip.add(file);
      file.push(readFileSync(entry.file), true);
      if (failure) throw failure;
    }
    zip.end();
    if (failure) throw failure;
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}
