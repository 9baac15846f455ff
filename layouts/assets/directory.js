// The unit directory's search: progressive enhancement of /verksamheter/.
//
// Without this script the page lists every unit grouped by kommun, and a
// stylesheet in <noscript> hides the search form and the filters. With it, the search index named by
// the form's data-index is fetched (its format is documented in package
// internal/search), and the grouped list is replaced by a result list that
// follows the search field and the filters as they change. The state lives
// in the address (?q=umea&kommun=umea&kind=vardcentral): typing replaces
// the history entry, a filter change adds one, and back and reload restore
// it. Names are inserted as text, never as HTML. No inline styles: elements
// are shown and hidden with the hidden attribute.

const GROUPS = ["kommun", "kind", "org"];
const PAGE = 100; // results shown at first and per "Visa fler"
const SPELLED = { "æ": "ae", "ø": "o", "ß": "ss", "þ": "th", "ð": "d", "ł": "l", "œ": "oe", "đ": "d", "ı": "i" };
const MARK = /\p{Mn}/u;

// fold makes s what package slug's Fold makes of it: lowercase, marks
// removed, every run of other characters one space. "Umeå C" → "umea c".
export function fold(s) {
  let out = "";
  let gap = false;
  const add = (t) => {
    if (gap && out) out += " ";
    gap = false;
    out += t;
  };
  for (const c of s.normalize("NFD").toLowerCase()) {
    if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9")) add(c);
    else if (SPELLED[c]) add(SPELLED[c]);
    else if (!MARK.test(c)) gap = true;
  }
  return out;
}

// The search itself: a port of package internal/search (its package
// comment is the spec; a parity test runs both on the same queries).
const PREFIX = 1;
const STEM = 2;
const FUZZY = 3;
const NONE = 9;
const TRIM = ".,;:!?()[]\"'«»”“-–—/";
const MIN_PART = 3; // the least length of either part of a compound
const MAX_PARTIAL = 16;

// The stemmer: Snowball's Swedish algorithm on folded words, and the
// steps of our own around it (package search, stem.go).
const vowel = (c) => c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";
const MAIN = "heterna hetens anden andes andet arens arnas ernas ornas heten heter arna erna orna ande arne aste aren ades erns ade are ern ens het ast ad en ar er or as es at et a e s".split(" ");
const ET_KEEP = "h iet uit fab cit dit alit ilit mit nit pit rit sit tit ivit kvit xit kom rak pak stak".split(" ");
const DERIVED = "naderna nadernas eringarna eringarnas eringars eringens eringar eringen nadens nader naden ningarna ningarnas ningars ningens ningar ningen endena ering nads ning nad".split(" ");
const STEM_TAIL = 3; // the most letters a stem may have after the query's stem

function r1(w) {
  let p = w.length;
  for (let i = 1; i < w.length; i++) {
    if (!vowel(w[i]) && vowel(w[i - 1])) {
      p = i + 1;
      break;
    }
  }
  return w.length < 3 ? w.length : Math.max(p, 3);
}

function etCondition(w, at, p1) {
  if (at - 2 <= p1 || vowel(w[at - 1]) || !vowel(w[at - 2])) return false;
  const head = w.slice(0, at);
  for (const e of ET_KEEP) if (at - e.length >= p1 && head.endsWith(e)) return false;
  return true;
}

export function snowball(w) {
  const p1 = r1(w);
  for (const s of MAIN) {
    const at = w.length - s.length;
    if (at < p1 || !w.endsWith(s)) continue;
    if (s === "s") {
      if (at - 2 >= p1 && w.slice(0, at).endsWith("et") && etCondition(w, at - 2, p1)) w = w.slice(0, at - 2);
      else if (at - 1 >= p1 && "bcdfghjklmnoprtvy".includes(w[at - 1])) w = w.slice(0, at);
    } else if (s === "et") {
      if (etCondition(w, at, p1)) w = w.slice(0, at);
    } else w = w.slice(0, at);
    break;
  }
  for (const s of ["dd", "gd", "nn", "dt", "gt", "kt", "tt"]) {
    if (w.length - 2 >= p1 && w.endsWith(s)) {
      w = w.slice(0, -1);
      break;
    }
  }
  for (const s of ["fullt", "lig", "els", "ig"]) {
    if (w.length - s.length >= p1 && w.endsWith(s)) {
      w = s === "fullt" ? w.slice(0, -1) : w.slice(0, w.length - s.length);
      break;
    }
  }
  return w;
}

const stemCache = new Map();

// stemMatch reports whether a word of stem st matches a query word of stem
// sq by stem (package search's stemMatch).
export const stemMatch = (st, sq) => st.startsWith(sq) && st.length - sq.length <= STEM_TAIL;

