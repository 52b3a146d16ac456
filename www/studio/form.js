// rankclimb studio: the form: each part of the data file drawn from the draft.

import { $, el } from './dom.js';
import { commit } from './edits.js';
import {
  bilingual, checkBox, idsInput, idsOf, numberInput, numberOr, paren, removeButton, textInput,
} from './fields.js';
import { renderSnippets } from './preview.js';
import { POINTS_PAGE, emptyText, getAt, state, w } from './state.js';

export function renderTexts() {
  const f = w().fields;
  const box = $('texts');
  box.replaceChildren(el('legend', { text: w().texts }),
    bilingual('title', f.title), bilingual('subtitle', f.subtitle), bilingual('place', f.place),
    bilingual('place_short', f.place_short), bilingual('ranking.label', f.label),
    textInput('measure_word', f.measure_word), languageSelect(), exampleBox(),
    bilingual('ranking.consecutive_rises.text', f.claim),
    idsInput('ranking.consecutive_rises.sources', `${f.claim}: ${w().sourceIds}`));
}

// The language a reader sees first; the reader can switch.
export function languageSelect() {
  const select = el('select', { 'data-path': 'language' },
    el('option', { value: 'zh-CN', text: '中文' }), el('option', { value: 'en', text: 'English' }));
  select.value = state.draft.language || 'zh-CN';
  select.addEventListener('change', () => commit((d) => { d.language = select.value; }));
  return el('label', {}, el('span', { text: w().fields.language }), select);
}

// Invented data is marked as example data wherever it is shown.
export function exampleBox() {
  const box = el('input', { type: 'checkbox', 'data-path': 'example' });
  box.checked = Boolean(state.draft.example);
  box.addEventListener('change', () => commit((d) => { d.example = box.checked; }));
  return el('label', { class: 'studio-check' }, box, el('span', { text: w().fields.example }));
}

export function renderSources() {
  $('sources').replaceChildren(...(state.draft.sources || []).map((s, i) => {
    const remove = el('button', { type: 'button', text: w().remove });
    remove.addEventListener('click', () => {
      commit((d) => d.sources.splice(i, 1));
      renderSources();
    });
    // A source cites a document and a passage of it, or is a citation of its own.
    const body = s.document !== undefined
      ? [textInput(`sources[${i}].document`, w().document), bilingual(`sources[${i}].passage`, w().passage)]
      : [bilingual(`sources[${i}].text`, w().text)];
    return el('div', { class: 'studio-source' }, textInput(`sources[${i}].id`, w().id),
      bilingual(`sources[${i}].short`, w().short), ...body,
      textInput(`sources[${i}].url`, w().url), remove);
  }));
}

export function renderDocuments() {
  $('documents').replaceChildren(...(state.draft.documents || []).map((d, i) => {
    const remove = el('button', { type: 'button', text: w().remove });
    remove.addEventListener('click', () => {
      commit((x) => x.documents.splice(i, 1));
      renderDocuments();
    });
    return el('div', { class: 'studio-document' }, textInput(`documents[${i}].id`, w().id),
      bilingual(`documents[${i}].citation`, w().citation), bilingual(`documents[${i}].short`, w().short),
      textInput(`documents[${i}].url`, w().url), remove);
  }));
}

function pointsPager(count) {
  const pages = Math.ceil(count / POINTS_PAGE);
  state.pointsPage = Math.min(Math.max(state.pointsPage, 0), Math.max(pages - 1, 0));
  if (pages <= 1) return '';
  const first = state.pointsPage * POINTS_PAGE;
  const go = (page, label, disabled) => {
    const b = el('button', { type: 'button', text: label });
    b.disabled = disabled;
    b.addEventListener('click', () => { state.pointsPage = page; renderPoints(); });
    return b;
  };
  return el('p', { class: 'studio-pager' },
    go(state.pointsPage - 1, w().previousRows, state.pointsPage === 0),
    el('span', { text: w().rowsOf(first + 1, Math.min(first + POINTS_PAGE, count), count) }),
    go(state.pointsPage + 1, w().nextRows, state.pointsPage >= pages - 1));
}

