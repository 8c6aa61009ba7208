// @vitest-environment node
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { expect, test } from 'vitest';
import { examples, moduleId, readmeExamples } from './readme-examples.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test("the README's examples are found and each is a GraphQL document", () => {
  const found = examples(readme);
  expect(found.length).toBeGreaterThanOrEqual(8);
  for (const q of found) expect(() => parse(q)).not.toThrow();
});

test('only the Examples section counts, and editing prose changes nothing GraphiQL is built from', () => {
  const md = '# T\n\nIntro.\n\n```graphql\n{ outside }\n```\n\n## Examples\n\nProse.\n\n```graphql\n{ a }\n```\n\nMore prose.\n\n```sh\nmake run\n```\n\n```graphql\nquery B { b }\n```\n\n## Next\n\n```graphql\n{ after }\n```\n';
  expect(examples(md)).toEqual(['{ a }\n', 'query B { b }\n']);
  const edited = md.replace('Prose.', 'Other words, a whole new paragraph.').replace('Intro.', 'New intro.');
  const plugin = readmeExamples('README.md', (p) => (p === 'README.md' ? edited : ''));
  const load = (text) => readmeExamples('README.md', () => text).load.call({ addWatchFile() {} }, `\0${moduleId}`);
  expect(load(edited)).toBe(load(md));
  expect(load(md.replace('{ a }', '{ a2 }'))).not.toBe(load(md));
  expect(plugin.resolveId(moduleId)).toBe(`\0${moduleId}`);
  expect(plugin.resolveId('./other')).toBeNull();
});
