// The script's half of TestParity: reads {script, index, states} as JSON
// on stdin, runs the directory script's own filter on every state and
// prints the answers as JSON, in the shape of package search's Result.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const input = JSON.parse(readFileSync(0, "utf8"));
const m = await import(pathToFileURL(input.script).href);
const d = m.prepare(JSON.parse(readFileSync(input.index, "utf8")));
const out = input.states.map((st) => {
  const r = m.filter(d, { q: st.Q, kommun: st.Kommun || [], kind: st.Kind || [], org: st.Org || [] });
  return {
    Hits: r.hits.map((u) => u.id),
    Classes: r.classes,
    Counts: r.counts.map((c) => Array.from(c)),
    Suggestion: r.suggestion,
    Suggested: r.suggested,
    Left: r.left,
  };
});
process.stdout.write(JSON.stringify(out));
