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
const SUFFIXES = "heterna arnas ernas ornas heten heter andet arna erna orna ande arne aste aren ades erns ade are ern ens het ast ets en ar er or as es at et na a e s".split(" ");
const PREFIX = 1;
const STEM = 2;
const FUZZY = 3;
const NONE = 9;
const TRIM = ".,;:!?()[]\"'«»”“-–—/";

// stem strips one Swedish inflection ending from a folded word.
export function stem(w) {
  for (const s of SUFFIXES) if (w.length - s.length >= 3 && w.endsWith(s)) return w.slice(0, w.length - s.length);
  return w;
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

const allowed = (n) => (n >= 9 ? 2 : n >= 5 ? 1 : 0);

// prepare turns the index into what query works on.
export function prepare(idx) {
  if (!idx || idx.v !== 2) throw new Error("unknown index version");
  const terms = [];
  const stems = [];
  const at = new Map();
  const add = (ws) => {
    const out = [];
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
  const valueTerms = tables.map((t) => t.map((r) => add(words(r.length > 2 ? r[1] + " " + r[2] : r[1], false))));
  const units = idx.units.map((r, i) => {
    const former = Array.isArray(r[6]) ? r[6] : [];
    const keywords = Array.isArray(r[7]) ? r[7] : [];
    const name = add(words(r[1], false));
    const folded = [fold(r[1])];
    for (const f of former) {
      folded.push(fold(f));
      name.push(...add(words(f, false)));
    }
    const other = add(words(r[2], true));
    for (const k of keywords) other.push(...add(words(k, false)));
    for (let j = 0; j < 3; j++) other.push(...valueTerms[j][r[3 + j]]);
    return {
      i,
      id: typeof r[0] === "string" ? r[0] : fold(r[1]).replaceAll(" ", "-"),
      name: r[1],
      address: r[2],
      v: [r[3], r[4], r[5]],
      nameTerms: Int32Array.from(name),
      otherTerms: Int32Array.from(other),
      folded,
    };
  });
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
  return { tables, slugs, units, terms, stems, cands, stop: new Set(idx.stop), syn: idx.syn };
}

function trim(w) {
  let a = 0;
  let b = w.length;
  while (a < b && TRIM.includes(w[a])) a++;
  while (b > a && TRIM.includes(w[b - 1])) b--;
  return w.slice(a, b);
}

function queryWords(d, q) {
  const all = words(q, false);
  const out = all.filter((w) => !d.stop.has(w));
  return out.length ? out : all;
}

function tiersOf(d, w, fuzzy) {
  const { terms, stems } = d;
  const out = new Uint8Array(terms.length);
  const sw = stem(w);
  let found = false;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    let tier = NONE;
    if (t.startsWith(w)) tier = PREFIX;
    else if (t.startsWith(sw) || stems[i] === sw) tier = STEM;
    else if (w.length >= 4 && t.indexOf(w, 1) >= 1) tier = STEM;
    else if (sw.length >= 4 && t.indexOf(sw, 1) >= 1) tier = STEM;
    if (tier !== NONE) found = true;
    out[i] = tier;
  }
  if (found || !fuzzy) return out;
  const k = allowed(w.length);
  if (!k) return out;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (t.length + k >= w.length && distance(w, t, true, k) <= k) out[i] = FUZZY;
  }
  return out;
}

function wordClass(u, tiers) {
  let best = 99;
  const n = u.nameTerms;
  for (let i = 0; i < n.length; i++) {
    const x = tiers[n[i]];
    if (x === PREFIX) return 2;
    if (x === STEM) best = Math.min(best, 4);
    else if (x === FUZZY) best = Math.min(best, 5);
  }
  const o = u.otherTerms;
  for (let i = 0; i < o.length; i++) {
    const x = tiers[o[i]];
    if (x === PREFIX) best = Math.min(best, 3);
    else if (x === STEM) best = Math.min(best, 4);
    else if (x === FUZZY) best = Math.min(best, 5);
  }
  return best;
}

function classOf(u, alts, phrase) {
  let worst = 2;
  for (let i = 0; i < alts.length; i++) {
    const as = alts[i];
    let best = 99;
    for (let j = 0; j < as.length; j++) {
      const a = as[j];
      let wa = 0;
      for (let k = 0; k < a.length && wa < best; k++) wa = Math.max(wa, wordClass(u, a[k]));
      best = Math.min(best, wa);
    }
    if (best > 5) return -1;
    worst = Math.max(worst, best);
  }
  if (worst === 2 && phrase) {
    if (u.folded.includes(phrase)) return 0;
    if (u.folded[0].startsWith(phrase)) return 1;
  }
  return worst;
}

