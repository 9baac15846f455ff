// Keeps the CMS on this site: published as /admin/local.js and loaded before
// sveltia-cms.js (see package cms). The pinned bundle would otherwise ask
// unpkg.com for its newest version and for its Swedish words, and
// www.githubstatus.com for GitHub's status. Its words are published beside
// it; the other two questions are refused here, so no request leaves the
// site before sign-in and the admin pages' Content-Security-Policy can stay
// exact. The CMS starts in Swedish unless the editor has picked another
// language in its settings.
(() => {
  "use strict";
  const here = document.currentScript.src;
  const own = window.fetch.bind(window);
  const words = /^\/@sveltia\/cms@[^/]+\/locales\/sv\.json$/;
  window.fetch = (input, init) => {
    let url;
    try {
      url = new URL(input instanceof Request ? input.url : String(input), location.href);
    } catch {
      return own(input, init);
    }
    if (url.host === "unpkg.com" && words.test(url.pathname)) {
      return own(new URL("locales/sv.json", here), init);
    }
    if (url.host === "unpkg.com" || url.host === "www.githubstatus.com") {
      return Promise.reject(new TypeError("the CMS is self-hosted: " + url.host + " is not asked"));
    }
    return own(input, init);
  };
  try {
    const key = "sveltia-cms.prefs";
    const prefs = JSON.parse(localStorage.getItem(key) || "{}") || {};
    if (!prefs.locale) {
      prefs.locale = "sv";
      localStorage.setItem(key, JSON.stringify(prefs));
    }
  } catch {
    // Storage may be switched off; the CMS then follows the browser's language.
  }
})();
