// rankclimb studio: edits to the draft: each one saved, undoable, and followed by a check and preview.

import { $ } from './dom.js';
import { DRAFT_KEY, UNDO_LIMIT, state, storage, tidy, w } from './state.js';

// What runs after an edit, set by the page (studio.js): the form drawn again, and the check and
// preview, so this module needs neither.
export const after = { render() {}, refresh() {} };

// Keys typed into one field in a run are one edit for undo, as in any editor.
export function commit(change, path = null) {
  performance.mark('rankclimb-studio:edit');
  const now = performance.now();
  const sameRun = path !== null && path === state.lastEdit.path && now - state.lastEdit.at < 1500;
  state.lastEdit = { path, at: now };
  if (!sameRun) {
    state.undoStack.push(JSON.stringify(state.draft));
    if (state.undoStack.length > UNDO_LIMIT) state.undoStack.shift();
  }
  state.redoStack = [];
  change(state.draft);
  tidy(state.draft);
  state.dirty = true;
  saved();
}

// Typing fires an edit per key: the check and the preview run once, 20 ms after the last of a
// run of edits (one check per pause, not one per key).
export function saved() {
  storage.set(DRAFT_KEY, JSON.stringify(state.draft));
  $('undo').disabled = state.undoStack.length === 0;
  $('redo').disabled = state.redoStack.length === 0;
  clearTimeout(state.pending);
  state.pending = setTimeout(() => after.refresh(), 20);
}

export function step(from, to) {
  if (!from.length) return;
  // The stacks hold the studio's own JSON.stringify output; a parse failure would still be a
  // bug, so it leaves the draft as it is rather than stopping the page.
  let earlier;
  try {
    earlier = JSON.parse(from[from.length - 1]);
  } catch (e) {
    console.error('rankclimb studio: an undo step could not be read', e);
    return;
  }
  from.pop();
  state.lastEdit = { path: null, at: 0 };
  to.push(JSON.stringify(state.draft));
  state.draft = earlier;
  after.render();
  saved();
}

// Other work replaces the draft only once the author agrees, asked before anything loads.
export function mayReplace() {
  return !state.dirty || confirm(w().replace);
}

export function replaceDraft(next) {
  state.undoStack = [];
  state.redoStack = [];
  state.draft = tidy(next);
  state.dirty = false;
  state.pointsPage = 0;
  after.render();
  saved();
}
