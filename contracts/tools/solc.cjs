#!/usr/bin/env node
// forge cannot download solc offline, so it runs this shim as its compiler: it speaks solc's
// `--version` and `--standard-json` CLI on top of the pinned npm `solc` (solc-js).
const fs = require("node:fs");
const path = require("node:path");
const solc = require("solc");

const args = process.argv.slice(2);

if (args.includes("--version")) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version().replace(".Emscripten.clang", "")}\n`);
  process.exit(0);
}

// Directories solc would search for imports: --base-path, --include-path, --allow-paths, and the cwd.
const roots = [process.cwd()];
for (let i = 0; i < args.length; i++) {
  if (["--base-path", "--include-path", "--allow-paths"].includes(args[i])) {
    roots.push(...args[i + 1].split(","));
  }
}

function findImports(importPath) {
  const candidates = path.isAbsolute(importPath) ? [importPath] : roots.map((root) => path.resolve(root, importPath));
  for (const file of candidates) {
    if (fs.existsSync(file)) return { contents: fs.readFileSync(file, "utf8") };
  }
  return { error: `File not found: ${importPath}` };
}

const input = fs.readFileSync(0, "utf8");
process.stdout.write(solc.compile(input, { import: findImports }));
