// The analysts' workbench (/judge): pick a query set (or type a query), grade the top results 0–3 by click or with
// the keys 0–3, watch nDCG@10, P@10 and MRR@10 of the judged queries, and compare two ranking configurations for one
// query (moved up / moved down / new, unjudged flagged) or over a whole set (per-query delta chart).
// The location (set, query, ranking, tab) is in the URL, so a reload or a shared link opens the same view.
// Talks to /judge/api/* only; writes carry X-Judge-Key when the server asks for a key.

import { ApiError, formatDate, formatNumber, h, requestJson, safeMarkup, sourceLabel } from './common.js';

const GRADES = [
  { value: 0, label: 'غير ذات صلة' },
  { value: 1, label: 'قليلة الصلة' },
  { value: 2, label: 'ذات صلة' },
  { value: 3, label: 'شديدة الصلة' },
];
const METRICS = [
  { key: 'ndcg@10', label: 'nDCG@10' },
  { key: 'p@10', label: 'P@10' },
  { key: 'mrr@10', label: 'MRR@10' },
];
const KEY_STORAGE = 'judge-write-key';

const $ = id => document.getElementById(id);
const ui = {
  queryForm: $('query-form'), typedQuery: $('typed-query'), querySet: $('query-set'), ranking: $('ranking'),
  depth: $('depth'), keyField: $('key-field'), writeKey: $('write-key'), metrics: $('metrics'),
  metricsNote: $('metrics-note'), queryList: $('query-list'), error: $('error'), currentQuery: $('current-query'),
  judgeStatus: $('judge-status'), judgeResults: $('judge-results'), compareForm: $('compare-form'),
  rankingA: $('ranking-a'), rankingB: $('ranking-b'), compareStatus: $('compare-status'),
  compareQuery: $('compare-query'), compareSetButton: $('compare-set-button'), compareSet: $('compare-set'),
  compareSummary: $('compare-summary'), deltaChart: $('delta-chart'), deltaTable: $('delta-table'),
  exportAll: $('export-all'), exportSet: $('export-set'), importForm: $('import-form'), importFile: $('import-file'),
  importStatus: $('import-status'), uploadForm: $('upload-form'), uploadName: $('upload-name'),
  uploadFile: $('upload-file'), uploadStatus: $('upload-status'), deleteSet: $('delete-set'),
};

// ---------- state <-> URL ----------

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  const tab = params.get('tab');
  return {
    set: params.get('set') || '',
    qid: params.get('qid') || '',
    q: params.get('q') || '',
    ranking: params.get('ranking') || '',
    tab: tab === 'compare' || tab === 'data' ? tab : 'judge',
  };
}

let state = stateFromUrl();
let rankings = { current: 'default', rankings: [] };
let querySets = [];
let queries = []; // of the selected set
let hits = [];    // results of the current query
let active = -1;  // index of the hit the keys grade

