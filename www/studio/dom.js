// rankclimb studio: the page's elements: finding and making them, the status line, and calls into the wasm
// that must not stop the page.

import { state, w } from './state.js';

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

export function guard(f) {
  if (state.broken) return undefined;
  try {
    return f();
  } catch (e) {
    // A trap in the wasm (a panic) leaves the module unusable; the draft is already saved.
    if (e instanceof WebAssembly.RuntimeError) {
      state.broken = true;
      say(w().crashed);
    }
    console.error('rankclimb studio:', e);
    return undefined;
  }
}

export function say(text) { $('status').textContent = text; }
