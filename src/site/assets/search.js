// Gloss search: Pagefind's own JavaScript API (served from /pagefind/, with any further bundles
// the form lists merged in by mergeIndex), filters for outlet, section, entity, entity type and
// claim source, sort by date. A query that names an entity by any of its names or spellings
// (names.js) finds every article that mentions it, through the entity filter, however the article
// spelled it; the entity leads the results, and its filter applies in one click. Results link to
// the matching passage with a text fragment. Excerpts are rebuilt as text nodes and <mark>
// elements only, never as HTML.
import { recognise } from '/assets/names.js';

const form = document.querySelector('form.search-page');
const input = document.getElementById('q');
const list = document.getElementById('search-results');
const status = document.getElementById('search-status');
const filterBox = document.getElementById('search-filters');
const leads = document.getElementById('search-entities');
const params = new URLSearchParams(location.search);
const FILTERS = ['outlet', 'section', 'entity type', 'entity', 'claim source'];
const TYPE_NAMES = { person: 'person', organization: 'organisation', place: 'place', event: 'event' };
const SHOWN = 30;

// A query submitted while the index loads waits for it, rather than leaving the page.
let ready = false;
form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (ready) run();
});

const [main, ...merged] = (form.getAttribute('data-pagefind-bundles') || '/pagefind/').split(/\s+/).filter(Boolean);
const pagefind = await import(`${main}pagefind.js`);
await pagefind.options({ excerptLength: 24 });
for (const bundle of merged) await pagefind.mergeIndex(bundle, { excerptLength: 24 });
pagefind.init();

const chosen = {};
const selects = {};
const sortBox = document.createElement('label');
const sortSelect = document.createElement('select');
for (const [value, label] of [['', 'relevance'], ['desc', 'newest first'], ['asc', 'oldest first']]) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  sortSelect.appendChild(o);
}
sortBox.append('Sort by ', sortSelect);

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Sets one filter (null clears it), in the select and for the next search. */
function choose(name, value) {
  if (value) chosen[name] = value;
  else delete chosen[name];
  if (selects[name]) selects[name].value = value || '';
}

async function buildFilters() {
  const available = await pagefind.filters();
  filterBox.replaceChildren();
  for (const name of FILTERS) {
    const values = available[name];
    if (!values || !Object.keys(values).length) continue;
    const label = el('label');
    const select = el('select');
    select.name = name;
    const any = el('option', 'any');
    any.value = '';
    select.appendChild(any);
    for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b))) {
      const o = el('option', `${value} (${values[value]})`);
      o.value = value;
      if (params.get(name) === value) o.selected = true;
      select.appendChild(o);
    }
    if (params.get(name)) chosen[name] = params.get(name);
    select.addEventListener('change', () => {
      choose(name, select.value);
      run();
    });
    selects[name] = select;
    label.append(name.charAt(0).toUpperCase() + name.slice(1) + ' ', select);
    filterBox.appendChild(label);
  }
  filterBox.appendChild(sortBox);
  filterBox.hidden = false;
}

function excerptNodes(excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const out = [];
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(node.textContent));
    else if (node.nodeName === 'MARK') out.push(el('mark', node.textContent));
    else out.push(document.createTextNode(node.textContent || ''));
  }
  return out;
}

/** The words round the first match, as a URL text fragment, so the page opens at the passage. */
function fragmentFor(excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const mark = doc.querySelector('mark');
  if (!mark) return '';
  const words = mark.textContent.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return words ? '#:~:text=' + encodeURIComponent(words) : '';
}

