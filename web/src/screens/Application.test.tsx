// The candidate's page without a server: the client is replaced by one that
// answers the page's query with the applications given and records each
// mutation, answering it with the payload given.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { useTestRoot } from './test-root';

const state = vi.hoisted(() => ({
  queries: 0,
  applications: [] as unknown[],
  mutations: [] as Record<string, unknown>[],
  payload: {} as unknown,
  failure: null as string | null,
}));

vi.mock('../client', () => ({
  client: {
    query: () => ({
      subscribe(sink: (r: { data: unknown }) => void) {
        state.queries++;
        queueMicrotask(() => sink({
          data: {
            viewer: { subject: 'C-1', candidate: { id: 'cand', name: 'Casey Candidate', msscCandidateId: 'C-1', heldCertifications: [] } },
            myApplications: state.applications,
            myCatalogReviews: [],
          },
        }));
        return { unsubscribe() {} };
      },
    }),
    mutation: (_doc: unknown, vars: Record<string, unknown>) => ({
      subscribe(sink: (r: unknown) => void) {
        const answer = (() => {
          state.mutations.push(vars);
          if (state.failure) return { error: state.failure };
          return { data: { provideApplicationInformation: state.payload } };
        })();
        queueMicrotask(() => sink(answer));
        return { unsubscribe() {} };
      },
    }),
    subscription: () => ({ subscribe: () => ({ unsubscribe() {} }) }),
  },
  errorText: (e: unknown) => String(e),
  firstResult: <T,>(source: { subscribe(sink: (r: T) => void): unknown }) => new Promise<T>((resolve) => { source.subscribe(resolve); }),
  upload: async () => ({}),
}));

const { MyRecertification } = await import('./Application');

const application = (status: string, extra: Record<string, unknown> = {}) => ({
  id: 'app-1', program: 'CPT', status, version: 9,
  windowOpensOn: '2026-09-01', lastDayToSubmit: '2026-12-01', submittedAt: '2026-10-01T10:00:00Z', decisionDueOn: '2026-12-10',
  informationRequest: null, informationResponse: null, informationAnswerBy: null,
  feeDue: null, feeKind: null,
  cycle: { certifiedOn: '2021-12-01', expiresOn: '2026-12-01' },
  points: { required: 100, total: 105, shortfall: 0, byCategory: [] },
  activities: [],
  ...extra,
});

const waiting = () => application('INFORMATION_REQUESTED', { informationRequest: 'Send the HR letter for 2023.', informationAnswerBy: '2026-12-20' });

const root = useTestRoot();
beforeEach(() => {
  state.queries = 0;
  state.mutations.length = 0;
  state.failure = null;
});

const show = () => root.show(<MyRecertification />);

function question(): HTMLElement | null {
  return root.el.querySelector<HTMLElement>('section[aria-label="MSSC\'s question on your CPT application"]');
}

async function answer(text: string) {
  const box = question()!.querySelector<HTMLTextAreaElement>('textarea')!;
  await act(async () => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    question()!.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await act(async () => { await Promise.resolve(); });
}

describe("staff's question on the candidate's application", () => {
  test('shows the question and the day to answer by, with a form to answer', async () => {
    state.applications = [waiting()];
    await show();
    const box = question();
    expect(box, root.el.textContent ?? '').not.toBeNull();
    expect(box!.querySelector('h2')?.textContent).toBe('MSSC asks you about your CPT application');
    expect(root.el.querySelector('section')).toBe(box);
    expect(box!.textContent).toContain('Send the HR letter for 2023.');
    expect(box!.textContent).toContain('Please answer by 2026-12-20.');
    expect(box!.querySelector('label')?.textContent).toBe('Your answer');
    expect(box!.querySelector('button[type="submit"]')?.textContent).toBe('Send my answer');
    expect(root.el.textContent).not.toContain("MSSC's decision is due by");
    expect(root.el.querySelector('section[aria-label^="CPT application"]')?.textContent).toContain("Waiting for your answer to MSSC's question above");
  });

  test('sends the answer on the application at its version and reloads the page', async () => {
    state.applications = [waiting()];
    state.payload = { application: { id: 'app-1', version: 10, status: 'IN_REVIEW', informationResponse: 'Attached to activity 1.', decisionDueOn: '2026-12-13' }, userErrors: [] };
    await show();
    await answer('Attached to activity 1.');
    expect(state.mutations).toEqual([{ applicationId: 'app-1', version: 9, response: 'Attached to activity 1.' }]);
    expect(state.queries).toBe(2);
    expect(root.el.querySelector('[role="alert"]')).toBeNull();
  });

  test("shows the API's user errors and keeps the answer", async () => {
    state.applications = [waiting()];
    state.payload = { application: null, userErrors: [{ field: ['response'], code: 'BAD_USER_INPUT', message: "write your answer to staff's question" }] };
    await show();
    await answer('   ');
    expect(question()!.querySelector('[role="alert"]')?.textContent).toBe("write your answer to staff's question");
    expect(question()!.querySelector('textarea')!.value).toBe('   ');
    expect(state.queries).toBe(1);
  });

  test("shows the API's error in words when the answer fails", async () => {
    state.applications = [waiting()];
    state.failure = 'The service is unavailable; try again in a minute.';
    await show();
    await answer('Attached to activity 1.');
    expect(question()!.querySelector('[role="alert"]')?.textContent).toContain('The service is unavailable; try again in a minute.');
    expect(question()!.querySelector('textarea')!.value).toBe('Attached to activity 1.');
  });

  test('after the answer shows it with the new status and no form', async () => {
    state.applications = [application('IN_REVIEW', { informationRequest: 'Send the HR letter for 2023.', informationResponse: 'Attached to activity 1.', decisionDueOn: '2026-12-13' })];
    await show();
    expect(question()).toBeNull();
    expect(root.el.querySelector('section[aria-label^="CPT application"] h2')?.textContent).toBe('CPT application: In review');
    expect(root.el.querySelector('[aria-label="Your answer to MSSC"]')?.textContent).toBe("You answered MSSC's question “Send the HR letter for 2023.”: Attached to activity 1.");
    expect(root.el.textContent).toContain("MSSC's decision is due by 2026-12-13.");
  });
});
