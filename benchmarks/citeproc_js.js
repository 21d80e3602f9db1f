// Formats CSL-JSON items with citeproc-js (the engine inside Zotero and Mendeley), for
// benchmarks/citeproc_gold.py. Reads {"items", "style", "locales", "lang"} as JSON on stdin
// ("style" and "locales": paths of the .csl file and of the folder of locales-xx-XX.xml files);
// prints {"bibliography": [[id, text], ...] in the style's order, "citations": {id: text}}.
// The folder holding node_modules/citeproc comes as the first argument.
"use strict";
const fs = require("fs");
const path = require("path");

const CSL = require(path.join(process.argv[2], "node_modules", "citeproc"));
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const items = {};
for (const item of input.items) items[item.id] = item;
const sys = {
  retrieveLocale: (lang) => {
    const file = path.join(input.locales, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => items[id],
};
const engine = new CSL.Engine(sys, fs.readFileSync(input.style, "utf8"), input.lang, true);
engine.setOutputFormat("text");
const ids = input.items.map((item) => item.id);
engine.updateItems(ids);
const [meta, entries] = engine.makeBibliography();
const bibliography = meta.entry_ids.map((entry, i) => [String(entry[0]), entries[i].trim()]);
const citations = {};
for (const id of ids) {
  citations[id] = engine.makeCitationCluster([{ id }]);
}
process.stdout.write(JSON.stringify({ bibliography, citations }, null, 1) + "\n");
