// rankclimb studio: a newsroom makes its own ranking graphic in the browser, offline, with no
// Rust. The page owns the draft (the data file as an object, saved in localStorage as it
// changes); the author's wasm build (studio/pkg/, never loaded by readers' pages) checks it
// with the rules of `cargo xtask check`, reads pasted cells, draws the preview with the
// reader's own chart and makes the download. Plain DOM, no framework.
import init, {
  Chart, studioCheck, studioReadPaste, studioPoints, studioDrawPicture, studioExport, studioFileStem, studioSnippets,
  studioDebugPanic,
} from './studio/pkg/rankclimb.js';

const WORDS = {
  en: {
    title: 'rankclimb studio', undo: 'Undo', redo: 'Redo', export: 'Download (zip)', start: 'Start',
    newBlank: 'New, empty', newStory: 'The Pingdingshan story', newExample: 'The example',
    open: 'Open a data file', drop: '…or drop a data file here.', texts: 'Titles',
    sources: 'Sources', addSource: 'Add a source', series: 'Ranks',
    documents: 'Documents', addDocument: 'Add a document', citation: 'Citation (publication, title, date, author, where to find it)',
    documentsNote: 'Each document once; a source then names its document and the passage it rests on.',
    document: 'Document id', passage: 'Passage relied on (in “…” only where quoted word for word)',
    pasteLabel: 'Paste cells from Excel, WPS or Google Sheets, or CSV text (the first row is the header)',
    axis: 'Rank axis', axisFull: 'From 1st', axisFit: 'Around the ranks', axisRange: 'From one rank to another',
    axisFrom: 'Best rank shown', axisTo: 'Worst rank shown', problems: 'Problems',
    annotations: 'Notes on the chart', addAnnotation: 'Add a note', peers: 'Other places', addPeer: 'Add a place',
    kinds: { line: 'Line at a rank', band: 'Band over years', callout: 'Note on a year' },
    kind: 'Kind', noteText: 'Text', rank: 'Rank', year: 'Year', from: 'From year', to: 'To year',
    sourceIds: 'Source ids (separated by ;)', name: 'Name', peerRanks: 'Ranks by year (empty: not reported)',
    panels: 'Indicator panels', newPanelKind: 'Kind of a new panel', kindRanks: 'Sub-rankings', kindBars: 'Bars',
    kindStats: 'Figures', addPanel: 'Add a panel', addItem: 'Add an item', addMeasure: 'Add a measure',
    panelKinds: { ranks: 'Sub-rankings', bars: 'Bars', stats: 'Figures' }, label: 'Label', subtitle: 'Subtitle',
    of: 'Number ranked', reference: 'Reference (for example the overall rank)', refRank: 'Reference rank',
    value: 'Value (empty: no data)', unit: 'Unit', detail: 'Detail', measure: 'Measure',
    signed: 'Show + before growth', shift: 'Move the decimal point by (e.g. -1: 64.05 亿 → 6.405 billion)',
    embed: 'Embed', snippetDiv: 'In the page (div)', snippetFrame: 'In an iframe', copy: 'Copy', copied: 'Copied.',
    preview: 'Preview', previewLang: 'Language', previewTheme: 'Colours', light: 'Light', dark: 'Dark',
    fields: { title: 'Title', subtitle: 'Subtitle', place: 'Place', place_short: 'Short name of the place', label: 'Rank label', measure_word: 'Chinese measure word (家 or 个)',
      language: 'Language shown first', example: 'Invented data: mark it as example data', claim: 'Claim that every evaluation rose (optional)' },
    zh: 'Chinese', en: 'English', id: 'Id', short: 'Short name', text: 'Full citation', url: 'Address (optional)',
    remove: 'Remove', columns: { year: 'Year', rank: 'Rank', of: 'Number ranked', sources: 'Sources' },
    none: '(none)', useRows: 'Use these rows', notPublished: 'not reported', note: 'Note',
    head: ['Year', 'Rank', 'Number ranked', 'Source ids (separated by ;)', 'Note (Chinese)', 'Note (English)'],
    noProblems: 'No problems: ready to download.', warning: 'Warning',
    previewWaits: 'The chart appears here once the problems listed above are fixed.',
    cell: (r, c, t) => `Row ${r}, column “${c}”: “${t}” is not a number.`,
    paste: {
      Empty: 'Nothing to read: paste the rows with their header row.',
      NotText: 'What was pasted is not text. Copy the cells from the spreadsheet again.',
      TooManyRows: (e) => `${e.rows} rows were pasted; the studio reads at most 10,000.`,
      Ragged: (e) => `Row ${e.row} has ${e.found} cells, the header has ${e.expected}. Check the pasted rows.`,
      Unreadable: () => 'The pasted text could not be read as a table.',
    },
    notJson: 'This file is not a JSON data file.', otherFormat: 'This JSON file is not a rankclimb data file (its "format" is not "rankclimb/1").',
    replace: 'Replace the work in progress? It has not been downloaded.', restored: 'Your draft was restored.',
    unreadableDraft: 'The saved draft could not be read, so the studio starts empty; the unreadable text is kept in this browser under rankclimb-studio-draft-unreadable.',
    fetchFailed: 'The example could not be loaded. Check the connection and try again.',
    saved: 'Downloaded.', crashed: 'The studio stopped on an internal error. Your draft is saved: reload the page to go on.',
  },
  'zh-CN': {
    title: 'rankclimb 制图室', undo: '撤销', redo: '重做', export: '下载（zip）', start: '开始',
    newBlank: '新建空白', newStory: '平顶山报道', newExample: '示例数据',
    open: '打开数据文件', drop: '……或把数据文件拖到这里。', texts: '标题',
    sources: '来源', addSource: '添加来源', series: '排名',
    documents: '文献', addDocument: '添加文献', citation: '出处（媒体、标题、日期、作者、查阅位置）',
    documentsNote: '每份文献只列一次；来源写明所据文献及所据文字。',
    document: '文献编号', passage: '所据文字（仅原文照录时加引号）',
    pasteLabel: '粘贴从 Excel、WPS 或谷歌表格复制的单元格，或 CSV 文本（第一行为表头）',
    axis: '纵轴', axisFull: '自第1名起', axisFit: '围绕各名次', axisRange: '指定名次范围',
    axisFrom: '最前名次', axisTo: '最后名次', problems: '问题',
    annotations: '图中标注', addAnnotation: '添加标注', peers: '对照地区', addPeer: '添加地区',
    kinds: { line: '名次参考线', band: '年度区间', callout: '年度标注' },
    kind: '类型', noteText: '文字', rank: '名次', year: '年度', from: '起始年度', to: '结束年度',
    sourceIds: '来源编号（以 ; 分隔）', name: '名称', peerRanks: '各年度名次（留空：不详）',
    panels: '指标面板', newPanelKind: '新面板的类型', kindRanks: '单项排名', kindBars: '条形图',
    kindStats: '数字', addPanel: '添加面板', addItem: '添加一项', addMeasure: '添加度量',
    panelKinds: { ranks: '单项排名', bars: '条形图', stats: '数字' }, label: '名称', subtitle: '副标题',
    of: '参评总数', reference: '参照（例如综合排名）', refRank: '参照名次',
    value: '数值（留空：无数据）', unit: '单位', detail: '说明', measure: '度量',
    signed: '增长值前加 +', shift: '小数点移动位数（如 -1：64.05亿 → 6.405 billion）',
    embed: '嵌入', snippetDiv: '嵌入网页（div）', snippetFrame: '以 iframe 嵌入', copy: '复制', copied: '已复制。',
    preview: '预览', previewLang: '语言', previewTheme: '配色', light: '浅色', dark: '深色',
    fields: { title: '标题', subtitle: '副标题', place: '地区', place_short: '地区简称', label: '排名名称', measure_word: '量词（家或个）',
      language: '首先显示的语言', example: '虚构数据：标为示例数据', claim: '逐年上升的说法（可选）' },
    zh: '中文', en: '英文', id: '编号', short: '简称', text: '完整出处', url: '网址（可选）',
    remove: '删除', columns: { year: '年度', rank: '名次', of: '参评总数', sources: '来源' },
    none: '（无）', useRows: '使用这些行', notPublished: '不详', note: '注释',
    head: ['年度', '名次', '参评总数', '来源编号（以 ; 分隔）', '注释（中文）', '注释（英文）'],
    noProblems: '没有问题，可以下载。', warning: '提醒',
    previewWaits: '上面列出的问题解决后，图表会显示在这里。',
    cell: (r, c, t) => `第${r}行“${c}”列：“${t}”不是数字。`,
    paste: {
      Empty: '没有可读取的内容：请连同表头行一起粘贴。',
      NotText: '粘贴的内容不是文本，请从表格中重新复制单元格。',
      TooManyRows: (e) => `粘贴了${e.rows}行，制图室最多读取10000行。`,
      Ragged: (e) => `第${e.row}行有${e.found}个单元格，表头有${e.expected}个，请检查粘贴的行。`,
      Unreadable: () => '粘贴的文本无法读成表格。',
    },
    notJson: '这不是 JSON 数据文件。', otherFormat: '这个 JSON 文件不是 rankclimb 数据文件（format 不是 "rankclimb/1"）。',
    replace: '要替换尚未下载的当前内容吗？', restored: '已恢复上次的草稿。',
    unreadableDraft: '保存的草稿无法读取，制图室从空白开始；无法读取的内容已保存在本浏览器的 rankclimb-studio-draft-unreadable 中。',
    fetchFailed: '示例未能加载，请检查网络后重试。',
    saved: '已下载。', crashed: '制图室因内部错误停止。草稿已保存：请刷新页面继续。',
  },
};
const DRAFT_KEY = 'rankclimb-studio-draft';
const UNDO_LIMIT = 50;
const $ = (id) => document.getElementById(id);
let ui = localStorage.getItem('rankclimb-studio-ui') || (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
let draft;
let undoStack = [];
let redoStack = [];
let dirty = false;
let broken = false;
let problems = [];
let checks = 0;
const previews = [];
const w = () => WORDS[ui];

// An empty text in both languages, as every text field of the format starts.
function emptyText() {
  return { 'zh-CN': '', en: '' };
}

function blank() {
  return {
    format: 'rankclimb/1', language: 'zh-CN', title: emptyText(), place: emptyText(),
    sources: [{ id: '', text: emptyText() }],
    ranking: { label: emptyText(), axis: 'fit', points: [] },
  };
}

// Paths as the validator writes them: `sources[0].text.zh-CN`.
function keys(path) {
  return path.split('.').flatMap((part) => part.split(/\[(\d+)\]/).filter((k) => k !== ''))
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}
function setAt(obj, path, value) {
  const ks = keys(path);
  let o = obj;
  for (const k of ks.slice(0, -1)) {
    if (o[k] === undefined || o[k] === null) o[k] = {};
    o = o[k];
  }
  o[ks[ks.length - 1]] = value;
}
function getAt(obj, path) {
  return keys(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

// Optional texts left empty in both languages are left out of the file, not written empty.
function tidy(d) {
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

function guard(f) {
  if (broken) return undefined;
  try {
    return f();
  } catch (e) {
    // A trap in the wasm (a panic) leaves the module unusable; the draft is already saved.
    if (e instanceof WebAssembly.RuntimeError) {
      broken = true;
      say(w().crashed);
    }
    console.error('rankclimb studio:', e);
    return undefined;
  }
}

function say(text) { $('status').textContent = text; }

// Keys typed into one field in a run are one edit for undo, as in any editor.
let lastEdit = { path: null, at: 0 };
function commit(change, path = null) {
  performance.mark('rankclimb-studio:edit');
  const now = performance.now();
  const sameRun = path !== null && path === lastEdit.path && now - lastEdit.at < 1500;
  lastEdit = { path, at: now };
  if (!sameRun) {
    undoStack.push(JSON.stringify(draft));
    if (undoStack.length > UNDO_LIMIT) undoStack.shift();
  }
  redoStack = [];
  change(draft);
  tidy(draft);
  dirty = true;
  saved();
}

// Typing fires an edit per key: the check and the preview run once, 20 ms after the last of a
// run of edits (one check per pause, not one per key).
let pending = 0;
function saved() {
  localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  $('undo').disabled = undoStack.length === 0;
  $('redo').disabled = redoStack.length === 0;
  clearTimeout(pending);
  pending = setTimeout(refresh, 20);
}

function step(from, to) {
  if (!from.length) return;
  lastEdit = { path: null, at: 0 };
  to.push(JSON.stringify(draft));
  draft = JSON.parse(from.pop());
  render();
  saved();
}

// Other work replaces the draft only once the author agrees, asked before anything loads.
function mayReplace() {
  return !dirty || confirm(w().replace);
}

function replaceDraft(next) {
  undoStack = [];
  redoStack = [];
  draft = tidy(next);
  dirty = false;
  render();
  saved();
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

function textInput(path, label) {
  const input = el('input', { type: 'text', 'data-path': path });
  input.value = getAt(draft, path) ?? '';
  input.addEventListener('input', () => commit((d) => setAt(d, path, input.value), path));
  return el('label', {}, el('span', { text: label }), input);
}

// "标题（中文）" / "Title (Chinese)": each language's own brackets.
const paren = (label, what) => (ui === 'en' ? `${label} (${what})` : `${label}（${what}）`);

function bilingual(path, label) {
  return el('div', { class: 'studio-pair' },
    textInput(`${path}.zh-CN`, paren(label, w().zh)), textInput(`${path}.en`, paren(label, w().en)));
}

function renderTexts() {
  const f = w().fields;
  const box = $('texts');
  box.replaceChildren(el('legend', { text: w().texts }),
    bilingual('title', f.title), bilingual('subtitle', f.subtitle), bilingual('place', f.place),
    bilingual('place_short', f.place_short), bilingual('ranking.label', f.label),
    textInput('measure_word', f.measure_word), languageSelect(), exampleBox(),
    bilingual('ranking.consecutive_rises.text', f.claim),
    idsInput('ranking.consecutive_rises.sources', `${f.claim}: ${w().sourceIds}`));
}

// The language a reader sees first; the reader can switch.
function languageSelect() {
  const select = el('select', { 'data-path': 'language' },
    el('option', { value: 'zh-CN', text: '中文' }), el('option', { value: 'en', text: 'English' }));
  select.value = draft.language || 'zh-CN';
  select.addEventListener('change', () => commit((d) => { d.language = select.value; }));
  return el('label', {}, el('span', { text: w().fields.language }), select);
}

function checkBox(path, label) {
  const box = el('input', { type: 'checkbox', 'data-path': path });
  box.checked = Boolean(getAt(draft, path));
  box.addEventListener('change', () => commit((d) => setAt(d, path, box.checked)));
  return el('label', { class: 'studio-check' }, box, el('span', { text: label }));
}

// Invented data is marked as example data wherever it is shown.
function exampleBox() {
  const box = el('input', { type: 'checkbox', 'data-path': 'example' });
  box.checked = Boolean(draft.example);
  box.addEventListener('change', () => commit((d) => { d.example = box.checked; }));
  return el('label', { class: 'studio-check' }, box, el('span', { text: w().fields.example }));
}

function renderSources() {
  $('sources').replaceChildren(...(draft.sources || []).map((s, i) => {
    const remove = el('button', { type: 'button', text: w().remove });
    remove.addEventListener('click', () => {
      commit((d) => d.sources.splice(i, 1));
      renderSources();
    });
    // A source cites a document and a passage of it, or is a citation of its own.
    const body = s.document !== undefined
      ? [textInput(`sources[${i}].document`, w().document), bilingual(`sources[${i}].passage`, w().passage)]
      : [bilingual(`sources[${i}].text`, w().text)];
    return el('div', { class: 'studio-source' }, textInput(`sources[${i}].id`, w().id),
      bilingual(`sources[${i}].short`, w().short), ...body,
      textInput(`sources[${i}].url`, w().url), remove);
  }));
}

function renderDocuments() {
  $('documents').replaceChildren(...(draft.documents || []).map((d, i) => {
    const remove = el('button', { type: 'button', text: w().remove });
    remove.addEventListener('click', () => {
      commit((x) => x.documents.splice(i, 1));
      renderDocuments();
    });
    return el('div', { class: 'studio-document' }, textInput(`documents[${i}].id`, w().id),
      bilingual(`documents[${i}].citation`, w().citation), bilingual(`documents[${i}].short`, w().short),
      textInput(`documents[${i}].url`, w().url), remove);
  }));
}

function renderPoints() {
  const points = draft.ranking?.points || [];
  const rows = points.map((p, i) => {
    const ids = el('input', { type: 'text', 'data-path': `ranking.points[${i}].sources`, 'aria-label': `${p.year} ${w().head[3]}` });
    ids.value = (p.sources || []).join('; ');
    ids.addEventListener('input', () => commit((d) => {
      d.ranking.points[i].sources = ids.value.split(/[;；]/).map((s) => s.trim()).filter(Boolean);
    }, `ranking.points[${i}].sources`));
    const note = (lang, n) => {
      const input = el('input', { type: 'text', 'data-path': `ranking.points[${i}].note.${lang}`, 'aria-label': `${p.year} ${w().head[n]}` });
      input.value = p.note?.[lang] ?? '';
      input.addEventListener('input', () => commit((d) => {
        const q = d.ranking.points[i];
        q.note = { 'zh-CN': q.note?.['zh-CN'] ?? '', en: q.note?.en ?? '', [lang]: input.value };
      }, `ranking.points[${i}].note.${lang}`));
      return input;
    };
    return el('tr', {}, el('th', { scope: 'row', 'data-path': `ranking.points[${i}].year`, tabindex: '-1', text: String(p.year) }),
      el('td', { 'data-path': `ranking.points[${i}].rank`, tabindex: '-1', text: p.rank ?? w().notPublished }),
      el('td', { 'data-path': `ranking.points[${i}].of`, tabindex: '-1', text: p.of ?? '—' }),
      el('td', {}, ids), el('td', {}, note('zh-CN', 4)), el('td', {}, note('en', 5)));
  });
  $('points').replaceChildren(rows.length
    ? el('table', { class: 'studio-points' }, el('thead', {}, el('tr', {}, ...w().head.map((h) => el('th', { scope: 'col', text: h })))), el('tbody', {}, ...rows))
    : '');
  const axis = draft.ranking?.axis;
  $('axis').value = typeof axis === 'object' && axis ? 'range' : (axis || 'full');
  $('axis-range').hidden = $('axis').value !== 'range';
  $('axis-from').value = axis?.from ?? '';
  $('axis-to').value = axis?.to ?? '';
}

const idsOf = (text) => text.split(/[;；]/).map((s) => s.trim()).filter(Boolean);
const numberOr = (text, other) => (text.trim() === '' ? other : Number(text));

function idsInput(path, label) {
  const input = el('input', { type: 'text', 'data-path': path });
  input.value = (getAt(draft, path) || []).join('; ');
  input.addEventListener('input', () => commit((d) => setAt(d, path, idsOf(input.value)), path));
  return el('label', {}, el('span', { text: label }), input);
}

function numberInput(path, label, empty = undefined) {
  const input = el('input', { type: 'number', 'data-path': path });
  input.value = getAt(draft, path) ?? '';
  input.addEventListener('input', () => commit((d) => setAt(d, path, numberOr(input.value, empty)), path));
  return el('label', {}, el('span', { text: label }), input);
}

function removeButton(list, i, again) {
  const b = el('button', { type: 'button', text: w().remove });
  b.addEventListener('click', () => {
    commit((d) => getAt(d, list).splice(i, 1));
    again();
  });
  return b;
}

// Each note's fields follow its kind: a rank for a line, two years for a band, a year for a
// note on a point.
function renderAnnotations() {
  const list = draft.ranking?.annotations || [];
  $('annotations').replaceChildren(...list.map((a, i) => {
    const base = `ranking.annotations[${i}]`;
    const kind = el('select', { 'data-path': `${base}.kind` },
      ...Object.entries(w().kinds).map(([k, name]) => el('option', { value: k, text: name })));
    kind.value = a.kind;
    kind.addEventListener('change', () => {
      commit((d) => {
        const n = getAt(d, base);
        for (const k of ['rank', 'year', 'from', 'to']) delete n[k];
        n.kind = kind.value;
      });
      renderAnnotations();
    });
    const where = {
      line: [numberInput(`${base}.rank`, w().rank)],
      band: [numberInput(`${base}.from`, w().from), numberInput(`${base}.to`, w().to)],
      callout: [numberInput(`${base}.year`, w().year)],
    }[a.kind] || [];
    return el('div', { class: 'studio-annotation' }, el('label', {}, el('span', { text: w().kind }), kind), ...where,
      bilingual(`${base}.text`, w().noteText), idsInput(`${base}.sources`, w().sourceIds),
      removeButton('ranking.annotations', i, renderAnnotations));
  }));
}

// Another place: its name, and a rank for each of the main series' years (empty: not
// published), all backed by the sources named.
function renderPeers() {
  const years = (draft.ranking?.points || []).map((p) => p.year);
  const list = draft.ranking?.peers || [];
  $('peers').replaceChildren(...list.map((peer, i) => {
    const base = `ranking.peers[${i}]`;
    const ranks = years.map((year) => {
      const input = el('input', { type: 'number', min: '1', 'data-peer-year': `${i}:${year}`,
        'data-path': `${base}.points[${(peer.points || []).findIndex((q) => q.year === year)}].rank` });
      input.value = (peer.points || []).find((q) => q.year === year)?.rank ?? '';
      input.addEventListener('input', () => commit((d) => {
        const p = getAt(d, base);
        const sources = p.points?.find((q) => q.sources?.length)?.sources || [];
        const others = (p.points || []).filter((q) => q.year !== year);
        const rank = numberOr(input.value, null);
        p.points = [...others, ...(rank === null ? [] : [{ year, rank, of: null, sources }])]
          .sort((a, b) => a.year - b.year);
      }, `${base}.${year}`));
      return el('label', {}, el('span', { text: String(year) }), input);
    });
    const sources = el('input', { type: 'text', 'data-path': `${base}.points` });
    sources.value = (peer.points?.[0]?.sources || []).join('; ');
    sources.addEventListener('input', () => commit((d) => {
      for (const q of getAt(d, base).points || []) q.sources = idsOf(sources.value);
    }, `${base}.sources`));
    return el('div', { class: 'studio-peer' }, bilingual(`${base}.name`, w().name),
      el('p', { text: w().peerRanks }), el('div', { class: 'studio-years' }, ...ranks),
      el('label', {}, el('span', { text: w().sourceIds }), sources),
      removeButton('ranking.peers', i, renderPeers));
  }));
}

// A panel's fields follow its kind: the number ranked and a reference for sub-rankings, the
// measures for bars; every item has a label, its value or values, and sources.
function renderPanels() {
  $('panels').replaceChildren(...(draft.panels || []).map((p, i) => {
    const base = `panels[${i}]`;
    const add = (label, f) => {
      const b = el('button', { type: 'button', text: label });
      b.addEventListener('click', () => { commit(f); renderPanels(); });
      return b;
    };
    const items = (p.items || []).map((it, j) => {
      const at = `${base}.items[${j}]`;
      const fields = {
        ranks: () => [numberInput(`${at}.rank`, w().rank, null)],
        bars: () => (p.measures || []).map((m, k) => numberInput(`${at}.values[${k}]`, `${m.label?.[ui] || w().measure} ${k + 1}`, null)),
        stats: () => [numberInput(`${at}.value`, w().value, null), bilingual(`${at}.unit`, w().unit), bilingual(`${at}.detail`, w().detail)],
      }[p.kind]?.() || [];
      return el('div', { class: 'studio-item' }, bilingual(`${at}.label`, w().label), ...fields,
        idsInput(`${at}.sources`, w().sourceIds), removeButton(`${base}.items`, j, renderPanels));
    });
    const head = {
      ranks: () => [numberInput(`${base}.of`, w().of),
        bilingual(`${base}.reference.label`, w().reference), numberInput(`${base}.reference.rank`, w().refRank),
        idsInput(`${base}.reference.sources`, paren(w().sourceIds, w().reference))],
      bars: () => [...(p.measures || []).map((m, k) => el('div', { class: 'studio-item' },
        bilingual(`${base}.measures[${k}].label`, `${w().measure} ${k + 1}`), bilingual(`${base}.measures[${k}].unit`, w().unit),
        checkBox(`${base}.measures[${k}].signed`, w().signed),
        el('div', { class: 'studio-pair' }, numberInput(`${base}.measures[${k}].shift.zh-CN`, paren(w().shift, w().zh)),
          numberInput(`${base}.measures[${k}].shift.en`, paren(w().shift, w().en))),
        removeButton(`${base}.measures`, k, renderPanels))),
      add(w().addMeasure, (d) => {
        const q = getAt(d, base);
        q.measures = [...(q.measures || []), { label: emptyText(), unit: emptyText() }];
        for (const it of q.items || []) it.values = [...(it.values || []), null];
      })],
      stats: () => [],
    }[p.kind]?.() || [];
    const newItem = {
      ranks: () => ({ label: emptyText(), rank: null, sources: [] }),
      bars: () => ({ label: emptyText(), values: (p.measures || []).map(() => null), sources: [] }),
      stats: () => ({ label: emptyText(), value: null, unit: emptyText(), sources: [] }),
    }[p.kind];
    return el('div', { class: 'studio-panel' }, el('p', { class: 'studio-panel-head', text: `${i + 1}. ${w().panelKinds[p.kind] || p.kind}` }),
      bilingual(`${base}.title`, w().fields.title), bilingual(`${base}.subtitle`, w().subtitle), ...head, ...items,
      ...(newItem ? [add(w().addItem, (d) => getAt(d, `${base}.items`).push(newItem()))] : []),
      removeButton('panels', i, renderPanels));
  }));
}

// The two short snippets of the download's README, written by the wasm (one place for them),
// with the file name the download will have. A draft that cannot be read yet shows none.
function renderSnippets() {
  let codes = [];
  try {
    codes = JSON.parse(studioSnippets(JSON.stringify(draft)));
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

function readPaste() {
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

function usePaste(text, header) {
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

// The field a problem names; for a missing part ("ranking.consecutive_rises: missing field")
// its first field; else the nearest enclosing one.
function focusPath(path) {
  for (let p = path; p; p = p.replace(/(\.[^.[]*|\[\d+\])$/, '')) {
    const target = document.querySelector(`[data-path="${CSS.escape(p)}"]`)
      || (p === path && document.querySelector(`[data-path^="${CSS.escape(p)}."]`));
    if (target) { target.focus(); target.scrollIntoView({ block: 'center' }); return; }
    if (!/[.[]/.test(p)) break;
  }
  if (path.startsWith('ranking.points')) $('paste').focus();
}

function renderProblems(check) {
  problems = check.problems;
  const items = [...check.problems.map((p) => ['problem', p]), ...check.warnings.map((p) => ['warning', p])]
    .map(([kind, p]) => {
      const b = el('button', { type: 'button', class: `studio-${kind}`,
        text: `${kind === 'warning' ? `${w().warning}: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}${p.hint ? ` (${p.hint})` : ''}` });
      b.addEventListener('click', () => focusPath(p.path));
      return el('li', {}, b);
    });
  $('problems').replaceChildren(...(items.length ? items : [el('li', { text: w().noProblems })]));
  $('export').disabled = problems.length > 0;
}

function refresh() {
  renderSnippets();
  const check = guard(() => JSON.parse(studioCheck(JSON.stringify(draft))));
  if (!check) return;
  renderProblems(check);
  document.documentElement.dataset.studioChecked = String(++checks);
  // A draft with an error has no chart to show: the last good preview stays, or a word
  // about what brings one.
  if (problems.length) {
    if (!previews.length) $('preview-wide').replaceChildren(el('p', { class: 'studio-note', text: w().previewWaits }));
    return;
  }
  $('preview-wide').replaceChildren();
  for (const p of previews.splice(0)) guard(() => p.destroy());
  for (const id of ['preview-wide', 'preview-phone']) {
    const host = $(id);
    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    const box = el('div', { class: 'rankclimb-box', 'data-theme': $('preview-theme').value, role: 'region', 'aria-labelledby': 'rankclimb-title' });
    root.replaceChildren(el('link', { rel: 'stylesheet', href: 'rankclimb.css' }), box);
    const chart = guard(() => new Chart(box, structuredClone(draft), { lang: $('preview-lang').value, reducedMotion: true }));
    if (chart) previews.push(chart);
  }
  // `cargo xtask bench` reads this: from the edit to the frame after both previews are drawn.
  if (performance.getEntriesByName('rankclimb-studio:edit').length) {
    requestAnimationFrame(() => performance.measure('rankclimb-studio:edit-to-preview', 'rankclimb-studio:edit'));
  }
}

function render() {
  document.documentElement.lang = ui;
  for (const e of document.querySelectorAll('[data-t]')) {
    const v = w()[e.dataset.t];
    if (typeof v === 'string') e.textContent = v;
  }
  $('ui-lang').textContent = ui === 'en' ? '中文' : 'English';
  $('preview-lang').value = draft.language || 'zh-CN';
  renderTexts();
  renderDocuments();
  renderSources();
  renderPoints();
  renderAnnotations();
  renderPeers();
  renderPanels();
  renderSnippets();
}

async function openText(text) {
  if (text.includes('\0')) { say(w().notJson); return; }
  let file;
  try { file = JSON.parse(text); } catch { say(w().notJson); return; }
  if (!file || typeof file !== 'object' || file.format !== 'rankclimb/1') { say(w().otherFormat); return; }
  if (mayReplace()) replaceDraft(file);
}

async function start(url) {
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

async function download() {
  if (problems.length) return;
  const json = `${JSON.stringify(draft, null, 2)}\n`;
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
    const r = await fetch(new URL('./rankclimb.css', import.meta.url));
    if (r.ok) stylesheet = await r.text();
  } catch {
    // Without it the first look is unstyled until the chart runs; the chart still works.
  }
  const zip = guard(() => studioExport(json, wide, narrow, card, stylesheet));
  const stem = guard(() => studioFileStem(draft.title?.en || ''));
  if (!zip || !stem) return;
  const a = el('a', { href: URL.createObjectURL(new Blob([zip], { type: 'application/zip' })), download: `${stem}.zip` });
  document.body.append(a);
  a.click();
  a.remove();
  dirty = false;
  say(w().saved);
}

await init({ module_or_path: new URL('./studio/pkg/rankclimb_bg.wasm', import.meta.url) });
// A saved draft that no longer reads (cut short, edited by hand, written by another version)
// must not stop the studio: it starts empty, and the text is kept aside, not overwritten.
const stored = localStorage.getItem(DRAFT_KEY);
let restored = null;
try {
  const parsed = stored === null ? null : JSON.parse(stored);
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) restored = parsed;
  else if (stored !== null) throw new Error('not an object');
} catch {
  localStorage.setItem(`${DRAFT_KEY}-unreadable`, stored);
}
draft = restored || blank();
dirty = Boolean(restored);
render();
saved();
if (restored) say(w().restored);
else if (stored !== null) say(w().unreadableDraft);

$('ui-lang').addEventListener('click', () => {
  ui = ui === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem('rankclimb-studio-ui', ui);
  render();
  refresh();
});
$('undo').addEventListener('click', () => step(undoStack, redoStack));
$('redo').addEventListener('click', () => step(redoStack, undoStack));
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
// The pasted text is set directly: Chromium's own editing of a large textarea (replacing
// 10,000 pasted rows with new ones) froze the page for 17-20 s.
$('paste').addEventListener('paste', (e) => {
  const text = e.clipboardData?.getData('text/plain');
  if (typeof text !== 'string') return;
  e.preventDefault();
  $('paste').value = text;
  readPaste();
});
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
