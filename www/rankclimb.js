// rankclimb loader: finds every [data-rankclimb] element, fetches its data file and
// mounts one chart per element. It stays small; the chart itself is Rust compiled to wasm.
import init, { Chart } from './pkg/rankclimb.js';

const MESSAGES = {
  fetch: { 'zh-CN': '无法加载图表数据', en: 'The chart data could not be loaded' },
  wasm: { 'zh-CN': '此浏览器无法运行图表', en: 'This browser could not run the chart' },
};

function lang(el) {
  const l = el.getAttribute('data-lang') || el.closest('[lang]')?.getAttribute('lang') || 'zh-CN';
  return l.startsWith('en') ? 'en' : 'zh-CN';
}

// Say what went wrong where the chart would be; the text goes in as text, never as markup.
function showError(el, kind, detail) {
  const box = document.createElement('div');
  box.className = 'rankclimb-error';
  box.setAttribute('role', 'alert');
  const head = document.createElement('strong');
  head.textContent = MESSAGES[kind][lang(el)];
  const body = document.createElement('p');
  body.textContent = String(detail);
  box.append(head, body);
  el.replaceChildren(box);
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

// The data file, with its CSV rank series (if it names one) read in beside it.
async function fetchData(url, timeoutMs) {
  const text = await fetchText(url, timeoutMs);
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${url}: not valid JSON (${e.message})`);
  }
  const csv = data && data.ranking && data.ranking.points_from;
  if (typeof csv === 'string' && data.ranking.points_csv === undefined) {
    data.ranking.points_csv = await fetchText(new URL(csv, new URL(url, location.href)).href, timeoutMs);
  }
  return data;
}

async function mount(el, ready) {
  let data;
  try {
    const timeoutMs = Number(el.getAttribute('data-timeout')) || 10000;
    data = await fetchData(el.getAttribute('data-rankclimb'), timeoutMs);
  } catch (e) {
    showError(el, 'fetch', e.message);
    return null;
  }
  try {
    await ready;
  } catch (e) {
    showError(el, 'wasm', e.message);
    return null;
  }
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  try {
    const options = {
      lang: el.getAttribute('data-lang') || undefined,
      view: el.getAttribute('data-view') || undefined,
      reducedMotion,
    };
    const chart = new Chart(el, data, options);
    el.rankclimb = chart;
    return chart;
  } catch (e) {
    // The chart has already written the data file's problems into the element.
    if (!el.querySelector('.rankclimb-error')) showError(el, 'fetch', e.message);
    console.warn('rankclimb:', e.message);
    return null;
  }
}

const ready = init({ module_or_path: new URL('./pkg/rankclimb_bg.wasm', import.meta.url) });
const charts = await Promise.all([...document.querySelectorAll('[data-rankclimb]')].map((el) => mount(el, ready)));
document.documentElement.dataset.rankclimbReady = String(charts.filter(Boolean).length);
