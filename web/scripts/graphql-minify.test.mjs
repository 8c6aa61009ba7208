// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { parse, print } from 'graphql';
import { transformWithEsbuild } from 'vite';
import { expect, test } from 'vitest';
import { cook, graphqlMinify, minifyDocument, minifyModule, raw } from './graphql-minify.mjs';

const srcDir = new URL('../src/', import.meta.url).pathname;

test('white space and comments go; string values, block strings included, stay as they are', () => {
  const source = `
  # a comment
  query Q($s: String = "two  spaces, # not a comment") {
    a(s: "  padded  ", t: """
      block  text
        indented
    """) { b  c }   # trailing
  }
`;
  const min = minifyDocument(source);
  expect(min).toBe('query Q($s:String="two  spaces, # not a comment"){a(s:"  padded  " t:"""\nblock  text\n  indented"""){b c}}');
  expect(print(parse(min))).toBe(print(parse(source)));
});

test('a template literal is read and written back with its escapes', () => {
  expect(cook('a\\`b\\\\c\\${d}\\n\\u0041\\u{1F600}\\x41')).toBe('a`b\\c${d}\nA\u{1F600}A');
  expect(() => cook('{ a(s: "${x}") }')).toThrow(/interpolate/);
  const value = 'a`b\\c${d}';
  expect(cook(raw(value))).toBe(value);
});

test('only the graphql() literals and the document map keys change', () => {
  const code = 'const q = graphql(`\n  query Q {\n    a # why\n  }\n`);\nconst t = `\n  keep   this\n`;\nconst m = { "\\n  query Q {\\n    a # why\\n  }\\n": QDocument, plain: 1 };\n';
  expect(minifyModule(code, false)).toBe('const q = graphql(`query Q{a}`);\nconst t = `\n  keep   this\n`;\nconst m = { "\\n  query Q {\\n    a # why\\n  }\\n": QDocument, plain: 1 };\n');
  expect(minifyModule(code, true)).toContain('const m = { "query Q{a}": QDocument, plain: 1 };');
  const plugin = graphqlMinify(srcDir);
  expect(plugin.transform(code, '/elsewhere/node_modules/x/index.ts')).toBeNull();
  expect(plugin.transform('const a = 1;', `${srcDir}ui.tsx`)).toBeNull();
});

/** sources returns the paths of the app's TypeScript modules under dir. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => `${e.parentPath}/${e.name}`.replace(/\/+/g, '/'));
}

test("after the build's transform every graphql() call of src/ still finds its document", async () => {
  const plugin = graphqlMinify(srcDir);
  const calls = [];
  let keys = [];
  for (const path of sources(srcDir)) {
    const compiled = await transformWithEsbuild(readFileSync(path, 'utf8'), path, { jsx: 'automatic', jsxImportSource: 'preact' });
    const out = plugin.transform(compiled.code, path)?.code ?? compiled.code;
    if (path === `${srcDir}gql/gql.ts`) {
      keys = [...out.matchAll(/"((?:[^"\\\n]|\\.)*)"\s*:/g)].map((m) => JSON.parse(`"${m[1]}"`));
      continue;
    }
    calls.push(...[...out.matchAll(/\bgraphql\(`((?:[^`\\]|\\[\s\S])*)`\)/g)].map((m) => cook(m[1])));
  }
  expect(calls.length).toBeGreaterThanOrEqual(20);
  expect(new Set(keys)).toEqual(new Set(calls));
  for (const doc of calls) {
    expect(doc).not.toMatch(/\n|  /);
    expect(() => parse(doc)).not.toThrow();
  }
});