function saveState({ push = false } = {}) {
  const params = new URLSearchParams();
  for (const key of ['set', 'qid', 'q', 'ranking']) {
    if (state[key]) params.set(key, state[key]);
  }
  if (state.tab !== 'judge') params.set('tab', state.tab);
  const url = `/judge${params.size ? `?${params}` : ''}`;
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

window.addEventListener('popstate', async () => {
  state = stateFromUrl();
  await applyState();
});

// ---------- errors ----------

function showError(error) {
  const message = error instanceof ApiError ? error.describe() : String(error);
  ui.error.replaceChildren(h('p', { text: message }));
  ui.error.hidden = false;
}

function clearError() {
  ui.error.hidden = true;
}

function writeHeaders() {
  const key = ui.writeKey.value || sessionStorage.getItem(KEY_STORAGE) || '';
  return key ? { 'Content-Type': 'application/json', 'X-Judge-Key': key } : { 'Content-Type': 'application/json' };
}

ui.writeKey.addEventListener('change', () => sessionStorage.setItem(KEY_STORAGE, ui.writeKey.value));

// ---------- rankings and query sets ----------

async function loadRankings() {
  rankings = await requestJson('/judge/api/rankings');
  ui.keyField.hidden = !rankings.writeKeyRequired;
  ui.writeKey.value = sessionStorage.getItem(KEY_STORAGE) || '';
  const options = select => {
    select.replaceChildren(...rankings.rankings.map(r => h('option', {
      value: r.name, disabled: !r.available, title: r.reason || undefined,
    }, r.available ? r.name : `${r.name} (غير متاح)`)));
  };
  for (const select of [ui.ranking, ui.rankingA, ui.rankingB]) options(select);
  const available = rankings.rankings.filter(r => r.available).map(r => r.name);
  ui.rankingA.value = rankings.current;
  ui.rankingB.value = available.find(name => name !== rankings.current) || rankings.current;
}

async function loadQuerySets() {
  const answer = await requestJson('/judge/api/query-sets');
  querySets = answer.querySets;
  ui.querySet.replaceChildren(
    h('option', { value: '' }, '— بلا مجموعة: استعلام مكتوب —'),
    ...answer.querySets.map(set => h('option', { value: set.name },
      `${set.name} (${formatNumber(set.queries)} استعلامًا، ${formatNumber(set.judgedQueries)} مقيّمًا)`)));
}

async function loadQueries() {
  queries = [];
  if (state.set) {
    const answer = await requestJson(`/judge/api/query-sets/${encodeURIComponent(state.set)}`);
    queries = answer.queries;
  }
  renderQueryList();
  ui.exportSet.href = state.set ? `/judge/api/qrels?set=${encodeURIComponent(state.set)}` : '/judge/api/qrels';
  ui.exportSet.hidden = !state.set;
  const uploaded = querySets.some(set => set.name === state.set && set.origin === 'uploaded');
  ui.deleteSet.hidden = !uploaded;
  ui.deleteSet.textContent = uploaded ? `احذف المجموعة المرفوعة «${state.set}»` : '';
}

function renderQueryList() {
  ui.queryList.replaceChildren(...queries.map(query => h('li', {},
    h('button', {
      type: 'button', 'aria-current': String(query.id === state.qid), 'data-qid': query.id,
      onclick: () => selectQuery({ qid: query.id, q: '' }),
    }, h('span', { dir: 'auto', text: query.text }), h('span', { class: 'judged', text: formatNumber(query.judged) })))));
  if (!state.set) {
    ui.queryList.append(h('li', { class: 'notice', text: 'اختر مجموعة استعلامات، أو اكتب استعلامًا في الأعلى.' }));
  }
}

ui.querySet.addEventListener('change', async () => {
  state = { ...state, set: ui.querySet.value, qid: '', q: '' };
  saveState({ push: true });
  await applyState();
});

ui.ranking.addEventListener('change', async () => {
  state = { ...state, ranking: ui.ranking.value };
  saveState();
  await Promise.all([loadResults(), loadMetrics()]);
});

ui.depth.addEventListener('change', () => loadResults());

ui.queryForm.addEventListener('submit', event => {
  event.preventDefault();
  const q = ui.typedQuery.value.trim();
  if (q) selectQuery({ qid: '', q });
});

async function selectQuery({ qid, q }) {
  state = { ...state, qid, q };
  saveState({ push: true });
  renderQueryList();
  if (state.tab === 'compare') await compareQuery(); else await loadResults();
}

// ---------- judging ----------

function hasQuery() {
  return Boolean(state.qid || state.q);
}

function queryParams(extra = {}) {
  const params = new URLSearchParams();
  if (state.qid) params.set('qid', state.qid);
  if (state.q) params.set('q', state.q);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

let resultsAbort = null;

async function loadResults() {
  clearError();
  hits = [];
  active = -1;
  ui.judgeResults.replaceChildren();
  if (!hasQuery()) {
    ui.currentQuery.textContent = '';
    ui.judgeStatus.textContent = 'اختر استعلامًا من القائمة أو اكتب واحدًا.';
    return;
  }
  resultsAbort?.abort();
  const abort = new AbortController();
  resultsAbort = abort;
  try {
    const ranking = ui.ranking.value || rankings.current;
    const answer = await requestJson(`/judge/api/results?${queryParams({ ranking, size: ui.depth.value })}`, { signal: abort.signal });
    if (abort.signal.aborted) return;
    state.qid = state.qid || '';
    currentQueryId = answer.queryId;
    currentQueryText = answer.query;
    ui.currentQuery.replaceChildren('الاستعلام: ', h('bdi', { text: answer.query }),
      ' ', h('span', { class: 'docid', text: answer.queryId }),
      // #18: the other spellings of a name that the search used too (the variants file).
      ...(answer.variants || []).map(use => h('span', { class: 'variants', 'data-testid': 'variants' },
        ' · ', h('bdi', { text: use.word }), ' يشمل ', h('bdi', { text: use.spellings.join('، ') }))));
    ui.typedQuery.value = state.q;
    hits = answer.hits;
    ui.judgeResults.replaceChildren(...hits.map(renderJudgeHit));
    const judged = hits.filter(hit => hit.grade !== null && hit.grade !== undefined).length;
    ui.judgeStatus.textContent = `${formatNumber(hits.length)} نتيجة من ${formatNumber(answer.total)}، قُيّم منها ${formatNumber(judged)} · الترتيب ${answer.ranking}`;
    setActive(hits.findIndex(hit => hit.grade === null || hit.grade === undefined), { focus: false });
  } catch (error) {
    if (error.name !== 'AbortError') showError(error);
  }
}

let currentQueryId = '';
let currentQueryText = '';

function renderJudgeHit(hit, index) {
  const buttons = GRADES.map(grade => h('button', {
    type: 'button', 'aria-pressed': String(hit.grade === grade.value), 'data-grade': grade.value,
    'aria-label': `${formatNumber(grade.value)}: ${grade.label}`, title: grade.label,
    onclick: () => judge(index, grade.value),
  }, formatNumber(grade.value)));
  const title = hit.titleHighlighted ? safeMarkup(hit.titleHighlighted) : document.createTextNode(hit.title || hit.id);
  return h('li', {
    class: 'judge-hit', 'data-id': hit.id, 'data-index': index, tabindex: '-1',
    'aria-label': `النتيجة ${formatNumber(hit.rank)}: ${hit.title || hit.id}`,
  },
  h('span', { class: 'rank', text: formatNumber(hit.rank) }),
  h('div', {},
    h('h3', {}, title),
    h('p', { class: 'meta notice' },
      h('span', { class: 'docid', text: hit.id }), ' · ',
      hit.source ? `${sourceLabel(hit.source)} · ` : '',
      hit.date ? formatDate(hit.date) : ''),
    h('p', { class: 'snippet' }, safeMarkup(hit.snippet)),
    h('div', { class: 'grades', role: 'group', 'aria-label': 'الدرجة' }, buttons, h('span', { class: 'save-state', 'aria-live': 'polite' }))));
}

function setActive(index, { focus = true } = {}) {
  const items = ui.judgeResults.querySelectorAll('.judge-hit');
  if (items.length === 0) return;
  const next = Math.max(0, Math.min(items.length - 1, index < 0 ? 0 : index));
  items.forEach((item, i) => {
    item.classList.toggle('active', i === next);
    item.setAttribute('tabindex', i === next ? '0' : '-1');
  });
  active = next;
  if (focus) {
    items[next].focus({ preventScroll: true });
    items[next].scrollIntoView({ block: 'nearest' });
  }
}

async function judge(index, grade) {
  const hit = hits[index];
  if (!hit) return;
  const item = ui.judgeResults.querySelector(`.judge-hit[data-index="${index}"]`);
  const note = item.querySelector('.save-state');
  try {
    await requestJson('/judge/api/judgments', {
      method: 'PUT',
      headers: writeHeaders(),
      body: JSON.stringify({ queryId: currentQueryId, query: currentQueryText, docId: hit.id, grade }),
    });
    const first = hit.grade === null || hit.grade === undefined;
    hit.grade = grade;
    item.querySelectorAll('[data-grade]').forEach(button => button.setAttribute('aria-pressed', String(Number(button.dataset.grade) === grade)));
    note.className = 'save-state saved';
    note.textContent = 'حُفظ';
    if (first) bumpJudgedCount(1);
    clearError();
    setActive(index + 1);
    scheduleMetrics();
  } catch (error) {
    note.className = 'save-state failed';
    note.textContent = 'لم يُحفظ';
    if (error instanceof ApiError && error.status === 401) {
      ui.keyField.hidden = false;
      ui.writeKey.focus();
    }
    showError(error);
  }
}

function bumpJudgedCount(delta) {
  const query = queries.find(q => q.id === currentQueryId);
  if (query) {
    query.judged += delta;
    renderQueryList();
  }
}

document.addEventListener('keydown', event => {
  if (state.tab !== 'judge' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
  if (/^[0-3]$/.test(event.key) && active >= 0 && hits.length > 0) {
    event.preventDefault();
    judge(active, Number(event.key));
  } else if ((event.key === 'ArrowDown' || event.key === 'j') && ui.judgeResults.contains(target)) {
    event.preventDefault();
    setActive(active + 1);
  } else if ((event.key === 'ArrowUp' || event.key === 'k') && ui.judgeResults.contains(target)) {
    event.preventDefault();
    setActive(active - 1);
  }
});

ui.judgeResults.addEventListener('click', event => {
  const item = event.target.closest('.judge-hit');
  if (item && !event.target.closest('button')) setActive(Number(item.dataset.index));
});

// ---------- metrics ----------

let metricsTimer = 0;

function scheduleMetrics() {
  clearTimeout(metricsTimer);
  metricsTimer = setTimeout(loadMetrics, 300);
}

async function loadMetrics() {
  const params = new URLSearchParams({ ranking: ui.ranking.value || rankings.current });
  if (state.set) params.set('set', state.set);
  try {
    const answer = await requestJson(`/judge/api/metrics?${params}`);
    ui.metrics.replaceChildren(...METRICS.map(metric => h('li', { 'data-metric': metric.key },
      h('span', { class: 'name', text: metric.label }),
      h('span', { class: 'value', text: answer.queries > 0 ? answer.metrics[metric.key].toFixed(3) : '—' }))));
    ui.metricsNote.textContent = answer.queries > 0
      ? `على ${formatNumber(answer.queries)} استعلامًا مقيّمًا${state.set ? ` من «${state.set}»` : ''} بترتيب ${answer.ranking}.`
      : 'لا استعلامات مقيّمة بعد: قيّم نتيجة واحدة على الأقل ذات صلة.';
  } catch (error) {
    ui.metrics.replaceChildren();
    ui.metricsNote.textContent = error instanceof ApiError ? error.describe() : String(error);
  }
}

// ---------- comparison ----------

function moveMarker(hit) {
  if (hit.otherRank === null || hit.otherRank === undefined) {
    return h('span', { class: 'move new', title: 'ليست في القائمة الأخرى' }, 'جديدة');
  }
  const moved = hit.otherRank - hit.rank;
  if (moved > 0) return h('span', { class: 'move up', 'aria-label': `صعدت ${formatNumber(moved)}` }, `▲ ${formatNumber(moved)}`);
  if (moved < 0) return h('span', { class: 'move down', 'aria-label': `هبطت ${formatNumber(-moved)}` }, `▼ ${formatNumber(-moved)}`);
  return h('span', { class: 'move same', 'aria-label': 'في المرتبة نفسها' }, '=');
}

function gradeBadge(grade) {
  return grade === null || grade === undefined
    ? h('span', { class: 'badge unjudged' }, 'غير مقيّمة')
    : h('span', { class: `badge grade-${grade}` }, `الدرجة ${formatNumber(grade)}`);
}

function compareColumn(side, label) {
  return h('section', { 'data-side': label },
    h('h3', {}, `${label === 'a' ? 'أ' : 'ب'}: ${side.ranking}`),
    h('ol', { class: 'compare-list' }, side.hits.map(hit => h('li', { 'data-id': hit.id },
      h('span', { class: 'rank', text: formatNumber(hit.rank) }),
      h('span', { class: 'title', dir: 'auto', text: hit.title || hit.id }),
      h('span', {}, moveMarker(hit), ' ', gradeBadge(hit.grade))))));
}

async function compareQuery() {
  clearError();
  ui.compareQuery.replaceChildren();
  if (!hasQuery()) {
    ui.compareStatus.textContent = 'اختر استعلامًا لمقارنة ترتيبيه، أو قارن على المجموعة كلها.';
    return;
  }
  try {
    const params = queryParams({ a: ui.rankingA.value, b: ui.rankingB.value, size: ui.depth.value });
    const answer = await requestJson(`/judge/api/compare?${params}`);
    currentQueryId = answer.queryId;
    currentQueryText = answer.query;
    const unjudged = [...answer.a.hits, ...answer.b.hits].filter(hit => hit.grade === null || hit.grade === undefined);
    const unjudgedIds = new Set(unjudged.map(hit => hit.id));
    ui.compareStatus.textContent = `«${answer.query}»: ${formatNumber(unjudgedIds.size)} نتيجة غير مقيّمة في القائمتين.`;
    ui.compareQuery.replaceChildren(compareColumn(answer.a, 'a'), compareColumn(answer.b, 'b'));
  } catch (error) {
    showError(error);
  }
}

ui.compareForm.addEventListener('submit', event => {
  event.preventDefault();
  compareQuery();
});

ui.compareSetButton.addEventListener('click', () => compareSet());

async function compareSet() {
  clearError();
  if (!state.set) {
    showError(new ApiError(400, 'اختر مجموعة استعلامات أولًا.'));
    return;
  }
  try {
    const params = new URLSearchParams({ set: state.set, a: ui.rankingA.value, b: ui.rankingB.value, metric: 'ndcg@10' });
    const answer = await requestJson(`/judge/api/compare-set?${params}`);
    ui.compareSummary.replaceChildren(
      h('li', { text: `${answer.metric} · ${formatNumber(answer.queries)} استعلامًا مقيّمًا` }),
      h('li', {}, `أ (${answer.a}): `, h('bdi', { text: answer.meanA.toFixed(3) })),
      h('li', {}, `ب (${answer.b}): `, h('bdi', { text: answer.meanB.toFixed(3) })),
      h('li', { class: 'move up', text: `ب أفضل في ${formatNumber(answer.wins)}` }),
      h('li', { class: 'move down', text: `أسوأ في ${formatNumber(answer.losses)}` }),
      h('li', { text: `تعادل في ${formatNumber(answer.ties)}` }),
      h('li', {}, 'p = ', h('bdi', { text: answer.pValue === null || answer.pValue === undefined ? '—' : answer.pValue.toPrecision(2) })));
    ui.deltaChart.replaceChildren(deltaChart(answer.perQuery, answer.a, answer.b));
    ui.deltaTable.tBodies[0].replaceChildren(...answer.perQuery.map(row => h('tr', {},
      h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => selectQuery({ qid: row.queryId, q: '' }) }, h('bdi', { text: row.query || row.queryId }))),
      h('td', { class: 'num', text: row.a.toFixed(3) }),
      h('td', { class: 'num', text: row.b.toFixed(3) }),
      h('td', { class: `num ${row.delta > 0 ? 'move up' : row.delta < 0 ? 'move down' : ''}`, text: (row.delta > 0 ? '+' : '') + row.delta.toFixed(3) }))));
    ui.compareSet.hidden = false;
  } catch (error) {
    showError(error);
  }
}

