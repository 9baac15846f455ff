// The site search on /sok/: progressive enhancement of the page that lists
// every page A–Ö. The search form in every page's header leads here with
// ?q=…; this script then fetches the page index (its format and the rules
// are in package internal/search, file pages.go) and only the shards the
// query needs, and the directory's index and script for the units, and
// shows the pages and the units found, grouped. Text is inserted as text,
// never as HTML. No inline styles: parts are shown with the hidden
// attribute.

// preparePages turns the page index's main file into what queryPages
// works on; m is the directory's script module (fold, words, stem,
// distance, queryWords, allowed).
export function preparePages(m, meta) {
  if (!meta || meta.v !== 2) throw new Error("unknown page index version");
  return {
    m,
    lex: m.lexicon(meta),
    // Each page with its fragment file (package search's FragmentPath).
    docs: meta.pages.map(([url, title, description]) => [url, title, description, "/sok/f/" + (url.replace(/^\/+|\/+$/g, "") || "index") + ".json"]),
    keys: meta.shards.map((s) => s[0]),
    paths: meta.shards.map((s) => s[1]),
    loaded: meta.shards.map(() => false),
    terms: new Map(),
  };
}

// spansOf returns the spans of q with, for each, its alternatives: its
// own words and the other members of its synonym groups.
function spansOf(d, q) {
  return d.m.plan(d.lex, q).map((sp) => ({ ...sp, all: [sp.words, ...sp.alts] }));
}

function shardsFor(d, w) {
  const k = w.length > 2 ? w.slice(0, 2) : w;
  const out = [];
  for (let i = 0; i < d.keys.length; i++) {
    const lo = d.keys[i];
    const hi = i + 1 < d.keys.length ? d.keys[i + 1] : "\x7f";
    // A word of one letter is only looked up as itself: the shard of its key.
    if (w.length === 1 ? lo <= k && hi > k : lo < k + "\x7f" && hi > k) out.push(i);
  }
  return out;
}

// needed returns the shards a query for q needs that are not loaded yet.
export function needed(d, q) {
  const out = new Set();
  for (const sp of spansOf(d, q)) for (const a of sp.all) for (const w of a) for (const i of shardsFor(d, w)) if (!d.loaded[i]) out.add(i);
  return [...out].sort((a, b) => a - b);
}

// addShard adds shard i, as fetched.
export function addShard(d, i, shard) {
  if (!shard || shard.v !== 2) throw new Error("unknown shard version");
  for (const [t, enc] of Object.entries(shard.terms)) {
    const dec = new Array(enc.length);
    let prev = 0;
    for (let j = 0; j < enc.length; j += 2) {
      prev += enc[j];
      dec[j] = prev;
      dec[j + 1] = enc[j + 1];
    }
    d.terms.set(t, dec);
  }
  d.loaded[i] = true;
}

const weight = (m) => (m & 1 ? 16 : 0) + (m & 2 ? 8 : 0) + (m & 4 ? 4 : 0) + (m & 8 ? 2 : 0);

function wordScores(d, w, terms) {
  const sw = d.m.stem(w);
  const out = new Map();
  const add = (t, f) => {
    const p = d.terms.get(t);
    for (let j = 0; j < p.length; j += 2) out.set(p[j], Math.max(out.get(p[j]) || 0, weight(p[j + 1]) * f));
  };
  for (const t of terms) {
    if (t === w) add(t, 4);
    else if (w.length === 1) continue; // a letter alone finds only itself
    else if (t.startsWith(w)) add(t, 3);
    else if (d.m.stemMatch(d.m.stem(t), sw)) add(t, 2);
  }
  if (out.size) return out;
  const k = d.m.allowed(w.length);
  if (k) {
    for (const t of terms) {
      if (t.slice(0, 2) === w.slice(0, 2) && t.length + k >= w.length && d.m.distance(w, t, true, k) <= k) add(t, 1);
    }
  }
  return out;
}

