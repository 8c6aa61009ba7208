// Compares two versions of the schema with graphql-inspector and fails on
// a breaking change that CHANGELOG.md does not record.
//
//   node schema-diff.mjs OLD.graphql NEW.graphql CHANGELOG.md
//
// A breaking change is accepted by a line of CHANGELOG.md of the form
//
//   - BREAKING FIELD_REMOVED `Query.oldField`: why, and what clients do instead
//
// naming the change's type and path as graphql-inspector reports them; the
// failure message prints the line to add for each unrecorded change.
// Dangerous and safe changes are listed and never fail.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';

const [oldFile, newFile, changelogFile] = process.argv.slice(2);
if (!oldFile || !newFile || !changelogFile) {
  console.error('usage: node schema-diff.mjs OLD.graphql NEW.graphql CHANGELOG.md');
  process.exit(2);
}

const changes = await diff(buildSchema(readFileSync(oldFile, 'utf8')), buildSchema(readFileSync(newFile, 'utf8')));
// Lines inside fenced code blocks are examples, not records.
const changelog = readFileSync(changelogFile, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
const accepted = new Set(
  [...changelog.matchAll(/^\s*[-*]\s+BREAKING\s+([A-Z_]+)\s+`([^`]+)`/gm)].map((m) => `${m[1]} ${m[2]}`),
);

const unrecorded = [];
for (const c of changes) {
  const level = c.criticality.level;
  const recorded = accepted.has(`${c.type} ${c.path}`);
  const mark = level === CriticalityLevel.Breaking ? (recorded ? 'BREAKING (recorded)' : 'BREAKING') : level;
  console.log(`${mark.padEnd(20)} ${c.type} ${c.path ?? ''}: ${c.message}`);
  if (level === CriticalityLevel.Breaking && !recorded) {
    unrecorded.push(c);
  }
}
console.log(`graphql-inspector: ${changes.length} changes, ${changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).length} breaking, ${unrecorded.length} not recorded in ${changelogFile}`);
if (unrecorded.length > 0) {
  console.error(`\nBreaking changes not recorded in ${changelogFile}. Avoid them (deprecate first), or record each under "Accepted breaking changes":`);
  for (const c of unrecorded) {
    console.error(`- BREAKING ${c.type} \`${c.path}\`: <why, and what clients do instead>`);
  }
  process.exit(1);
}
