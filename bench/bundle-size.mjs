// (4) bundle size: minified with esbuild, then gzipped, for taxql's entries and the peers

import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));

async function size(contents, { external = [] } = {}) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    external,
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const byPackage = {};
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match ? match[1] : "taxql";
    if (bytesInOutput > 0) byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
  }
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, byPackage };
}

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const entries = [];
const sourceOf = (target) => (typeof target === "string" ? target : (target.import ?? target.default));
for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
  if (subpath.endsWith(".json")) continue;
  const file = sourceOf(target);
  if (typeof file !== "string") continue;
  entries.push({ name: subpath === "." ? "taxql (all of \".\")" : `taxql${subpath.slice(1)}`, contents: `export * from ${JSON.stringify("./" + file.replace(/^\.\//, ""))};` });
}

const rows = [];
// from the sources of dist/index.js, so that the parts can be told apart
rows.push({ name: "taxql core (compile + toPredicate)", kind: "core", ...(await size(`export { compile, toPredicate } from "./src/index.ts";`)) });
for (const entry of entries) rows.push({ ...entry, kind: "entry", ...(await size(entry.contents)), contents: undefined });
const peers = {
  liqe: `export { parse, test } from "liqe";`,
  filtrex: `export { compileExpression } from "filtrex";`,
  sift: `export { default } from "sift";`,
  jsep: `export { default } from "jsep";`,
  mingo: `export { Query } from "mingo";`,
};
for (const [name, contents] of Object.entries(peers)) rows.push({ name, kind: "peer", ...(await size(contents)) });
process.stdout.write(JSON.stringify(rows) + "\n");
