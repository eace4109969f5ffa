// The independent checkers, in one node call: reads a JSON job on stdin, prints JSON results.
// usage: node check.js < job.json
//   job: {"ssml": [{"locale": "en-US", "ssml": "<speak>...</speak>"}, ...],
//         "apl":  [{"name": "step_card.json", "document": {...}}, ...]}
//   out: {"ssml": [{"index": i, "errors": [...]}, ...]   (only those with errors)
//         "apl":  [{"name": ..., "errors": [...]}, ...]}   (every document, errors may be [])
// SSML goes through ssml-check-core with Amazon's rules (platform "amazon"); APL documents
// through Amazon's apl-suggester (StaticAplTemplateValidator), which needs no network.
"use strict";
const ssmlCheck = require("ssml-check-core");
const { StaticAplTemplateValidator } = require("apl-suggester");

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const job = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const out = { ssml: [], apl: [] };
  for (const [index, item] of (job.ssml || []).entries()) {
    const errors = await ssmlCheck.check(item.ssml, { platform: "amazon", locale: item.locale, getPositions: true });
    if (errors && errors.length) out.ssml.push({ index, errors });
  }
  const quiet = console.log;
  for (const item of job.apl || []) {
    console.log = () => {};  // apl-suggester logs notes ("No mixin for component") to stdout
    try {
      const errors = await new StaticAplTemplateValidator().validate(item.document);
      out.apl.push({ name: item.name, errors });
    } finally {
      console.log = quiet;
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
