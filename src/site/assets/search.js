// Gloss search: Pagefind's own JavaScript API (served from /pagefind/, with any further bundles
// the form lists merged in by mergeIndex), filters for outlet, section, entity, entity type and
// claim source, sort by date. Results link to the matching passage with a text fragment. Excerpts
// are rebuilt as text nodes and <mark> elements only, never as HTML.
const form = document.querySelector('form.search-page');
const input = document.getElementById('q');
const list = document.getElementById('search-results');
const status = document.getElementById('search-status');
const filterBox = document.getElementById('search-filters');
const params = new URLSearchParams(location.search);
const FILTERS = ['outlet', 'section', 'entity type', 'entity', 'claim source'];

const [main, ...merged] = (form.getAttribute('data-pagefind-bundles') || '/pagefind/').split(/\s+/).filter(Boolean);
const pagefind = await import(`${main}pagefind.js`);
await pagefind.options({ excerptLength: 24 });
for (const bundle of merged) await pagefind.mergeIndex(bundle, { excerptLength: 24 });
pagefind.init();

const chosen = {};
const sortBox = document.createElement('label');
const sortSelect = document.createElement('select');
for (const [value, label] of [['', 'relevance'], ['desc', 'newest first'], ['asc', 'oldest first']]) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  sortSelect.appendChild(o);
}
sortBox.append('Sort by ', sortSelect);

async function buildFilters() {
  const available = await pagefind.filters();
  filterBox.replaceChildren();
  for (const name of FILTERS) {
    const values = available[name];
    if (!values || !Object.keys(values).length) continue;
    const label = document.createElement('label');
    const select = document.createElement('select');
    select.name = name;
    const any = document.createElement('option');
    any.value = '';
    any.textContent = 'any';
    select.appendChild(any);
    for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b))) {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = `${value} (${values[value]})`;
      if (params.get(name) === value) o.selected = true;
      select.appendChild(o);
    }
    if (params.get(name)) chosen[name] = params.get(name);
    select.addEventListener('change', () => {
      if (select.value) chosen[name] = select.value;
      else delete chosen[name];
      run();
    });
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
    else if (node.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = node.textContent;
      out.push(m);
    } else out.push(document.createTextNode(node.textContent || ''));
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
    status.textContent = '';
    return;
  }
  const options = { filters: { ...chosen } };
  if (sortSelect.value) options.sort = { date: sortSelect.value };
  const search = await pagefind.search(q || null, options);
  if (mine !== generation) return;
  const data = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
  if (mine !== generation) return;
  status.textContent = `${search.results.length} result${search.results.length === 1 ? '' : 's'}${q ? ` for “${q}”` : ''}`;
  list.replaceChildren(...data.map((d) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url + fragmentFor(d.excerpt);
    a.textContent = (d.meta && d.meta.title) || d.url;
    const meta = document.createElement('div');
    meta.className = 'muted';
    meta.textContent = [d.meta && d.meta.outlet, d.meta && d.meta.date].filter(Boolean).join(' · ');
    const p = document.createElement('p');
    p.append(...excerptNodes(d.excerpt));
    li.append(a, meta, p);
    return li;
  }));
}

input.value = params.get('q') || '';
await buildFilters();
sortSelect.addEventListener('change', run);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  run();
});
let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, 200);
});
run();
