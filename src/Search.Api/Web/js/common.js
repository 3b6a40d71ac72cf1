// Shared by the search page and the judging workbench: HTTP with ProblemDetails errors, safe highlighted markup,
// Arabic formatting of numbers and dates, and small DOM helpers. No framework; ES modules only.

/** An error answer of the API (RFC 7807 ProblemDetails), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, title, detail, errors) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors || null;
  }

  /** One line for people: the title, the detail, and the first message of each invalid parameter. */
  describe() {
    if (this.status === 0) {
      return 'تعذّر الاتصال بالخادم. تحقّق من الاتصال ثم أعد المحاولة.';
    }
    if (this.status === 429) {
      return 'طلبات كثيرة في وقت قصير. انتظر لحظة ثم أعد المحاولة.';
    }
    if (this.status === 503) {
      return 'الفهرس غير جاهز الآن' + (this.detail ? `: ${this.detail}` : '.');
    }
    const parts = [this.title, this.detail].filter(Boolean);
    if (this.errors) {
      for (const [name, messages] of Object.entries(this.errors)) {
        parts.push(`${name}: ${[].concat(messages).join(' ')}`);
      }
    }
    return parts.join(' — ') || `HTTP ${this.status}`;
  }
}

/** Fetches JSON; throws ApiError for a non-2xx answer (reading its ProblemDetails) or a network failure. */
export async function requestJson(url, options = {}) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json', ...(options.headers || {}) }, ...options });
  } catch (error) {
    if (error && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'network', String(error));
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, body && body.title, body && body.detail, body && body.errors);
  }
  return body;
}

/**
 * Turns the API's highlighted HTML (escaped text with <mark> around matches) into DOM nodes, keeping only text and
 * <mark>: the server escapes already; this is the second lock on the door.
 */
export function safeMarkup(html) {
  const template = document.createElement('template');
  template.innerHTML = html || '';
  const fragment = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      fragment.append(node.textContent);
    } else if (node.nodeType === Node.ELEMENT_NODE && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      fragment.append(node.textContent);
    }
  }
  return fragment;
}

const arabicNumber = new Intl.NumberFormat('ar-EG');
const arabicDecimal = new Intl.NumberFormat('ar-EG', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const arabicDate = new Intl.DateTimeFormat('ar-EG-u-ca-gregory', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const arabicMonth = new Intl.DateTimeFormat('ar-EG-u-ca-gregory', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 1234 → ١٬٢٣٤ (Arabic-Indic digits, as Arabic news sites print them). */
export function formatNumber(value) {
  return arabicNumber.format(value);
}

/** A metric value with three decimals, in Arabic-Indic digits. */
export function formatDecimal(value) {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : arabicDecimal.format(value);
}

/** An ISO date (yyyy-MM-dd or full ISO 8601) → «١٥ مارس ٢٠٢٤»; the raw text when it does not parse. */
export function formatDate(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : arabicDate.format(date);
}

/** A facet month (yyyy-MM) → «مارس ٢٠٢٤». */
export function formatMonth(value) {
  const match = /^(\d{4})-(\d{2})$/.exec(value || '');
  return match ? arabicMonth.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))) : value;
}

/** document.createElement with properties, attributes (keys starting with "aria-", "data-" or listed) and children. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key === 'text') {
      element.textContent = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key.startsWith('aria-') || key.startsWith('data-') || ['role', 'for', 'href', 'dir', 'lang', 'datetime', 'type', 'name', 'value', 'id', 'tabindex', 'hidden', 'title', 'rel', 'target', 'download'].includes(key)) {
      element.setAttribute(key, value === true ? '' : String(value));
    } else {
      element[key] = value;
    }
  }
  element.append(...children.flat().filter(child => child !== null && child !== undefined && child !== false));
  return element;
}

/** Runs fn wait ms after the last call; the debounced function also has .cancel() and .now(...args) (run at once). */
export function debounce(fn, wait) {
  let timer = 0;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
  debounced.cancel = () => clearTimeout(timer);
  debounced.now = (...args) => {
    clearTimeout(timer);
    return fn(...args);
  };
  return debounced;
}

// Display names of the category and source values the corpora use; a value not listed shows as it is. The value
// itself (not the label) is what filters, links and the URL carry.
const CATEGORY_LABELS = {
  internationalNews: 'أخبار دولية', middleEast: 'الشرق الأوسط', localNews: 'أخبار محلية', sport: 'رياضة',
  economy: 'اقتصاد', technology: 'تكنولوجيا', culture: 'ثقافة', society: 'مجتمع', politic: 'سياسة',
  politics: 'سياسة', diverse: 'منوعات', health: 'صحة', science: 'علوم',
};
const SOURCE_LABELS = {
  'skynews-arabia': 'سكاي نيوز عربية', jawharafm: 'جوهرة إف إم', alarabiya: 'العربية', 'france24-arabic': 'فرانس ٢٤',
  'bbc-arabic': 'بي بي سي عربي', 'cnn-arabic': 'سي إن إن بالعربية',
};

/** The Arabic display name of a category value. */
export function categoryLabel(value) {
  return CATEGORY_LABELS[value] || value;
}

/** The Arabic display name of a source value. */
export function sourceLabel(value) {
  return SOURCE_LABELS[value] || value;
}
