// Search highlights: the API gives each matched span as a start and a
// length in Unicode code points, so text is cut with Array.from (one item
// per code point), never with String.prototype.slice, which counts UTF-16
// units and would cut a name with an emoji or a letter outside the Basic
// Multilingual Plane in the wrong place.

/** Span is a highlight's place in its text, in code points. */
export interface Span {
  start: number;
  length: number;
}

/** Part is a run of text that is all marked or all plain. */
export interface Part {
  text: string;
  marked: boolean;
}

/** markParts cuts text into plain and marked runs; overlapping or touching spans merge, and spans past the end are clipped. */
export function markParts(text: string, spans: readonly Span[]): Part[] {
  const points = Array.from(text);
  const marked = points.map(() => false);
  for (const s of spans) {
    for (let i = Math.max(0, s.start); i < Math.min(points.length, s.start + s.length); i++) marked[i] = true;
  }
  const parts: Part[] = [];
  points.forEach((point, i) => {
    const last = parts[parts.length - 1];
    if (last && last.marked === marked[i]) last.text += point;
    else parts.push({ text: point, marked: marked[i] });
  });
  return parts;
}

/** Highlight is a search highlight as the API gives it. */
export interface Highlight extends Span {
  source: string;
  text: string;
}

/**
 * shownName is what a search result shows: the display name with the spans
 * matched in it, and, when the display name itself has none, the first
 * other name (the name or an alias) that matched, with its spans.
 */
export function shownName(displayName: string, highlights: readonly Highlight[]): { name: Part[]; alsoKnownAs: Part[] | null } {
  const inName = highlights.filter((h) => h.text === displayName);
  const other = highlights.find((h) => h.text !== displayName);
  return {
    name: markParts(displayName, inName),
    alsoKnownAs: inName.length || !other ? null : markParts(other.text, highlights.filter((h) => h.text === other.text)),
  };
}
