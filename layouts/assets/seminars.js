// Hides seminar sessions that have ended since the page was built, and
// shows a short note when none are left. Without JavaScript the page shows
// what was upcoming when it was built.
const now = Date.now();
for (const list of document.querySelectorAll("[data-sessions]")) {
  let left = 0;
  for (const item of list.querySelectorAll("[data-end]")) {
    if (Date.parse(item.dataset.end) <= now) {
      item.hidden = true;
    } else {
      left++;
    }
  }
  if (left === 0) {
    list.hidden = true;
    const none = list.parentElement.querySelector("[data-sessions-none]") ||
      list.closest("main")?.querySelector("[data-sessions-none]");
    if (none) none.hidden = false;
  }
}