/** A bar per query (b − a), in the server's order (largest gain first, from the right); bars above the axis are gains for b. */
function deltaChart(rows, a, b) {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 720;
  const height = 220;
  const axis = height / 2;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'chart');
  // Coordinates and labels are laid out left to right whatever the page direction.
  svg.setAttribute('direction', 'ltr');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `الفرق في nDCG@10 لكل استعلام بين ${b} و ${a}؛ الأعمدة فوق المحور تحسّن لـ ${b}`);
  const add = (tag, attributes, text) => {
    const element = document.createElementNS(ns, tag);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    if (text !== undefined) element.textContent = text;
    svg.append(element);
    return element;
  };
  const max = Math.max(0.05, ...rows.map(row => Math.abs(row.delta)));
  const slot = (width - 40) / Math.max(1, rows.length);
  const bar = Math.max(1, Math.min(28, slot * 0.8));
  rows.forEach((row, i) => {
    const size = (Math.abs(row.delta) / max) * (axis - 20);
    // The first (largest gain) on the right, as the table above it reads for a right-to-left reader.
    const x = width - 20 - (i + 1) * slot + (slot - bar) / 2;
    const y = row.delta >= 0 ? axis - size : axis;
    const rect = add('rect', { x, y, width: bar, height: Math.max(size, row.delta === 0 ? 1 : 0), class: row.delta >= 0 ? 'bar-up' : 'bar-down', 'data-delta': row.delta });
    const title = document.createElementNS(ns, 'title');
    title.textContent = `${row.query || row.queryId}: ${row.delta >= 0 ? '+' : ''}${row.delta.toFixed(3)}`;
    rect.append(title);
  });
  add('line', { x1: 10, x2: width - 10, y1: axis, y2: axis, class: 'axis' });
  add('text', { x: width - 14, y: 14, 'text-anchor': 'end' }, `+${max.toFixed(2)}`);
  add('text', { x: width - 14, y: height - 6, 'text-anchor': 'end' }, `−${max.toFixed(2)}`);
  return svg;
}

