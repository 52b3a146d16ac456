// rankclimb studio: the check, the problems, the preview charts and the snippets, after each edit.

import { Chart, studioCheck, studioSnippets } from './pkg/rankclimb.js';
import { $, el, guard, say } from './dom.js';
import { after } from './edits.js';
import { POINTS_PAGE, state, w } from './state.js';

// The two short snippets of the download's README, written by the wasm (one place for them),
// with the file name the download will have. A draft that cannot be read yet shows none.
export function renderSnippets() {
  let codes = [];
  try {
    codes = JSON.parse(studioSnippets(JSON.stringify(state.draft)));
  } catch {
    codes = [];
  }
  const snippets = codes.map((code, k) => [k === 0 ? w().snippetDiv : w().snippetFrame, code]);
  $('snippets').replaceChildren(...snippets.map(([label, code], k) => {
    const area = el('textarea', { readonly: '', rows: '4', id: `snippet-${k}`, spellcheck: 'false' });
    area.value = code;
    const copy = el('button', { type: 'button', text: w().copy });
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(code);
      } catch {
        area.select();
        document.execCommand('copy');
      }
      say(w().copied);
    });
    return el('div', {}, el('label', { for: `snippet-${k}`, text: label }), area, copy);
  }));
}

// The field a problem names; for a missing part ("ranking.consecutive_rises: missing field")
// its first field; else the nearest enclosing one.
export function focusPath(path) {
  // A row on another page of the rank series: that page first.
  const point = /^ranking\.points\[(\d+)\]/.exec(path || '');
  if (point && !document.querySelector(`[data-path^="ranking.points[${point[1]}]"]`)) {
    state.pointsPage = Math.floor(Number(point[1]) / POINTS_PAGE);
    after.render();
  }
  for (let p = path; p; p = p.replace(/(\.[^.[]*|\[\d+\])$/, '')) {
    const target = document.querySelector(`[data-path="${CSS.escape(p)}"]`)
      || (p === path && document.querySelector(`[data-path^="${CSS.escape(p)}."]`));
    if (target) { target.focus(); target.scrollIntoView({ block: 'center' }); return; }
    if (!/[.[]/.test(p)) break;
  }
  if (path.startsWith('ranking.points')) $('paste').focus();
}

// Where a problem is: a point of the rank series is also named by its row (as pasted, the
// header not counted) and year, for whoever pasted the rows; the path stays for the JSON.
function placeOf(path) {
  const point = /^ranking\.points\[(\d+)\]/.exec(path || '');
  const year = point && state.draft.ranking?.points?.[Number(point[1])]?.year;
  const row = point ? `${w().rowYear(Number(point[1]) + 1, year ?? '?')}${w().comma}` : '';
  return path ? `${row}${path}${w().colon}` : '';
}

// Problems of one kind (the same field of different rows, the same words but for their
// numbers) are one line, counted: 10,000 pasted rows may bring 20,000 of them.
function grouped(list) {
  const groups = new Map();
  for (const [kind, p] of list) {
    const key = `${kind} ${(p.path || '').replace(/\[\d+\]/g, '[]')} ${p.message.replace(/\d+/g, '#')}`;
    const g = groups.get(key);
    if (g) g.more += 1;
    else groups.set(key, { kind, p, more: 0 });
  }
  return [...groups.values()];
}

// A problem in the interface's language. The checker says each in both; a shape error's
// translation keeps the names of fields and types as the file writes them.
function said(p) {
  const zh = state.ui === 'zh-CN';
  const message = (zh && p.message_zh) || p.message;
  const hint = (zh && p.hint_zh) || p.hint;
  if (!hint) return message;
  return zh ? `${message}（${hint}）` : `${message} (${hint})`;
}

export function renderProblems(check) {
  state.problems = check.problems;
  const items = grouped([...check.problems.map((p) => ['problem', p]), ...check.warnings.map((p) => ['warning', p])])
    .map(({ kind, p, more }) => {
      const b = el('button', { type: 'button', class: `studio-${kind}`,
        text: `${kind === 'warning' ? `${w().warning}${w().colon}` : ''}${placeOf(p.path)}${said(p)}${more ? w().moreLikeIt(more) : ''}` });
      b.addEventListener('click', () => focusPath(p.path));
      return el('li', {}, b);
    });
  $('problems').replaceChildren(...(items.length ? items : [el('li', { text: w().noProblems })]));
  $('export').disabled = state.problems.length > 0;
}

export function refresh() {
  renderSnippets();
  const check = guard(() => JSON.parse(studioCheck(JSON.stringify(state.draft))));
  if (!check) return;
  renderProblems(check);
  document.documentElement.dataset.studioChecked = String(++state.checks);
  // A draft with an error has no chart to show: the last good preview stays, or a word
  // about what brings one.
  if (state.problems.length) {
    if (!state.previews.length) $('preview-wide').replaceChildren(el('p', { class: 'studio-note', text: w().previewWaits }));
    return;
  }
  $('preview-wide').replaceChildren();
  for (const p of state.previews.splice(0)) guard(() => p.destroy());
  for (const id of ['preview-wide', 'preview-phone']) {
    const host = $(id);
    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    const box = el('div', { class: 'rankclimb-box', 'data-theme': $('preview-theme').value, role: 'region', 'aria-labelledby': 'rankclimb-title' });
    root.replaceChildren(el('link', { rel: 'stylesheet', href: 'rankclimb.css' }), box);
    const chart = guard(() => new Chart(box, structuredClone(state.draft), { lang: $('preview-lang').value, reducedMotion: true }));
    if (chart) state.previews.push(chart);
  }
  // `cargo xtask bench` reads this: from the edit to the frame after both previews are drawn.
  if (performance.getEntriesByName('rankclimb-studio:edit').length) {
    requestAnimationFrame(() => performance.measure('rankclimb-studio:edit-to-preview', 'rankclimb-studio:edit'));
  }
}