// queryPages returns the pages q finds, best first, as {hits: [[page,
// score], …], left: [words left out], suggestion, suggested}, from the
// shards loaded (load needed(d, q) first); package search's Pages.Query.
export function queryPages(d, q) {
  const spans = spansOf(d, q);
  const res = { hits: [], left: [], suggestion: "", suggested: "" };
  if (!spans.length) return res;
  const terms = [...d.terms.keys()].sort();
  // Per span, the score of each page it matches; what a synonym finds
  // counts half.
  const scores = spans.map((sp) => {
    const best = new Map();
    sp.all.forEach((a, k) => {
      let sc = null;
      for (const w of a) {
        const ws = wordScores(d, w, terms);
        if (!sc) {
          sc = ws;
          continue;
        }
        for (const [pg, s] of sc) {
          if (ws.has(pg)) sc.set(pg, Math.min(s, ws.get(pg)));
          else sc.delete(pg);
        }
      }
      for (let [pg, s] of sc) {
        if (k > 0) s = Math.floor(s / 2);
        best.set(pg, Math.max(best.get(pg) || 0, s));
      }
    });
    return best;
  });
  let need = [];
  let noise = [];
  spans.forEach((sp, i) => (sp.noise ? noise : need).push(i));
  if (!need.length) [need, noise] = [noise, []];
  res.hits = pageHits(scores, need, noise);
  if (res.hits.length) return res;
  for (const i of need) {
    if (spans[i].words.length === 1 && scores[i].size === 0) {
      [res.suggestion, res.suggested] = d.m.suggest(candidates(d), spans[i].words[0], q);
      break;
    }
  }
  if (need.length > 1 && need.length <= 16) {
    const masks = d.docs.map((_, pg) => need.reduce((m, i, b) => (scores[i].has(pg) ? m | (1 << b) : m), 0));
    const m = d.m.partial(masks, need.length, 0);
    if (m) {
      const kept = [];
      need.forEach((i, b) => (m & (1 << b) ? kept.push(i) : res.left.push(spans[i].text)));
      res.hits = pageHits(scores, kept, noise);
    }
  }
  return res;
}

// candidates returns the words of the pages' titles and descriptions,
// lowercased, for suggestions: {cands: [[folded, word], …]}.
function candidates(d) {
  if (d.cands) return d.cands;
  const cands = [];
  const seen = new Set();
  for (const doc of d.docs) {
    for (const field of doc.slice(1, 3)) {
      for (const raw of field.split(/\s+/)) {
        const c = trimWord(raw).toLowerCase();
        const f = d.m.fold(c);
        if (!f || seen.has(f) || f.includes(" ")) continue;
        seen.add(f);
        cands.push([f, c]);
      }
    }
  }
  d.cands = { cands };
  return d.cands;
}

const TRIM = ".,;:!?()[]\"'«»”“-–—/";

function trimWord(w) {
  let a = 0;
  let b = w.length;
  while (a < b && TRIM.includes(w[a])) a++;
  while (b > a && TRIM.includes(w[b - 1])) b--;
  return w.slice(a, b);
}

