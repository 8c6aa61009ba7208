// The app's GraphQL documents, minified at build time: the template literal
// of each graphql(`...`) call in src/ and the matching key of the generated
// document map (src/gql/gql.ts), which graphql() looks a document up by, lose
// their insignificant white space and comments. Both sides go through the
// same function, so the lookup still finds every document. What is sent to
// the API is unchanged: urql prints the generated AST, never these strings.
import { stripIgnoredCharacters } from 'graphql';

/**
 * minifyDocument returns source without insignificant white space and
 * comments; string values are kept as they are.
 * @param {string} source
 * @returns {string}
 */
export function minifyDocument(source) {
  return stripIgnoredCharacters(source);
}

const simpleEscapes = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0', '\n': '', '\r': '' };

/**
 * cook returns the value of a template literal from its raw text, and throws
 * where the literal interpolates (graphql() takes plain text only).
 * @param {string} raw
 * @returns {string}
 */
export function cook(raw) {
  if (/(^|[^\\])(\\\\)*\$\{/.test(raw)) throw new Error('a graphql() template literal must not interpolate');
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.replace(/^[ux]\{?|\}$/g, ''), 16));
    return e in simpleEscapes ? simpleEscapes[e] : e;
  });
}

/**
 * raw returns the template literal text whose value is value.
 * @param {string} value
 * @returns {string}
 */
export function raw(value) {
  return value.replace(/\\|`|\$\{/g, (m) => `\\${m}`);
}

const graphqlCall = /\bgraphql\(\s*`((?:[^`\\]|\\[\s\S])*)`\s*\)/g;
const stringKey = /"((?:[^"\\\n]|\\.)*)"(\s*:)/g;

/**
 * minifyModule returns the JavaScript code of a module with its GraphQL
 * documents minified: every graphql(`...`) literal and, in the generated
 * document map (isDocumentMap), every string key.
 * @param {string} code
 * @param {boolean} isDocumentMap
 * @returns {string}
 */
export function minifyModule(code, isDocumentMap) {
  let out = code.replace(graphqlCall, (_, text) => `graphql(\`${raw(minifyDocument(cook(text)))}\`)`);
  if (isDocumentMap) out = out.replace(stringKey, (_, text, colon) => JSON.stringify(minifyDocument(JSON.parse(`"${text}"`))) + colon);
  return out;
}

/**
 * graphqlMinify is the Vite plugin that minifies the documents of the app's
 * own modules (under srcDir, after TypeScript is compiled away).
 * @param {string} srcDir absolute path of src/, ending in a slash
 */
export function graphqlMinify(srcDir) {
  return {
    name: 'graphql-minify',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !/\.tsx?$/.test(id)) return null;
      const isDocumentMap = id === `${srcDir}gql/gql.ts`;
      if (!isDocumentMap && !code.includes('graphql(')) return null;
      return { code: minifyModule(code, isDocumentMap), map: null };
    },
  };
}
