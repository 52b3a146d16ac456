// rankclimb studio: the form's fields, each bound to a path of the draft.

import { el } from './dom.js';
import { commit } from './edits.js';
import { getAt, setAt, state, w } from './state.js';

export const idsOf = (text) => text.split(/[;；]/).map((s) => s.trim()).filter(Boolean);
export const numberOr = (text, other) => (text.trim() === '' ? other : Number(text));
// "标题（中文）" / "Title (Chinese)": each language's own brackets.
export const paren = (label, what) => (state.ui === 'en' ? `${label} (${what})` : `${label}（${what}）`);

export function textInput(path, label) {
  const input = el('input', { type: 'text', 'data-path': path });
  input.value = getAt(state.draft, path) ?? '';
  input.addEventListener('input', () => commit((d) => setAt(d, path, input.value), path));
  return el('label', {}, el('span', { text: label }), input);
}

export function bilingual(path, label) {
  return el('div', { class: 'studio-pair' },
    textInput(`${path}.zh-CN`, paren(label, w().zh)), textInput(`${path}.en`, paren(label, w().en)));
}

export function checkBox(path, label) {
  const box = el('input', { type: 'checkbox', 'data-path': path });
  box.checked = Boolean(getAt(state.draft, path));
  box.addEventListener('change', () => commit((d) => setAt(d, path, box.checked)));
  return el('label', { class: 'studio-check' }, box, el('span', { text: label }));
}

export function idsInput(path, label) {
  const input = el('input', { type: 'text', 'data-path': path });
  input.value = (getAt(state.draft, path) || []).join('; ');
  input.addEventListener('input', () => commit((d) => setAt(d, path, idsOf(input.value)), path));
  return el('label', {}, el('span', { text: label }), input);
}

export function numberInput(path, label, empty = undefined) {
  const input = el('input', { type: 'number', 'data-path': path });
  input.value = getAt(state.draft, path) ?? '';
  input.addEventListener('input', () => commit((d) => setAt(d, path, numberOr(input.value, empty)), path));
  return el('label', {}, el('span', { text: label }), input);
}

export function removeButton(list, i, again) {
  const b = el('button', { type: 'button', text: w().remove });
  b.addEventListener('click', () => {
    commit((d) => getAt(d, list).splice(i, 1));
    again();
  });
  return b;
}