function pageHits(scores, at, extra) {
  let total = null;
  for (const i of at) {
    if (!total) {
      total = new Map(scores[i]);
      continue;
    }
    for (const [pg, s] of total) {
      if (scores[i].has(pg)) total.set(pg, s + scores[i].get(pg));
      else total.delete(pg);
    }
  }
  const out = [];
  for (const [pg, s] of total || []) out.push([pg, extra.reduce((x, i) => x + (scores[i].get(pg) || 0), s)]);
  return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

const UNITS = 10; // units shown; the rest are one link away, in the directory
const EXCERPTS = 5; // the first results get their excerpts and headings
const SUB = 3; // headings shown under a page
const AROUND = 12; // words of an excerpt before and after the first marked word

// matcher returns a test for a word of a page's text as written: whether
// it is a word the query looks for (one of its words or its synonyms'
// words), by the page query's rules without misspellings: equal, starts
// with it, or by stem.
export function matcher(d, q) {
  const ws = [];
  for (const sp of spansOf(d, q)) for (const a of sp.all) for (const w of a) ws.push([w, d.m.stem(w)]);
  return (raw) => {
    const f = d.m.fold(raw);
    if (!f || f.includes(" ")) return false;
    const st = d.m.stem(f);
    return ws.some(([w, sw]) => f.startsWith(w) || d.m.stemMatch(st, sw));
  };
}

// excerpt returns the text's words around the first that is looked for, as
// parts: strings, and {mark: word} for the words looked for; null when
// none is. It cuts at words and says so with "…".
export function excerpt(text, isHit) {
  const tokens = text.split(/([\p{L}\p{N}\p{M}]+)/u);
  // tokens alternate: separator, word, separator, word, …
  let first = -1;
  for (let i = 1; i < tokens.length; i += 2) {
    if (isHit(tokens[i])) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  const from = Math.max(1, first - 2 * AROUND);
  const to = Math.min(tokens.length - 1, first + 2 * AROUND);
  const parts = [];
  if (from > 1) parts.push("… ");
  for (let i = from; i <= to; i++) {
    if (i % 2 === 1 && isHit(tokens[i])) parts.push({ mark: tokens[i] });
    else if (i % 2 === 1 || (i > from && i < to)) parts.push(tokens[i]);
  }
  if (to < tokens.length - 2) parts.push(" …");
  return parts;
}

// sections returns, of a page's fragment, the sections with words looked
// for: [{id, heading, parts, hits}] best first (most words looked for,
// then in the page's order).
export function sections(fragment, isHit) {
  const out = [];
  fragment.s.forEach(([id, heading, text], i) => {
    const words = (heading + " " + text).match(/[\p{L}\p{N}\p{M}]+/gu) || [];
    const hits = words.filter(isHit).length;
    if (!hits) return;
    out.push({ i, id, heading, hits, parts: excerpt(text, isHit) || excerpt(heading, isHit) });
  });
  return out.sort((a, b) => b.hits - a.hits || a.i - b.i);
}

// marked returns an element holding parts, with <mark> around the words
// looked for: made with DOM APIs, the page's text never as HTML.
function marked(tag, className, parts) {
  const el = document.createElement(tag);
  el.className = className;
  for (const p of parts) {
    if (typeof p === "string") el.append(p);
    else {
      const m = document.createElement("mark");
      m.textContent = p.mark;
      el.append(m);
    }
  }
  return el;
}

function init(form) {
  const $ = (id) => document.getElementById(id);
  const input = $("sok-q");
  const status = $("sok-status");
  const results = $("sok-results");
  const pageList = $("sok-pages");
  const pageHead = $("sok-pages-title");
  const unitList = $("sok-units");
  const unitHead = $("sok-units-title");
  const unitMore = $("sok-units-more");
  const q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  if (!q.trim()) return;
  status.textContent = "Söker …";
  const json = (u) =>
    fetch(u).then((r) => {
      if (!r.ok) throw new Error(u + ": " + r.status);
      return r.json();
    });
  const link = (href, text, extra) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    li.append(a);
    if (extra) {
      const p = document.createElement("span");
      p.className = "sok-hit__text";
      p.textContent = extra;
      li.append(" ", p);
    }
    return li;
  };
  (async () => {
    const m = await import(form.dataset.script);
    const d = preparePages(m, await json(form.dataset.index));
    await Promise.all(needed(d, q).map((i) => json(d.paths[i]).then((s) => addShard(d, i, s))));
    const found = queryPages(d, q);
    const pages = found.hits;
    if (found.suggestion) {
      const a = document.createElement("a");
      a.textContent = found.suggestion;
      a.href = location.pathname + "?q=" + encodeURIComponent(found.suggested);
      $("sok-suggest").replaceChildren("Menade du ", a, "?");
      $("sok-suggest").hidden = false;
    }
    if (found.left.length) {
      $("sok-partial").textContent = "Ingen sida har alla orden. Visar de som har flest, utan " + found.left.map((w) => "”" + w + "”").join(", ") + ".";
      $("sok-partial").hidden = false;
    }
    let units = { hits: [] };
    let dir = null;
    if (form.dataset.units) {
      dir = m.prepare(await json(form.dataset.units));
      units = m.filter(dir, { q, kommun: [], kind: [], org: [] });
    }
    // The first results get the excerpt of their best section and links
    // to the headings where the words are, from their fragment files.
    const isHit = matcher(d, q);
    const frags = await Promise.all(
      pages.slice(0, EXCERPTS).map(([i]) => (d.docs[i][3] ? json(d.docs[i][3]).catch(() => null) : null)),
    );
    pageList.replaceChildren(
      ...pages.map(([i], k) => {
        const [url, title, description] = d.docs[i];
        const frag = frags[k];
        const secs = frag && frag.v === 1 ? sections(frag, isHit) : [];
        const li = link(url, title, secs.length && secs[0].parts ? "" : description);
        if (secs.length && secs[0].parts) li.append(" ", marked("span", "sok-hit__text", secs[0].parts));
        const subs = secs.filter((x) => x.id && x.heading).slice(0, SUB);
        if (subs.length) {
          const ul = document.createElement("ul");
          ul.className = "sok-sub";
          for (const x of subs) {
            const sub = document.createElement("li");
            const a = document.createElement("a");
            a.href = url + "#" + encodeURIComponent(x.id);
            a.textContent = x.heading;
            sub.append(a);
            if (x.parts) sub.append(" ", marked("span", "sok-hit__text", x.parts));
            ul.append(sub);
          }
          li.append(ul);
        }
        return li;
      }),
    );
    pageHead.textContent = "Sidor (" + pages.length + ")";
    unitList.replaceChildren(
      ...units.hits.slice(0, UNITS).map((u) => link("/verksamheter/" + u.id + "/", u.name, dir.tables[1][u.v[1]][1] + " · " + dir.tables[0][u.v[0]][1])),
    );
    unitHead.textContent = "Diplomerade verksamheter (" + units.hits.length + ")";
    unitMore.hidden = units.hits.length <= UNITS;
    if (!unitMore.hidden) {
      unitMore.href = form.dataset.directory + "?q=" + encodeURIComponent(q);
      unitMore.textContent = "Visa alla " + units.hits.length + " verksamheter i katalogen";
    }
    pageHead.parentElement.hidden = pages.length === 0;
    unitHead.parentElement.hidden = units.hits.length === 0;
    const n = pages.length + units.hits.length;
    status.textContent = n === 0 ? "Inga träffar för ”" + q + "”" : (n === 1 ? "1 träff" : n + " träffar") + " för ”" + q + "”";
    results.hidden = false;
  })().catch(() => {
    status.textContent = "Sökningen kunde inte laddas. Alla sidor finns i listan nedan.";
  });
}

const form = typeof document === "object" && document.getElementById("sok-form");
if (form && form.dataset.index) init(form);