export function renderPoints() {
  const points = state.draft.ranking?.points || [];
  const pager = pointsPager(points.length);
  const first = state.pointsPage * POINTS_PAGE;
  const rows = points.slice(first, first + POINTS_PAGE).map((p, at) => {
    const i = first + at;
    const ids = el('input', { type: 'text', 'data-path': `ranking.points[${i}].sources`, 'aria-label': `${p.year} ${w().head[3]}` });
    ids.value = (p.sources || []).join('; ');
    ids.addEventListener('input', () => commit((d) => {
      d.ranking.points[i].sources = ids.value.split(/[;；]/).map((s) => s.trim()).filter(Boolean);
    }, `ranking.points[${i}].sources`));
    const note = (lang, n) => {
      const input = el('input', { type: 'text', 'data-path': `ranking.points[${i}].note.${lang}`, 'aria-label': `${p.year} ${w().head[n]}` });
      input.value = p.note?.[lang] ?? '';
      input.addEventListener('input', () => commit((d) => {
        const q = d.ranking.points[i];
        q.note = { 'zh-CN': q.note?.['zh-CN'] ?? '', en: q.note?.en ?? '', [lang]: input.value };
      }, `ranking.points[${i}].note.${lang}`));
      return input;
    };
    return el('tr', {}, el('th', { scope: 'row', 'data-path': `ranking.points[${i}].year`, tabindex: '-1', text: String(p.year) }),
      el('td', { 'data-path': `ranking.points[${i}].rank`, tabindex: '-1', text: p.rank ?? w().notPublished }),
      el('td', { 'data-path': `ranking.points[${i}].of`, tabindex: '-1', text: p.of ?? '—' }),
      el('td', {}, ids), el('td', {}, note('zh-CN', 4)), el('td', {}, note('en', 5)));
  });
  $('points').replaceChildren(...(rows.length
    ? [pager, el('table', { class: 'studio-points' }, el('thead', {}, el('tr', {}, ...w().head.map((h) => el('th', { scope: 'col', text: h })))), el('tbody', {}, ...rows))]
    : []));
  const axis = state.draft.ranking?.axis;
  $('axis').value = typeof axis === 'object' && axis ? 'range' : (axis || 'full');
  $('axis-range').hidden = $('axis').value !== 'range';
  $('axis-from').value = axis?.from ?? '';
  $('axis-to').value = axis?.to ?? '';
}

// Each note's fields follow its kind: a rank for a line, two years for a band, a year for a
// note on a point.
export function renderAnnotations() {
  const list = state.draft.ranking?.annotations || [];
  $('annotations').replaceChildren(...list.map((a, i) => {
    const base = `ranking.annotations[${i}]`;
    const kind = el('select', { 'data-path': `${base}.kind` },
      ...Object.entries(w().kinds).map(([k, name]) => el('option', { value: k, text: name })));
    kind.value = a.kind;
    kind.addEventListener('change', () => {
      commit((d) => {
        const n = getAt(d, base);
        for (const k of ['rank', 'year', 'from', 'to']) delete n[k];
        n.kind = kind.value;
      });
      renderAnnotations();
    });
    const where = {
      line: [numberInput(`${base}.rank`, w().rank)],
      band: [numberInput(`${base}.from`, w().from), numberInput(`${base}.to`, w().to)],
      callout: [numberInput(`${base}.year`, w().year)],
    }[a.kind] || [];
    return el('div', { class: 'studio-annotation' }, el('label', {}, el('span', { text: w().kind }), kind), ...where,
      bilingual(`${base}.text`, w().noteText), idsInput(`${base}.sources`, w().sourceIds),
      removeButton('ranking.annotations', i, renderAnnotations));
  }));
}

// Another place: its name, and a rank for each of the main series' years (empty: not
// published), all backed by the sources named.
export function renderPeers() {
  const years = (state.draft.ranking?.points || []).map((p) => p.year);
  const list = state.draft.ranking?.peers || [];
  $('peers').replaceChildren(...list.map((peer, i) => {
    const base = `ranking.peers[${i}]`;
    const ranks = years.map((year) => {
      const input = el('input', { type: 'number', min: '1', 'data-peer-year': `${i}:${year}`,
        'data-path': `${base}.points[${(peer.points || []).findIndex((q) => q.year === year)}].rank` });
      input.value = (peer.points || []).find((q) => q.year === year)?.rank ?? '';
      input.addEventListener('input', () => commit((d) => {
        const p = getAt(d, base);
        const sources = p.points?.find((q) => q.sources?.length)?.sources || [];
        const others = (p.points || []).filter((q) => q.year !== year);
        const rank = numberOr(input.value, null);
        p.points = [...others, ...(rank === null ? [] : [{ year, rank, of: null, sources }])]
          .sort((a, b) => a.year - b.year);
      }, `${base}.${year}`));
      return el('label', {}, el('span', { text: String(year) }), input);
    });
    const sources = el('input', { type: 'text', 'data-path': `${base}.points` });
    sources.value = (peer.points?.[0]?.sources || []).join('; ');
    sources.addEventListener('input', () => commit((d) => {
      for (const q of getAt(d, base).points || []) q.sources = idsOf(sources.value);
    }, `${base}.sources`));
    return el('div', { class: 'studio-peer' }, bilingual(`${base}.name`, w().name),
      el('p', { text: w().peerRanks }), el('div', { class: 'studio-years' }, ...ranks),
      el('label', {}, el('span', { text: w().sourceIds }), sources),
      removeButton('ranking.peers', i, renderPeers));
  }));
}

