// rankclimb studio: work in and out: a data file opened, a bundled story started from, the download.

import { studioDrawPicture, studioExport, studioFileStem } from './pkg/rankclimb.js';
import { el, guard, say } from './dom.js';
import { mayReplace, replaceDraft } from './edits.js';
import { state, w } from './state.js';

export async function openText(text) {
  if (text.includes('\0')) { say(w().notJson); return; }
  let file;
  try { file = JSON.parse(text); } catch { say(w().notJson); return; }
  if (!file || typeof file !== 'object' || file.format !== 'rankclimb/1') { say(w().otherFormat); return; }
  if (mayReplace()) replaceDraft(file);
}

export async function start(url) {
  if (!mayReplace()) return;
  let file;
  try {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    file = await r.json();
  } catch (e) {
    console.error('rankclimb studio:', e.message);
    say(w().fetchFailed);
    return;
  }
  replaceDraft(file);
}

export async function download() {
  if (state.problems.length) return;
  const json = `${JSON.stringify(state.draft, null, 2)}\n`;
  const png = async (picture) => {
    const canvas = document.createElement('canvas');
    guard(() => studioDrawPicture(canvas, json, picture));
    const blob = await new Promise((ok) => canvas.toBlob(ok, 'image/png'));
    return new Uint8Array(await blob.arrayBuffer());
  };
  const wide = await png('wide');
  const narrow = await png('narrow');
  const card = await png('card');
  // The chart's stylesheet, inlined into the download's first look as `dist` does.
  let stylesheet = '';
  try {
    const r = await fetch(new URL('../rankclimb.css', import.meta.url));
    if (r.ok) stylesheet = await r.text();
  } catch {
    // Without it the first look is unstyled until the chart runs; the chart still works.
  }
  const zip = guard(() => studioExport(json, wide, narrow, card, stylesheet));
  const stem = guard(() => studioFileStem(state.draft.title?.en || ''));
  if (!zip || !stem) return;
  const a = el('a', { href: URL.createObjectURL(new Blob([zip], { type: 'application/zip' })), download: `${stem}.zip` });
  document.body.append(a);
  a.click();
  a.remove();
  state.dirty = false;
  say(w().saved);
}
