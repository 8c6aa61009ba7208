// The README's example queries, which GraphiQL opens on: the graphql code
// blocks of its "## Examples" section, and nothing else of it, so that
// editing the README's prose leaves the built GraphiQL page unchanged.

/**
 * examples returns the text of each graphql block of markdown's Examples
 * section, in order.
 * @param {string} markdown
 * @returns {string[]}
 */
export function examples(markdown) {
  const start = markdown.indexOf('\n## Examples\n');
  if (start < 0) return [];
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```graphql\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}

/** moduleId is the module GraphiQL imports the examples from. */
export const moduleId = 'virtual:readme-examples';

/**
 * readmeExamples is the Vite plugin that serves moduleId: the examples of
 * the README at readmePath, as a JSON array of strings, read at build time.
 * @param {string} readmePath
 * @param {(path: string) => string} read
 */
export function readmeExamples(readmePath, read) {
  const resolved = `\0${moduleId}`;
  return {
    name: 'readme-examples',
    resolveId: (id) => (id === moduleId ? resolved : null),
    load(id) {
      if (id !== resolved) return null;
      this.addWatchFile(readmePath);
      return `export default ${JSON.stringify(examples(read(readmePath)))};\n`;
    },
  };
}
