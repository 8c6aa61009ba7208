// The staff application queue without a server: the client is replaced by
// one that answers the queue query with the applications given and records
// each mutation, answering it with the payload given.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { useTestRoot } from './test-root';

interface Mutation {
  vars: Record<string, unknown>;
}
const state = vi.hoisted(() => ({
  queries: 0,
  queue: [] as unknown[],
  mutations: [] as Mutation[],
  payload: {} as unknown,
}));

vi.mock('../client', () => ({
  client: {
    query: () => ({
      subscribe(sink: (r: { data: unknown }) => void) {
        state.queries++;
        const waiting = (state.queue as { status: string }[]).filter((a) => a.status === 'INFORMATION_REQUESTED').length;
        queueMicrotask(() => sink({
          data: {
            applications: { totalCount: state.queue.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes: state.queue },
            waiting: { totalCount: waiting },
            applicationTransitions: transitions,
          },
        }));
        return { unsubscribe() {} };
      },
    }),
    mutation: (_doc: unknown, vars: Record<string, unknown>) => ({
      subscribe(sink: (r: unknown) => void) {
        const answer = (() => {
          state.mutations.push({ vars });
          return { data: { requestApplicationInformation: state.payload } };
        })();
        queueMicrotask(() => sink(answer));
        return { unsubscribe() {} };
      },
    }),
    subscription: () => ({ subscribe: () => ({ unsubscribe() {} }) }),
  },
  errorText: (e: unknown) => String(e),
  firstResult: <T,>(source: { subscribe(sink: (r: T) => void): unknown }) => new Promise<T>((resolve) => { source.subscribe(resolve); }),
}));

// transitions are the API's table of application changes in the statuses
// of the queue, as catalog/application/transitions.go has them.
const transitions = vi.hoisted(() => [
  { from: 'SUBMITTED', action: 'RECORD_PAYMENT', by: 'STAFF' },
  { from: 'IN_REVIEW', action: 'ASSIGN', by: 'STAFF' },
  { from: 'IN_REVIEW', action: 'SET_POINTS', by: 'STAFF' },
  { from: 'IN_REVIEW', action: 'REQUEST_INFORMATION', by: 'STAFF' },
  { from: 'INFORMATION_REQUESTED', action: 'PROVIDE_INFORMATION', by: 'CANDIDATE' },
  { from: 'DETAILED_REVIEW', action: 'RECORD_PAYMENT', by: 'STAFF' },
  { from: 'APPEALED', action: 'GRANT_APPEAL', by: 'STAFF' },
]);

const { ApplicationQueuePage, askedOn, pointsStatuses } = await import('./Staff');

const application = (id: string, name: string, status: string, extra: Record<string, unknown> = {}) => ({
  id, program: 'CPT', status, version: 7, decisionDueOn: '2026-12-20',
  candidate: { name, msscCandidateId: `C-${id}` },
  points: { required: 100, total: 105 },
  informationRequest: null, informationResponse: null, history: [],
  activities: [],
  ...extra,
});

const root = useTestRoot();
beforeEach(() => {
  state.queries = 0;
  state.mutations.length = 0;
});

const show = () => root.show(<ApplicationQueuePage />);

function card(name: string): HTMLElement {
  const found = [...root.el.querySelectorAll<HTMLElement>('section.card')].find((c) => c.querySelector('h2')?.textContent?.startsWith(name));
  if (!found) throw new Error(`no card of ${name} in: ${root.el.textContent}`);
  return found;
}

