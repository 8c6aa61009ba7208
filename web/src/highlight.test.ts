import { describe, expect, test } from 'vitest';
import { markParts, shownName } from './highlight';

const marked = (parts: { text: string; marked: boolean }[]) => parts.filter((p) => p.marked).map((p) => p.text);

describe('markParts', () => {
  test('counts code points, so a name with characters outside the BMP is cut where the API says', () => {
    // As the API answers a search for "Maritme Rigging Spec": 🚢 and 𝕏 are
    // one code point each but two UTF-16 units.
    const name = 'SRG 🚢 Maritime Rigging Specialist 𝕏';
    const spans = [{ start: 6, length: 8 }, { start: 15, length: 7 }, { start: 23, length: 4 }];
    expect(marked(markParts(name, spans))).toEqual(['Maritime', 'Rigging', 'Spec']);
    expect(markParts(name, spans).map((p) => p.text).join('')).toBe(name);
    // What String.prototype.slice would have marked instead.
    expect(name.slice(6, 14)).not.toBe('Maritime');
  });

  test('a span over an astral character marks it whole', () => {
    expect(markParts('𝕏 Ray 🚢', [{ start: 0, length: 1 }, { start: 6, length: 1 }])).toEqual([
      { text: '𝕏', marked: true },
      { text: ' Ray ', marked: false },
      { text: '🚢', marked: true },
    ]);
  });

  test('overlapping and touching spans merge; spans past the end are clipped; no span marks nothing', () => {
    expect(marked(markParts('Certified Welding', [{ start: 0, length: 5 }, { start: 3, length: 6 }, { start: 9, length: 1 }]))).toEqual(['Certified ']);
    expect(marked(markParts('CWI', [{ start: 1, length: 10 }]))).toEqual(['WI']);
    expect(markParts('CWI', [])).toEqual([{ text: 'CWI', marked: false }]);
  });
});

describe('shownName', () => {
  test('marks the display name when it matched', () => {
    const s = shownName('AWS Certified Welding Inspector (CWI)', [
      { source: 'NAME', text: 'Certified Welding Inspector', start: 0, length: 9 },
      { source: 'DISPLAY_NAME', text: 'AWS Certified Welding Inspector (CWI)', start: 4, length: 9 },
    ]);
    expect(marked(s.name)).toEqual(['Certified']);
    expect(s.alsoKnownAs).toBeNull();
  });

  test('shows the alias that matched when the display name did not', () => {
    // 🏗️ is two code points: the emoji and a variation selector.
    const s = shownName('NCCCO Mobile Crane Operator', [{ source: 'ALIAS', text: 'CCO 🏗️ Crane', start: 7, length: 5 }]);
    expect(marked(s.name)).toEqual([]);
    expect(marked(s.alsoKnownAs!)).toEqual(['Crane']);
  });
});
