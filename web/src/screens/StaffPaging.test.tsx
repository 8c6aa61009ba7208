// The staff queues' pages through the app's real GraphQL client over a
// mocked fetch: the API's answers are pages of a Relay connection, each the
// page after the cursor the request gives, and every request is recorded.
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { useTestRoot } from './test-root';

interface Sent {
  operationName: string;
  variables: Record<string, unknown>;
}
const sent: Sent[] = [];
// answer is what the mocked API answers to a request: the data of its reply.
let answer: (op: Sent) => unknown = () => ({});

vi.stubGlobal('fetch', vi.fn(async (_url: unknown, init: { body: string }) => {
  const op = JSON.parse(init.body) as Sent;
  sent.push(op);
  return new Response(JSON.stringify({ data: answer(op) }), { status: 200, headers: { 'Content-Type': 'application/json' } });
}));
afterAll(() => { vi.unstubAllGlobals(); });

const { ApplicationQueuePage, ReviewQueuePage, pageSize } = await import('./Staff');

/**
 * page answers a connection query from the list: the page of the size the
 * request asks for (fallback when it names none) after the cursor it gives;
 * a cursor is "at-N", N the number of items before it.
 */
function page<T>(list: T[], variables: Record<string, unknown>, fallback: number) {
  const from = variables.after ? Number(String(variables.after).slice(3)) : 0;
  const nodes = list.slice(from, from + Number(variables.first ?? fallback));
  const end = from + nodes.length;
  return { totalCount: list.length, pageInfo: { hasNextPage: end < list.length, endCursor: nodes.length ? `at-${end}` : null }, nodes };
}

const application = (n: number, status = 'SUBMITTED') => ({
  id: `app-${n}`, program: 'CPT', status, version: 3, decisionDueOn: '2026-12-20',
  candidate: { name: `Candidate ${n}`, msscCandidateId: `C-${n}` },
  points: { required: 100, total: 105 },
  informationRequest: null as string | null, informationResponse: null, informationAnswerBy: null, history: [], activities: [],
});

const review = (n: number) => ({
  id: `review-${n}`, certificationName: `Certification ${n}`, organization: { name: 'Board' },
  status: 'PENDING', dueOn: new Date(Date.UTC(2026, 11, n)).toISOString().slice(0, 10), overdue: false, submitterCount: 1, assignee: null,
});

let queue: ReturnType<typeof application>[] = [];
const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const queueAnswer = (op: Sent) => {
  if (op.operationName === 'AskApplicationInformation') {
    return { requestApplicationInformation: { application: { id: op.variables.applicationId, version: 4, status: 'INFORMATION_REQUESTED', informationRequest: op.variables.message }, userErrors: [] } };
  }
  return {
    applications: page(queue, op.variables, 50),
    waiting: { totalCount: queue.filter((a) => a.status === 'INFORMATION_REQUESTED').length },
    applicationTransitions: [{ from: 'IN_REVIEW', action: 'SET_POINTS', by: 'STAFF' }],
  };
};

const root = useTestRoot();
beforeEach(() => {
  sent.length = 0;
  sessionStorage.clear();
});

/** settle lets the requests under way answer and the screen show their answers. */
async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