// ---------- import and export ----------

ui.importForm.addEventListener('submit', async event => {
  event.preventDefault();
  const file = ui.importFile.files[0];
  if (!file) return;
  try {
    const answer = await requestJson('/judge/api/qrels', {
      method: 'POST', headers: writeHeaders(), body: JSON.stringify({ qrels: await file.text() }),
    });
    ui.importStatus.textContent = `استُورد ${formatNumber(answer.imported)} تقييمًا`
      + (answer.errors.length ? `؛ وتُرك ${formatNumber(answer.errors.length)} سطرًا: ${answer.errors.slice(0, 5).map(e => `${formatNumber(e.line)}: ${e.reason}`).join('، ')}` : '.');
    await Promise.all([loadQuerySets(), loadQueries(), loadMetrics()]);
    ui.querySet.value = state.set;
  } catch (error) {
    ui.importStatus.textContent = error instanceof ApiError ? error.describe() : String(error);
  }
});

ui.uploadForm.addEventListener('submit', async event => {
  event.preventDefault();
  const file = ui.uploadFile.files[0];
  const name = ui.uploadName.value.trim();
  if (!file || !name) return;
  try {
    const answer = await requestJson(`/judge/api/query-sets/${encodeURIComponent(name)}`, {
      method: 'PUT', headers: writeHeaders(), body: JSON.stringify({ tsv: await file.text() }),
    });
    ui.uploadStatus.textContent = `رُفعت المجموعة «${answer.name}»: ${formatNumber(answer.queries)} استعلامًا`
      + (answer.errors.length ? `؛ وتُرك ${formatNumber(answer.errors.length)} سطرًا.` : '.');
    await loadQuerySets();
    state = { ...state, set: answer.name, qid: '', q: '' };
    saveState({ push: true });
    await applyState();
  } catch (error) {
    ui.uploadStatus.textContent = error instanceof ApiError ? error.describe() : String(error);
  }
});

