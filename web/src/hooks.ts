// Small hooks over the client: a query that reloads when its variables
// change, and a mutation with its progress.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { client, errorText } from './client';

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

/** useMutation returns a runner that resolves to the data or throws the error in words. */
export function useMutation<R, V extends AnyVariables>(doc: TypedDocumentNode<R, V>) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (vars: V): Promise<R> => {
    setBusy(true);
    try {
      const r = await client.mutation(doc, vars).toPromise();
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
