// rankclimb studio: the one state object its modules share, and the draft's pure helpers.

import { WORDS } from './words.js';

export const DRAFT_KEY = 'rankclimb-studio-draft';
export const UNDO_LIMIT = 50;
// A long series (the paste takes up to 10,000 rows) is shown a page of rows at a time, so the
// form stays quick at the limit; the preview and the download have every row.
export const POINTS_PAGE = 100;

// Storage may be off or full (a private window, a quota): reading then gives null and writing
// is skipped, never a thrown error that would stop the studio.
export const storage = {
  get(key) {
    try { return localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try { localStorage.setItem(key, value); return true; } catch { return false; }
  },
};

export const state = {
  /** The interface's language. */
  ui: storage.get('rankclimb-studio-ui') || (navigator.language.startsWith('zh') ? 'zh-CN' : 'en'),
  /** The data file being made, as an object. */
  draft: null,
  undoStack: [],
  redoStack: [],
  /** Edited since it was opened or downloaded. */
  dirty: false,
  /** The wasm trapped: nothing more is asked of it. */
  broken: false,
  /** The draft's problems at the last check. */
  problems: [],
  /** How many checks have run (the tests wait on it). */
  checks: 0,
  /** The preview charts on the page. */
  previews: [],
  /** The field of the last edit and when, so a run of keys is one undo step. */
  lastEdit: { path: null, at: 0 },
  /** The timer of the next check and preview. */
  pending: 0,
  /** The page of the rank series' rows the form shows. */
  pointsPage: 0,
};

export const w = () => WORDS[state.ui];

// An empty text in both languages, as every text field of the format starts.
export function emptyText() {
  return { 'zh-CN': '', en: '' };
}

export function blank() {
  return {
    format: 'rankclimb/1', language: 'zh-CN', title: emptyText(), place: emptyText(),
    sources: [{ id: '', text: emptyText() }],
    ranking: { label: emptyText(), axis: 'fit', points: [] },
  };
}

// Paths as the validator writes them: `sources[0].text.zh-CN`.
export function keys(path) {
  return path.split('.').flatMap((part) => part.split(/\[(\d+)\]/).filter((k) => k !== ''))
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}
export function setAt(obj, path, value) {
  const ks = keys(path);
  let o = obj;
  for (const k of ks.slice(0, -1)) {
    if (o[k] === undefined || o[k] === null) o[k] = {};
    o = o[k];
  }
  o[ks[ks.length - 1]] = value;
}
export function getAt(obj, path) {
  return keys(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

// Optional texts left empty in both languages are left out of the file, not written empty.
export function tidy(d) {
  if (d.measure_word === '') delete d.measure_word;
  for (const k of ['subtitle', 'place_short']) {
    if (d[k] && !d[k]['zh-CN'] && !d[k].en) delete d[k];
  }
  for (const s of d.sources || []) {
    if (s.short && !s.short['zh-CN'] && !s.short.en) delete s.short;
    if (s.url === '') delete s.url;
  }
  for (const p of d.ranking?.points || []) {
    if (p.note && !p.note['zh-CN'] && !p.note.en) delete p.note;
  }
  for (const p of d.panels || []) {
    for (const k of ['subtitle']) if (p[k] && !p[k]['zh-CN'] && !p[k].en) delete p[k];
    if (p.reference && !p.reference.label?.['zh-CN'] && !p.reference.label?.en && p.reference.rank == null
      && !p.reference.sources?.length) delete p.reference;
    else if (p.reference && !Array.isArray(p.reference.sources)) p.reference.sources = [];
    for (const it of p.items || []) if (it.detail && !it.detail['zh-CN'] && !it.detail.en) delete it.detail;
  }
  const claim = d.ranking?.consecutive_rises;
  if (claim && !claim.text?.['zh-CN'] && !claim.text?.en && !claim.sources?.length) delete d.ranking.consecutive_rises;
  if (d.example === false) delete d.example;
  for (const k of ['annotations', 'peers']) {
    if (d.ranking && Array.isArray(d.ranking[k]) && d.ranking[k].length === 0) delete d.ranking[k];
  }
  return d;
}
