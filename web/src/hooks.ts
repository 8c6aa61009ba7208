// Small hooks over the client: a query that reloads when its variables
// change, a list that pages through a Relay connection, and a mutation with
// its progress.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { client, errorText, firstResult } from './client';

/** QueryState is a query's answer, error and whether it is loading. */
export interface QueryState<R> {
  data: R | undefined;
  error: string | null;
  fetching: boolean;
  reload: () => void;
}

/**
 * useQuery runs a query, again when vars change or reload is called; pause
 * skips it. A query still under way when vars change again is cancelled
 * (its request aborted), so a stale answer never replaces a newer one.
 */
export function useQuery<R, V extends AnyVariables>(doc: TypedDocumentNode<R, V>, vars: V, pause = false): QueryState<R> {
  const [state, setState] = useState<{ data?: R; error: string | null; fetching: boolean }>({ error: null, fetching: !pause });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(vars);
  useEffect(() => {
    if (pause) return;
    setState((s) => ({ ...s, fetching: true }));
    // The first answer is the answer: a later one on the same request (a
    // stream that repeats itself) is ignored until the query ends.
    let done = false;
    const sub = client.query(doc, vars).subscribe((r) => {
      if (done) return;
      done = true;
      setState({ data: r.data ?? undefined, error: r.error ? errorText(r.error) : null, fetching: false });
    });
    if (done) sub.unsubscribe();
    return () => {
      done = true;
      sub.unsubscribe();
    };
  }, [key, tick, pause]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, fetching: state.fetching, reload };
}

