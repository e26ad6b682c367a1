#!/usr/bin/env node
// Counts type assertions (`x as T`, not `as const`) in src/**/*.ts(x) with the TypeScript parser, so
// imports (`* as x`), re-exports and words in strings or comments are not counted. Prints the total;
// `--by-file` lists the files too. Used to track issue 13.4 (casts at the BPMN boundary).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = new URL('../src/', import.meta.url).pathname;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.tsx?$/.test(name)) files.push(path);
  }
};
walk(root);

const perFile = [];
for (const file of files) {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  let n = 0;
  const visit = (node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const isConst = ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === 'const';
      if (!isConst) n++;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (n) perFile.push([file.slice(root.length), n]);
}
const total = perFile.reduce((sum, [, n]) => sum + n, 0);
if (process.argv.includes('--by-file')) for (const [f, n] of perFile.sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  src/${f}`);
console.log(total);
