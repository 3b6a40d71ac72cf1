// The search page (/): a search box with suggestions, results, facets, sort, pagination and did-you-mean.
// The URL is the state (q, page, sort, category, source, month, correct): every change is a history entry, so a result page
// can be shared and Back returns to the previous one. Talks to GET /search and GET /suggest only.

import {
  ApiError, categoryLabel, debounce, formatDate, formatMonth, formatNumber, h, requestJson, safeMarkup, sourceLabel,
} from './common.js';

const PAGE_SIZE = 10;
const MAX_WINDOW = 10000; // SearchLimits.MaxResultWindow: page × size may not go past it.
const FACETS = [
  { name: 'category', label: 'التصنيف', format: categoryLabel },
  { name: 'source', label: 'المصدر', format: sourceLabel },
  // Months read best in calendar order, newest first.
  { name: 'month', label: 'الشهر', format: formatMonth, order: (a, b) => b.value.localeCompare(a.value) },
];
const FACET_SHOWN = 8; // values shown before "show more"
const expandedFacets = new Set();
const KIND_LABELS = { word: 'كلمة', phrase: 'عبارة', title: 'عنوان' };

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const listbox = document.getElementById('suggestions');
const sortSelect = document.getElementById('sort');
const facetsBox = document.getElementById('facets');
const clearFilters = document.getElementById('clear-filters');
const resultsBox = document.getElementById('results');
const statusLine = document.getElementById('status');
const didYouMean = document.getElementById('did-you-mean');
const errorBox = document.getElementById('error');
const emptyBox = document.getElementById('empty');
const hitsList = document.getElementById('hits');
const pagination = document.getElementById('pagination');

// ---------- state <-> URL ----------

function stateFromUrl(search) {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get('page') || '1', 10);
  return {
    q: params.get('q') || '',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    sort: params.get('sort') === 'newest' || params.get('sort') === 'date' ? 'newest' : 'relevance',
    category: params.getAll('category'),
    source: params.getAll('source'),
    month: params.getAll('month'),
    correct: params.get('correct') !== 'false',
  };
}

function toParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (!state.correct) params.set('correct', 'false');
  for (const facet of FACETS) {
    for (const value of state[facet.name]) params.append(facet.name, value);
  }
  return params;
}

function pageUrl(state) {
  const query = toParams(state).toString();
  return query ? `/?${query}` : '/';
}

let current = stateFromUrl(location.search);

/** Makes state the current one: a new history entry (unless replace), then the search. */
function navigate(state, { replace = false, focusResults = false } = {}) {
  current = state;
  const url = pageUrl(state);
  if (replace) {
    history.replaceState(null, '', url);
  } else if (url !== location.pathname + location.search) {
    history.pushState(null, '', url);
  }
  runSearch(state, { focusResults });
}

window.addEventListener('popstate', () => {
  current = stateFromUrl(location.search);
  closeSuggestions();
  runSearch(current, {});
});

// ---------- search ----------

let searchAbort = null;

async function runSearch(state, { focusResults }) {
  input.value = state.q;
  sortSelect.value = state.sort;
  document.title = state.q ? `${state.q} - بحث الأخبار` : 'بحث الأخبار';

  searchAbort?.abort();
  const abort = new AbortController();
  searchAbort = abort;
  const params = toParams(state);
  params.set('size', String(PAGE_SIZE));
  document.body.classList.add('loading');
  resultsBox.setAttribute('aria-busy', 'true');
  try {
    const page = await requestJson(`/search?${params}`, { signal: abort.signal });
    if (abort.signal.aborted) return;
    renderResults(state, page);
    if (focusResults) {
      resultsBox.focus({ preventScroll: true });
      resultsBox.scrollIntoView({ block: 'start' });
    }
  } catch (error) {
    if (error.name === 'AbortError') return;
    renderError(error instanceof ApiError ? error : new ApiError(0, 'error', String(error)));
  } finally {
    if (searchAbort === abort) {
      document.body.classList.remove('loading');
      resultsBox.removeAttribute('aria-busy');
    }
  }
}

function renderError(error) {
  hitsList.replaceChildren();
  pagination.hidden = true;
  emptyBox.hidden = true;
  didYouMean.hidden = true;
  statusLine.textContent = '';
  errorBox.replaceChildren(
    h('p', { text: error.describe() }),
    h('button', { type: 'button', onclick: () => runSearch(current, { focusResults: false }) }, 'إعادة المحاولة'));
  errorBox.hidden = false;
}

