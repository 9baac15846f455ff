// Dev server only: reload the page when the site has been rebuilt.
const events = new EventSource("/_dev/events");
events.addEventListener("reload", () => location.reload());
