// Gloss: suggestions of entity names under a search box, as an ARIA 1.2 combobox with a listbox
// popup (the combobox pattern of the ARIA Authoring Practices). Up and Down move through the
// suggestions, Enter picks one (the box then searches for the entity), Escape closes the list.
// Names come from /search/names/ (names.js); every text is set as text, never as HTML.
import { prefetch, suggest } from '/assets/names.js';

const TYPE_NAMES = { person: 'Person', organization: 'Organisation', place: 'Place', event: 'Event' };
let count = 0;

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Turns a search input into a combobox of entity suggestions; safe to call twice. */
export function attach(input) {
  if (input.dataset.suggestAttached) return;
  input.dataset.suggestAttached = 'true';
  const id = `suggestions-${++count}`;
  const list = document.createElement('ul');
  list.id = id;
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Entities');
  list.hidden = true;
  // Beside the input, not round it: moving a focused input would take its focus away.
  input.after(list);
  input.form?.classList.add('suggesting');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', id);
  prefetch(input.value);

  let items = [];
  let active = -1;
  let generation = 0;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    items = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = (i) => {
    active = i;
    items.forEach((item, k) => item.el.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', items[i].el.id);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (item) => {
    input.value = item.entity.label;
    close();
    if (input.form) input.form.requestSubmit();
  };
  const show = async () => {
    const mine = ++generation;
    const found = input.value.trim() ? await suggest(input.value) : [];
    if (mine !== generation) return;
    if (!found.length) return close();
    items = found.map((s, i) => {
      const li = document.createElement('li');
      li.id = `${id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      const name = document.createElement('span');
      name.className = `swatch t-${s.entity.type}`;
      name.textContent = s.entity.label;
      li.append(name);
      if (s.written !== s.entity.label) li.append(` (${s.written})`);
      const about = document.createElement('span');
      about.className = 'muted';
      about.textContent = ` ${TYPE_NAMES[s.entity.type] || s.entity.type}, ${plural(s.entity.articles, 'article')}`;
      li.append(about);
      li.addEventListener('mousedown', (e) => e.preventDefault());
      li.addEventListener('click', () => pick(s));
      return { ...s, el: li };
    });
    list.replaceChildren(...items.map((i) => i.el));
    list.style.left = `${input.offsetLeft}px`;
    list.style.top = `${input.offsetTop + input.offsetHeight}px`;
    list.style.minWidth = `${input.offsetWidth}px`;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };

  input.addEventListener('input', show);
  // Letters typed while this module loaded have had no suggestions yet.
  if (document.activeElement === input && input.value.trim()) show();
  input.addEventListener('focus', () => prefetch(input.value));
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) {
        show();
        return;
      }
      e.preventDefault();
      const n = items.length;
      highlight(e.key === 'ArrowDown' ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
    } else if (e.key === 'Enter' && active >= 0 && !list.hidden) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
}