// A panel's fields follow its kind: the number ranked and a reference for sub-rankings, the
// measures for bars; every item has a label, its value or values, and sources.
export function renderPanels() {
  $('panels').replaceChildren(...(state.draft.panels || []).map((p, i) => {
    const base = `panels[${i}]`;
    const add = (label, f) => {
      const b = el('button', { type: 'button', text: label });
      b.addEventListener('click', () => { commit(f); renderPanels(); });
      return b;
    };
    const items = (p.items || []).map((it, j) => {
      const at = `${base}.items[${j}]`;
      const fields = {
        ranks: () => [numberInput(`${at}.rank`, w().rank, null)],
        bars: () => (p.measures || []).map((m, k) => numberInput(`${at}.values[${k}]`, `${m.label?.[state.ui] || w().measure} ${k + 1}`, null)),
        stats: () => [numberInput(`${at}.value`, w().value, null), bilingual(`${at}.unit`, w().unit), bilingual(`${at}.detail`, w().detail)],
      }[p.kind]?.() || [];
      return el('div', { class: 'studio-item' }, bilingual(`${at}.label`, w().label), ...fields,
        idsInput(`${at}.sources`, w().sourceIds), removeButton(`${base}.items`, j, renderPanels));
    });
    const head = {
      ranks: () => [numberInput(`${base}.of`, w().of),
        bilingual(`${base}.reference.label`, w().reference), numberInput(`${base}.reference.rank`, w().refRank),
        idsInput(`${base}.reference.sources`, paren(w().sourceIds, w().reference))],
      bars: () => [...(p.measures || []).map((m, k) => el('div', { class: 'studio-item' },
        bilingual(`${base}.measures[${k}].label`, `${w().measure} ${k + 1}`), bilingual(`${base}.measures[${k}].unit`, w().unit),
        checkBox(`${base}.measures[${k}].signed`, w().signed),
        el('div', { class: 'studio-pair' }, numberInput(`${base}.measures[${k}].shift.zh-CN`, paren(w().shift, w().zh)),
          numberInput(`${base}.measures[${k}].shift.en`, paren(w().shift, w().en))),
        removeButton(`${base}.measures`, k, renderPanels))),
      add(w().addMeasure, (d) => {
        const q = getAt(d, base);
        q.measures = [...(q.measures || []), { label: emptyText(), unit: emptyText() }];
        for (const it of q.items || []) it.values = [...(it.values || []), null];
      })],
      stats: () => [],
    }[p.kind]?.() || [];
    const newItem = {
      ranks: () => ({ label: emptyText(), rank: null, sources: [] }),
      bars: () => ({ label: emptyText(), values: (p.measures || []).map(() => null), sources: [] }),
      stats: () => ({ label: emptyText(), value: null, unit: emptyText(), sources: [] }),
    }[p.kind];
    return el('div', { class: 'studio-panel' }, el('p', { class: 'studio-panel-head', text: `${i + 1}. ${w().panelKinds[p.kind] || p.kind}` }),
      bilingual(`${base}.title`, w().fields.title), bilingual(`${base}.subtitle`, w().subtitle), ...head, ...items,
      ...(newItem ? [add(w().addItem, (d) => getAt(d, `${base}.items`).push(newItem()))] : []),
      removeButton('panels', i, renderPanels));
  }));
}

export function render() {
  document.documentElement.lang = state.ui;
  for (const e of document.querySelectorAll('[data-t]')) {
    const v = w()[e.dataset.t];
    if (typeof v === 'string') e.textContent = v;
  }
  $('ui-lang').textContent = state.ui === 'en' ? '中文' : 'English';
  $('preview-lang').value = state.draft.language || 'zh-CN';
  renderTexts();
  renderDocuments();
  renderSources();
  renderPoints();
  renderAnnotations();
  renderPeers();
  renderPanels();
  renderSnippets();
}
