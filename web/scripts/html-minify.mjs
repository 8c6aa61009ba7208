// The built HTML pages, minified: the two pages are shells (a root element
// and the tags Vite injects), so dropping the indentation between tags, the
// line breaks of the source layout and the comments is all there is to gain.

/**
 * minifyHtml returns html without comments and without the white space
 * between tags that holds a line break (the source's layout). White space
 * within a line, where it can separate inline content, is kept.
 * @param {string} html
 * @returns {string}
 */
export function minifyHtml(html) {
  return html
    .replace(/<!--(?!\[)[\s\S]*?-->/g, '')
    .replace(/>[ \t]*\r?\n\s*</g, '><')
    .trim();
}

/**
 * htmlMinify is the Vite plugin that minifies each built HTML page after
 * Vite has injected its script and style tags.
 */
export function htmlMinify() {
  return {
    name: 'html-minify',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => minifyHtml(html) },
  };
}
