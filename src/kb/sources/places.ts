import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { emptyRead, toQid, type SourceRead } from '../record.ts';

interface Place {
  id?: unknown;
  label?: unknown;
  description?: unknown;
  wikipedia_title?: unknown;
  population?: unknown;
}

/** The objects on one line: usually one, sometimes two or more run together (`}{`). */
export function splitRunTogether(line: string): { objects: string[]; repaired: boolean } {
  const objects = line.split(/(?<=\})\s*(?=\{)/);
  return { objects, repaired: objects.length > 1 };
}

/** `places/*.json`: one JSON object a line, every item a place; population is the prior. */
export function readPlaces(dir: string): SourceRead {
  const read = emptyRead();
  const folder = join(dir, 'places');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const source = `places/${file.replace(/\.json$/, '')}`;
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { objects, repaired } = splitRunTogether(line.trim());
      if (repaired) read.repaired++;
      for (const text of objects) {
        read.rows++;
        let place: Place;
        try {
          place = JSON.parse(text) as Place;
        } catch {
          read.skipped++;
          continue;
        }
        const qid = toQid(place.id);
        if (!qid || typeof place.label !== 'string') {
          read.skipped++;
          continue;
        }
        const population = Number(place.population);
        const title = typeof place.wikipedia_title === 'string' ? [place.wikipedia_title] : [];
        const description = typeof place.description === 'string' ? place.description : undefined;
        read.records.push({ qid, source, type: 'place', label: place.label, aliases: title, ...(description ? { description } : {}), ...(Number.isFinite(population) && population > 0 ? { population } : {}) });
      }
    }
  }
  return read;
}