function renderResults(state, page) {
  errorBox.hidden = true;
  renderStatus(state, page);
  renderDidYouMean(state, page);
  renderFacets(state, page.facets);
  hitsList.replaceChildren(...page.hits.map(renderHit));
  renderEmpty(state, page);
  renderPagination(state, page.total, page.collapsed && page.hits.length < page.size);
}

function renderStatus(state, page) {
  const seconds = (page.tookMs / 1000).toLocaleString('ar-EG', { maximumFractionDigits: 3 });
  let text;
  if (page.total === 0) {
    text = '';
  } else if (!state.q) {
    text = `أحدث الأخبار: ${formatNumber(page.total)} خبرًا`;
  } else {
    const first = (page.page - 1) * page.size + 1;
    const last = Math.min(page.total, first + page.hits.length - 1);
    text = page.collapsed
      // One hit per story (#21): the hits are stories, the total counts articles (copies included).
      ? `القصص ${formatNumber(first)}–${formatNumber(first + page.hits.length - 1)} من ${formatNumber(page.total)} مقالًا مطابقًا (${seconds} ثانية)`
      : `النتائج ${formatNumber(first)}–${formatNumber(last)} من ${formatNumber(page.total)} (${seconds} ثانية)`;
  }
  if (page.timedOut) {
    text += ' · البحث تجاوز وقته المسموح، فالنتائج جزئية';
  }
  statusLine.textContent = text;
}

function renderDidYouMean(state, page) {
  didYouMean.replaceChildren();
  if (page.corrected && page.searchedQuery) {
    // #18: the results are the correction's; the way back searches the words as typed (correct=false).
    const corrected = { ...state, q: page.searchedQuery, page: 1, correct: true };
    const asTyped = { ...state, page: 1, correct: false };
    didYouMean.append(
      'نعرض نتائج «', h('a', { href: pageUrl(corrected), onclick: follow(corrected) }, h('bdi', { text: page.searchedQuery })), '». ',
      h('a', { href: pageUrl(asTyped), onclick: follow(asTyped), 'data-testid': 'search-as-typed' },
        'ابحث عن «', h('bdi', { text: state.q }), '» كما كتبتها'));
    didYouMean.hidden = false;
  } else if (page.didYouMean) {
    const next = { ...state, q: page.didYouMean, page: 1, correct: true };
    didYouMean.append('هل تقصد: ', h('a', { href: pageUrl(next), onclick: follow(next), 'data-testid': 'did-you-mean-link' }, h('bdi', { text: page.didYouMean })), '؟');
    didYouMean.hidden = false;
  } else {
    didYouMean.hidden = true;
  }
}

/** A click handler that navigates in-page (the href stays for new tabs, copying and no-JS). */
function follow(state, options = {}) {
  return event => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(state, options);
  };
}

function renderHit(hit) {
  const title = hit.titleHighlighted ? safeMarkup(hit.titleHighlighted) : document.createTextNode(hit.title || hit.id);
  const heading = h('h2', {}, hit.url
    ? h('a', { href: hit.url, rel: 'noopener noreferrer' }, title)
    : title);
  const meta = h('p', { class: 'meta' },
    hit.source ? h('span', { class: 'source' }, sourceLabel(hit.source)) : null,
    hit.category ? h('span', { class: 'category' }, categoryLabel(hit.category)) : null,
    hit.date ? h('time', { datetime: hit.date }, formatDate(hit.date)) : null);
  return h('li', { class: 'hit', 'data-id': hit.id, 'data-category': hit.category, 'data-source': hit.source },
    h('article', {}, heading, meta, h('p', { class: 'snippet' }, safeMarkup(hit.snippet)), renderCopies(hit)));
}

// "Also in": the other articles of the hit's story (#21), each its source and category, linked when it has a URL.
function renderCopies(hit) {
  if (!hit.copyCount) return null;
  const items = (hit.copies || []).map(copy => {
    const label = [copy.source ? sourceLabel(copy.source) : null, copy.category ? categoryLabel(copy.category) : null]
      .filter(Boolean).join(' · ') || copy.id;
    return h('li', { 'data-id': copy.id }, copy.url ? h('a', { href: copy.url, rel: 'noopener noreferrer' }, label) : label);
  });
  const more = hit.copyCount - items.length;
  if (more > 0) items.push(h('li', {}, `و${formatNumber(more)} أخرى`));
  return h('div', { class: 'also-in' }, h('span', {}, 'ورد أيضًا في: '), h('ul', {}, ...items));
}

