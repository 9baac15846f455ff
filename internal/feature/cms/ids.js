// Makes a list item's id from its name while the item is new, and shows an
// id the file already has as fixed: published as /admin/ids.js (see package
// cms, spec.from), after the bundle. The rules (which list, which keys) are
// written by the build in place of the empty list below. The slug follows package slug:
// lowercase, marks dropped (å, ä → a, ö → o), a few letters spelled out, every
// other run of characters one hyphen. The CMS has no option for this: its
// compute widget would change a published id whenever the name changes.
(() => {
  "use strict";
  const rules = /*RULES*/[];
  const spelled = { "æ": "ae", "ø": "o", "ß": "ss", "þ": "th", "ð": "d", "ł": "l", "œ": "oe", "đ": "d", "ı": "i" };
  const slug = (s) => s.toLowerCase()
    .replace(/[æøßþðłœđı]/g, (c) => spelled[c])
    .normalize("NFD").replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  const setValue = (input, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const matchers = rules.map((r) => ({
    list: r.list,
    idKey: r.id,
    id: new RegExp("^" + esc(r.list) + "\\.(\\d+)\\." + esc(r.id) + "$"),
    from: new RegExp("^" + esc(r.list) + "\\.(\\d+)\\." + esc(r.from) + "$"),
  }));
  const made = new WeakMap(); // an id input of a new item → the id last made from its name
  const seen = new WeakSet(); // every id input met
  const fixed = new WeakSet(); // the id inputs that had an id when first met
  const fix = (input) => {
    input.readOnly = true;
    input.setAttribute("aria-readonly", "true");
  };
  const scan = () => {
    for (const m of matchers) {
      for (const s of document.querySelectorAll("section[data-key-path]")) {
        if (!m.id.test(s.dataset.keyPath)) continue;
        const input = s.querySelector("input");
        if (!input) continue;
        if (!seen.has(input)) {
          seen.add(input);
          if (input.value === "") made.set(input, "");
          else fixed.add(input);
        }
        if (fixed.has(input) && !input.readOnly) fix(input);
      }
    }
  };
  document.addEventListener("input", (e) => {
    const s = e.target instanceof Element && e.target.closest("section[data-key-path]");
    if (!s) return;
    for (const m of matchers) {
      const i = s.dataset.keyPath.match(m.from)?.[1];
      if (i === undefined) continue;
      const target = document.querySelector('section[data-key-path="' + m.list + "." + i + "." + m.idKey + '"] input');
      if (!target || !made.has(target)) continue;
      if (target.value !== made.get(target)) {
        made.delete(target); // the editor wrote an id of their own
        continue;
      }
      const id = slug(e.target.value);
      made.set(target, id);
      setValue(target, id);
    }
  }, true);
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
})();
