// Shared pieces of the screens: progress, errors in words, labels.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Part } from './highlight';

/** Loading tells that a wait is going on, to screen readers too. */
export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

/** ErrorMessage shows what went wrong in words. */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}

/** UserErrorList shows a mutation's user errors, each with the field it names. */
export function UserErrorList({ errors }: { errors: { field?: string[] | null; message: string }[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <ul class="error" role="alert">
      {errors.map((e) => (
        <li>{e.message}</li>
      ))}
    </ul>
  );
}

/** Card is a bordered section with a heading. */
export function Card({ title, children, level = 2 }: { title: string; children: ComponentChildren; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section class="card" aria-label={title}>
      <H>{title}</H>
      {children}
    </section>
  );
}

/**
 * LoadMore goes under a paged list: a status that says how many of the
 * list's items are shown (a live region, so a screen reader hears it grow)
 * and, while the API has more, a button that loads the next page. The
 * button stays focusable while the page loads (aria-disabled, not
 * disabled); when the last page arrives it goes, and the focus it had
 * moves to the status. A list that has never had a second page shows neither.
 */
export function LoadMore({ shown, total, what, hasMore, loading, onMore }: { shown: number; total: number; what: string; hasMore: boolean; loading: boolean; onMore: () => void }) {
  const status = useRef<HTMLParagraphElement>(null);
  const clicked = useRef(false);
  // paged is whether the API has had a next page since the list showed.
  const paged = useRef(false);
  if (hasMore) paged.current = true;
  useEffect(() => {
    if (hasMore || !clicked.current) return;
    clicked.current = false;
    if (!document.activeElement || document.activeElement === document.body) status.current?.focus();
  }, [hasMore]);
  if (!paged.current) return null;
  return (
    <div class="more">
      <p role="status" tabIndex={-1} ref={status}>Showing {shown} of {total} {what}</p>
      {hasMore && (
        <button type="button" aria-disabled={loading} onClick={() => { if (loading) return; clicked.current = true; onMore(); }}>
          {loading ? `Loading more ${what}…` : `Load more ${what}`}
        </button>
      )}
    </div>
  );
}

/** words turns an enum value such as INDUSTRY_CERTIFICATION into "Industry certification". */
export function words(value: string | null | undefined): string {
  if (!value) return '';
  const s = value.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Marked shows text cut into parts, the matched ones in <mark>. */
export function Marked({ parts }: { parts: Part[] }) {
  return <>{parts.map((p) => (p.marked ? <mark>{p.text}</mark> : p.text))}</>;
}

const bases: Record<string, string> = {
  NAM_ENDORSED: 'NAM-endorsed',
  ANSI_ISO_17024: 'ANSI/ISO 17024',
  NCCA: 'NCCA',
  OSHA_GENERAL_INDUSTRY: 'OSHA General Industry',
};

/** basisLabel names a recognition basis as the guide writes it, such as NAM-endorsed. */
export function basisLabel(basis: string): string {
  return bases[basis] ?? words(basis);
}