function renderEmpty(state, page) {
  emptyBox.replaceChildren();
  if (page.total > 0) {
    emptyBox.hidden = true;
    return;
  }
  const filtered = FACETS.some(facet => state[facet.name].length > 0);
  emptyBox.append(
    h('h2', {}, state.q ? ['لا توجد نتائج لـ «', h('bdi', { text: state.q }), '»'] : 'لا توجد أخبار'),
    h('ul', {},
      h('li', { text: 'تحقّق من كتابة الكلمات، أو جرّب كلمات أقل أو أعم.' }),
      filtered ? h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => navigate({ ...state, page: 1, category: [], source: [], month: [] }) }, 'ابحث دون عوامل التصفية')) : null));
  emptyBox.hidden = false;
}

// `lastPage`: this page holds the last stories (collapsed pages end before total / size, which counts articles).
function renderPagination(state, total, lastPage = false) {
  const counted = Math.max(1, Math.ceil(Math.min(total, MAX_WINDOW) / PAGE_SIZE));
  const pages = lastPage ? Math.min(counted, state.page) : counted;
  pagination.replaceChildren();
  if (pages <= 1) {
    pagination.hidden = true;
    return;
  }
  const link = (page, label, extra = {}) => {
    const next = { ...state, page };
    return h('a', { href: pageUrl(next), onclick: follow(next, { focusResults: true }), ...extra }, label);
  };
  if (state.page > 1) {
    pagination.append(link(state.page - 1, 'السابق', { rel: 'prev' }));
  }
  const shown = new Set([1, pages, state.page - 2, state.page - 1, state.page, state.page + 1, state.page + 2]);
  let previous = 0;
  for (let page = 1; page <= pages; page++) {
    if (!shown.has(page)) continue;
    if (page - previous > 1) pagination.append(h('span', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    pagination.append(page === state.page
      ? h('span', { 'aria-current': 'page' }, formatNumber(page))
      : link(page, formatNumber(page), { 'aria-label': `الصفحة ${formatNumber(page)}` }));
    previous = page;
  }
  if (state.page < pages) {
    pagination.append(link(state.page + 1, 'التالي', { rel: 'next' }));
  }
  pagination.hidden = false;
}

// ---------- facets ----------

let lastFacets = { category: [], source: [], month: [] };

function renderFacets(state, facets) {
  lastFacets = facets;
  const groups = [];
  for (const facet of FACETS) {
    const values = [...(facets[facet.name] || [])];
    // A selected value with no matches left still shows, so that it can be unticked.
    for (const selected of state[facet.name]) {
      if (!values.some(v => v.value === selected)) values.push({ value: selected, count: 0 });
    }
    if (values.length === 0) continue;
    if (facet.order) values.sort(facet.order);
    const expanded = expandedFacets.has(facet.name);
    const items = values.map((value, index) => {
      const id = `facet-${facet.name}-${index}`;
      const checked = state[facet.name].includes(value.value);
      return h('li', { hidden: !expanded && index >= FACET_SHOWN && !checked },
        h('label', { for: id },
          h('input', { type: 'checkbox', id, name: facet.name, value: value.value, checked, onchange: event => toggleFacet(facet.name, value.value, event.target.checked) }),
          h('span', { class: 'value' }, facet.format(value.value)),
          h('span', { class: 'count', 'aria-label': `${formatNumber(value.count)} خبر` }, formatNumber(value.count))));
    });
    const list = h('ul', { id: `facet-${facet.name}-values` }, items);
    const more = values.length > FACET_SHOWN
      ? h('button', {
        type: 'button', class: 'link-button', 'aria-expanded': String(expanded), 'aria-controls': list.id,
        onclick: () => {
          if (expandedFacets.has(facet.name)) expandedFacets.delete(facet.name); else expandedFacets.add(facet.name);
          renderFacets(current, lastFacets);
        },
      }, expanded ? 'عرض أقل' : `عرض الكل (${formatNumber(values.length)})`)
      : null;
    groups.push(h('fieldset', { class: 'facet', 'data-facet': facet.name }, h('legend', { text: facet.label }), list, more));
  }
  facetsBox.replaceChildren(...groups);
  clearFilters.hidden = !FACETS.some(facet => state[facet.name].length > 0);
}

function toggleFacet(name, value, on) {
  const values = current[name].filter(v => v !== value);
  if (on) values.push(value);
  navigate({ ...current, [name]: values, page: 1 });
}

clearFilters.addEventListener('click', () => navigate({ ...current, page: 1, category: [], source: [], month: [] }));
sortSelect.addEventListener('change', () => navigate({ ...current, sort: sortSelect.value, page: 1 }));

// ---------- search box and suggestions (ARIA 1.2 combobox with a listbox popup) ----------

let suggestions = [];
let active = -1;
let suggestAbort = null;

form.addEventListener('submit', event => {
  event.preventDefault();
  closeSuggestions();
  submitQuery(input.value);
});

function submitQuery(text) {
  const q = text.trim();
  // A new query starts from the first page; its filters are dropped, since they were chosen for the old results.
  const next = q === current.q
    ? { ...current, page: 1 }
    : { ...current, q, page: 1, category: [], source: [], month: [], correct: true };
  navigate(next);
}

const fetchSuggestions = debounce(async text => {
  suggestAbort?.abort();
  if (!text.trim()) {
    closeSuggestions();
    return;
  }
  const abort = new AbortController();
  suggestAbort = abort;
  try {
    const answer = await requestJson(`/suggest?${new URLSearchParams({ q: text, size: '8' })}`, { signal: abort.signal });
    if (abort.signal.aborted || input.value !== text || document.activeElement !== input) return;
    showSuggestions(answer.suggestions);
  } catch {
    // Suggestions are a convenience: when they fail, the box still searches.
    closeSuggestions();
  }
}, 90);

input.addEventListener('input', () => fetchSuggestions(input.value));

input.addEventListener('keydown', event => {
  const open = !listbox.hidden && suggestions.length > 0;
  switch (event.key) {
    case 'ArrowDown':
      if (suggestions.length === 0 && input.value.trim()) {
        // A closed list (after Escape, or before the pause that fetches it) opens on ↓, as in a native combobox.
        event.preventDefault();
        fetchSuggestions.now(input.value);
      } else if (suggestions.length > 0) {
        event.preventDefault();
        listbox.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        setActive(active + 1 >= suggestions.length ? 0 : active + 1);
      }
      break;
    case 'ArrowUp':
      if (open) {
        event.preventDefault();
        setActive(active <= 0 ? suggestions.length - 1 : active - 1);
      }
      break;
    case 'Enter':
      if (open && active >= 0) {
        event.preventDefault();
        choose(active);
      }
      break;
    case 'Escape':
      if (open) {
        event.preventDefault();
        closeSuggestions();
      }
      break;
    case 'Tab':
      closeSuggestions();
      break;
    default:
      break;
  }
});

input.addEventListener('blur', () => setTimeout(() => {
  if (document.activeElement !== input) closeSuggestions();
}, 120));

// Keep the focus in the box while the mouse picks a suggestion.
listbox.addEventListener('mousedown', event => event.preventDefault());
listbox.addEventListener('click', event => {
  const option = event.target.closest('[role="option"]');
  if (option) choose(Number(option.dataset.index));
});

function showSuggestions(items) {
  suggestions = items;
  active = -1;
  input.removeAttribute('aria-activedescendant');
  listbox.replaceChildren(...items.map((item, index) => h('li', {
    id: `suggestion-${index}`, role: 'option', 'aria-selected': 'false', 'data-index': index, 'data-kind': item.kind,
  }, h('span', { class: 'text', text: item.text }), h('span', { class: 'kind', text: KIND_LABELS[item.kind] || '' }))));
  const open = items.length > 0;
  listbox.hidden = !open;
  input.setAttribute('aria-expanded', String(open));
}

function setActive(index) {
  const options = listbox.querySelectorAll('[role="option"]');
  options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
  active = index;
  if (index >= 0) {
    input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  } else {
    input.removeAttribute('aria-activedescendant');
  }
}

function closeSuggestions() {
  fetchSuggestions.cancel();
  suggestAbort?.abort();
  suggestions = [];
  active = -1;
  listbox.hidden = true;
  listbox.replaceChildren();
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

function choose(index) {
  const chosen = suggestions[index];
  if (!chosen) return;
  input.value = chosen.text;
  closeSuggestions();
  submitQuery(chosen.text);
}

// ---------- start ----------

// On a phone the filters start folded above the results (they come first in the page and in the focus order).
const narrow = window.matchMedia('(max-width: 760px)');
const filtersDetails = document.getElementById('filters-details');
const filtersSummary = filtersDetails.querySelector('summary');
function fitFilters() {
  filtersDetails.open = !narrow.matches;
  // On a wide screen the summary is only a heading: not a tab stop, and a click does not fold the filters.
  if (narrow.matches) filtersSummary.removeAttribute('tabindex'); else filtersSummary.setAttribute('tabindex', '-1');
}
filtersSummary.addEventListener('click', event => {
  if (!narrow.matches) event.preventDefault();
});
fitFilters();
narrow.addEventListener('change', fitFilters);

navigate(current, { replace: true });
