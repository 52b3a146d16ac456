// rankclimb loader: finds every [data-rankclimb] element and defines <rank-climb>, fetches
// each one's data file and mounts one chart per element; it moves a chart to the year of
// each [data-rankclimb-step] element of the article that reaches the middle of the screen.
// It stays small; the chart itself is Rust compiled to wasm. The API is in rankclimb.d.ts.
import init, { Chart } from './pkg/rankclimb.js';

const STYLESHEET = new URL('./rankclimb.css', import.meta.url).href;

// What a reader is told, in one sentence; the cause (a status, a path, the browser's own
// words) goes to the console for whoever runs the page. The wasm can fail to start for
// reasons that are not the reader's browser: a missing file or the host's security policy.
const MESSAGES = {
  fetch: { 'zh-CN': '图表数据未能加载，请稍后刷新页面重试。', en: 'The chart’s data could not be loaded. Please reload the page later.' },
  wasm: { 'zh-CN': '交互图表未能启动，以下是它的静态版本。', en: 'The interactive chart could not start; here is a still version.' },
  chart: { 'zh-CN': '图表无法显示。', en: 'This chart cannot be shown.' },
  loading: { 'zh-CN': '互动图表正在加载……', en: 'The interactive chart is loading…' },
};

// Until the wasm runs, the chart on the page is its build-time still: a tap or key press on it
// is answered (the chart is on its way), not lost. Returns what undoes that.
function answerEarlyPresses(box) {
  const figure = box.querySelector('.rankclimb');
  if (!figure) return () => {};
  const say = () => {
    const message = MESSAGES.loading[lang(box)];
    for (const still of figure.querySelectorAll('.rankclimb-still')) still.dataset.waiting = message;
    const live = figure.querySelector('.rankclimb-live');
    if (live) live.textContent = message;
  };
  figure.addEventListener('pointerdown', say);
  figure.addEventListener('keydown', say);
  return () => {
    figure.removeEventListener('pointerdown', say);
    figure.removeEventListener('keydown', say);
    const live = figure.querySelector('.rankclimb-live');
    if (live && live.textContent === MESSAGES.loading[lang(box)]) live.textContent = '';
  };
}

// What a chart's element asks for: `data-NAME` on a <div data-rankclimb="…">, `NAME` on a
// <rank-climb src="…"> (its data file is `src`).
function option(el, name) {
  if (el.localName === 'rank-climb') return el.getAttribute(name === 'rankclimb' ? 'src' : name);
  return el.getAttribute(`data-${name}`);
}

// Host code learns what became of each chart from events on its element.
function tell(el, type, detail) {
  el.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
}

function lang(el) {
  const host = el.getRootNode().host || el;
  const l = option(host, 'lang') || host.closest('[lang]')?.getAttribute('lang') || 'zh-CN';
  return l.startsWith('en') ? 'en' : 'zh-CN';
}

// Say what went wrong where the chart would be, and why in the console.
function showError(el, kind, detail) {
  const box = document.createElement('div');
  box.className = 'rankclimb-error';
  box.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.className = 'rankclimb-error-message';
  message.textContent = MESSAGES[kind][lang(el)];
  box.append(message);
  el.replaceChildren(box);
  console.error(`rankclimb: ${message.textContent}\n  - ${detail}`);
  tell(el.getRootNode().host || el, 'rankclimb:error', { kind, message: message.textContent, detail });
}

// Each chart lives in its own shadow root, so the host page's CSS cannot reach its parts
// and its styles cannot reach the host page. Resolves to the box the chart is built in once
// the chart's stylesheet has loaded (or failed to: the chart still draws without it).
function isolate(el) {
  // A page prerendered by `cargo xtask dist` already has the chart's first look, styled, in
  // a declarative shadow root: the chart mounts into that box, which keeps its place and size.
  const prerendered = el.shadowRoot?.querySelector('.rankclimb-skeleton');
  if (prerendered) return Promise.resolve(prerendered);
  const root = el.shadowRoot || el.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLESHEET;
  const box = document.createElement('div');
  box.className = 'rankclimb-box';
  // One region named by the chart's title (see figure_markup::REGION_ATTRS).
  box.setAttribute('role', 'region');
  box.setAttribute('aria-labelledby', 'rankclimb-title');
  const theme = option(el, 'theme');
  if (theme) box.setAttribute('data-theme', theme);
  root.replaceChildren(link, box);
  return new Promise((resolve) => {
    link.addEventListener('load', () => resolve(box), { once: true });
    link.addEventListener('error', () => resolve(box), { once: true });
  });
}

