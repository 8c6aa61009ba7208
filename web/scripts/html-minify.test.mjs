// @vitest-environment node
import { expect, test } from 'vitest';
import { htmlMinify, minifyHtml } from './html-minify.mjs';

test('the layout between tags and the comments go; text and white space within a line stay', () => {
  const page = '<!doctype html>\n<html lang="en">\n  <head>\n    <!-- a note -->\n    <title>A  title</title>\n    <style>html, body { margin: 0; }</style>\n  </head>\n  <body>\n    <p><b>Bold</b> <i>italic</i></p>\n  </body>\n</html>\n';
  expect(minifyHtml(page)).toBe('<!doctype html><html lang="en"><head><title>A  title</title><style>html, body { margin: 0; }</style></head><body><p><b>Bold</b> <i>italic</i></p></body></html>');
});

test('the plugin runs on the built page, after Vite injects its tags', () => {
  const plugin = htmlMinify();
  expect(plugin.apply).toBe('build');
  expect(plugin.transformIndexHtml.order).toBe('post');
  expect(plugin.transformIndexHtml.handler('<div>\n  <p>x</p>\n</div>\n')).toBe('<div><p>x</p></div>');
});