function suggest(d, w, q) {
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best = limit + 1;
  let at = -1;
  d.cands.forEach(([f], i) => {
    if (Math.abs(f.length - w.length) > limit) return;
    const dist = distance(w, f, false);
    if (dist < best) {
      best = dist;
      at = i;
    }
  });
  if (at < 0) return ["", ""];
  const label = d.cands[at][1];
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
// and the other groups as they are; and, when nothing matches, a
// suggestion.
export function filter(d, st) {
  const q = st.q || "";
  const ws = queryWords(d, q);
  const phrase = fold(q);
  const unmatched = [];
  const alts = ws.map((w) => {
    const tiers = tiersOf(d, w, true);
    unmatched.push(!tiers.some((t) => t < FUZZY));
    const as = [[tiers]];
    const sw = stem(w);
    for (const [key, ...exp] of d.syn) {
      if (key !== w && stem(key) !== sw) continue;
      for (const e of exp) {
        const a = queryWords(d, e).map((ew) => tiersOf(d, ew, false));
        if (a.length) as.push(a);
      }
    }
    return as;
  });
  const chosen = GROUPS.map((g, j) => {
    const vals = st[g] || [];
    if (!vals.length) return null;
    const set = new Uint8Array(d.tables[j].length);
    for (const s of vals) {
      const i = d.slugs[j].get(s);
      if (i !== undefined) set[i] = 1;
    }
    return set;
  });
  const [K, T, O] = chosen;
  const counts = d.tables.map((t) => new Uint32Array(t.length));
  const [ck, ct, co] = counts;
  const byClass = [[], [], [], [], [], []];
  for (const u of d.units) {
    const [k, t, o] = u.v;
    const a = !K || K[k] === 1;
    const b = !T || T[t] === 1;
    const c = !O || O[o] === 1;
    // A unit that fails two filters counts nowhere: skip the text match.
    if (!a + !b + !c > 1) continue;
    const cls = classOf(u, alts, phrase);
    if (cls < 0) continue;
    if (b && c) ck[k]++;
    if (a && c) ct[t]++;
    if (a && b) co[o]++;
    if (a && b && c) byClass[cls].push(u);
  }
  const hits = [].concat(...byClass);
  const classes = byClass.flatMap((l, c) => l.map(() => c));
  let suggestion = "";
  let suggested = "";
  if (!hits.length) {
    const i = unmatched.indexOf(true);
    if (i >= 0) [suggestion, suggested] = suggest(d, ws[i], q);
  }
  return { hits, classes, counts, suggestion, suggested };
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

function init(form) {
  const $ = (id) => document.getElementById(id);
  const input = $("dir-q");
  const status = $("dir-status");
  const filters = $("dir-filters");
  const results = $("dir-results");
  const list_ = $("dir-list");
  const empty = $("dir-empty");
  const suggestP = $("dir-suggest");
  const suggestB = $("dir-suggest-button");
  const more = $("dir-more");
  const all = $("dir-all");
  const boxes = [...filters.querySelectorAll("input[type=checkbox]")];
  const countOf = new Map(boxes.map((b) => [b, b.parentElement.querySelector("[data-count]")]));
  const labelOf = new Map(boxes.map((b) => [b, b.parentElement.querySelector("label").firstChild.textContent.trim()]));

  const groups = [...filters.querySelectorAll("details[data-group]")];
  let data = null;
  let hits = [];
  let counts = null;
  let shown = 0;
  let suggested = "";
  let announceTimer = 0;
  let urlTimer = 0;

  const read = () => {
    const st = { q: input.value };
    for (const g of GROUPS) st[g] = boxes.filter((b) => b.name === g && b.checked).map((b) => b.value);
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
  const summarise = () => {
    for (const d of groups) {
      const n = boxes.filter((b) => b.checked && b.name === d.dataset.group).length;
      const text = n === 0 ? "" : n === 1 ? " (1 vald)" : " (" + n + " valda)";
      const el = d.querySelector("[data-chosen]");
      if (el.textContent !== text) el.textContent = text;
    }
  };
  const apply = () => {
    const p = new URLSearchParams(location.search);
    input.value = p.get("q") || "";
    for (const b of boxes) b.checked = p.getAll(b.name).includes(b.value);
    // Filters stay closed: their summaries say what is chosen, and opening
    // them would move the results as the page loads.
    summarise();
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
  const showMore = (n, replace) => {
    const end = Math.min(hits.length, shown + n);
    const add = [];
    for (let i = shown; i < end; i++) add.push(item(hits[i]));
    shown = end;
    if (replace) list_.replaceChildren(...add);
    else list_.append(...add);
    more.hidden = shown >= hits.length;
    if (!more.hidden) more.textContent = "Visa fler (" + nf.format(hits.length - shown) + " till)";
  };
  const announce = (st, now) => {
    clearTimeout(announceTimer);
    const none = !st.q.trim() && GROUPS.every((g) => !st[g].length);
    const chosen = GROUPS.map((g) => boxes.filter((b) => b.name === g && b.checked).map((b) => labelOf.get(b)));
    const text = statusText(hits.length, none, chosen);
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
    hits = r.hits;
    counts = r.counts;
    shown = 0;
    showMore(PAGE, true);
    empty.hidden = hits.length > 0;
    suggested = r.suggested;
    suggestP.hidden = !r.suggestion;
    if (suggestB.textContent !== r.suggestion) suggestB.textContent = r.suggestion;
    for (const d of groups) if (d.open) showCounts(d);
    summarise();
    announce(st, now);
    return st;
  };
  // showCounts writes the counts of one filter, and disables the options
  // that would find nothing; a closed filter is brought up to date when it
  // is opened.
  const showCounts = (d) => {
    const j = GROUPS.indexOf(d.dataset.group);
    for (const b of boxes) {
      if (b.name !== d.dataset.group) continue;
      const i = data.slugs[j].get(b.value);
      const c = countOf.get(b);
      const k = i === undefined ? 0 : counts[j][i];
      const n = nf.format(k);
      if (c && c.textContent !== n) c.textContent = n;
      // Never the focused box: focus would be lost.
      const off = k === 0 && !b.checked && b !== document.activeElement;
      if (b.disabled !== off) b.disabled = off;
    }
  };
  const remember = (push) => {
    clearTimeout(urlTimer);
    const url = address(read());
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, "", url);
    else urlTimer = setTimeout(() => history.replaceState(null, "", address(read())), 300);
  };
  // On a phone with the keyboard open, bring the field to the top so that
  // the count and the first results are seen under it while typing.
  const small = () => innerHeight < 600 && innerWidth < 700;

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
