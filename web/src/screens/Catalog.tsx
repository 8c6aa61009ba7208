// The catalog for anyone: search as you type (typo-tolerant, debounced, a
// stale search cancelled when a newer one starts), the matched parts of
// each name highlighted, near neighbours under "You might also mean",
// facets, pages and live updates when the catalog changes. On a narrow
// screen the facets wait behind a "Filters" button that counts the active
// ones, so that the results come right after the search box.
import { useRef, useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { CertificationsQuery as Result, RecognitionBasis } from '../gql/graphql';
import { shownName } from '../highlight';
import { useDebounced, useQuery, useSubscription } from '../hooks';
import { basisLabel, ErrorMessage, Loading, Marked } from '../ui';

const CertificationsQuery = graphql(`
  query Certifications($first: Int, $after: String, $filter: CertificationFilter) {
    certifications(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      facets {
        recognitionBases { basis count }
        organizations { organization { id name acronym } count }
      }
      edges {
        nearNeighbour
        highlights { source text start length }
        node { id displayName points recognitionBases organization { name acronym } }
      }
    }
  }
`);

/** CatalogChanged is the subscription that tells the catalog has a new version. */
export const CatalogChanged = graphql(`
  subscription CatalogChanged { catalogChanged { catalogVersion at } }
`);

const pageSize = 20;

/** searchDelay is how long typing must pause before the search is sent, in milliseconds. */
export const searchDelay = 250;

type Edge = Result['certifications']['edges'][number];

/** Hit is one certification of the results, its matched parts marked. */
function Hit({ edge }: { edge: Edge }) {
  const c = edge.node;
  const shown = shownName(c.displayName, edge.highlights);
  return (
    <li>
      <a href={`#/certification/${encodeURIComponent(c.id)}`}><Marked parts={shown.name} /></a>
      {shown.alsoKnownAs && <span class="aka"> also known as <Marked parts={shown.alsoKnownAs} /></span>}
      <span class="meta"> {c.organization.acronym || c.organization.name} · {c.points} points · {c.recognitionBases.map(basisLabel).join(', ')}</span>
    </li>
  );
}

/** Catalog is the searchable list of certifications. */
export function Catalog() {
  const [text, setText] = useState('');
  const [bases, setBases] = useState<RecognitionBasis[]>([]);
  const [orgs, setOrgs] = useState<string[]>([]);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersToggle = useRef<HTMLButtonElement>(null);
  const search = useDebounced(text.trim(), searchDelay);
  const filter = {
    ...(search ? { search } : {}),
    ...(bases.length ? { recognitionBases: bases } : {}),
    ...(orgs.length ? { organizationIds: orgs } : {}),
  };
  const after = cursors[cursors.length - 1];
  const q = useQuery(CertificationsQuery, { first: pageSize, after, filter });
  useSubscription(CatalogChanged, () => q.reload());
  const conn = q.data?.certifications;
  const hits = conn?.edges.filter((e) => !e.nearNeighbour) ?? [];
  const near = conn?.edges.filter((e) => e.nearNeighbour) ?? [];
  const reset = () => setCursors([null]);
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const active = bases.length + orgs.length;
  const showResults = () => { setFiltersOpen(false); filtersToggle.current?.focus(); };

  return (
    <div class="catalog">
      <h1>Certification catalog</h1>
      <label for="search">Search certifications</label>
      <input id="search" type="search" value={text} placeholder="e.g. Certified Welding Inspector, OSHA 30, CWI"
        onInput={(e) => { setText((e.target as HTMLInputElement).value); reset(); }} />
      <div class="layout">
        <aside aria-label="Filters" class={filtersOpen ? 'filters open' : 'filters'}>
          <button type="button" class="filters-toggle" ref={filtersToggle} aria-expanded={filtersOpen} aria-controls="catalog-filters"
            onClick={() => setFiltersOpen(!filtersOpen)}>
            Filters{active > 0 && ` (${active} active)`} <span aria-hidden="true">{filtersOpen ? '▴' : '▾'}</span>
          </button>
          <div id="catalog-filters" class="filters-panel">
            {conn && (
              <>
                <fieldset>
                  <legend>Recognition basis</legend>
                  {conn.facets.recognitionBases.map((f) => (
                    <label class="check">
                      <input type="checkbox" checked={bases.includes(f.basis)} onChange={() => { setBases(toggle(bases, f.basis)); reset(); }} />
                      {basisLabel(f.basis)} ({f.count})
                    </label>
                  ))}
                </fieldset>
                <fieldset>
                  <legend>Issuer</legend>
                  {conn.facets.organizations.slice(0, 12).map((f) => (
                    <label class="check">
                      <input type="checkbox" checked={orgs.includes(f.organization.id)} onChange={() => { setOrgs(toggle(orgs, f.organization.id)); reset(); }} />
                      {f.organization.acronym || f.organization.name} ({f.count})
                    </label>
                  ))}
                </fieldset>
                <button type="button" class="filters-done" onClick={showResults}>Show {conn.totalCount} certifications</button>
              </>
            )}
          </div>
        </aside>
        <div class="results">
          {q.fetching && <Loading what="certifications" />}
          <ErrorMessage message={q.error} />
          {conn && (
            <>
              <p aria-live="polite">{conn.totalCount} certifications</p>
              {search && !hits.length && <p>No certification matches “{search}”.</p>}
              {hits.length > 0 && (
                <ul class="list" aria-label="Certifications">
                  {hits.map((e) => <Hit edge={e} />)}
                </ul>
              )}
              {near.length > 0 && (
                <section aria-labelledby="near-heading">
                  <h2 id="near-heading">You might also mean</h2>
                  <ul class="list" aria-label="You might also mean">
                    {near.map((e) => <Hit edge={e} />)}
                  </ul>
                </section>
              )}
              <nav class="pager" aria-label="Pages">
                <button type="button" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>Previous page</button>
                <span>Page {cursors.length}</span>
                <button type="button" disabled={!conn.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, conn.pageInfo.endCursor ?? null])}>Next page</button>
              </nav>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
