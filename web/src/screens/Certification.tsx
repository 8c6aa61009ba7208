// One certification's page: its issuer, recognition bases and programs.
import { graphql } from '../gql';
import { useQuery } from '../hooks';
import { basisLabel, ErrorMessage, Loading, words } from '../ui';

const CertificationQuery = graphql(`
  query Certification($id: ID!) {
    certification(id: $id) {
      id displayName name level group note points status approvedOn retiredOn
      recognitionBases eligiblePrograms
      aliases { kind value }
      organization { name acronym url description }
    }
  }
`);

/** CertificationPage shows one certification. */
export function CertificationPage({ id }: { id: string }) {
  const q = useQuery(CertificationQuery, { id });
  if (q.fetching) return <Loading what="the certification" />;
  if (q.error) return <ErrorMessage message={q.error} />;
  const c = q.data?.certification;
  if (!c) return <ErrorMessage message="There is no such certification in the catalog." />;
  return (
    <article>
      <p><a href="#/">← Back to the catalog</a></p>
      <h1>{c.displayName}</h1>
      <dl class="facts">
        <dt>Issuer</dt>
        <dd>{c.organization.name}{c.organization.acronym ? ` (${c.organization.acronym})` : ''}{c.organization.url && <> · <a href={c.organization.url} rel="noopener noreferrer">{c.organization.url}</a></>}</dd>
        <dt>Points</dt><dd>{c.points}</dd>
        <dt>Recognition</dt><dd>{c.recognitionBases.map(basisLabel).join(', ') || '—'}</dd>
        <dt>Programs it counts for</dt><dd>{c.eligiblePrograms.join(', ') || '—'}</dd>
        <dt>Status</dt><dd>{words(c.status)}{c.approvedOn ? `, approved ${c.approvedOn}` : ''}{c.retiredOn ? `, retired ${c.retiredOn}` : ''}</dd>
        {c.aliases.length > 0 && (<><dt>Also known as</dt><dd>{c.aliases.map((a) => a.value).join(', ')}</dd></>)}
        {c.note && (<><dt>Note</dt><dd>{c.note}</dd></>)}
      </dl>
      <p class="meta">{c.organization.description}</p>
    </article>
  );
}
