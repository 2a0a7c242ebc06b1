// Every `pattern` of the OpenAPI document must be an ECMA-262 regular expression (JSON Schema 2020-12, section
// 6.4): compiled here by a real ECMAScript engine in `u` mode, as JSON Schema asks. java.util.regex accepts
// constructs (inline flags, possessive quantifiers, \A, \Z, class intersections) that clients cannot compile.
const fs = require("fs");
const file = process.argv[2];
const document = JSON.parse(fs.readFileSync(file, "utf8"));
const bad = [];
let count = 0;
(function walk(node, at) {
  if (Array.isArray(node)) {
    node.forEach((child, index) => walk(child, `${at}/${index}`));
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "pattern" && typeof value === "string") {
        count++;
        try {
          new RegExp(value, "u");
        } catch (e) {
          bad.push(`${at}: ${value} (${e.message})`);
        }
      } else {
        walk(value, `${at}/${key}`);
      }
    }
  }
})(document, "#");
if (bad.length > 0) {
  console.error(`Patterns in ${file} that are not ECMA-262:\n  ${bad.join("\n  ")}`);
  process.exit(1);
}
console.log(`${count} patterns in ${file} compile as ECMA-262 (u flag)`);