// stem returns the stem of a folded word (package search's Stem).
export function stem(w) {
  let s = stemCache.get(w);
  if (s !== undefined) return s;
  s = w;
  for (const d of DERIVED) {
    if (s.length - d.length >= 4 && s.endsWith(d)) {
      s = s.slice(0, s.length - d.length) + (d === "endena" ? "end" : d.startsWith("ering") ? "er" : "");
      break;
    }
  }
  s = snowball(s);
  const n = s.length;
  if (n >= 6 && s[n - 1] === "n" && vowel(s[n - 2]) && s[n - 2] !== "e") {
    s = s.slice(0, -1);
    const c = s[s.length - 1];
    if (c === "a" || c === "e") s = s.slice(0, -1);
  } else if (n >= 6 && s.endsWith("et") && !vowel(s[n - 3])) s = s.slice(0, -2);
  else if (n >= 7 && (s.endsWith("ium") || s.endsWith("eum") || s.endsWith("iet") || s.endsWith("eet"))) s = s.slice(0, -2);
  if (stemCache.size > 50000) stemCache.clear();
  stemCache.set(w, s);
  return s;
}

// words returns the folded words of s; with postcode, "903 25" also gives
// "90325".
export function words(s, postcode) {
  const ws = fold(s).split(" ").filter(Boolean);
  if (postcode) {
    const n = ws.length;
    for (let i = 0; i + 1 < n; i++) {
      if (/^[0-9]{3}$/.test(ws[i]) && /^[0-9]{2}$/.test(ws[i + 1])) ws.push(ws[i] + ws[i + 1]);
    }
  }
  return ws;
}

// distance is the optimal string alignment distance between a and b; with
// prefix, the least distance between a and any start of b. With limit, a
// distance above limit is returned as limit + 1 (and found sooner).
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
export function distance(a, b, prefix, limit = Infinity) {
  const n = a.length;
  const m = b.length;
  if (rows[0].length <= m) rows = [new Int32Array(2 * m + 2), new Int32Array(2 * m + 2), new Int32Array(2 * m + 2)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let low = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < low) low = d;
    }
    // Every later row is at least this row's least value (less one for a
    // swap, which needs the row before): stop when both exceed the limit.
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
    if (low > limit && i > 1 && rowMin(prev2, m) > limit) return limit + 1;
  }
  let best = prev[m];
  if (prefix) for (let j = 1; j < m; j++) best = Math.min(best, prev[j]);
  return Math.min(best, limit + 1);
}

function rowMin(r, m) {
  let x = r[0];
  for (let j = 1; j <= m; j++) if (r[j] < x) x = r[j];
  return x;
}

// allowed returns how many edits a misspelt word of n letters may have.
export const allowed = (n) => (n >= 9 ? 2 : n >= 5 ? 1 : 0);

// lexicon returns what a query is read with (package search's lexicon):
// the stop and noise words and the synonym groups, each member as words.
export function lexicon(idx) {
  const stop = new Set(idx.stop);
  const noise = new Set();
  for (const w of idx.noise || []) {
    noise.add(w);
    noise.add(stem(w));
  }
  const l = { stop, noise, groups: [] };
  l.groups = idx.syn.map((g) => g.map((m) => queryWords(l, m)).filter((ws) => ws.length));
  return l;
}

// prepare turns the index into what query works on. The per-keystroke
// work is kept off the units: the terms in sorted order and in order of
// their stems (the terms that start with a word, or whose stems start with
// its stem, are a range of them), the compound splits likewise, the
// units' filter values and terms in typed arrays, the terms of each
// kommun, kind and organisation apart (their classes are worked out once
// per query), and a letter mask per term to skip most terms quickly in the
// scan for misspellings.
export function prepare(idx) {
  if (!idx || idx.v !== 3) throw new Error("unknown index version");
  const terms = [];
  const stems = [];
  const at = new Map();
  const add = (ws, out) => {
    for (const w of ws) {
      let i = at.get(w);
      if (i === undefined) {
        i = terms.length;
        at.set(w, i);
        terms.push(w);
        stems.push(stem(w));
      }
      out.push(i);
    }
    return out;
  };
  const tables = GROUPS.map((g) => idx[g]);
  const valueTerms = tables.map((t) => t.map((r) => add(words(r.length > 2 ? r[1] + " " + r[2] : r[1], false), [])));
  const n = idx.units.length;
  const vals = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const nameAt = new Int32Array(n + 1);
  const otherAt = new Int32Array(n + 1);
  const nameTerms = [];
  const otherTerms = [];
  const units = idx.units.map((r, i) => {
    const former = Array.isArray(r[6]) ? r[6] : [];
    const keywords = Array.isArray(r[7]) ? r[7] : [];
    add(words(r[1], false), nameTerms);
    const folded = [fold(r[1])];
    for (const f of former) {
      folded.push(fold(f));
      add(words(f, false), nameTerms);
    }
    add(words(r[2], true), otherTerms);
    for (const k of keywords) add(words(k, false), otherTerms);
    for (let j = 0; j < 3; j++) vals[j][i] = r[3 + j];
    nameAt[i + 1] = nameTerms.length;
    otherAt[i + 1] = otherTerms.length;
    return {
      i,
      id: typeof r[0] === "string" ? r[0] : fold(r[1]).replaceAll(" ", "-"),
      name: r[1],
      address: r[2],
      v: [r[3], r[4], r[5]],
      folded,
    };
  });
  const masks = new Int32Array(terms.length);
  for (let i = 0; i < terms.length; i++) masks[i] = mask(terms[i]);
  // The compound splits: where a term starts with a head, the rest.
  const heads = new Set(idx.heads || []);
  const splits = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    for (let p = MIN_PART; p + MIN_PART <= t.length; p++) {
      if (heads.has(t.slice(0, p))) splits.push([i, t.slice(p), stem(t.slice(p))]);
    }
  }
  const cands = [];
  const seen = new Set();
  const cand = (label) => {
    const f = fold(label);
    if (!f || seen.has(f)) return;
    seen.add(f);
    cands.push([f, label]);
  };
  for (const r of tables[0]) cand(r[1]);
  for (const r of tables[1]) cand(r[1]);
  for (const u of units) for (const w of u.name.split(/\s+/)) cand(trim(w));
  const slugs = tables.map((t) => new Map(t.map(([slug], i) => [slug, i])));
  const order = (keys) => Int32Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  return {
    tables, slugs, units, terms, stems, cands, lex: lexicon(idx),
    masks, vals, pool: [], used: 0,
    sorted: order(terms), byStem: order(stems),
    splits, splitRest: order(splits.map((x) => x[1])), splitStem: order(splits.map((x) => x[2])),
    valueTerms: valueTerms.map((t) => t.map((ts) => Int32Array.from(ts))),
    nameAt, nameTerms: Int32Array.from(nameTerms), otherAt, otherTerms: Int32Array.from(otherTerms),
  };
}