ui.deleteSet.addEventListener('click', async () => {
  const name = state.set;
  if (!name || !window.confirm(`حذف مجموعة الاستعلامات «${name}»؟ تبقى تقييماتها محفوظة.`)) return;
  try {
    await requestJson(`/judge/api/query-sets/${encodeURIComponent(name)}`, { method: 'DELETE', headers: writeHeaders() });
    ui.uploadStatus.textContent = `حُذفت المجموعة «${name}»؛ تقييماتها باقية.`;
    await loadQuerySets();
    state = { ...state, set: '', qid: '', q: '' };
    saveState({ push: true });
    await applyState();
  } catch (error) {
    ui.uploadStatus.textContent = error instanceof ApiError ? error.describe() : String(error);
  }
});

// ---------- tabs (ARIA tabs: arrow keys move between them) ----------

const tabs = [...document.querySelectorAll('[role="tab"]')];

function showTab(name, { focus = false } = {}) {
  state.tab = name;
  for (const tab of tabs) {
    const selected = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(selected));
    tab.setAttribute('tabindex', selected ? '0' : '-1');
    $(tab.getAttribute('aria-controls')).hidden = !selected;
    if (selected && focus) tab.focus();
  }
}

for (const tab of tabs) {
  tab.addEventListener('click', async () => {
    showTab(tab.id.slice(4));
    saveState();
    if (state.tab === 'compare') await compareQuery();
    if (state.tab === 'judge') await loadResults();
  });
  tab.addEventListener('keydown', event => {
    const index = tabs.indexOf(tab);
    // In right-to-left, the next tab is to the left.
    const step = event.key === 'ArrowLeft' ? 1 : event.key === 'ArrowRight' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      tabs[(index + step + tabs.length) % tabs.length].click();
      tabs[(index + step + tabs.length) % tabs.length].focus();
    }
  });
}

// ---------- start ----------

async function applyState() {
  clearError();
  ui.querySet.value = state.set;
  if (state.ranking && rankings.rankings.some(r => r.name === state.ranking && r.available)) {
    ui.ranking.value = state.ranking;
  } else {
    ui.ranking.value = rankings.current;
  }
  ui.typedQuery.value = state.q;
  showTab(state.tab);
  try {
    await loadQueries();
  } catch (error) {
    showError(error);
  }
  await Promise.all([state.tab === 'compare' ? compareQuery() : loadResults(), loadMetrics()]);
}

async function start() {
  try {
    await Promise.all([loadRankings(), loadQuerySets()]);
  } catch (error) {
    showError(error);
    return;
  }
  // A first visit opens the first query set, so there is something to judge at once.
  if (!state.set && !state.q && !state.qid && querySets.length > 0) {
    state = { ...state, set: querySets[0].name };
    saveState();
  }
  await applyState();
  document.body.dataset.ready = 'true';
}

start();