/** The entity a query names, leading the results: its page, its counts, and its filter in one click. */
function lead(entity, written) {
  const box = el('section', null, 'entity-lead');
  box.setAttribute('aria-label', `${entity.label}, ${TYPE_NAMES[entity.type] || entity.type}`);
  const line = el('p');
  // A name found in a single article has no page: it leads to its first mention there.
  const link = el('a', entity.label, `swatch t-${entity.type}`);
  link.href = entity.href;
  line.append(link, `, ${TYPE_NAMES[entity.type] || entity.type}: ${entity.page ? plural(entity.articles, 'article') : 'named in one article only'}, ${plural(entity.mentions, 'mention')}`);
  if (written.toLowerCase() !== entity.label.toLowerCase()) line.append(el('span', ` (you wrote “${written}”)`, 'muted'));
  const applied = chosen.entity === entity.label;
  const button = el('button', applied ? 'Show every result again' : `Only articles that mention ${entity.label}`);
  button.type = 'button';
  button.setAttribute('aria-pressed', String(applied));
  button.addEventListener('click', () => {
    choose('entity', applied ? null : entity.label);
    run();
  });
  box.append(line, button);
  return box;
}

/**
 * Results for a query: Pagefind's for its words, and, for each entity the query names, the pages
 * its entity filter finds (every article that mentions it, however spelled), those first.
 */
async function resultsFor(q, found, rest) {
  const sort = sortSelect.value ? { date: sortSelect.value } : undefined;
  const options = (filters) => (sort ? { filters, sort } : { filters });
  const entity = found.flatMap((f) => f.entities.slice(0, 1));
  if (!entity.length) return (await pagefind.search(q || null, options({ ...chosen }))).results;
  const labels = [...new Set(entity.map((e) => e.label))];
  const filter = { ...chosen, entity: labels.length === 1 ? labels[0] : labels };
  const byEntity = (await pagefind.search(rest || null, options(filter))).results;
  if (chosen.entity && labels.includes(chosen.entity)) return byEntity;
  const byWords = (await pagefind.search(q, options({ ...chosen }))).results;
  const ids = new Set(byEntity.map((r) => r.id));
  const both = byWords.filter((r) => ids.has(r.id));
  const bothIds = new Set(both.map((r) => r.id));
  return [...both, ...byEntity.filter((r) => !bothIds.has(r.id)), ...byWords.filter((r) => !ids.has(r.id))];
}

let generation = 0;
async function run() {
  const q = input.value.trim();
  const mine = ++generation;
  const url = new URL(location.href);
  url.search = '';
  if (q) url.searchParams.set('q', q);
  for (const [k, v] of Object.entries(chosen)) url.searchParams.set(k, v);
  history.replaceState(null, '', url);
  if (!q && !Object.keys(chosen).length) {
    list.replaceChildren();
    leads.replaceChildren();
    status.textContent = '';
    return;
  }
  const { found, rest } = q ? await recognise(q) : { found: [], rest: '' };
  const results = await resultsFor(q, found, rest);
  if (mine !== generation) return;
  // The entities' own pages are in the entity filter too; they lead the results as cards instead.
  const pages = new Set(found.flatMap((f) => f.entities.map((e) => `/entities/${e.id}/`)));
  const loaded = await Promise.all(results.slice(0, SHOWN + pages.size).map((r) => r.data()));
  if (mine !== generation) return;
  const data = loaded.filter((d) => !pages.has(d.url)).slice(0, SHOWN);
  leads.replaceChildren(...found.flatMap((f) => f.entities.slice(0, 3).map((e) => lead(e, f.written))));
  const total = results.length - (loaded.length - loaded.filter((d) => !pages.has(d.url)).length);
  status.textContent = `${plural(total, 'result')}${q ? ` for “${q}”` : ''}${chosen.entity ? `, only articles that mention ${chosen.entity}` : ''}`;
  list.replaceChildren(...data.map((d) => {
    const li = el('li');
    const a = el('a', (d.meta && d.meta.title) || d.url);
    a.href = d.url + fragmentFor(d.excerpt);
    const meta = el('div', [d.meta && d.meta.outlet, d.meta && d.meta.date].filter(Boolean).join(' · '), 'muted');
    const p = el('p');
    p.append(...excerptNodes(d.excerpt));
    li.append(a, meta, p);
    return li;
  }));
}

// What the reader typed while the index loaded stays; else the query of the address.
if (!input.value) input.value = params.get('q') || '';
await buildFilters();
sortSelect.addEventListener('change', run);
ready = true;
let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, 200);
});
run();