async function ask(within: HTMLElement, question: string) {
  const box = within.querySelector<HTMLTextAreaElement>('textarea')!;
  await act(async () => {
    box.value = question;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    within.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await act(async () => { await Promise.resolve(); });
}

describe('the application queue', () => {
  test('marks an application waiting for its candidate, with the question and the day it was asked, its proofs and no form', async () => {
    state.queue = [
      application('1', 'Robin Reviewed', 'IN_REVIEW'),
      application('2', 'Wendy Waiting', 'INFORMATION_REQUESTED', {
        informationRequest: 'Send the HR letter for 2023.', informationAnswerBy: '2026-12-20',
        activities: [{ activityId: 1, title: 'Production associate', category: 'EMPLOYMENT', reviewerPoints: 15, proofs: [{ name: 'hr.pdf', downloadPath: '/files/hr.pdf' }] }],
        history: [{ at: '2026-11-01T09:00:00Z', action: 'RECORD_PAYMENT' }, { at: '2026-11-20T15:30:00Z', action: 'REQUEST_INFORMATION' }],
      }),
    ];
    await show();
    expect(root.el.textContent).toContain("2 applications in the queue, 1 of them waiting for the candidate's answer");
    const waiting = card('Wendy Waiting');
    const note = waiting.querySelector('[aria-label="Waiting for the candidate"]');
    expect(note?.textContent).toContain("Waiting for the candidate's answer since 2026-11-20, asked to answer by 2026-12-20");
    expect(note?.textContent).toContain('Asked: Send the HR letter for 2023.');
    expect(waiting.querySelector('section[aria-label="Ask for information"]')).toBeNull();
    expect(waiting.textContent).toContain('Proof: hr.pdf');
    expect(waiting.textContent).toContain('15 points set by staff');
    expect(waiting.querySelector('form')).toBeNull();
    const reviewed = card('Robin Reviewed');
    expect(reviewed.querySelector('[aria-label="Waiting for the candidate"]')).toBeNull();
    expect(reviewed.querySelector('section[aria-label="Ask for information"]')).not.toBeNull();
  });

  test('asks the question on the application at its version and reloads the queue', async () => {
    state.queue = [application('1', 'Robin Reviewed', 'IN_REVIEW')];
    state.payload = { application: { id: '1', version: 8, status: 'INFORMATION_REQUESTED', informationRequest: 'Which employer?' }, userErrors: [] };
    await show();
    await ask(card('Robin Reviewed'), 'Which employer?');
    expect(state.mutations.map((m) => m.vars)).toEqual([{ applicationId: '1', version: 7, message: 'Which employer?' }]);
    expect(state.queries).toBe(2);
    expect(root.el.querySelector('[role="alert"]')).toBeNull();
  });

  test("shows the API's user errors and keeps the question", async () => {
    state.queue = [application('1', 'Robin Reviewed', 'IN_REVIEW')];
    state.payload = { application: null, userErrors: [{ field: ['version'], code: 'CONFLICT', message: 'the application was changed since version 7; reload it' }] };
    await show();
    const reviewed = card('Robin Reviewed');
    await ask(reviewed, 'Which employer?');
    expect(reviewed.querySelector('[role="alert"]')?.textContent).toBe('the application was changed since version 7; reload it');
    expect(reviewed.querySelector('textarea')!.value).toBe('Which employer?');
    expect(state.queries).toBe(1);
  });
});

describe('the points form', () => {
  test('shows only where the API accepts setActivityPoints, and says why elsewhere', async () => {
    const activity = { activityId: 1, title: 'Production associate', category: 'EMPLOYMENT', reviewerPoints: null, proofs: [] };
    state.queue = ['SUBMITTED', 'IN_REVIEW', 'DETAILED_REVIEW', 'APPEALED'].map((status, i) =>
      application(String(i + 1), `Candidate ${status}`, status, { activities: [activity] }));
    await show();
    expect(card('Candidate IN_REVIEW').querySelector('form.points')).not.toBeNull();
    for (const status of ['SUBMITTED', 'DETAILED_REVIEW', 'APPEALED']) {
      const c = card(`Candidate ${status}`);
      expect(c.querySelector('form.points'), status).toBeNull();
      expect(c.textContent).toContain('Points are set only while an application is in review');
    }
    expect(card('Candidate IN_REVIEW').textContent).not.toContain('Points are set only');
  });

  test('pointsStatuses reads the statuses from the transitions staff may set points in', () => {
    expect(pointsStatuses(transitions)).toEqual(['IN_REVIEW']);
    expect(pointsStatuses([{ from: 'IN_REVIEW', action: 'SET_POINTS', by: 'CANDIDATE' }])).toEqual([]);
  });
});

describe('askedOn', () => {
  test('is the day of the latest question, or null when none was asked', () => {
    expect(askedOn([])).toBeNull();
    expect(askedOn([
      { at: '2026-10-01T10:00:00Z', action: 'REQUEST_INFORMATION' },
      { at: '2026-10-04T10:00:00Z', action: 'PROVIDE_INFORMATION' },
      { at: '2026-10-09T23:59:00Z', action: 'REQUEST_INFORMATION' },
    ])).toBe('2026-10-09');
  });
});
