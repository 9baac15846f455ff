// The unit directory's search: progressive enhancement of /verksamheter/.
//
// Without this script the page lists every unit grouped by kommun. With it,
// the search form (hidden in the HTML) is shown, the search index named by
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

// prepare turns the index into what filter works on.
export function prepare(idx) {
  if (!idx || idx.v !== 1) throw new Error("unknown index version");
  const tables = GROUPS.map((g) => idx[g]);
  const places = idx.kommun.map(([slug]) => " " + slug.replaceAll("-", " "));
  const units = idx.units.map((r, i) => ({
    i,
    id: r[0],
    name: r[1],
    address: r[2],
    v: [r[3], r[4], r[5]],
    n: " " + (typeof r[6] === "string" ? r[6] : r[0].replaceAll("-", " ")),
    p: " " + r[7] + places[r[3]],
  }));
  const slugs = tables.map((t) => new Map(t.map(([slug], i) => [slug, i])));
  return { tables, slugs, units };
}

// filter returns the units matching state ({q, kommun: [slugs], kind,
// org}): those whose name matches every word of q first, then those that
// match on name and place, each in index order; and for every option of
// every group, how many units would match with that option alone chosen in
// its group and the other groups as they are.
export function filter(d, st) {
  const words = fold(st.q || "").split(" ").filter(Boolean).map((w) => " " + w);
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
  const byName = [];
  const byPlace = [];
  for (const u of d.units) {
    const [k, t, o] = u.v;
    const a = !K || K[k] === 1;
    const b = !T || T[t] === 1;
    const c = !O || O[o] === 1;
    // A unit that fails two filters counts nowhere: skip the text match.
    if (!a + !b + !c > 1) continue;
    let place = false;
    let miss = false;
    for (const w of words) {
      if (u.n.includes(w)) continue;
      if (u.p.includes(w)) {
        place = true;
        continue;
      }
      miss = true;
      break;
    }
    if (miss) continue;
    if (b && c) ck[k]++;
    if (a && c) ct[t]++;
    if (a && b) co[o]++;
    if (a && b && c) (place ? byPlace : byName).push(u);
  }
  return { hits: byName.concat(byPlace), counts };
}

const nf = new Intl.NumberFormat("sv-SE");

function statusText(n, all, total) {
  if (all) return n === 1 ? "1 diplomerad verksamhet" : nf.format(n) + " diplomerade verksamheter";
  if (n === 0) return "Inga träffar";
  return n === 1 ? "1 träff" : nf.format(n) + " träffar";
}

function init(form) {
  const $ = (id) => document.getElementById(id);
  const input = $("dir-q");
  const status = $("dir-status");
  const results = $("dir-results");
  const list = $("dir-list");
  const empty = $("dir-empty");
  const more = $("dir-more");
  const all = $("dir-all");
  const boxes = [...form.querySelectorAll("input[type=checkbox]")];
  const countOf = new Map(boxes.map((b) => [b, b.parentElement.querySelector("[data-count]")]));

  const groups = [...form.querySelectorAll("details[data-group]")];
  let data = null;
  let hits = [];
  let counts = null;
  let shown = 0;
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
  const apply = () => {
    const p = new URLSearchParams(location.search);
    input.value = p.get("q") || "";
    for (const b of boxes) b.checked = p.getAll(b.name).includes(b.value);
    for (const d of groups) {
      if (boxes.some((b) => b.checked && b.name === d.dataset.group)) d.open = true;
    }
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
    if (replace) list.replaceChildren(...add);
    else list.append(...add);
    more.hidden = shown >= hits.length;
    if (!more.hidden) more.textContent = "Visa fler (" + nf.format(hits.length - shown) + " till)";
  };
  const announce = (st, now) => {
    clearTimeout(announceTimer);
    const none = !st.q.trim() && GROUPS.every((g) => !st[g].length);
    const text = statusText(hits.length, none, data.units.length);
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
    for (const d of groups) if (d.open) showCounts(d);
    announce(st, now);
    return st;
  };
  // showCounts writes the counts of one filter; a closed one is brought up
  // to date when it is opened.
  const showCounts = (d) => {
    const j = GROUPS.indexOf(d.dataset.group);
    for (const b of boxes) {
      if (b.name !== d.dataset.group) continue;
      const i = data.slugs[j].get(b.value);
      const c = countOf.get(b);
      const n = i === undefined ? "0" : nf.format(counts[j][i]);
      if (c && c.textContent !== n) c.textContent = n;
    }
  };
  const remember = (push) => {
    clearTimeout(urlTimer);
    const url = address(read());
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, "", url);
    else urlTimer = setTimeout(() => history.replaceState(null, "", address(read())), 300);
  };

  apply();
  form.hidden = false;

  input.addEventListener("input", () => {
    if (!data) return;
    render(false);
    remember(false);
  });
  form.addEventListener("change", (e) => {
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
  for (const d of groups) d.addEventListener("toggle", () => d.open && counts && showCounts(d));
  more.addEventListener("click", () => {
    const first = shown;
    showMore(PAGE);
    const a = list.children[first] && list.children[first].querySelector("a");
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
      status.textContent = "Sökningen kunde inte laddas. Alla verksamheter finns i listan nedan.";
    });
}

const form = typeof document === "object" && document.getElementById("dir-form");
if (form && form.dataset.index) init(form);