// range calls f with each position of order whose key starts with s.
function range(order, key, s, f) {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(order[mid]) < s) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < order.length && key(order[lo]).startsWith(s); lo++) f(order[lo]);
}

// mask has a bit for every letter (and, shared, digit) of a folded word.
function mask(w) {
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    m |= c >= 97 ? 1 << (c - 97) : 1 << (26 + ((c - 48) % 6));
  }
  return m;
}

function trim(w) {
  let a = 0;
  let b = w.length;
  while (a < b && TRIM.includes(w[a])) a++;
  while (b > a && TRIM.includes(w[b - 1])) b--;
  return w.slice(a, b);
}

// queryWords returns the words of q without stop words (d.stop), unless
// there is nothing else. The site search uses it too.
export function queryWords(d, q) {
  const all = words(q, false);
  const out = all.filter((w) => !d.stop.has(w));
  return out.length ? out : all;
}

const sameWord = (a, b) => a === b || stem(a) === stem(b);
const sameSpan = (a, b) => a.length === b.length && a.every((w, i) => sameWord(w, b[i]));

// rawWords returns the words of q as typed: its runs of letters, digits
// and marks.
const rawWords = (q) => q.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);

// plan returns the spans of q (package search's plan): each a word, or
// the words of a synonym of several words, with its text as typed, whether
// it is a noise word, and the other members of its synonym groups.
export function plan(l, q) {
  const all = words(q, false);
  let raw = rawWords(q);
  if (raw.length !== all.length) raw = all;
  let ws = [];
  let texts = [];
  for (let i = 0; i < all.length; i++) {
    if (!l.stop.has(all[i])) {
      ws.push(all[i]);
      texts.push(raw[i]);
    }
  }
  if (!ws.length) {
    ws = all;
    texts = raw;
  }
  const out = [];
  for (let i = 0; i < ws.length; ) {
    let n = 1;
    for (const g of l.groups) {
      for (const m of g) {
        if (m.length <= n || i + m.length > ws.length) continue;
        if (m.every((mw, k) => sameWord(ws[i + k], mw))) n = m.length;
      }
    }
    const sp = { words: ws.slice(i, i + n), text: texts.slice(i, i + n).join(" "), alts: [] };
    sp.noise = n === 1 && (l.noise.has(ws[i]) || l.noise.has(stem(ws[i])));
    for (const g of l.groups) {
      if (!g.some((m) => sameSpan(m, sp.words))) continue;
      for (const m of g) {
        if (!sameSpan(m, sp.words) && !sp.alts.some((x) => x.join(" ") === m.join(" "))) sp.alts.push(m);
      }
    }
    out.push(sp);
    i += n;
  }
  return out;
}

// partial returns the spans to keep when nothing has them all (package
// search's partial): of the masks, the one with most spans, then the one
// most have, then the one that keeps the earliest spans.
export function partial(masks, n, places) {
  const count = new Map();
  for (const m of masks) if (m) count.set(m, (count.get(m) || 0) + 1);
  const all = (1 << n) - 1;
  let best = 0;
  let bits = 0;
  let lost = 0;
  let many = 0;
  for (const [m, c] of count) {
    const b = popcount(m);
    const l = popcount(all & ~m & ~places);
    if (b > bits || (b === bits && (l < lost || (l === lost && (c > many || (c === many && earlier(m, best, n))))))) {
      best = m;
      bits = b;
      lost = l;
      many = c;
    }
  }
  return best;
}

function popcount(m) {
  let n = 0;
  for (; m; m &= m - 1) n++;
  return n;
}

