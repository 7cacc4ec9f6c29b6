#!/usr/bin/env node
// Makes a copy of @cdktf/provider-aws that holds only the namespaces the C# code uses.
// Loading the full package costs ~4 s and ~560 MB per synth because its lib/index.js
// requires all 2,212 namespaces; no namespace references another, so a subset is a
// complete package. See ../../README.md ("Bindings") for the measured figures.
//
// usage: trim-provider.js <provider-package-dir> <namespaces-file> <out-dir> <version>
'use strict';
const fs = require('fs');
const path = require('path');
const spec = require('@jsii/spec');
const { toPascalCase } = require('codemaker');

const [sourceDir, namespacesFile, outDir, version] = process.argv.slice(2);
if (!version) fail('usage: trim-provider.js <provider-package-dir> <namespaces-file> <out-dir> <version>');

const ROOT_NAMESPACE = 'HashiCorp.Cdktf.Providers.Aws';
const assembly = spec.loadAssemblyFromPath(sourceDir, false);
const wanted = fs.readFileSync(namespacesFile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

// C# namespace -> submodule, named the way jsii-pacmak names them (toPascalCase of the submodule).
const submodules = new Map();
for (const [fqn, submodule] of Object.entries(assembly.submodules)) {
  const name = fqn.slice(assembly.name.length + 1);
  const dir = /^src\/([^/]+)\/index:$/.exec(submodule.symbolId ?? '')?.[1];
  if (name.includes('.') || !dir) fail(`unexpected submodule layout: ${fqn} (${submodule.symbolId})`);
  submodules.set(`${ROOT_NAMESPACE}.${toPascalCase(name)}`, { fqn, name, dir });
}

const unknown = wanted.filter((ns) => !submodules.has(ns));
if (unknown.length) fail(`not namespaces of ${assembly.name} ${assembly.version}: ${unknown.join(', ')}`);
const kept = wanted.map((ns) => submodules.get(ns));
const keptFqns = new Set(kept.map((s) => s.fqn));
const submoduleOf = (typeFqn) => typeFqn.split('.').slice(0, 2).join('.');

// Types: keep those of the kept submodules, and refuse any reference to a dropped one.
const types = {};
for (const [fqn, type] of Object.entries(assembly.types)) {
  if (fqn.split('.').length !== 3) fail(`unexpected type name depth: ${fqn}`);
  if (keptFqns.has(submoduleOf(fqn))) types[fqn] = type;
}
const dangling = new Set();
const walk = (node, owner) => {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, owner));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const isReference = (key === 'fqn' || key === 'base') && typeof value === 'string';
    if (isReference && value.startsWith(`${assembly.name}.`) && !(value in types)) dangling.add(`${owner} -> ${value}`);
    if (key === 'interfaces' && Array.isArray(value)) value.filter((v) => v.startsWith(`${assembly.name}.`) && !(v in types)).forEach((v) => dangling.add(`${owner} -> ${v}`));
    walk(value, owner);
  }
};
for (const [fqn, type] of Object.entries(types)) walk(type, fqn);
if (dangling.size) fail(`kept types reference dropped ones:\n  ${[...dangling].join('\n  ')}`);

const trimmed = {
  ...assembly,
  version,
  submodules: Object.fromEntries(Object.entries(assembly.submodules).filter(([fqn]) => keptFqns.has(fqn))),
  types,
};
spec.validateAssembly(trimmed); // throws, naming the offending paths

// lib/index.js, lib/lazy-index.js and lib/index.d.ts list every namespace (lazy-index.d.ts lists none); rewrite them for the kept ones.
// The rewrite is text-based, so assert the upstream format before trusting it.
const entryFiles = {
  'index.js': { line: /^exports\.(\w+) = require\("\.\/([^"]+)"\);$/, emit: (e) => `exports.${e.name} = require("./${e.dir}");` },
  'lazy-index.js': { line: /^Object\.defineProperty\(exports, '(\w+)', \{ get: function \(\) \{ return require\('\.\/([^']+)'\); \} \}\);$/, emit: (e) => `Object.defineProperty(exports, '${e.name}', { get: function () { return require('./${e.dir}'); } });` },
  'index.d.ts': { line: /^export \* as (\w+) from '\.\/([^']+)';$/, emit: (e) => `export * as ${e.name} from './${e.dir}';` },
};
const header = ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });'];
const rewritten = {};
for (const [file, { line, emit }] of Object.entries(entryFiles)) {
  const entries = fs.readFileSync(path.join(sourceDir, 'lib', file), 'utf8').split('\n').map((l) => line.exec(l)).filter(Boolean).map((m) => ({ name: m[1], dir: m[2] }));
  if (entries.length !== submodules.size) fail(`lib/${file}: expected ${submodules.size} namespace entries, found ${entries.length}: the upstream format changed`);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const keptEntries = kept.map((s) => byName.get(s.name) ?? fail(`lib/${file} has no entry for ${s.name}`));
  keptEntries.forEach((e, i) => { if (e.dir !== kept[i].dir) fail(`lib/${file}: ${e.name} points at ${e.dir}, the assembly says ${kept[i].dir}`); });
  const prologue = file.endsWith('.js') ? header : [];
  rewritten[file] = [...prologue, ...keptEntries.map(emit), ''].join('\n');
}

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(path.join(outDir, 'lib'), { recursive: true });
for (const s of kept) fs.cpSync(path.join(sourceDir, 'lib', s.dir), path.join(outDir, 'lib', s.dir), { recursive: true });
for (const [file, text] of Object.entries(rewritten)) fs.writeFileSync(path.join(outDir, 'lib', file), text);
for (const file of ['LICENSE', 'README.md', 'lib/lazy-index.d.ts']) fs.copyFileSync(path.join(sourceDir, file), path.join(outDir, file));
const pkg = JSON.parse(fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8'));
delete pkg.scripts;
delete pkg.devDependencies;
fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify({ ...pkg, version }, null, 2) + '\n');
spec.writeAssembly(outDir, { ...trimmed, fingerprint: '*'.repeat(10) });
console.log(`trimmed ${assembly.name}: ${kept.length} of ${submodules.size} namespaces, ${Object.keys(types).length} of ${Object.keys(assembly.types).length} types`);

function fail(message) {
  console.error(`trim-provider: ${message}`);
  process.exit(1);
}
