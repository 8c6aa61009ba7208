// Shared pieces of the screens: progress, errors in words, labels.
import type { ComponentChildren } from 'preact';
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