function earlier(a, b, n) {
  for (let i = 0; i < n; i++) {
    const x = (a & (1 << i)) !== 0;
    const y = (b & (1 << i)) !== 0;
    if (x !== y) return x;
  }
  return false;
}

// tiersOf returns the tier of w against every term ({tiers}) and whether
// some term matches it other than by misspelling ({found}). The terms that
// start with w, whose stems start with its stem, and the compounds whose
// rest does, are ranges of sorted orders, found by binary search; the scan
// for misspellings, only when nothing else matches, skips the terms too
// short and those that lack more letters of w than the edits allowed (each
// letter a term lacks costs an edit).
function tiersOf(d, w, fuzzy) {
  const { terms } = d;
  // The buffers are reused from one query to the next (filter frees them).
  if (d.used === d.pool.length) d.pool.push(new Uint8Array(terms.length));
  const out = d.pool[d.used++].fill(NONE);
  let found = false;
  const set = (t) => (i) => {
    if (t < out[i]) out[i] = t;
    found = true;
  };
  const sw = stem(w);
  range(d.sorted, (i) => terms[i], w, set(PREFIX));
  const byStem = set(STEM);
  range(d.byStem, (i) => d.stems[i], sw, (i) => d.stems[i].length - sw.length <= STEM_TAIL && byStem(i));
  if (sw.length >= MIN_PART) {
    const sp = d.splits;
    const inside = (k) => set(STEM)(sp[k][0]);
    range(d.splitRest, (k) => sp[k][1], w, inside);
    range(d.splitStem, (k) => sp[k][2], sw, (k) => sp[k][2].length - sw.length <= STEM_TAIL && inside(k));
  }
  if (found || !fuzzy) return { tiers: withValues(d, out, found), found };
  const k = allowed(w.length);
  if (!k) return { tiers: withValues(d, out, false), found };
  let any = false;
  const masks = d.masks;
  const n = w.length;
  const letters = new Int32Array(n);
  for (let j = 0; j < n; j++) letters[j] = mask(w[j]);
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (t.length + k < n) continue;
    const m = masks[i];
    let missing = 0;
    for (let j = 0; j < n && missing <= k; j++) if ((m & letters[j]) === 0) missing++;
    if (missing > k) continue;
    if (distance(w, t, true, k) <= k) {
      out[i] = FUZZY;
      any = true;
    }
  }
  return { tiers: withValues(d, out, any), found };
}

// withValues returns a word's tiers with, for each kommun, kind and
// organisation, the class its words give a unit that has it (as the
// other fields do: 3 prefix, 4 stem or compound, 5 misspelling, 99 none),
// worked out once per query rather than once per unit.
function withValues(d, tiers, any) {
  const v = d.valueTerms.map((tab) => {
    const out = new Uint8Array(tab.length);
    for (let i = 0; i < tab.length; i++) {
      let best = 99;
      const ts = tab[i];
      for (let p = 0; p < ts.length; p++) {
        const x = tiers[ts[p]];
        const c = x === PREFIX ? 3 : x === STEM ? 4 : x === FUZZY ? 5 : 99;
        if (c < best) best = c;
      }
      out[i] = best;
    }
    return out;
  });
  return { t: tiers, v0: v[0], v1: v[1], v2: v[2], any };
}

// wordClass returns the best class one word's tiers (see withValues) give
// unit i: its name terms first, then its kommun, kind and organisation,
// then its other terms.
function wordClass(d, i, w) {
  let best = 99;
  const tiers = w.t;
  const nt = d.nameTerms;
  for (let p = d.nameAt[i], e = d.nameAt[i + 1]; p < e; p++) {
    const x = tiers[nt[p]];
    if (x === PREFIX) return 2;
    if (x === STEM) {
      if (best > 4) best = 4;
    } else if (x === FUZZY && best > 5) best = 5;
  }
  const [vk, vt, vo] = d.vals;
  const a = w.v0[vk[i]];
  const b = w.v1[vt[i]];
  const c = w.v2[vo[i]];
  if (a < best) best = a;
  if (b < best) best = b;
  if (c < best) best = c;
  if (best === 3) return 3;
  const ot = d.otherTerms;
  for (let p = d.otherAt[i], e = d.otherAt[i + 1]; p < e; p++) {
    const x = tiers[ot[p]];
    if (x === PREFIX) return 3;
    if (x === STEM) {
      if (best > 4) best = 4;
    } else if (x === FUZZY && best > 5) best = 5;
  }
  return best;
}

// spanClass returns the best class a span's alternatives give unit i.
function spanClass(d, i, as) {
  let best = 99;
  for (let j = 0; j < as.length; j++) {
    const ws = as[j];
    let wa = 0;
    for (let k = 0; k < ws.length && wa < best; k++) {
      const c = wordClass(d, i, ws[k]);
      if (c > wa) wa = c;
    }
    if (wa < best) best = wa;
  }
  return best;
}

function classOf(d, i, alts, phrase) {
  let worst = 2;
  for (let a = 0; a < alts.length; a++) {
    const best = spanClass(d, i, alts[a]);
    if (best > 5) return -1;
    if (best > worst) worst = best;
  }
  if (worst === 2 && phrase) {
    const f = d.units[i].folded;
    if (f.includes(phrase)) return 0;
    if (f[0].startsWith(phrase)) return 1;
  }
  return worst;
}

