// The catalog's search box and its filters without a server: the client is
// replaced by one that records each query, whether it was cancelled, and
// answers on demand.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useTestRoot } from './test-root';

interface Op {
  vars: { filter?: { search?: string; recognitionBases?: string[]; organizationIds?: string[] } };
  cancelled: boolean;
  answer: (data: unknown) => void;
}
const ops = vi.hoisted(() => [] as Op[]);

vi.mock('../client', () => ({
  client: {
    query: (_doc: unknown, vars: Op['vars']) => ({
      subscribe(sink: (r: { data: unknown }) => void) {
        const op: Op = { vars, cancelled: false, answer: (data) => { if (!op.cancelled) sink({ data }); } };
        ops.push(op);
        return { unsubscribe: () => { op.cancelled = true; } };
      },
    }),
    subscription: () => ({ subscribe: () => ({ unsubscribe() {} }) }),
  },
  errorText: (e: unknown) => String(e),
}));

const { Catalog, searchDelay } = await import('./Catalog');

const org = { name: 'Ship Rigging Guild', acronym: 'SRG' };
const edge = (id: string, displayName: string, nearNeighbour: boolean, highlights: { start: number; length: number }[]) => ({
  nearNeighbour,
  highlights: highlights.map((h) => ({ source: 'DISPLAY_NAME', text: displayName, ...h })),
  node: { id, displayName, points: 10, recognitionBases: ['NCCA'], organization: org },
});
const facets = {
  recognitionBases: [{ basis: 'NCCA', count: 2 }, { basis: 'NAM_ENDORSED', count: 1 }],
  organizations: [{ organization: { id: 'srg', ...org }, count: 2 }],
};
const answer = (edges: ReturnType<typeof edge>[]) => ({
  certifications: {
    totalCount: edges.length,
    pageInfo: { hasNextPage: false, endCursor: null },
    facets,
    edges,
  },
});

const root = useTestRoot();
beforeEach(() => {
  vi.useFakeTimers();
  ops.length = 0;
  act(() => render(<Catalog />, root.el));
});
afterEach(() => {
  vi.useRealTimers();
});

function type(text: string) {
  const box = root.el.querySelector<HTMLInputElement>('#search')!;
  act(() => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const wait = (ms: number) => act(() => { vi.advanceTimersByTime(ms); });
const searches = () => ops.map((o) => o.vars.filter?.search ?? null);

describe('the search box', () => {
  test('searches once typing pauses, and cancels a search still under way when a newer one starts', () => {
    expect(searches()).toEqual([null]);
    type('M');
    wait(searchDelay / 2);
    type('Mar');
    wait(searchDelay / 2);
    type('Maritme');
    expect(searches()).toEqual([null]);
    wait(searchDelay);
    expect(searches()).toEqual([null, 'Maritme']);
    expect(ops[0].cancelled).toBe(true);

    type('Maritme Rigging Spec');
    wait(searchDelay);
    expect(searches()).toEqual([null, 'Maritme', 'Maritme Rigging Spec']);
    expect(ops[1].cancelled).toBe(true);
    expect(ops[2].cancelled).toBe(false);
    // A late answer to the cancelled search never shows.
    act(() => ops[1].answer(answer([edge('stale', 'Stale Result', false, [])])));
    expect(root.el.textContent).not.toContain('Stale Result');
  });

  test('marks the matched code points of a name outside the BMP and lists near neighbours under "You might also mean"', () => {
    type('Maritme Rigging Spec');
    wait(searchDelay);
    act(() => ops[ops.length - 1].answer(answer([
      edge('a', 'SRG 🚢 Maritime Rigging Specialist 𝕏', false, [{ start: 6, length: 8 }, { start: 15, length: 7 }, { start: 23, length: 4 }]),
      edge('b', 'SRG 🚢 Maritime Rigging Supervisor', true, []),
    ])));
    const hits = root.el.querySelector('ul[aria-label="Certifications"]')!;
    expect([...hits.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Maritime', 'Rigging', 'Spec']);
    expect(hits.querySelector('a')!.textContent).toBe('SRG 🚢 Maritime Rigging Specialist 𝕏');

    const heading = [...root.el.querySelectorAll('h2')].find((h) => h.textContent === 'You might also mean');
    expect(heading).toBeDefined();
    const near = root.el.querySelector('ul[aria-label="You might also mean"]')!;
    expect(near.textContent).toContain('SRG 🚢 Maritime Rigging Supervisor');
    expect(near.querySelectorAll('mark')).toHaveLength(0);
    expect(hits.textContent).not.toContain('Supervisor');
  });

  test('says so when nothing matches but near neighbours', () => {
    type('Rigging Wizard');
    wait(searchDelay);
    act(() => ops[ops.length - 1].answer(answer([edge('b', 'SRG Rigging Supervisor', true, [])])));
    expect(root.el.textContent).toContain('No certification matches “Rigging Wizard”.');
    expect(root.el.querySelector('ul[aria-label="Certifications"]')).toBeNull();
    expect(root.el.querySelector('ul[aria-label="You might also mean"]')!.textContent).toContain('SRG Rigging Supervisor');
  });
});

describe('the filters', () => {
  const toggle = () => root.el.querySelector<HTMLButtonElement>('button.filters-toggle')!;
  const check = (label: string) => {
    const box = [...root.el.querySelectorAll('label.check')].find((l) => l.textContent!.startsWith(label))!.querySelector('input')!;
    act(() => box.click());
  };
  beforeEach(() => {
    act(() => ops[0].answer(answer([edge('a', 'SRG Rigging Specialist', false, []), edge('b', 'SRG Rigging Supervisor', false, [])])));
  });

  test('wait closed behind a "Filters" button that controls them, comes before the results, and opens and closes', () => {
    const panel = root.el.querySelector('#catalog-filters')!;
    expect(toggle().getAttribute('aria-controls')).toBe('catalog-filters');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(toggle().textContent).toBe('Filters ▾');
    expect(panel.closest('.filters')!.classList.contains('open')).toBe(false);
    expect(toggle().compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(panel.compareDocumentPosition(root.el.querySelector('ul[aria-label="Certifications"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    act(() => toggle().click());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(panel.closest('.filters')!.classList.contains('open')).toBe(true);
    act(() => toggle().click());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
  });

  test('count the active filters on the button, and "Show … certifications" closes them and puts the focus back on the button', () => {
    act(() => toggle().click());
    check('NCCA');
    expect(ops.at(-1)!.vars.filter?.recognitionBases).toEqual(['NCCA']);
    expect(toggle().textContent).toBe('Filters (1 active) ▴');
    check('SRG');
    expect(ops.at(-1)!.vars.filter?.organizationIds).toEqual(['srg']);
    expect(toggle().textContent).toBe('Filters (2 active) ▴');
    check('NCCA');
    expect(toggle().textContent).toBe('Filters (1 active) ▴');

    const done = root.el.querySelector<HTMLButtonElement>('button.filters-done')!;
    expect(done.textContent).toBe('Show 2 certifications');
    act(() => done.click());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle());
  });
});
