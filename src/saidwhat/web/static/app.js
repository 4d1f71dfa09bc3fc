/* saidwhat page: vanilla JS, no dependencies, no network beyond this origin's /api.
 *
 * Safety rule: every piece of data (article text, titles, names, URLs, query
 * strings) reaches the DOM through textContent / text nodes or through
 * setAttribute on attributes we name ourselves; no HTML string is ever parsed.
 * External links are only made for http(s) URLs.
 */
(() => {
  'use strict';

  const ROLES = ['quote', 'speaker', 'cue', 'addressee', 'frame'];
  const ROLE_LABEL = { quote: 'Quote', speaker: 'Speaker', cue: 'Cue', addressee: 'Addressee', frame: 'Frame' };
  const KINDS = ['direct', 'indirect', 'free_indirect', 'indirect_free_indirect', 'reported'];
  const KIND_LABEL = {
    direct: 'direct',
    indirect: 'indirect',
    free_indirect: 'free indirect',
    indirect_free_indirect: 'indirect, continued',
    reported: 'reported',
  };
  // the speech act of a statement (docs/stance.md); 'say' is the neutral one
  const STANCES = ['say', 'claim', 'deny', 'reject', 'confirm', 'announce', 'demand', 'warn', 'criticise', 'praise', 'promise', 'refuse', 'question', 'estimate'];
  // what a statement's speaker is (docs/entity-gold.md)
  const SPEAKER_KINDS = ['person', 'organisation', 'group', 'anonymous', 'description'];
  const PAGE = 20;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const MAX_TRY_CHARS = 50000;
  const EXAMPLE = [
    'Berlin (dpa) - Die Bürgermeisterin von Neustadt, Anna Berger, hat am Montag vor einer Überlastung der Kliniken gewarnt.',
    '',
    '"Wir stehen kurz vor dem Punkt, an dem wir Patienten abweisen müssen", sagte Berger vor Journalisten.',
    '',
    'Gesundheitsminister Karl Lenz widersprach: "Die Lage ist ernst, aber beherrschbar."',
    '',
    'Berger sagte, die Stadt brauche mehr Personal.',
  ].join('\n');

  // ---------------------------------------------------------------- DOM helpers

  /** Element builder: props are set via properties/attributes we name; children become text nodes. */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    setProps(el, props);
    appendAll(el, children);
    return el;
  }

  function svg(tag, props, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    setProps(el, props);
    appendAll(el, children);
    return el;
  }

  function setProps(el, props) {
    if (!props) return;
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.setAttribute('class', value);
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'dataset') for (const [k, v] of Object.entries(value)) el.dataset[k] = String(v);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }

  function appendAll(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  const $ = (sel, root = document) => root.querySelector(sel);

  function clip(s, n) {
    const t = String(s || '').replace(/\s+/g, ' ').trim();
    return t.length <= n ? t : t.slice(0, n - 1) + '…';
  }

  /** An http(s) URL or null: anything else (javascript:, data:, …) is never made a link. */
  function safeUrl(raw) {
    if (typeof raw !== 'string' || !raw) return null;
    try {
      const u = new URL(raw);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function route(...parts) {
    return '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
  }

  function withParams(base, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
    const s = q.toString();
    return s ? base + '?' + s : base;
  }

  function fmtInt(n) {
    return Number(n || 0).toLocaleString('en-US');
  }

  /** The day a statement was made if the text gives one, else the article's date. */
  function dateOf(st) {
    if (!st) return null;
    if (typeof st.said_on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(st.said_on)) return st.said_on;
    return st.published || null;
  }

  // ---------------------------------------------------------------- API

  async function api(path, params, init) {
    const url = new URL(path, window.location.origin);
    if (params) for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
    const res = await fetch(url, Object.assign({ headers: { Accept: 'application/json' }, credentials: 'same-origin' }, init || {}));
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) throw new Error(body && typeof body.error === 'string' ? body.error : 'HTTP ' + res.status);
    return body;
  }

  // ---------------------------------------------------------------- shared pieces

  function kindBadge(kind) {
    const k = KINDS.includes(kind) ? kind : 'other';
    return h('span', { class: 'badge kind-' + k, text: KIND_LABEL[kind] || String(kind || '?') });
  }

  function stanceBadge(stance) {
    const s = STANCES.includes(stance) ? stance : 'say';
    return h('span', { class: 'stance stance-' + s, title: 'stance: ' + s, dataset: { stance: s }, text: s });
  }

  function speakerKindBadge(kind) {
    if (!SPEAKER_KINDS.includes(kind)) return null;  // stored before speaker kinds: nothing to show
    return h('span', { class: 'speaker-kind speaker-kind-' + kind, title: 'speaker: ' + kind, dataset: { speakerKind: kind }, text: kind });
  }

  function speakerLabel(st, cls) {
    const name = st.speaker_name || st.speaker || '';
    const label = name ? name : 'unknown speaker';
    const mention = st.speaker && st.speaker_name && st.speaker !== st.speaker_name ? st.speaker : null;
    const main = Number.isInteger(st.speaker_id)
      ? h('a', { class: cls, href: route('speaker', st.speaker_id), text: label })
      : h('span', { class: cls + (name ? '' : ' muted'), text: label });
    return mention ? [main, h('span', { class: 'muted', text: '(“' + clip(mention, 40) + '”)' })] : [main];
  }

  /** "also quoted in N other articles" (and a conflict mark) for a statement whose quote recurs; else null. */
  function reuseNote(st) {
    const g = st && st.quote_group;
    if (!g || !Number.isInteger(g.id) || !(g.n_articles > 1)) return null;
    const others = g.n_articles - 1;
    return h(
      'a',
      { class: 'reuse' + (g.conflict ? ' reuse-conflict' : ''), href: route('quote', g.id), dataset: { group: g.id } },
      'also quoted in ' + fmtInt(others) + (others === 1 ? ' other article' : ' other articles'),
      g.conflict ? h('span', { class: 'badge conflict', text: 'attribution conflict' }) : null,
    );
  }

  function legend(roles) {
    return h(
      'ul',
      { class: 'legend', 'aria-label': 'Legend' },
      roles.map((r) => h('li', {}, h('span', { class: 'key key-' + r, text: ROLE_LABEL[r] }))),
      h('li', { class: 'muted', text: 'Hover a highlight or a statement to light up all its parts.' }),
    );
  }

  function showError(container, err) {
    container.replaceChildren(h('p', { class: 'error', role: 'alert', text: String((err && err.message) || err) }));
  }

  function loading(container, what) {
    container.replaceChildren(h('p', { class: 'loading', text: 'Loading ' + what + '…' }));
  }

  // ---------------------------------------------------------------- highlighting

  /**
   * The article text cut at every span boundary. Each highlighted piece is a
   * <span class="hl hl-ROLE…"> carrying data-ROLE="i j" (statement indexes for
   * which it has that role) and data-st (all of them).
   */
  function highlight(text, statements) {
    const n = text.length;
    const cuts = new Set([0, n]);
    const norm = statements.map((st) => {
      const out = {};
      const spans = (st && st.spans) || {};
      for (const r of ROLES) {
        const list = Array.isArray(spans[r]) ? spans[r] : [];
        out[r] = list.filter(
          (sp) => Array.isArray(sp) && Number.isInteger(sp[0]) && Number.isInteger(sp[1]) && sp[0] >= 0 && sp[0] < sp[1] && sp[1] <= n,
        );
        for (const [b, e] of out[r]) {
          cuts.add(b);
          cuts.add(e);
        }
      }
      return out;
    });
    const points = [...cuts].sort((a, b) => a - b);
    const doc = h('div', { class: 'doc', lang: 'de' });
    const parts = new Map();
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      const piece = text.slice(a, b);
      const roles = {};
      const members = new Set();
      norm.forEach((sp, i) => {
        for (const r of ROLES) {
          if (sp[r].some(([x, y]) => x <= a && b <= y)) {
            (roles[r] = roles[r] || []).push(i);
            members.add(i);
          }
        }
      });
      if (!members.size) {
        doc.append(document.createTextNode(piece));
        continue;
      }
      const present = ROLES.filter((r) => roles[r]);
      const el = h('span', { class: 'hl ' + present.map((r) => 'hl-' + r).join(' '), text: piece });
      for (const r of present) el.dataset[r] = roles[r].join(' ');
      el.dataset.st = [...members].join(' ');
      el.setAttribute('title', present.map((r) => ROLE_LABEL[r] + ' of #' + roles[r].map((i) => i + 1).join(', #')).join(' · '));
      for (const i of members) {
        if (!parts.has(i)) parts.set(i, []);
        parts.get(i).push(el);
      }
      doc.append(el);
    }
    return { doc, parts };
  }

  function statementItem(st, i) {
    const meta = [];
    if (st.cue) meta.push(h('span', {}, 'cue ', h('span', { class: 'role-tag key-cue', text: clip(st.cue, 40) })));
    if (st.addressee) meta.push(h('span', {}, 'to ', h('span', { class: 'role-tag key-addressee', text: clip(st.addressee, 60) })));
    const d = dateOf(st);
    if (st.said_on) meta.push(h('span', { class: 'date', text: 'said ' + st.said_on }));
    else if (d) meta.push(h('span', { class: 'date', text: d }));
    if (typeof st.confidence === 'number') meta.push(h('span', { text: 'confidence ' + st.confidence.toFixed(2) }));
    const reuse = reuseNote(st);
    if (reuse) meta.push(reuse);
    return h(
      'li',
      { class: 'st', tabindex: '0', dataset: { st: i } },
      h('div', { class: 'st-head' }, h('span', { class: 'st-num', text: String(i + 1) }), speakerLabel(st, 'st-speaker'), speakerKindBadge(st.speaker_kind), kindBadge(st.kind), stanceBadge(st.stance)),
      h('p', { class: 'st-quote', text: clip(st.quote, 260) }),
      meta.length ? h('div', { class: 'st-meta' }, meta) : null,
    );
  }

  /** Text with highlights plus the list of statements, hover-linked both ways. */
  function evidenceView(text, statements, focusIndex) {
    const { doc, parts } = highlight(text, statements);
    const items = new Map();
    const list = h('ol', { class: 'st-list', 'aria-label': 'Statements' });
    statements.forEach((st, i) => {
      const li = statementItem(st, i);
      items.set(i, li);
      list.append(li);
    });
    let lit = [];
    const light = (ids) => {
      for (const el of lit) el.classList.remove('active');
      lit = [];
      doc.classList.toggle('focus', ids.length > 0);
      for (const i of ids) {
        for (const el of parts.get(i) || []) {
          el.classList.add('active');
          lit.push(el);
        }
        const li = items.get(i);
        if (li) {
          li.classList.add('active');
          lit.push(li);
        }
      }
    };
    doc.addEventListener('mouseover', (e) => {
      const t = e.target instanceof Element ? e.target.closest('.hl') : null;
      light(t ? t.dataset.st.split(' ').map(Number) : []);
    });
    doc.addEventListener('mouseleave', () => light([]));
    const jump = (i) => {
      const first = (parts.get(i) || [])[0];
      if (!first) return;
      first.scrollIntoView({ block: 'center', behavior: 'smooth' });
      for (const el of parts.get(i)) {
        el.classList.remove('flash');
        void el.getBoundingClientRect();
        el.classList.add('flash');
      }
    };
    items.forEach((li, i) => {
      li.addEventListener('mouseenter', () => light([i]));
      li.addEventListener('mouseleave', () => light([]));
      li.addEventListener('focus', () => light([i]));
      li.addEventListener('blur', () => light([]));
      li.addEventListener('click', (e) => {
        if (e.target instanceof Element && e.target.closest('a')) return;
        jump(i);
      });
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          jump(i);
        }
      });
    });
    if (focusIndex !== null && focusIndex !== undefined && focusIndex >= 0) {
      window.setTimeout(() => {
        light([focusIndex]);
        jump(focusIndex);
      }, 50);
    }
    return { doc, list };
  }

  // ---------------------------------------------------------------- views: search

  function field(label, input) {
    return h('label', { class: 'field' }, label, input);
  }

  // The search filters: the names of ``saidwhat search`` and GET /api/statements (and /api/export).
  const FILTERS = ['query', 'speaker', 'speaker_kind', 'kind', 'stance', 'since', 'until', 'source', 'lang', 'min_confidence'];
  const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

  function syntaxHelp() {
    const rows = [
      ['Krise', 'the word in any form or compound: Krisen, Sicherheitskrise'],
      ['Krieg Frieden', 'both words'],
      ['Krieg OR Frieden', 'either word'],
      ['Krieg NOT Frieden', 'the first without the second (also: Krieg -Frieden)'],
      ['"kalter Krieg"', 'these words in this order, as written'],
      ['Krieg*', 'words (and compound parts) starting with Krieg'],
      ['(Krieg OR Krise) Nato', 'parentheses group'],
    ];
    return h(
      'details',
      { class: 'syntax-help', id: 'syntax-help' },
      h('summary', { text: 'Search syntax' }),
      h('table', {}, h('tbody', {}, rows.map(([ex, what]) => h('tr', {}, h('td', {}, h('code', { text: ex })), h('td', { text: what }))))),
      h('p', { class: 'muted', text: 'Case and accents never matter. Dates: ' + DATE_HINT + '.' }),
    );
  }

  async function viewSearch(main, params, isCurrent) {
    const q = {};
    for (const name of FILTERS) q[name] = params.get(name) || '';
    const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    const inQuery = h('input', { type: 'search', name: 'query', placeholder: 'words in the quote…', maxlength: '200', value: q.query, autofocus: true });
    const inSpeaker = h('input', { type: 'text', name: 'speaker', placeholder: 'e.g. Stoltenberg', maxlength: '200', value: q.speaker });
    const inKind = h('select', { name: 'kind' }, h('option', { value: '', text: 'any kind' }), KINDS.map((k) => h('option', { value: k, text: KIND_LABEL[k], selected: k === q.kind })));
    const inSpeakerKind = h('select', { name: 'speaker_kind' }, h('option', { value: '', text: 'any speaker' }), SPEAKER_KINDS.map((k) => h('option', { value: k, text: k, selected: k === q.speaker_kind })));
    const inStance = h('select', { name: 'stance' }, h('option', { value: '', text: 'any stance' }), STANCES.map((s) => h('option', { value: s, text: s, selected: s === q.stance })));
    const inSince = h('input', { type: 'text', name: 'since', placeholder: DATE_HINT, maxlength: '10', value: q.since });
    const inUntil = h('input', { type: 'text', name: 'until', placeholder: DATE_HINT, maxlength: '10', value: q.until });
    const inSource = h('input', { type: 'text', name: 'source', placeholder: 'e.g. Wikinews', maxlength: '200', value: q.source });
    const inLang = h('select', { name: 'lang' }, h('option', { value: '', text: 'any language' }), ['de', 'en'].map((l) => h('option', { value: l, text: l, selected: l === q.lang })));
    const inConfidence = h('input', { type: 'number', name: 'min_confidence', min: '0', max: '1', step: '0.05', placeholder: '0–1', value: q.min_confidence });
    const inputs = { query: inQuery, speaker: inSpeaker, speaker_kind: inSpeakerKind, kind: inKind, stance: inStance, since: inSince, until: inUntil, source: inSource, lang: inLang, min_confidence: inConfidence };
    const form = h(
      'form',
      { class: 'search-form', role: 'search', id: 'search-form' },
      field('Search', inQuery),
      field('Speaker', inSpeaker),
      field('Speaker is', inSpeakerKind),
      field('Kind', inKind),
      field('Stance', inStance),
      field('Since', inSince),
      field('Until', inUntil),
      h('button', { type: 'submit', text: 'Search' }),
      field('Source', inSource),
      field('Language', inLang),
      field('Min. confidence', inConfidence),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const next = {};
      for (const name of FILTERS) next[name] = inputs[name].value.trim();
      window.location.hash = withParams('#/', next);
    });
    const results = h('section', { id: 'results', 'aria-live': 'polite' });
    const side = h('aside', { class: 'panel', id: 'top-speakers' }, h('h3', { text: 'Most quoted' }), h('p', { class: 'loading', text: 'Loading…' }));
    main.replaceChildren(h('div', { class: 'panel' }, form, syntaxHelp()), h('div', { class: 'layout' }, results, side));
    loading(results, 'statements');

    api('/api/speakers', { limit: 12 })
      .then((data) => {
        if (!isCurrent()) return;
        const items = data.items || [];
        side.replaceChildren(
          h('h3', { text: 'Most quoted' }),
          items.length
            ? h('ul', { class: 'speaker-list' }, items.map((sp) => h('li', {}, h('a', { href: route('speaker', sp.id), text: sp.name }), h('span', { class: 'count', text: fmtInt(sp.n_statements) }))))
            : h('p', { class: 'muted', text: 'No speakers yet.' }),
          h('p', {}, h('a', { href: '#/speakers', text: 'All speakers →' })),
        );
      })
      .catch((err) => isCurrent() && showError(side, err));

    try {
      const data = await api('/api/statements', Object.assign({}, q, { limit: PAGE, offset }));
      if (!isCurrent()) return;
      const items = data.items || [];
      const total = data.total || 0;
      const head = h(
        'div',
        { class: 'results-head' },
        h('h2', { id: 'result-count', text: total ? fmtInt(total) + (total === 1 ? ' statement' : ' statements') : 'No statements found' }),
        total ? h('span', { class: 'muted', text: 'showing ' + fmtInt(offset + 1) + '–' + fmtInt(offset + items.length) }) : null,
        total ? downloads(q, total) : null,
      );
      const list = h('ol', { class: 'results', id: 'result-list' }, items.map(resultItem));
      const pager = h('div', { class: 'pager' });
      if (offset > 0) pager.append(h('a', { class: 'button-link', href: withParams('#/', Object.assign({}, q, { offset: Math.max(0, offset - PAGE) })), text: '← Previous' }));
      if (offset + items.length < total) pager.append(h('a', { class: 'button-link', href: withParams('#/', Object.assign({}, q, { offset: offset + PAGE })), text: 'Next →' }));
      results.replaceChildren(head, list, pager);
    } catch (err) {
      if (isCurrent()) showError(results, err);
    }
  }

  // GET /api/export caps a download at this many statements (MAX_EXPORT_ROWS on the server).
  const MAX_EXPORT = 100000;

  /** "Download CSV / JSONL" links for the statements of the current search. */
  function downloads(q, total) {
    const link = (fmt, label) => h('a', { class: 'button-link download', id: 'download-' + fmt, href: withParams('/api/export', Object.assign({ format: fmt }, q)), download: 'saidwhat-statements.' + fmt, text: label });
    return h(
      'span',
      { class: 'downloads' },
      'Download ',
      link('csv', 'CSV'),
      ' ',
      link('jsonl', 'JSONL'),
      total > MAX_EXPORT ? h('span', { class: 'muted', text: ' (first ' + fmtInt(MAX_EXPORT) + ')' }) : null,
    );
  }

  /**
   * ``text`` with the [begin, end] ``spans`` as <mark> elements (text nodes only), cut to about ``n``
   * characters around the first match.
   */
  function marked(text, spans, n) {
    const s = String(text || '');
    const ok = (Array.isArray(spans) ? spans : []).filter((x) => Array.isArray(x) && x[0] >= 0 && x[1] <= s.length && x[0] < x[1]);
    let from = 0;
    if (ok.length && ok[0][1] > n) from = Math.max(0, ok[0][0] - Math.floor(n / 3));
    const to = Math.min(s.length, from + n);
    const out = [];
    if (from > 0) out.push('…');
    let at = from;
    for (const [b, e] of ok) {
      if (e <= at || b >= to) continue;
      const mb = Math.max(b, at);
      if (mb > at) out.push(s.slice(at, mb));
      out.push(h('mark', { class: 'match', text: s.slice(mb, Math.min(e, to)) }));
      at = Math.min(e, to);
    }
    if (at < to) out.push(s.slice(at, to));
    if (to < s.length) out.push('…');
    return out;
  }

  function resultItem(st) {
    const d = dateOf(st);
    const articleLink = st.article_id
      ? h('a', { class: 'result-article', href: withParams(route('article', st.article_id), { st: st.id }), text: st.article_title ? clip(st.article_title, 90) : 'open article' })
      : null;
    const url = safeUrl(st.url);
    const sourceLink = url ? h('a', { class: 'result-source', href: url, target: '_blank', rel: 'noopener noreferrer', text: (st.source ? clip(st.source, 40) : 'source') + ' ↗' }) : null;
    const hl = st.highlight || {};
    return h(
      'li',
      { class: 'result', dataset: { id: st.id } },
      h('div', { class: 'result-head' }, speakerLabel(st, 'result-speaker'), speakerKindBadge(st.speaker_kind), kindBadge(st.kind), stanceBadge(st.stance), d ? h('span', { class: 'date', text: d }) : null),
      h('p', { class: 'result-quote' }, marked(st.quote, hl.quote, 320)),
      h('div', { class: 'result-foot' }, articleLink, sourceLink, st.cue ? h('span', {}, 'cue: ', h('span', { class: 'role-tag key-cue', text: clip(st.cue, 40) })) : null, reuseNote(st)),
    );
  }

  // ---------------------------------------------------------------- views: article

  async function viewArticle(main, id, params, isCurrent) {
    loading(main, 'article');
    let art;
    try {
      art = await api('/api/articles/' + encodeURIComponent(id));
    } catch (err) {
      if (isCurrent()) showError(main, err);
      return;
    }
    if (!isCurrent()) return;
    const statements = Array.isArray(art.statements) ? art.statements : [];
    const wanted = params.get('st');
    const focus = wanted === null ? -1 : statements.findIndex((s) => String(s.id) === wanted);
    const url = safeUrl(art.url);
    const meta = [];
    if (art.source) meta.push(h('span', { text: art.source }));
    if (art.published) meta.push(h('span', { class: 'date', text: art.published }));
    if (url) meta.push(h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'article-url', text: clip(art.url, 80) }));
    else if (art.url) meta.push(h('span', { class: 'unsafe-url', title: 'not an http(s) link', text: clip(art.url, 80) }));
    meta.push(h('span', { text: statements.length + (statements.length === 1 ? ' statement' : ' statements') }));
    const { doc, list } = evidenceView(String(art.text || ''), statements, focus);
    main.replaceChildren(
      h('div', { class: 'article-head' }, h('h1', { id: 'article-title', text: art.title || 'Untitled article' }), h('div', { class: 'article-meta' }, meta), legend(ROLES.slice(0, 4))),
      h('div', { class: 'layout layout-article' }, h('article', { class: 'panel', id: 'article-text' }, doc), h('aside', { class: 'panel sticky', id: 'article-statements' }, h('h3', { text: 'Statements' }), statements.length ? list : h('p', { class: 'muted', text: 'No statements found in this article.' }))),
    );
  }

  // ---------------------------------------------------------------- views: speakers

  async function viewSpeakers(main, params, isCurrent) {
    const query = params.get('query') || '';
    const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    const input = h('input', { type: 'search', name: 'query', placeholder: 'name or alias…', maxlength: '200', value: query });
    const form = h('form', { class: 'row', role: 'search' }, field('Find a speaker', input), h('button', { type: 'submit', text: 'Find' }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      window.location.hash = withParams('#/speakers', { query: input.value.trim() });
    });
    const body = h('div', {});
    main.replaceChildren(h('div', { class: 'panel' }, h('h1', { text: 'Speakers' }), form), h('div', { class: 'panel' }, body));
    loading(body, 'speakers');
    try {
      const limit = 50;
      const data = await api('/api/speakers', { query, limit, offset });
      if (!isCurrent()) return;
      const items = data.items || [];
      if (!items.length) {
        body.replaceChildren(h('p', { class: 'muted', text: 'No speakers found.' }));
        return;
      }
      const table = h(
        'table',
        { class: 'table', id: 'speaker-table' },
        h('thead', {}, h('tr', {}, ['Speaker', 'Also written as', 'Statements', 'Kinds', 'First', 'Last'].map((t) => h('th', { text: t })))),
        h(
          'tbody',
          {},
          items.map((sp) =>
            h(
              'tr',
              {},
              h('td', {}, h('a', { href: route('speaker', sp.id), text: sp.name })),
              h('td', { class: 'muted', text: clip((sp.aliases || []).filter((a) => a !== sp.name).join(', '), 80) }),
              h('td', { class: 'num', text: fmtInt(sp.n_statements) }),
              h('td', {}, kindBar(sp.by_kind || {}, 120, 10)),
              h('td', { class: 'date', text: sp.first || '' }),
              h('td', { class: 'date', text: sp.last || '' }),
            ),
          ),
        ),
      );
      const pager = h('div', { class: 'pager' });
      if (offset > 0) pager.append(h('a', { href: withParams('#/speakers', { query, offset: Math.max(0, offset - limit) }), text: '← Previous' }));
      if (items.length === limit) pager.append(h('a', { href: withParams('#/speakers', { query, offset: offset + limit }), text: 'Next →' }));
      body.replaceChildren(table, pager);
    } catch (err) {
      if (isCurrent()) showError(body, err);
    }
  }

  // ---------------------------------------------------------------- charts

  function kindBar(byKind, width, height) {
    const entries = KINDS.map((k) => [k, Number(byKind[k] || 0)]).filter(([, n]) => n > 0);
    for (const [k, n] of Object.entries(byKind)) if (!KINDS.includes(k) && n > 0) entries.push([k, Number(n)]);
    const total = entries.reduce((a, [, n]) => a + n, 0);
    const el = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, class: 'kindbar', role: 'img', 'aria-label': entries.map(([k, n]) => (KIND_LABEL[k] || k) + ': ' + n).join(', ') || 'no statements' });
    if (!total) {
      el.append(svg('rect', { x: 0, y: 0, width, height, rx: 3, fill: '#eceff3' }));
      return el;
    }
    let x = 0;
    for (const [k, n] of entries) {
      const w = (n / total) * width;
      const rect = svg('rect', { x: x.toFixed(2), y: 0, width: Math.max(w, 0.5).toFixed(2), height, class: 'fill-' + (KINDS.includes(k) ? k : 'other') });
      rect.append(svg('title', {}, (KIND_LABEL[k] || k) + ': ' + n + ' (' + Math.round((n / total) * 100) + '%)'));
      el.append(rect);
      x += w;
    }
    return el;
  }

  const DAY_MS = 864e5;
  // The bin a timeline uses, by the span of its dates: at most about 150 bars, never hairlines.
  const BIN_BY_SPAN = [
    { unit: 'day', maxDays: 62 },
    { unit: 'week', maxDays: 550 },
    { unit: 'month', maxDays: 12 * 366 },
    { unit: 'year', maxDays: Infinity },
  ];

  function utcDay(iso) {
    if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
    const d = new Date(iso.slice(0, 10) + 'T00:00:00Z');
    return Number.isNaN(d.getTime()) ? null : d;
  }

  /** The start (UTC ms) of the ``unit`` bin holding day ``d``. */
  function binStart(d, unit) {
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    if (unit === 'year') return Date.UTC(y, 0, 1);
    if (unit === 'month') return Date.UTC(y, m, 1);
    if (unit === 'week') return Date.UTC(y, m, d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return Date.UTC(y, m, d.getUTCDate());
  }

  function nextBin(t, unit) {
    const d = new Date(t);
    if (unit === 'year') return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
    if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return t + (unit === 'week' ? 7 : 1) * DAY_MS;
  }

  function binLabel(t, unit) {
    const iso = new Date(t).toISOString();
    if (unit === 'year') return iso.slice(0, 4);
    if (unit === 'month') return iso.slice(0, 7);
    return iso.slice(0, 10);
  }

  function binTitle(t, unit) {
    return unit === 'week' ? 'Week of ' + binLabel(t, unit) : binLabel(t, unit);
  }

  /**
   * Statements per day, week, month or year (picked from the span of their dates: by said_on, else
   * published) as an SVG bar chart, each bar stacked by kind. Returns {el, unit}.
   */
  function timeline(statements, width) {
    const days = [];
    let undated = 0;
    for (const st of statements) {
      const d = utcDay(dateOf(st));
      if (d === null) undated++;
      else days.push([d, st.kind]);
    }
    const caption = h('p', { class: 'muted' });
    if (!days.length) {
      caption.textContent = 'No dated statements.';
      return { el: h('div', {}, caption), unit: 'week' };
    }
    const times = days.map(([d]) => d.getTime());
    const spanDays = (Math.max(...times) - Math.min(...times)) / DAY_MS;
    const unit = BIN_BY_SPAN.find((b) => spanDays <= b.maxDays).unit;
    const counts = new Map(); // bin start -> Map(kind -> n)
    for (const [d, kind] of days) {
      const b = binStart(d, unit);
      if (!counts.has(b)) counts.set(b, new Map());
      const byKind = counts.get(b);
      byKind.set(kind, (byKind.get(kind) || 0) + 1);
    }
    const keys = [...counts.keys()].sort((a, b) => a - b);
    const bins = [];
    for (let t = keys[0]; t <= keys[keys.length - 1]; t = nextBin(t, unit)) bins.push(t);
    // a few bins only: pad to 12 so one bar is not the whole chart
    for (let i = 0; bins.length < 12; i++) {
      if (i % 2) bins.push(nextBin(bins[bins.length - 1], unit));
      else bins.unshift(binStart(new Date(bins[0] - DAY_MS), unit));
    }
    const total = (m) => [...m.values()].reduce((a, n) => a + n, 0);
    const W = Math.max(360, Math.round(width));
    const H = 200;
    const padL = 34;
    const padR = 10;
    const padT = 12;
    const padB = 30;
    const iw = W - padL - padR;
    const ih = H - padT - padB;
    const max = Math.max(...[...counts.values()].map(total));
    const bw = iw / bins.length;
    const gap = bw > 4 ? Math.min(2, bw * 0.15) : 0;
    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, class: 'chart', id: 'timeline', role: 'img', dataset: { unit }, 'aria-label': 'Statements per ' + unit + ' from ' + binLabel(bins[0], unit) + ' to ' + binLabel(bins[bins.length - 1], unit) });
    const ticks = max <= 4 ? [...Array(max + 1).keys()] : [0, Math.round(max / 2), max];
    for (const t of ticks) {
      const y = padT + ih - (t / max) * ih;
      chart.append(svg('line', { x1: padL, x2: W - padR, y1: y.toFixed(1), y2: y.toFixed(1), class: t === 0 ? 'axis' : 'grid' }));
      chart.append(svg('text', { x: padL - 6, y: (y + 4).toFixed(1), 'text-anchor': 'end' }, String(t)));
    }
    bins.forEach((t, i) => {
      const byKind = counts.get(t);
      if (!byKind) return;
      let y = padT + ih;
      const kinds = KINDS.filter((k) => byKind.has(k)).concat([...byKind.keys()].filter((k) => !KINDS.includes(k)));
      for (const k of kinds) {
        const c = byKind.get(k);
        const bh = Math.max(1, (c / max) * ih);
        y -= bh;
        const rect = svg('rect', { class: 'bar fill-' + (KINDS.includes(k) ? k : 'other'), x: (padL + i * bw + gap).toFixed(2), y: y.toFixed(2), width: Math.max(1, bw - 2 * gap).toFixed(2), height: bh.toFixed(2), dataset: { bin: binLabel(t, unit), kind: k, count: c } });
        rect.append(svg('title', {}, binTitle(t, unit) + ': ' + c + ' ' + (KIND_LABEL[k] || k) + ' of ' + total(byKind)));
        chart.append(rect);
      }
    });
    const nlabels = Math.min(6, bins.length);
    const seen = new Set();
    for (let j = 0; j < nlabels; j++) {
      const i = nlabels === 1 ? 0 : Math.round((j * (bins.length - 1)) / (nlabels - 1));
      if (seen.has(i)) continue;
      seen.add(i);
      const x = padL + i * bw + bw / 2;
      chart.append(svg('line', { x1: x.toFixed(1), x2: x.toFixed(1), y1: padT + ih, y2: padT + ih + 4, class: 'axis' }));
      chart.append(svg('text', { x: x.toFixed(1), y: H - 8, 'text-anchor': j === 0 ? 'start' : j === nlabels - 1 ? 'end' : 'middle' }, binLabel(bins[i], unit)));
    }
    caption.textContent = 'Statements per ' + unit + ', stacked by kind (by the date a statement was made, else the article date), ' + keys.length + ' active ' + unit + (keys.length === 1 ? '' : 's') + (undated ? '; ' + undated + ' undated' : '') + '.';
    return { el: h('div', {}, chart, caption), unit };
  }

  // ---------------------------------------------------------------- views: speaker

  async function viewSpeaker(main, id, isCurrent) {
    loading(main, 'speaker');
    let sp;
    try {
      sp = await api('/api/speakers/' + encodeURIComponent(id));
    } catch (err) {
      if (isCurrent()) showError(main, err);
      return;
    }
    if (!isCurrent()) return;
    const statements = Array.isArray(sp.statements) ? sp.statements : [];
    const byKind = sp.by_kind || {};
    // charts are drawn at the panel's pixel width (1 SVG unit = 1 px: crisp text at any window size)
    const chartWidth = Math.max(360, main.clientWidth - 4 * 20 - 2);
    const total = Number(sp.n_statements || statements.length);
    const aliases = (sp.aliases || []).filter((a) => a !== sp.name);
    const kinds = KINDS.filter((k) => byKind[k]).concat(Object.keys(byKind).filter((k) => !KINDS.includes(k) && byKind[k]));
    const kindLegend = h(
      'ul',
      { class: 'kind-legend', id: 'kind-split' },
      kinds.map((k) => h('li', { dataset: { kind: k } }, h('span', { class: 'swatch bg-' + k }), (KIND_LABEL[k] || k) + ' ', h('b', { text: fmtInt(byKind[k]) }), h('span', { class: 'muted', text: ' (' + Math.round((byKind[k] / Math.max(1, total)) * 100) + '%)' }))),
    );
    const chart = timeline(statements, chartWidth);
    const list = h(
      'ol',
      { class: 'results', id: 'speaker-statements' },
      statements
        .slice()
        .reverse()
        .map((st) => resultItem(Object.assign({}, st, { speaker_id: null, speaker_name: st.speaker_name || sp.name }))),
    );
    main.replaceChildren(
      h(
        'div',
        { class: 'panel' },
        h(
          'div',
          { class: 'speaker-head' },
          h('h1', { id: 'speaker-name', text: sp.name || 'Unknown' }),
          aliases.length ? h('span', { class: 'muted', text: 'also: ' + clip(aliases.join(', '), 160) }) : null,
          (sp.links || []).length ? h('span', { class: 'muted', id: 'speaker-links', text: 'ids: ' + sp.links.join(', ') }) : null,
        ),
        h(
          'div',
          { class: 'kpis' },
          h('div', { class: 'kpi' }, h('b', { text: fmtInt(total) }), h('span', { text: 'statements' })),
          h('div', { class: 'kpi' }, h('b', { text: sp.first || '—' }), h('span', { text: 'first' })),
          h('div', { class: 'kpi' }, h('b', { text: sp.last || '—' }), h('span', { text: 'last' })),
        ),
      ),
      h('div', { class: 'panel' }, h('h3', { id: 'timeline-title', text: 'Statements per ' + chart.unit }), chart.el, total > statements.length ? h('p', { class: 'muted', text: 'Chart and list show the ' + statements.length + ' most recent of ' + fmtInt(total) + ' statements.' }) : null),
      h('div', { class: 'panel' }, h('h3', { text: 'By kind' }), kindBar(byKind, chartWidth, 18), kindLegend),
      h('div', { class: 'section-title' }, h('h2', { text: 'Statements, newest first' }), h('a', { href: withParams('#/', { speaker: sp.name }), text: 'Search their statements →' })),
      list,
    );
    await addCorrections(main, sp, isCurrent);
  }

  // ---------------------------------------------------------------- speaker corrections (saidwhat serve --curation)

  /** POST (or DELETE) JSON to the API; the answer, or an Error with the server's one-line message. */
  function send(path, body, method) {
    const init = { method: method || 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' } };
    if (body !== undefined) init.body = JSON.stringify(body);
    return api(path, null, init);
  }

  /** After a correction: show the speaker it leaves on screen (merged into, split out, renamed). */
  function showCorrected(speakerId) {
    const target = route('speaker', speakerId);
    if (window.location.hash === target) render();
    else window.location.hash = target;
  }

  function correctionForm(id, label, fields, status, action) {
    const button = h('button', { type: 'submit', text: label });
    const form = h('form', { class: 'row', id }, fields.map(([text, input]) => field(text, input)), button);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      button.disabled = true;
      status.className = 'muted';
      status.textContent = 'Saving…';
      try {
        const res = await action();
        showCorrected(res.speaker_id);
      } catch (err) {
        status.className = 'error';
        status.textContent = String((err && err.message) || err);
        button.disabled = false;
      }
    });
    return form;
  }

  function correctionPanel(sp, overrides) {
    const base = '/api/speakers/' + encodeURIComponent(sp.id);
    const status = h('p', { class: 'muted', id: 'cur-status', role: 'status', 'aria-live': 'polite' });
    const input = (name, extra) => h('input', Object.assign({ type: 'text', name, maxlength: '120' }, extra || {}));
    const rename = input('name', { value: sp.name || '', required: true });
    const ext = input('ext_id', { maxlength: '200', placeholder: 'wikidata:Q567', required: true });
    const other = input('other', { placeholder: 'id or name', required: true });
    const mention = input('mention', { placeholder: (sp.aliases || [])[0] || 'as written', required: true });
    const splitName = input('split_name', { placeholder: 'default: the mention' });
    const mine = overrides.filter((o) => o.speaker_id === sp.id);
    const undo = (o) => {
      const button = h('button', { type: 'button', class: 'secondary', dataset: { override: o.id }, text: 'Undo' });
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await send('/api/overrides/' + encodeURIComponent(o.id), undefined, 'DELETE');
          showCorrected(sp.id);
        } catch (err) {
          status.className = 'error';
          status.textContent = String((err && err.message) || err);
          button.disabled = false;
        }
      });
      const what = o.op + ' ' + [o.other, o.value].filter(Boolean).join(' → ');
      return h('li', { dataset: { op: o.op } }, '#' + o.id + ' ' + what + ' ', button);
    };
    return h(
      'div',
      { class: 'panel', id: 'curation' },
      h('h3', { text: 'Correct this speaker' }),
      correctionForm('cur-rename', 'Rename', [['Name', rename]], status, () => send(base + '/rename', { name: rename.value })),
      correctionForm('cur-merge', 'Merge into this one', [['Other speaker', other]], status, () => send(base + '/merge', { other: other.value.trim() })),
      correctionForm('cur-split', 'Split out', [['Statements mentioned as', mention], ['Go to speaker', splitName]], status, () =>
        send(base + '/split', { mention: mention.value, name: splitName.value.trim() || null }),
      ),
      correctionForm('cur-link', 'Link', [['External id', ext]], status, () => send(base + '/link', { ext_id: ext.value.trim() })),
      status,
      mine.length ? h('ul', { class: 'overrides', id: 'cur-overrides' }, mine.map(undo)) : null,
    );
  }

  async function addCorrections(main, sp, isCurrent) {
    let info;
    try {
      info = await api('/api/overrides');
    } catch (e) {
      return; // an older server: no corrections
    }
    if (!isCurrent() || !info || !info.enabled) return;
    main.append(correctionPanel(sp, Array.isArray(info.items) ? info.items : []));
  }

  // ---------------------------------------------------------------- views: quote reuse

  function appearanceItem(a, label) {
    const who = a.speaker_name || a.speaker_entity || a.speaker || 'unknown speaker';
    const mention = a.speaker && a.speaker !== who ? a.speaker : null;
    return h(
      'li',
      { class: 'result appearance', dataset: { statement: a.statement_id } },
      h(
        'div',
        { class: 'result-head' },
        h('span', { class: 'badge appearance-' + label, text: label }),
        h('span', { class: 'result-speaker' + (a.named ? '' : ' muted'), text: who }),
        mention ? h('span', { class: 'muted', text: '(“' + clip(mention, 40) + '”)' }) : null,
        a.published ? h('span', { class: 'date', text: a.published }) : null,
        a.source ? h('span', { class: 'muted', text: a.source }) : null,
      ),
      h('p', { class: 'result-quote', text: clip(a.quote, 320) }),
      h('div', { class: 'result-foot' }, h('a', { class: 'result-article', href: withParams(route('article', a.article_id), { st: a.statement_id }), text: a.article_title ? clip(a.article_title, 90) : 'open article' })),
    );
  }

  async function viewQuotes(main, params, isCurrent) {
    const conflicts = params.get('conflicts') === '1';
    const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    const tabs = h(
      'div',
      { class: 'tabs', role: 'tablist' },
      h('a', { href: '#/quotes', class: conflicts ? '' : 'current', text: 'Recurring quotes' }),
      h('a', { href: '#/quotes?conflicts=1', class: conflicts ? 'current' : '', id: 'conflicts-tab', text: 'Attribution conflicts' }),
    );
    const results = h('section', { id: 'quote-groups', 'aria-live': 'polite' });
    main.replaceChildren(h('div', { class: 'panel' }, tabs, h('p', { class: 'muted', text: conflicts ? 'The same words credited to different people.' : 'Direct quotes found in two or more articles, first appearance shown.' })), results);
    loading(results, 'quotes');
    try {
      const data = await api('/api/quotes', { conflicts: conflicts ? 1 : '', limit: PAGE, offset });
      if (!isCurrent()) return;
      const items = data.items || [];
      const total = data.total || 0;
      const what = conflicts ? (total === 1 ? ' conflict' : ' conflicts') : total === 1 ? ' recurring quote' : ' recurring quotes';
      const list = h(
        'ol',
        { class: 'results', id: 'quote-group-list' },
        items.map((g) => {
          const f = g.first || {};
          return h(
            'li',
            { class: 'result', dataset: { group: g.id } },
            h(
              'div',
              { class: 'result-head' },
              h('a', { class: 'result-speaker', href: route('quote', g.id), text: fmtInt(g.n_articles) + ' articles' }),
              g.conflict ? h('span', { class: 'badge conflict', text: 'attribution conflict' }) : null,
              f.published ? h('span', { class: 'date', text: 'first ' + f.published }) : null,
              h('span', { class: 'muted', text: f.speaker_name || f.speaker_entity || f.speaker || '' }),
            ),
            h('p', { class: 'result-quote', text: clip(f.quote || '', 320) }),
          );
        }),
      );
      const pager = h('div', { class: 'pager' });
      const base = conflicts ? { conflicts: 1 } : {};
      if (offset > 0) pager.append(h('a', { class: 'button-link', href: withParams('#/quotes', Object.assign({}, base, { offset: Math.max(0, offset - PAGE) })), text: '← Previous' }));
      if (offset + items.length < total) pager.append(h('a', { class: 'button-link', href: withParams('#/quotes', Object.assign({}, base, { offset: offset + PAGE })), text: 'Next →' }));
      results.replaceChildren(h('h2', { id: 'quote-count', text: total ? fmtInt(total) + what : 'No' + what }), list, pager);
    } catch (err) {
      if (isCurrent()) showError(results, err);
    }
  }

  async function viewQuote(main, id, isCurrent) {
    loading(main, 'quote');
    let g;
    try {
      g = await api('/api/quotes/' + encodeURIComponent(id));
    } catch (err) {
      if (isCurrent()) showError(main, err);
      return;
    }
    if (!isCurrent()) return;
    const appearances = Array.isArray(g.appearances) ? g.appearances : [];
    main.replaceChildren(
      h(
        'div',
        { class: 'panel' },
        h('h1', { id: 'quote-title', text: 'Quoted in ' + fmtInt(g.n_articles) + ' articles' }),
        g.conflict ? h('p', { class: 'notice conflict-note', id: 'quote-conflict', text: 'Attribution conflict: the articles credit these words to different people.' }) : null,
        h('p', { class: 'muted', text: 'Same words after normalising punctuation, case and quotation marks, or nearly so (a word dropped, cut short).' }),
      ),
      h('ol', { class: 'results', id: 'quote-appearances' }, appearances.map((a, i) => appearanceItem(a, i === 0 ? 'first' : 'later'))),
    );
  }

  // ---------------------------------------------------------------- views: try it

  function viewTry(main) {
    const area = h('textarea', { id: 'try-text', name: 'text', maxlength: String(MAX_TRY_CHARS), placeholder: 'Paste a German news text…', spellcheck: 'false' });
    // "auto" (the server detects the language), then the languages the server's registry holds
    const detect = () => h('option', { value: 'auto', text: 'Detect' });
    const lang = h('select', { name: 'lang' }, detect(), h('option', { value: 'de', text: 'German' }));
    api('/api/languages').then((res) => {
      const langs = (res && res.languages) || [];
      if (langs.length) lang.replaceChildren(detect(), ...langs.map((l) => h('option', { value: String(l.code), text: String(l.name) })));
    }).catch(() => {});
    const published = h('input', { type: 'date', name: 'published' });
    const counter = h('span', { class: 'muted', text: '0 / ' + fmtInt(MAX_TRY_CHARS) });
    const run = h('button', { type: 'submit', id: 'try-run', text: 'Extract statements' });
    const example = h('button', { type: 'button', class: 'secondary', text: 'Load an example' });
    const out = h('section', { id: 'try-result', 'aria-live': 'polite' });
    area.addEventListener('input', () => {
      counter.textContent = fmtInt(area.value.length) + ' / ' + fmtInt(MAX_TRY_CHARS);
    });
    example.addEventListener('click', () => {
      area.value = EXAMPLE;
      area.dispatchEvent(new Event('input'));
    });
    const form = h('form', { id: 'try-form' }, area, h('div', { class: 'row' }, field('Language', lang), field('Published', published), run, example, counter));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = area.value;
      if (!text.trim()) {
        showError(out, 'Paste some text first.');
        return;
      }
      run.disabled = true;
      loading(out, 'statements');
      try {
        const body = { text, lang: lang.value };
        if (published.value) body.published = published.value;
        const res = await api('/api/extract', null, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
        const statements = res.statements || [];
        const { doc, list } = evidenceView(String(res.text || ''), statements, -1);
        out.replaceChildren(
          h('div', { class: 'results-head' }, h('h2', { id: 'try-count', text: statements.length + (statements.length === 1 ? ' statement' : ' statements') }), h('span', { id: 'try-lang', class: 'muted', text: 'read as ' + String(res.lang || '?') + (res.lang_origin === 'given' ? '' : ' (' + String(res.lang_origin || '?') + ')') }), legend(ROLES.slice(0, 4))),
          h('div', { class: 'layout layout-article' }, h('article', { class: 'panel' }, doc), h('aside', { class: 'panel sticky' }, h('h3', { text: 'Statements' }), statements.length ? list : h('p', { class: 'muted', text: 'None found.' }))),
        );
      } catch (err) {
        showError(out, err);
      } finally {
        run.disabled = false;
      }
    });
    main.replaceChildren(h('div', { class: 'panel' }, h('h1', { text: 'Try it' }), h('p', { class: 'muted', text: 'Paste a news text: the statements found are shown with their quote, speaker, cue and addressee highlighted. Nothing is stored.' }), form), out);
  }

  // ---------------------------------------------------------------- router

  let routeToken = 0;

  function parseHash() {
    const raw = window.location.hash.replace(/^#/, '') || '/';
    const qi = raw.indexOf('?');
    const path = qi >= 0 ? raw.slice(0, qi) : raw;
    const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : '');
    const parts = path
      .split('/')
      .filter(Boolean)
      .map((p) => {
        try {
          return decodeURIComponent(p);
        } catch (e) {
          return p;
        }
      });
    return { parts, params };
  }

  function setNav(name) {
    document.querySelectorAll('.nav a').forEach((a) => a.classList.toggle('current', a.dataset.nav === name));
  }

  async function render() {
    const token = ++routeToken;
    const isCurrent = () => token === routeToken;
    const main = $('#main');
    const { parts, params } = parseHash();
    const [page, id] = parts;
    try {
      if (!page || page === 'search') {
        setNav('search');
        document.title = 'saidwhat — search';
        await viewSearch(main, params, isCurrent);
      } else if (page === 'article' && id) {
        setNav('');
        document.title = 'saidwhat — article';
        await viewArticle(main, id, params, isCurrent);
      } else if (page === 'speaker' && id) {
        setNav('speakers');
        document.title = 'saidwhat — speaker';
        await viewSpeaker(main, id, isCurrent);
      } else if (page === 'speakers') {
        setNav('speakers');
        document.title = 'saidwhat — speakers';
        await viewSpeakers(main, params, isCurrent);
      } else if (page === 'quotes') {
        setNav('quotes');
        document.title = 'saidwhat — recurring quotes';
        await viewQuotes(main, params, isCurrent);
      } else if (page === 'quote' && id) {
        setNav('quotes');
        document.title = 'saidwhat — quote';
        await viewQuote(main, id, isCurrent);
      } else if (page === 'try') {
        setNav('try');
        document.title = 'saidwhat — try it';
        viewTry(main);
      } else {
        setNav('');
        main.replaceChildren(h('p', { class: 'notice', text: 'Page not found. ' }, h('a', { href: '#/', text: 'Back to search' })));
      }
    } catch (err) {
      if (isCurrent()) showError(main, err);
    }
    if (isCurrent()) {
      document.body.dataset.route = window.location.hash;
      document.body.dataset.ready = String(token);
    }
  }

  async function loadStats() {
    try {
      const s = await api('/api/stats');
      const bits = [];
      for (const key of ['statements', 'articles', 'speakers']) {
        if (typeof s[key] === 'number') bits.push(fmtInt(s[key]) + ' ' + (s[key] === 1 ? key.slice(0, -1) : key));
      }
      $('#stats').textContent = bits.join(' · ');
    } catch (e) {
      $('#stats').textContent = '';
    }
  }

  window.addEventListener('hashchange', () => {
    document.body.dataset.ready = '';
    render();
  });
  document.addEventListener('DOMContentLoaded', () => {
    render();
    loadStats();
  });
})();