// suggest returns the candidate (d.cands: [folded, label] pairs) nearest
// w, and q with w replaced by it. The site search uses it too.
export function suggest(d, w, q) {
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best = limit + 1;
  let at = -1;
  const cands = d.cands;
  for (let i = 0; i < cands.length && best > 0; i++) {
    const f = cands[i][0];
    if (Math.abs(f.length - w.length) > limit) continue;
    // Only a nearer candidate matters: stop counting at best - 1.
    const dist = distance(w, f, false, best - 1);
    if (dist < best) {
      best = dist;
      at = i;
    }
  }
  if (at < 0) return ["", ""];
  const label = cands[at][1];
  const parts = q.split(/\s+/).filter(Boolean);
  let done = false;
  for (let i = 0; i < parts.length; i++) {
    if (!done && (" " + fold(parts[i]) + " ").includes(" " + w + " ")) {
      parts[i] = label;
      done = true;
    }
  }
  if (!done) parts.push(label);
  return [label, parts.join(" ")];
}

// filter returns the units matching state ({q, kommun: [slugs], kind,
// org}) best first, with their classes; for every option of every group,
// how many units would match with that option alone chosen in its group
// and the other groups as they are; and, when no unit matches every word:
// a suggestion, and the best partial matches with the words left out.
export function filter(d, st) {
  d.used = 0;
  const q = st.q || "";
  const spans = plan(d.lex, q);
  const phrase = fold(q);
  const unmatched = [];
  // Per span, its alternatives: each a list of tier arrays, one per word,
  // that must all match.
  const alts = spans.map((sp) => {
    let found = true;
    const own = sp.words.map((w) => {
      const r = tiersOf(d, w, true);
      if (!r.found) found = false;
      return r.tiers;
    });
    unmatched.push(!found);
    return [own, ...sp.alts.map((m) => m.map((w) => tiersOf(d, w, false).tiers))];
  });
  const sets = GROUPS.map((g, j) => {
    const vals = st[g] || [];
    const set = new Uint8Array(d.tables[j].length).fill(vals.length ? 0 : 1);
    for (const s of vals) {
      const i = d.slugs[j].get(s);
      if (i !== undefined) set[i] = 1;
    }
    return set;
  });
  let r = run(d, alts, sets, phrase);
  if (r.hits.length) return r;
  let suggestion = "";
  let suggested = "";
  for (let i = 0; i < spans.length; i++) {
    if (unmatched[i] && spans[i].words.length === 1) {
      [suggestion, suggested] = suggest(d, spans[i].words[0], q);
      break;
    }
  }
  const keep = [];
  spans.forEach((sp, i) => sp.noise || keep.push(i));
  if (keep.length && keep.length < spans.length) r = run(d, keep.map((i) => alts[i]), sets, "");
  if (!r.hits.length && keep.length > 1 && keep.length <= MAX_PARTIAL) {
    let places = 0;
    keep.forEach((i, b) => place(d, alts[i]) && (places |= 1 << b));
    const m = partial(masksOf(d, keep.map((i) => alts[i]), sets), keep.length, places);
    if (m) {
      const left = [];
      const kept = [];
      keep.forEach((i, b) => (m & (1 << b) ? kept.push(alts[i]) : left.push(spans[i].text)));
      r = run(d, kept, sets, "");
      r.left = left;
    }
  }
  r.suggestion = suggestion;
  r.suggested = suggested;
  return r;
}

// run returns the units that match every span and the filters (sets), with
// their classes and the filters' counts.
function run(d, alts, sets, phrase) {
  const [K, T, O] = sets;
  const counts = d.tables.map((t) => new Uint32Array(t.length));
  const [ck, ct, co] = counts;
  const [vk, vt, vo] = d.vals;
  const byClass = [[], [], [], [], [], []];
  const units = d.units;
  // A span that no term matches in any way: no unit can match.
  const possible = alts.every((as) => as.some((a) => a.every((w) => w.any)));
  const n = possible ? units.length : 0;
  const text = alts.length > 0 || phrase !== "";
  for (let i = 0; i < n; i++) {
    const k = vk[i];
    const t = vt[i];
    const o = vo[i];
    const a = K[k];
    const b = T[t];
    const c = O[o];
    // A unit that fails two filters counts nowhere: skip the text match.
    if (a + b + c < 2) continue;
    const cls = text ? classOf(d, i, alts, phrase) : 2;
    if (cls < 0) continue;
    if (b & c) ck[k]++;
    if (a & c) ct[t]++;
    if (a & b) {
      co[o]++;
      if (c) byClass[cls].push(units[i]);
    }
  }
  const hits = [];
  const classes = [];
  for (let c = 0; c < 6; c++) {
    for (const u of byClass[c]) {
      hits.push(u);
      classes.push(c);
    }
  }
  return { hits, classes, counts, suggestion: "", suggested: "", left: [] };
}