const cards = () => [...root.el.querySelectorAll('section.card > h2')].map((h) => h.textContent);
const button = () => [...root.el.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Load more'));
const status = () => root.el.querySelector('.more [role="status"]');

async function loadMore() {
  await act(async () => { button()!.click(); });
  await settle();
}

describe('the application queue', () => {
  test('shows the first 50, appends the next page with "Load more" and then has no button', async () => {
    queue = numbers(52).map((n) => application(n));
    answer = queueAnswer;
    await root.show(<ApplicationQueuePage />);
    await settle();
    expect(cards()).toEqual(numbers(50).map((n) => `Candidate ${n} (C-${n}): CPT`));
    expect(status()?.textContent).toBe('Showing 50 of 52 applications');
    expect(button()?.textContent).toBe('Load more applications');
    expect(sent.map((s) => s.variables)).toEqual([{ first: 50, after: null }]);

    await loadMore();
    expect(sent.map((s) => s.variables)).toEqual([{ first: 50, after: null }, { first: 50, after: 'at-50' }]);
    expect(cards()).toEqual(numbers(52).map((n) => `Candidate ${n} (C-${n}): CPT`));
    expect(status()?.textContent).toBe('Showing 52 of 52 applications');
    expect(button()).toBeUndefined();
    expect(document.activeElement).toBe(status());
  });

  test('counts the applications waiting for their candidate in the whole queue, not only on the pages shown', async () => {
    queue = numbers(52).map((n) => application(n, n === 51 ? 'INFORMATION_REQUESTED' : 'SUBMITTED'));
    answer = queueAnswer;
    await root.show(<ApplicationQueuePage />);
    await settle();
    expect(cards()).toHaveLength(50);
    expect(root.el.textContent).toContain("52 applications in the queue, 1 of them waiting for the candidate's answer");
  });

  test('after a question on an application of the second page, reloads both pages and keeps them shown', async () => {
    queue = [1, 2, 3].map((n) => application(n, 'IN_REVIEW'));
    answer = queueAnswer;
    await root.show(<ApplicationQueuePage first={2} />);
    await settle();
    await loadMore();
    queue[2] = { ...queue[2], status: 'INFORMATION_REQUESTED', informationRequest: 'Which employer?' };
    const third = [...root.el.querySelectorAll<HTMLElement>('section.card')].find((c) => c.querySelector('h2')?.textContent?.startsWith('Candidate 3'))!;
    const box = third.querySelector('textarea')!;
    await act(async () => {
      box.value = 'Which employer?';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    sent.length = 0;
    await act(async () => { third.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await settle();
    expect(sent.map((s) => [s.operationName, s.variables.after])).toEqual([
      ['AskApplicationInformation', undefined], ['ApplicationQueue', null], ['ApplicationQueue', 'at-2'],
    ]);
    expect(cards()).toEqual(['Candidate 1 (C-1): CPT', 'Candidate 2 (C-2): CPT', 'Candidate 3 (C-3): CPT']);
    expect(root.el.textContent).toContain('Asked: Which employer?');
    expect(status()?.textContent).toBe('Showing 3 of 3 applications');
  });

  test('a queue that fits one page has no button and no count of those shown', async () => {
    queue = [1, 2].map((n) => application(n));
    answer = queueAnswer;
    await root.show(<ApplicationQueuePage first={2} />);
    await settle();
    expect(cards()).toHaveLength(2);
    expect(button()).toBeUndefined();
    expect(status()).toBeNull();
  });
});

describe('the review queue', () => {
  const names = () => [...root.el.querySelectorAll('[aria-label="Open reviews"] a')].map((a) => a.textContent);

  test('shows the first 100, appends the next page with "Load more" and then has no button', async () => {
    const reviews = numbers(103).map(review);
    answer = (op) => ({ catalogReviews: page(reviews, op.variables, 100) });
    await root.show(<ReviewQueuePage />);
    await settle();
    expect(names()).toEqual(numbers(100).map((n) => `Certification ${n}`));
    expect(status()?.textContent).toBe('Showing 100 of 103 reviews');
    await loadMore();
    expect(names()).toEqual(numbers(103).map((n) => `Certification ${n}`));
    expect(status()?.textContent).toBe('Showing 103 of 103 reviews');
    expect(button()).toBeUndefined();
    expect(sent.map((s) => s.variables)).toEqual([{ first: 100, after: null }, { first: 100, after: 'at-100' }]);
  });

  test('takes its page size from the address', async () => {
    const reviews = numbers(5).map(review);
    answer = (op) => ({ catalogReviews: page(reviews, op.variables, 100) });
    await root.show(<ReviewQueuePage first={2} />);
    await settle();
    expect(names()).toEqual(['Certification 1', 'Certification 2']);
    expect(status()?.textContent).toBe('Showing 2 of 5 reviews');
    await loadMore();
    await loadMore();
    expect(names()).toHaveLength(5);
    expect(button()).toBeUndefined();
    expect(sent.map((s) => s.variables.after)).toEqual([null, 'at-2', 'at-4']);
  });
});

describe('pageSize', () => {
  test('is a whole number from 1 to 100 given in the address, else the default', () => {
    expect(pageSize('2', 50)).toBe(2);
    expect(pageSize('100', 50)).toBe(100);
    for (const bad of [null, undefined, '', '0', '101', '2.5', 'ten', '-1']) expect(pageSize(bad, 50), String(bad)).toBe(50);
  });
});