// Without wasm: the picture drawn at build time, its description, and the figures as
// tables, all from files `cargo xtask dist` writes beside the data file.
async function showFallback(el, dataUrl, message) {
  const stem = new URL(dataUrl, location.href).href.replace(/\.json$/, '');
  const language = lang(el);
  const figure = document.createElement('figure');
  figure.className = 'rankclimb rankclimb-fallback';
  const note = document.createElement('p');
  note.className = 'rankclimb-error';
  note.setAttribute('role', 'status');
  note.textContent = MESSAGES.wasm[language];
  console.error(`rankclimb: ${note.textContent}\n  - ${message}`);
  const img = document.createElement('img');
  // The picture laid out for the room there is: the 1200 px one shrunk into a phone's
  // width would have text a third of its size.
  const narrow = el.clientWidth > 0 && el.clientWidth < 600;
  img.src = narrow ? `${stem}.narrow.png` : `${stem}.png`;
  img.alt = '';
  figure.append(note, img);
  el.replaceChildren(figure);
  tell(el.getRootNode().host || el, 'rankclimb:error', { kind: 'wasm', message: note.textContent, detail: message });
  try {
    const alt = await (await fetch(`${stem}.alt.json`)).json();
    img.alt = alt[language] || alt['zh-CN'] || '';
    const tables = (await (await fetch(`${stem}.tables.json`)).json())[language];
    for (const t of tables) {
      const table = document.createElement('table');
      const caption = table.createCaption();
      caption.textContent = t.caption;
      const head = table.createTHead().insertRow();
      for (const h of t.head) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = h;
        head.append(th);
      }
      const body = table.createTBody();
      for (const r of t.rows) {
        const tr = body.insertRow();
        for (const c of r) tr.insertCell().textContent = c;
      }
      const wrap = document.createElement('div');
      wrap.className = 'rankclimb-tables';
      wrap.append(table);
      figure.append(wrap);
    }
  } catch (e) {
    // The picture alone still tells the story.
  }
}

async function fetchText(url, timeoutMs) {
  let response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new Error(e.name === 'TimeoutError' ? `${url}: no answer within ${timeoutMs / 1000} s` : `${url}: ${e.message}`);
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

// The data file, parsed by the browser. A rank series kept in a CSV file (`points_from`) is
// merged into the data file by `cargo xtask dist`; the chart says so if one was not.
async function fetchData(url, timeoutMs) {
  const text = await fetchText(url, timeoutMs);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${url}: not valid JSON (${e.message})`);
  }
}

async function mount(el, ready) {
  // The data, the stylesheet and the wasm all load at once.
  const timeoutMs = Number(option(el, 'timeout')) || 10000;
  const loading = fetchData(option(el, 'rankclimb'), timeoutMs);
  loading.catch(() => {});
  const box = await isolate(el);
  const stopAnswering = answerEarlyPresses(box);
  performance.mark('rankclimb:style-ready');
  let data;
  try {
    data = await loading;
    performance.mark('rankclimb:data-ready');
  } catch (e) {
    showError(box, 'fetch', e.message);
    return null;
  }
  try {
    await ready;
    performance.mark('rankclimb:wasm-ready');
  } catch (e) {
    await showFallback(box, option(el, 'rankclimb'), e.message);
    return null;
  }
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  try {
    const options = {
      lang: option(el, 'lang') || undefined,
      view: option(el, 'view') || undefined,
      pageLang: lang(el),
      reducedMotion,
    };
    const chart = new Chart(box, data, options);
    stopAnswering();
    el.rankclimb = chart;
    tell(el, 'rankclimb:ready', { chart });
    return chart;
  } catch (e) {
    // The chart has already written the data file's problems into the element.
    if (!box.querySelector('.rankclimb-error')) showError(box, 'chart', e.message);
    console.warn('rankclimb:', e.message);
    return null;
  }
}

// <rank-climb src="data/NAME.json" view="rank" lang="en" theme="dark">: the same chart as
// an element. Its `lang` and `theme` are live: change them and the chart follows.
class RankClimbElement extends HTMLElement {
  static observedAttributes = ['lang', 'theme'];

  connectedCallback() {
    this.rankclimbMounting ??= mount(this, ready);
  }

  attributeChangedCallback(name, before, value) {
    const chart = this.rankclimb;
    if (!chart || before === value) return;
    if (name === 'theme') chart.setTheme(value === 'dark' || value === 'light' ? value : undefined);
    else if (value) chart.setLanguage(value.startsWith('en') ? 'en' : 'zh-CN');
  }
}

// The chart a step drives: the one its `data-for` names by id, else the nearest one before it.
function chartOfStep(step) {
  const named = step.getAttribute('data-for');
  if (named) return document.getElementById(named);
  let nearest = null;
  for (const el of document.querySelectorAll('[data-rankclimb], rank-climb')) {
    if (el.compareDocumentPosition(step) & Node.DOCUMENT_POSITION_FOLLOWING) nearest = el;
  }
  return nearest;
}

// Scrollytelling without a library: a thin band across the middle of the screen; a step
// that enters it moves its chart to the year the step names (or the year of the note whose
// words it gives). Scrolling back up brings the earlier step, and its year, back. The steps
// stay ordinary text, read in order by keyboard and screen-reader readers.
function watchSteps() {
  const steps = [...document.querySelectorAll('[data-rankclimb-step]')];
  if (!steps.length || !('IntersectionObserver' in window)) return;
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const host = chartOfStep(entry.target);
      const year = host?.rankclimb?.showStep(entry.target.getAttribute('data-rankclimb-step'));
      if (year === undefined) continue;
      for (const step of steps) {
        if (chartOfStep(step) === host) step.classList.toggle('rankclimb-step-active', step === entry.target);
      }
    }
  }, { rootMargin: '-50% 0px -49% 0px' });
  for (const step of steps) observer.observe(step);
}

performance.mark('rankclimb:loader');
const ready = init({ module_or_path: new URL('./pkg/rankclimb_bg.wasm', import.meta.url) });
if (!customElements.get('rank-climb')) customElements.define('rank-climb', RankClimbElement);
const charts = await Promise.all(
  [...document.querySelectorAll('[data-rankclimb], rank-climb')].map((el) => el.rankclimbMounting ?? mount(el, ready)),
);
document.documentElement.dataset.rankclimbReady = String(charts.filter(Boolean).length);
watchSteps();