// place reports whether a span's own words all match a kommun's label.
function place(d, as) {
  return as[0].every((w) => w.v0.some((c) => c < 99));
}

// masksOf returns, for each unit that passes the filters, the spans it
// matches (bit i for span i).
function masksOf(d, alts, [K, T, O]) {
  const out = [];
  const [vk, vt, vo] = d.vals;
  for (let i = 0; i < d.units.length; i++) {
    if (!K[vk[i]] || !T[vt[i]] || !O[vo[i]]) continue;
    let m = 0;
    for (let a = 0; a < alts.length; a++) if (spanClass(d, i, alts[a]) <= 5) m |= 1 << a;
    out.push(m);
  }
  return out;
}

const nf = new Intl.NumberFormat("sv-SE");

// list joins labels the Swedish way: "Umeå, Vännäs och Lycksele".
function list(labels, last) {
  if (labels.length < 2) return labels.join("");
  return labels.slice(0, -1).join(", ") + " " + last + " " + labels[labels.length - 1];
}

// statusText says how many units are found and what is filtered:
// "16 träffar i Umeå", "3 träffar inom tandvård i Umeå och Vännäs".
export function statusText(n, none, chosen) {
  if (none) return n === 1 ? "1 diplomerad verksamhet" : nf.format(n) + " diplomerade verksamheter";
  let s = n === 0 ? "Inga träffar" : n === 1 ? "1 träff" : nf.format(n) + " träffar";
  const [kommun, kind, org] = chosen;
  if (kind.length) s += " inom " + list(kind.map((l) => l.toLowerCase()), "eller");
  if (kommun.length) s += " i " + list(kommun, "och");
  if (org.length) s += " hos " + list(org, "och");
  return s;
}

// distanceKm returns the distance in kilometres between two places given
// in degrees, on a sphere of radius 6371 km (as registry.Distance).
export function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const dlat = (b[0] - a[0]) * rad;
  const dlon = (b[1] - a[1]) * rad;
  const h = Math.sin(dlat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dlon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

// nearFirst wires "Närmast först": a kommun or place typed in #dir-near-from,
// or the device's position when #dir-near-me is pressed (asked for only
// then; it never leaves the browser). The places file is fetched the first
// time it is needed. sort orders hits by distance from the chosen place (or
// leaves them as they are), and mark writes "ca 12 km" in an item.
function nearFirst(rerender) {
  const box = document.getElementById("dir-near");
  const none = { sort: (h) => h, mark: (li) => li };
  if (!box) return none;
  const from = document.getElementById("dir-near-from");
  const me = document.getElementById("dir-near-me");
  const list = document.getElementById("dir-near-list");
  const status = document.getElementById("dir-near-status");
  const off = document.getElementById("dir-near-off");
  let places = null;
  let origin = null; // [lat, lon]
  const load = () =>
    places
      ? Promise.resolve(places)
      : fetch(box.dataset.places)
          .then((r) => {
            if (!r.ok) throw new Error(r.status);
            return r.json();
          })
          .then((p) => {
            places = p;
            const names = new Map();
            for (const [kommun, seat, lat, lon] of p.k) {
              names.set(fold(kommun), [lat, lon, kommun]);
              if (!names.has(fold(seat))) names.set(fold(seat), [lat, lon, seat]);
            }
            places.names = names;
            list.replaceChildren(...[...names.values()].map((v) => Object.assign(document.createElement("option"), { value: v[2] })));
            return places;
          });
  const say = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };
  const set = (o, label) => {
    origin = o;
    off.hidden = !o;
    say(o ? "Närmast först från " + label + "." : "");
    rerender();
  };
  from.addEventListener("focus", () => load().catch(() => {}), { once: true });
  from.addEventListener("change", () => {
    const q = fold(from.value.trim());
    if (!q) return set(null);
    load()
      .then((p) => {
        const hit = p.names.get(q);
        if (hit) set([hit[0], hit[1]], hit[2]);
        else say("Hittar ingen kommun eller ort som heter " + from.value.trim() + ". Välj en i listan.");
      })
      .catch(() => say("Avstånden kunde inte laddas."));
  });
  me.addEventListener("click", () => {
    if (!navigator.geolocation) return say("Webbläsaren kan inte ge din position. Skriv en kommun eller ort i stället.");
    say("Hämtar din position …");
    navigator.geolocation.getCurrentPosition(
      (pos) =>
        load()
          .then(() => {
            from.value = "";
            set([pos.coords.latitude, pos.coords.longitude], "din position");
          })
          .catch(() => say("Avstånden kunde inte laddas.")),
      () => say("Din position kunde inte hämtas. Skriv en kommun eller ort i stället."),
      { maximumAge: 600000, timeout: 15000 },
    );
  });
  off.addEventListener("click", () => {
    from.value = "";
    set(null);
    from.focus();
  });
  const km = (u) => {
    const p = places && places.u[u.id];
    return p ? distanceKm(origin, p) : Infinity;
  };
  return {
    sort: (hits) => {
      if (!origin || !places) return hits;
      const d = new Map(hits.map((u) => [u, km(u)]));
      return [...hits].sort((a, b) => d.get(a) - d.get(b));
    },
    mark: (li, u) => {
      let span = li.querySelector(".dir-hit__km");
      const p = origin && places && places.u[u.id];
      const text = p ? "ca " + Math.max(1, Math.round(distanceKm(origin, p))) + " km" + (p[2] ? "" : " (från kommunens centralort)") : "";
      if (!text) {
        if (span) span.remove();
        return li;
      }
      if (!span) {
        span = document.createElement("span");
        span.className = "dir-hit__km";
        li.append(" ", span);
      }
      if (span.textContent !== text) span.textContent = text;
      return li;
    },
  };
}

