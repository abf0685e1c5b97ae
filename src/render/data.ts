import { NEUTRALISED_COLUMNS, datasetFiles, type DatasetFile } from '../export/index.ts';
import { readdirSync } from 'node:fs';
import { SCHEMA_DIR } from '../validate/schemas.ts';
import { figuresPlaceholder } from '../export/figures.ts';
import { html, trusted, type SafeHtml } from './html.ts';
import type { SiteData } from './site.ts';

/** Links to one published file, or to each article's file of a per-article family. */
function links(file: DatasetFile, site: SiteData): SafeHtml {
  if (file.path.includes('{id}')) {
    const sample = site.documents.slice(0, 3).map((d) => d.article.id);
    return html`one per article, for example ${sample.map((id, i) => html`${i ? ', ' : ''}<a href="/data/${file.path.replace('{id}', id)}">${file.path.replace('{id}', id)}</a>`)}; every article page links its own`;
  }
  if (file.path.includes('{name}')) {
    const names = readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json')).sort();
    return html`one per schema: ${names.map((n, i) => html`${i ? ', ' : ''}<a href="/data/schemas/${n}">${n}</a>`)}`;
  }
  return html`<a href="/data/${file.path}" download>${file.path}</a>`;
}

/** The dataset page: every file, every column, and the rules they follow. */
export function dataPage(site: SiteData): SafeHtml {
  const files = datasetFiles();
  return html`<h1>The dataset</h1>
<p class="lede">Every annotation in the reader, as files to download and analyse: CSV for pandas, R and spreadsheets, JSON-LD for triple stores, SQLite for SQL. The same build writes the pages and the files, so they always agree; two builds of the same articles give byte-identical files.</p>
<section class="download-all" aria-labelledby="download-all">
<h2 id="download-all">Download everything</h2>
<ul>
<li><a class="download" href="/data/gloss-dataset.zip" download>gloss-dataset.zip</a> ${trusted(figuresPlaceholder('gloss-dataset.zip'))}: every table, <code>datapackage.json</code>, the schemas, the JSON-LD, the article texts and a README (what each file holds, how to cite it, the licences, the annotator's version and measured accuracy), in one file.</li>
<li><a class="download" href="/data/gloss.sqlite" download>gloss.sqlite</a> ${trusted(figuresPlaceholder('gloss.sqlite'))}: the tables as an SQLite database, with primary and foreign keys, indexes and full-text search over the article texts, for <code>sqlite3</code> or Datasette.</li>
</ul>
<p>Check a download against its SHA-256 with <code>sha256sum gloss-dataset.zip</code> (or <code>shasum -a 256</code>).</p>
</section>
<h2>How to read it</h2>
<ul>
<li><strong>Offsets</strong> (<code>start</code>, <code>end</code>) count Unicode code points into the article's source text, <code>sources/ID.txt</code>, end exclusive: in Python, <code>open('sources/ID.txt', encoding='utf-8').read()[start:end] == exact</code> for every mention and claim.</li>
<li><strong>CSV</strong> files follow RFC 4180: UTF-8, a header row, booleans written <code>true</code>/<code>false</code>, an empty cell for a missing value. <code>datapackage.json</code> describes every table (types, keys, foreign keys) as a Frictionless Data Package, with each file's SHA-256.</li>
<li><strong>Formula safety</strong>: in the free-text columns ${NEUTRALISED_COLUMNS.map((c, i) => html`${i ? ', ' : ''}<code>${c}</code>`)}, a cell that a spreadsheet would run as a formula (one starting with <code>=</code>, <code>+</code>, <code>-</code>, <code>@</code>, a tab or a carriage return) is prefixed with a single quote <code>'</code>, as OWASP advises against CSV injection; remove a leading <code>'</code> to get the text back. The quote columns <code>exact</code>, <code>prefix</code> and <code>suffix</code> are never changed, so offsets stay exact.</li>
<li><strong>JSON-LD</strong>: <code>corpus.jsonld</code> uses schema.org; <code>annotations.jsonld</code> follows the W3C Web Annotation model. Both expand offline with the contexts in <a href="/data/contexts/anno.jsonld">contexts/</a>.</li>
<li><strong>Licence</strong>: the annotations are released under CC BY 4.0; the article texts remain their publishers'.</li>
</ul>
<h2>Files</h2>
${files.map((f) => html`<section class="dataset-file" aria-labelledby="file-${f.name.replace(/[^a-z0-9-]/gi, '-')}">
<h3 id="file-${f.name.replace(/[^a-z0-9-]/gi, '-')}">${f.title}</h3>
<p>${f.description}</p>
<p>File: ${links(f, site)} (${f.mediatype})</p>
${f.columns ? html`<table><caption class="visually-hidden">Columns of ${f.path}</caption><thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead>
<tbody>${f.columns.map((c) => html`<tr><td><code>${c.name}</code></td><td>${c.type}${c.required ? ', required' : ''}</td><td>${c.description}</td></tr>`)}</tbody></table>` : ''}
</section>`)}`;
}