/** Connection is what a paged list reads of a Relay connection's page. */
export interface Connection<N> {
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** PagesState is a paged list: the pages loaded so far and how to load more. */
export interface PagesState<R, N> {
  /** data is the whole answer for the last page loaded, for the counts and fields beside the list. */
  data: R | undefined;
  /** nodes are the nodes of every page loaded, in order, each once. */
  nodes: N[];
  /** hasMore tells whether the API has a page after the last one loaded. */
  hasMore: boolean;
  /** error is what went wrong with the latest load, in words. */
  error: string | null;
  /** fetching is true while the pages load from the first (at the start and on reload). */
  fetching: boolean;
  /** loadingMore is true while the next page loads. */
  loadingMore: boolean;
  /** more loads the next page and appends its nodes. */
  more: () => void;
  /** reload loads again, from the first page, as many pages as are loaded. */
  reload: () => void;
}

/**
 * firstAnswer runs a query and resolves to its first answer's data, or
 * rejects with its error in words; a later answer on the same request is
 * ignored. The query's subscription is added to live, for the caller to
 * end (aborting the request if it is still under way) when the answer is no
 * longer wanted. It is not ended on the first answer: ending a request
 * from within its own answer aborts what the client still reads of it,
 * which the page reports as an uncaught AbortError.
 */
function firstAnswer<R, V extends AnyVariables>(doc: TypedDocumentNode<R, V>, vars: V, live: { unsubscribe(): void }[]): Promise<R> {
  return new Promise((resolve, reject) => {
    let done = false;
    live.push(client.query(doc, vars).subscribe((r) => {
      if (done) return;
      done = true;
      if (r.error) reject(new Error(errorText(r.error)));
      else resolve(r.data as R);
    }));
  });
}

/**
 * usePages pages through the Relay connection that page picks out of the
 * query's answer: it loads the first page (vars without after), and more()
 * asks for the page after the last one's endCursor and appends its nodes,
 * leaving out any already shown (a node whose sort key changed between two
 * pages). A load drops the answers of the loads before it and cancels
 * their requests still under way, as leaving the screen does.
 */
export function usePages<R, V extends AnyVariables, N extends { id: string }>(
  doc: TypedDocumentNode<R, V>, vars: Omit<V, 'after'>, page: (r: R) => Connection<N>,
): PagesState<R, N> {
  const [state, setState] = useState<{ data?: R; nodes: N[]; pages: number; error: string | null; fetching: boolean; loadingMore: boolean }>(
    { nodes: [], pages: 0, error: null, fetching: true, loadingMore: false });
  const latest = useRef(state);
  latest.current = state;
  // run counts the loads begun; an answer to any but the latest is dropped.
  const run = useRef(0);
  // live are the subscriptions of the queries sent, ended by the next load.
  const live = useRef<{ unsubscribe(): void }[]>([]);
  const key = JSON.stringify(vars);
  const ask = (after: string | null) => firstAnswer(doc, { ...vars, after } as unknown as V, live.current);
  const begin = () => {
    for (const sub of live.current.splice(0)) sub.unsubscribe();
    return ++run.current;
  };

  const load = useCallback(async (pages: number) => {
    const id = begin();
    setState((s) => ({ ...s, fetching: true, loadingMore: false, error: null }));
    try {
      let data: R;
      let nodes: N[] = [];
      let loaded = 0;
      let after: string | null = null;
      do {
        data = await ask(after);
        const c = page(data);
        nodes = appendNew(nodes, c.nodes);
        loaded++;
        after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor ?? null : null;
      } while (loaded < pages && after !== null && id === run.current);
      if (id === run.current) setState({ data, nodes, pages: loaded, error: null, fetching: false, loadingMore: false });
    } catch (e) {
      if (id === run.current) setState((s) => ({ ...s, error: errorText(e), fetching: false }));
    }
  }, [key]);

  useEffect(() => {
    void load(1);
    return () => { begin(); };
  }, [load]);

  const more = useCallback(() => {
    const s = latest.current;
    const info = s.data && page(s.data).pageInfo;
    if (!info?.hasNextPage || !info.endCursor || s.fetching || s.loadingMore) return;
    const id = begin();
    setState((x) => ({ ...x, loadingMore: true, error: null }));
    ask(info.endCursor).then(
      (data) => { if (id === run.current) setState((x) => ({ data, nodes: appendNew(x.nodes, page(data).nodes), pages: x.pages + 1, error: null, fetching: false, loadingMore: false })); },
      (e) => { if (id === run.current) setState((x) => ({ ...x, error: errorText(e), loadingMore: false })); },
    );
  }, [key]);
  const reload = useCallback(() => void load(Math.max(1, latest.current.pages)), [load]);

  const { data, nodes, error, fetching, loadingMore } = state;
  return { data, nodes, hasMore: !!data && page(data).pageInfo.hasNextPage, error, fetching, loadingMore, more, reload };
}

/** appendNew is shown followed by the nodes of next not already in it. */
function appendNew<N extends { id: string }>(shown: N[], next: N[]): N[] {
  const ids = new Set(shown.map((n) => n.id));
  return [...shown, ...next.filter((n) => !ids.has(n.id))];
}

/** useMutation returns a runner that resolves to the data or throws the error in words. */
export function useMutation<R, V extends AnyVariables>(doc: TypedDocumentNode<R, V>) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (vars: V): Promise<R> => {
    setBusy(true);
    try {
      const r = await firstResult(client.mutation(doc, vars));
      if (r.error) throw new Error(errorText(r.error));
      return r.data as R;
    } finally {
      setBusy(false);
    }
  }, [doc]);
  return { run, busy };
}

/** UserError is one of a mutation payload's userErrors. */
export interface UserError {
  field?: string[] | null;
  message: string;
}

/**
 * usePayload sends mutations whose payload lists userErrors: it keeps the
 * last payload's user errors, or the request's error in words, to show
 * under the form, and calls onDone when a payload has none.
 */
export function usePayload(onDone: () => void) {
  const [errors, setErrors] = useState<UserError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const send = useCallback(async (run: () => Promise<{ userErrors: UserError[] }>) => {
    setError(null);
    try {
      const p = await run();
      setErrors(p.userErrors);
      if (!p.userErrors.length) onDone();
    } catch (e) {
      setErrors([]);
      setError(errorText(e));
    }
  }, [onDone]);
  return { errors, error, send };
}

/** useSubscription calls onEvent for every event of a subscription while mounted. */
export function useSubscription<R>(doc: TypedDocumentNode<R, Record<string, never>>, onEvent: (data: R) => void) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const { unsubscribe } = client.subscription(doc, {}).subscribe((r) => {
      if (r.data) handler.current(r.data);
    });
    return unsubscribe;
  }, []);
}

/** useDebounced is value once it has not changed for ms milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