function init(form) {
  const $ = (id) => document.getElementById(id);
  const input = $("dir-q");
  const status = $("dir-status");
  const filters = $("dir-filters");
  const results = $("dir-results");
  const list_ = $("dir-list");
  const empty = $("dir-empty");
  const suggestP = $("dir-suggest");
  const partialP = $("dir-partial");
  const suggestB = $("dir-suggest-button");
  const more = $("dir-more");
  const all = $("dir-all");
  const boxes = [...filters.querySelectorAll("input[type=checkbox]")];
  const countOf = new Map(boxes.map((b) => [b, b.parentElement.querySelector("[data-count]")]));
  const labelOf = new Map(boxes.map((b) => [b, b.parentElement.querySelector("label").firstChild.textContent.trim()]));
  // What never changes of a box, read once: its group, value and label.
  const boxGroup = boxes.map((b) => GROUPS.indexOf(b.name));
  const boxValue = boxes.map((b) => b.value);
  const boxLabel = boxes.map((b) => labelOf.get(b));

  const groups = [...filters.querySelectorAll("details[data-group]")];
  const chosenOf = new Map(groups.map((d) => [d, d.querySelector("[data-chosen]")]));
  let data = null;
  let hits = [];
  let counts = null;
  let shown = 0;
  let suggested = "";
  let announceTimer = 0;
  let urlTimer = 0;

  // read returns the form's state: the query, and per group the values
  // chosen (st.kommun, …) and their labels (st.labels).
  const read = () => {
    const st = { q: input.value, labels: [[], [], []] };
    const vals = [[], [], []];
    for (let i = 0; i < boxes.length; i++) {
      if (boxGroup[i] >= 0 && boxes[i].checked) {
        vals[boxGroup[i]].push(boxValue[i]);
        st.labels[boxGroup[i]].push(boxLabel[i]);
      }
    }
    GROUPS.forEach((g, j) => (st[g] = vals[j]));
    return st;
  };
  const address = (st) => {
    const p = new URLSearchParams();
    if (st.q.trim()) p.set("q", st.q.trim());
    for (const g of GROUPS) for (const v of st[g]) p.append(g, v);
    const s = p.toString();
    return location.pathname + (s ? "?" + s : "");
  };
  // summarise writes, in each filter's summary, how many of its options
  // are chosen: "Kommun (1 vald)".
  const summarise = (st) => {
    for (const d of groups) {
      const g = st[d.dataset.group];
      const n = g ? g.length : 0;
      const text = n === 0 ? "" : n === 1 ? " (1 vald)" : " (" + n + " valda)";
      const el = chosenOf.get(d);
      if (el.textContent !== text) el.textContent = text;
    }
  };
  const apply = () => {
    const p = new URLSearchParams(location.search);
    input.value = p.get("q") || "";
    for (const b of boxes) b.checked = p.getAll(b.name).includes(b.value);
    // Filters stay closed: their summaries say what is chosen, and opening
    // them would move the results as the page loads.
    summarise(read());
  };

  // One list item per unit, made when first shown and kept.
  const items = new Map();
  const item = (u) => {
    let li = items.get(u.i);
    if (li) return li;
    li = document.createElement("li");
    li.className = "dir-hit";
    const a = document.createElement("a");
    a.href = "/verksamheter/" + u.id + "/";
    a.textContent = u.name;
    a.className = "dir-hit__name";
    const meta = document.createElement("span");
    meta.className = "dir-hit__meta";
    meta.textContent = data.tables[1][u.v[1]][1] + " · " + data.tables[0][u.v[0]][1];
    li.append(a, " ", meta);
    if (u.address) {
      const ad = document.createElement("span");
      ad.className = "dir-hit__address";
      ad.textContent = u.address;
      li.append(" ", ad);
    }
    items.set(u.i, li);
    return li;
  };
  // replace makes the list's items nodes, touching as few as it can: the
  // items that go are removed, and those that stay in the same order are
  // left where they are, so that the browser does not lay them out again.
  const replace = (nodes) => {
    const keep = new Set(nodes);
    let kept = 0;
    for (let c = list_.firstElementChild; c; c = c.nextElementSibling) if (keep.has(c)) kept++;
    if (kept === 0) {
      list_.replaceChildren(...nodes);
      return;
    }
    for (let c = list_.firstElementChild; c; ) {
      const next = c.nextElementSibling;
      if (!keep.has(c)) c.remove();
      c = next;
    }
    let c = list_.firstElementChild;
    for (const li of nodes) {
      if (li === c) c = c.nextElementSibling;
      else list_.insertBefore(li, c);
    }
  };
  const showMore = (n, fresh) => {
    const end = Math.min(hits.length, shown + n);
    const add = [];
    for (let i = shown; i < end; i++) add.push(near.mark(item(hits[i]), hits[i]));
    shown = end;
    if (fresh) replace(add);
    else list_.append(...add);
    const done = shown >= hits.length;
    if (more.hidden !== done) more.hidden = done;
    const text = "Visa fler (" + nf.format(hits.length - shown) + " till)";
    if (!done && more.textContent !== text) more.textContent = text;
  };
  const announce = (st, now) => {
    clearTimeout(announceTimer);
    const none = !st.q.trim() && GROUPS.every((g) => !st[g].length);
    const text = statusText(hits.length, none, st.labels);
    const set = () => {
      if (status.textContent !== text) status.textContent = text;
    };
    if (now) set();
    else announceTimer = setTimeout(set, 500);
  };
  // render shows the results of the form's state; it runs synchronously,
  // so the time from an input event to the updated list is measurable.
  const render = (now) => {
    const st = read();
    const r = filter(data, st);
    hits = near.sort(r.hits);
    counts = r.counts;
    shown = 0;
    showMore(PAGE, true);
    if (empty.hidden !== hits.length > 0) empty.hidden = hits.length > 0;
    // Partial matches: say which words no shown unit has.
    const leftText = r.left.length ? "Ingen verksamhet har alla orden. Visar de som har flest, utan " + list(r.left.map((w) => "”" + w + "”"), "och") + "." : "";
    if (partialP.textContent !== leftText) partialP.textContent = leftText;
    if (partialP.hidden !== !leftText) partialP.hidden = !leftText;
    suggested = r.suggested;
    if (suggestP.hidden !== !r.suggestion) suggestP.hidden = !r.suggestion;
    if (suggestB.textContent !== r.suggestion) suggestB.textContent = r.suggestion;
    for (const d of groups) if (d.open) showCounts(d);
    summarise(st);
    announce(st, now);
    return st;
  };
  // showCounts writes the counts of one filter, and disables the options
  // that would find nothing; a closed filter is brought up to date when it
  // is opened.
  const showCounts = (d) => {
    const j = GROUPS.indexOf(d.dataset.group);
    for (let x = 0; x < boxes.length; x++) {
      if (boxGroup[x] !== j) continue;
      const b = boxes[x];
      const i = data.slugs[j].get(boxValue[x]);
      const c = countOf.get(b);
      const k = i === undefined ? 0 : counts[j][i];
      const n = nf.format(k);
      if (c && c.textContent !== n) c.textContent = n;
      // Never the focused box: focus would be lost.
      const off = k === 0 && !b.checked && b !== document.activeElement;
      if (b.disabled !== off) b.disabled = off;
    }
  };
  // remember puts the state in the address: a new history entry with
  // push, else (while typing) the entry replaced a moment later.
  const remember = (push) => {
    clearTimeout(urlTimer);
    const put = () => {
      const url = address(read());
      if (url === location.pathname + location.search) return;
      if (push) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    };
    if (push) put();
    else urlTimer = setTimeout(put, 300);
  };
  // On a phone with the keyboard open, bring the field to the top so that
  // the count and the first results are seen under it while typing.
  const small = () => innerHeight < 600 && innerWidth < 700;

  const near = nearFirst(() => data && render(true));
  apply();

  input.addEventListener("focus", () => {
    if (small()) form.scrollIntoView({ block: "start" });
  });
  input.addEventListener("input", () => {
    if (!data) return;
    render(false);
    remember(false);
  });
  filters.addEventListener("change", (e) => {
    if (!data || e.target.type !== "checkbox") return;
    render(true);
    remember(true);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!data) return;
    render(true);
    clearTimeout(urlTimer);
    history.replaceState(null, "", address(read()));
  });
  $("dir-clear").addEventListener("click", () => {
    input.value = "";
    for (const b of boxes) b.checked = false;
    render(true);
    remember(true);
    input.focus();
  });
  suggestB.addEventListener("click", () => {
    input.value = suggested;
    render(true);
    remember(true);
    input.focus();
  });
  for (const d of groups) d.addEventListener("toggle", () => d.open && counts && showCounts(d));
  more.addEventListener("click", () => {
    const first = shown;
    showMore(PAGE);
    const a = list_.children[first] && list_.children[first].querySelector("a");
    if (a) a.focus();
  });
  addEventListener("popstate", () => {
    if (!data) return;
    clearTimeout(urlTimer);
    apply();
    render(true);
  });

  fetch(form.dataset.index)
    .then((r) => {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    })
    .then((idx) => {
      data = prepare(idx);
      render(true);
      all.hidden = true;
      results.hidden = false;
    })
    .catch(() => {
      form.hidden = true;
      filters.hidden = true;
      status.textContent = "Sökningen kunde inte laddas. Alla verksamheter finns i listan nedan.";
    });
}

const form = typeof document === "object" && document.getElementById("dir-form");
if (form && form.dataset.index) init(form);
