// Gloss: enhancements only. Every page works without this file: marks, links and tables are HTML.
// Sends search boxes to the search page and gives them entity suggestions; adds the entity card on
// focus and hover, the type toggles, the low-confidence switch and the j/k keys to move between
// marks. Lists sort and page by links, without script. No third-party code.
(() => {
  'use strict';
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const text = (tag, content, className) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = content;
    return el;
  };

  for (const el of $$('[data-js-only]')) el.hidden = false;

  // Search boxes: without script a search leads to the entity index, with it to the search page;
  // entity suggestions load when a box first has focus.
  for (const form of $$('form[data-search-action]')) form.action = form.getAttribute('data-search-action');
  document.addEventListener('focusin', (e) => {
    const input = e.target;
    if (input && input.matches && input.matches('input[data-suggest]')) import('/assets/suggest.js').then((m) => m.attach(input), () => undefined);
  });

  // Article: cards, toggles, keys.
  const article = $('.article');
  const cardsData = $('#gloss-cards');
  if (article && cardsData) {
    const cards = JSON.parse(cardsData.textContent || '{}');
    const card = document.createElement('div');
    card.className = 'card';
    card.id = 'gloss-card';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    (document.getElementById('main') || document.body).appendChild(card);
    let owner = null;

    const show = (mark) => {
      const id = mark.getAttribute('data-entity');
      const info = id ? cards[id] : null;
      card.replaceChildren();
      if (info) {
        card.appendChild(text('h2', info.label));
        card.appendChild(text('p', info.type + (info.generated ? ' · not in the knowledge base' : ''), 'muted'));
        if (info.description) card.appendChild(text('p', info.description));
        const links = document.createElement('p');
        if (info.page) {
          card.appendChild(text('p', info.mentions + ' mention' + (info.mentions === 1 ? '' : 's') + ' in ' + info.articles + ' article' + (info.articles === 1 ? '' : 's')));
          const page = text('a', 'Entity page');
          page.href = '/entities/' + encodeURIComponent(id) + '/';
          links.appendChild(page);
        } else {
          // A name found in this article alone has no page; search finds it wherever else it is written.
          card.appendChild(text('p', 'Named only in this article (' + info.mentions + ' mention' + (info.mentions === 1 ? '' : 's') + ').'));
          const search = text('a', 'Search for “' + info.label + '”');
          search.href = '/search/?q=' + encodeURIComponent(info.label);
          links.appendChild(search);
        }
        if (info.wikidata && /^Q\d+$/.test(info.wikidata)) {
          links.appendChild(document.createTextNode(' · '));
          const wd = text('a', 'Wikidata ' + info.wikidata);
          wd.href = 'https://www.wikidata.org/wiki/' + info.wikidata;
          wd.rel = 'noopener noreferrer external';
          links.appendChild(wd);
        }
        card.appendChild(links);
      } else if (mark.classList.contains('claim')) {
        card.appendChild(text('h2', 'Claim'));
        card.appendChild(text('p', mark.getAttribute('data-badge') || ''));
      } else {
        card.appendChild(text('h2', mark.getAttribute('title') || 'Date'));
      }
      const r = mark.getBoundingClientRect();
      card.hidden = false;
      const left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8));
      card.style.left = left + 'px';
      card.style.top = window.scrollY + r.bottom + 6 + 'px';
      mark.setAttribute('aria-describedby', 'gloss-card');
      owner = mark;
    };
    const hide = () => {
      if (owner) owner.removeAttribute('aria-describedby');
      owner = null;
      card.hidden = true;
    };
    const markOf = (el) => (el && el.closest ? el.closest('.m, .claim[id]') : null);
    article.addEventListener('focusin', (e) => { const m = markOf(e.target); if (m) show(m); });
    article.addEventListener('focusout', (e) => { if (!card.contains(e.relatedTarget)) hide(); });
    article.addEventListener('mouseover', (e) => { const m = markOf(e.target); if (m && m !== owner) show(m); });
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
    document.addEventListener('click', (e) => { if (!card.contains(e.target) && !markOf(e.target)) hide(); });

    // Toggles per type and for claims; the low-confidence switch (off: low marks look like text).
    for (const box of $$('.toggle')) {
      box.disabled = false;
      box.addEventListener('change', () => {
        article.classList.toggle('hide-' + box.getAttribute('data-toggle'), !box.checked);
      });
    }
    const low = $('#show-low');
    if (low) {
      article.classList.add('hide-low');
      low.addEventListener('change', () => article.classList.toggle('hide-low', !low.checked));
    }

    // j / k: next and previous visible mark.
    const visible = () => $$('.m, .claim[id]', article).filter((m) => {
      const type = m.classList.contains('claim') ? 'claim' : m.getAttribute('data-type');
      if (article.classList.contains('hide-' + type)) return false;
      if (m.classList.contains('low') && article.classList.contains('hide-low')) return false;
      return true;
    });
    document.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      if (e.key !== 'j' && e.key !== 'k') return;
      const marks = visible();
      if (!marks.length) return;
      const current = marks.indexOf(markOf(document.activeElement));
      const next = e.key === 'j' ? (current + 1) % marks.length : (current <= 0 ? marks.length - 1 : current - 1);
      marks[next].focus();
      e.preventDefault();
    });
  }
})();
