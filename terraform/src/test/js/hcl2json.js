// Parses every .tf file under a directory with @cdktf/hcl2json (HashiCorp's HCL parser compiled
// to WebAssembly) and prints {"<relative path>": <HCL as JSON>} on stdout. Syntax errors exit 1
// with the parser's message on stderr. Used by the Terraform checks (src/test/java).
const fs = require('fs');
const path = require('path');
const { parse } = require(process.env.HCL2JSON_MODULE || '@cdktf/hcl2json');

const SKIP = new Set(['src', 'target', 'node_modules']);

function tfFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    // Skip the checks' own tree (fixtures hold broken .tf on purpose) and build output.
    if (e.isDirectory()) return e.name.startsWith('.') || SKIP.has(e.name) ? [] : tfFiles(p);
    return e.name.endsWith('.tf') ? [p] : [];
  });
}

(async () => {
  const root = process.argv[2];
  const out = {};
  for (const file of tfFiles(root).sort()) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    try {
      out[rel] = await parse(rel, fs.readFileSync(file, 'utf8'));
    } catch (e) {
      process.stderr.write(`${rel}: ${String(e.message || e).split('\n')[0]}\n`);
      process.exit(1);
    }
  }
  process.stdout.write(JSON.stringify(out));
})();
