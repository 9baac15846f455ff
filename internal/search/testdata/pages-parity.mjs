// The script's half of TestPagesParity: reads {directory, sitesearch, dir,
// queries} as JSON on stdin; for each query it starts from the page
// index's main file, loads the shards the query needs from dir and prints
// the pages found as [page, score] pairs, and the shards it loaded.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const input = JSON.parse(readFileSync(0, "utf8"));
const m = await import(pathToFileURL(input.directory).href);
const s = await import(pathToFileURL(input.sitesearch).href);
const meta = JSON.parse(readFileSync(join(input.dir, "sok/index.json"), "utf8"));
const out = input.queries.map((q) => {
  const d = s.preparePages(m, meta);
  const need = s.needed(d, q);
  for (const i of need) s.addShard(d, i, JSON.parse(readFileSync(join(input.dir, d.paths[i]), "utf8")));
  const r = s.queryPages(d, q);
  return { Needed: need, Hits: r.hits, Left: r.left, Suggestion: r.suggestion, Suggested: r.suggested };
});
process.stdout.write(JSON.stringify(out));
