// rankclimb studio: a newsroom makes its own ranking graphic in the browser, offline, with no
// Rust. The page owns the draft (the data file as an object, saved in the browser's storage as
// it changes); the author's wasm build (studio/pkg/, never loaded by readers' pages) checks it
// with the rules of `cargo xtask check`, reads pasted cells, draws the preview with the
// reader's own chart and makes the download. Plain DOM, no framework. This module starts it
// and wires the page's controls; the rest is in studio/ by job: js (the one state
// object), edits.js, fields.js and form.js, paste.js, preview.js, files.js, words.js.
import init, { studioDebugPanic } from './studio/pkg/rankclimb.js';
import { $, guard, say } from './studio/dom.js';
import { after, commit, mayReplace, replaceDraft, saved, step } from './studio/edits.js';
import { openText, start, download } from './studio/files.js';
import {
  render, renderAnnotations, renderDocuments, renderPanels, renderPeers, renderPoints, renderSources,
} from './studio/form.js';
import { numberOr } from './studio/fields.js';
import { pasteDirectly, readPaste } from './studio/paste.js';
import { refresh } from './studio/preview.js';
import { DRAFT_KEY, blank, emptyText, state, storage, w } from './studio/state.js';

after.render = render;
after.refresh = refresh;

await init({ module_or_path: new URL('./studio/pkg/rankclimb_bg.wasm', import.meta.url) });
// A saved draft that no longer reads (cut short, edited by hand, written by another version)
// must not stop the studio: it starts empty, and the text is kept aside, not overwritten.
const stored = storage.get(DRAFT_KEY);
let restored = null;
try {
  const parsed = stored === null ? null : JSON.parse(stored);
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) restored = parsed;
  else if (stored !== null) throw new Error('not an object');
} catch {
  storage.set(`${DRAFT_KEY}-unreadable`, stored);
}
state.draft = restored || blank();
state.dirty = Boolean(restored);
render();
saved();
if (restored) say(w().restored);
else if (stored !== null) say(w().unreadableDraft);

$('ui-lang').addEventListener('click', () => {
  state.ui = state.ui === 'en' ? 'zh-CN' : 'en';
  storage.set('rankclimb-studio-ui', state.ui);
  render();
  refresh();
});
$('undo').addEventListener('click', () => step(state.undoStack, state.redoStack));
$('redo').addEventListener('click', () => step(state.redoStack, state.undoStack));
$('export').addEventListener('click', download);
$('new-blank').addEventListener('click', () => { if (mayReplace()) replaceDraft(blank()); });
$('new-story').addEventListener('click', () => start('data/pingdingshan.json'));
$('new-example').addEventListener('click', () => start('data/example-city.json'));
$('add-document').addEventListener('click', () => {
  commit((d) => { d.documents = [...(d.documents || []), { id: '', citation: emptyText() }]; });
  renderDocuments();
});
$('add-source').addEventListener('click', () => {
  commit((d) => d.sources.push({ id: '', text: emptyText() }));
  renderSources();
});
$('open').addEventListener('change', async (e) => {
  const f = e.target.files[0];
  if (f) await openText(await f.text());
  e.target.value = '';
});
for (const t of [$('drop'), $('form')]) {
  t.addEventListener('dragover', (e) => e.preventDefault());
  t.addEventListener('drop', async (e) => {
    e.preventDefault();
    const f = e.dataTransfer.files[0];
    if (f) await openText(await f.text());
  });
}
$('paste').addEventListener('input', readPaste);
$('paste').addEventListener('paste', pasteDirectly);
$('axis').addEventListener('change', () => {
  const v = $('axis').value;
  commit((d) => { d.ranking.axis = v === 'range' ? { from: 1, to: 100 } : v; });
  renderPoints();
});
for (const id of ['axis-from', 'axis-to']) {
  $(id).addEventListener('input', () => commit((d) => {
    d.ranking.axis = { from: numberOr($('axis-from').value, 1), to: numberOr($('axis-to').value, 1) };
  }, 'ranking.axis'));
}
$('add-annotation').addEventListener('click', () => {
  commit((d) => {
    d.ranking.annotations = d.ranking.annotations || [];
    d.ranking.annotations.push({ kind: 'line', rank: 100, text: emptyText(), sources: [] });
  });
  renderAnnotations();
});
$('add-panel').addEventListener('click', () => {
  const kind = $('panel-kind').value;
  const panel = {
    ranks: { kind, title: emptyText(), of: 100, items: [] },
    bars: { kind, title: emptyText(), measures: [{ label: emptyText(), unit: emptyText() }], items: [] },
    stats: { kind, title: emptyText(), items: [] },
  }[kind];
  commit((d) => { d.panels = [...(d.panels || []), panel]; });
  renderPanels();
});
$('add-peer').addEventListener('click', () => {
  commit((d) => {
    d.ranking.peers = d.ranking.peers || [];
    d.ranking.peers.push({ name: emptyText(), points: [] });
  });
  renderPeers();
});
$('preview-lang').addEventListener('change', refresh);
$('preview-theme').addEventListener('change', refresh);
// For tests and debugging, as `debugPanic()` on a reader's chart: a panic inside the wasm.
window.rankclimbStudio = { debugPanic: () => guard(() => studioDebugPanic()) };
// What the page-level tests wait on, as on readers' pages.
document.documentElement.dataset.rankclimbReady = 'studio';
