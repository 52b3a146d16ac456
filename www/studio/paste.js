// rankclimb studio: cells pasted from a spreadsheet, read into the rank series.

import { studioPoints, studioReadPaste } from './pkg/rankclimb.js';
import { $, el, guard } from './dom.js';
import { commit } from './edits.js';
import { renderPoints } from './form.js';
import { w } from './state.js';

export function readPaste() {
  const text = $('paste').value;
  const box = $('columns');
  $('paste-error').textContent = '';
  if (!text.trim()) { box.replaceChildren(); box.hidden = true; return; }
  const read = guard(() => JSON.parse(studioReadPaste(text)));
  if (!read) return;
  if (read.error) {
    const m = w().paste[read.error.kind];
    $('paste-error').textContent = typeof m === 'function' ? m(read.error) : m;
    // The rows of an earlier paste must not stay usable under a refusal.
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const selects = Object.entries(w().columns).map(([field, label]) => {
    const select = el('select', { id: `column-${field}` },
      el('option', { value: '-1', text: w().none }),
      ...read.header.map((h, i) => el('option', { value: String(i), text: h || `#${i + 1}` })));
    select.value = String(read.guess[field] ?? -1);
    return el('label', {}, el('span', { text: label }), select);
  });
  const use = el('button', { type: 'button', id: 'use-rows', text: w().useRows });
  use.addEventListener('click', () => usePaste(text, read.header));
  box.replaceChildren(...selects, use);
  box.hidden = false;
}

export function usePaste(text, header) {
  const col = (f) => Number($(`column-${f}`).value);
  const got = guard(() => JSON.parse(studioPoints(text, col('year'), col('rank'), col('of'), col('sources'))));
  if (!got) return;
  $('paste-error').textContent = got.problems.map((p) => w().cell(p.row, header[p.column] || p.column + 1, p.text)).join(' ');
  commit((d) => {
    d.ranking = d.ranking || {};
    delete d.ranking.points_from;
    d.ranking.points = got.points;
  });
  renderPoints();
}

// The pasted text is set directly: Chromium's own editing of a large textarea (replacing
// 10,000 pasted rows with new ones) froze the page for 17-20 s.
export function pasteDirectly(e) {
  const text = e.clipboardData?.getData('text/plain');
  if (typeof text !== 'string') return;
  e.preventDefault();
  $('paste').value = text;
  readPaste();
}
