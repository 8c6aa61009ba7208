// Submitting a credential the catalog does not list for MSSC's review.
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { EarningMethod, RecognitionScope } from '../gql/graphql';
import { errorText, upload } from '../client';
import { useQuery } from '../hooks';
import { ErrorMessage, Loading, UserErrorList, words } from '../ui';

const KeyActivities = graphql(`
  query KeyActivitiesForReview { keyActivities { id program number title } }
`);

const SubmitReview = graphql(`
  mutation SubmitReview($input: SubmitCertificationForReviewInput!) {
    submitCertificationForReview(input: $input) {
      review { id status dueOn }
      alreadyListed { id displayName }
      attachedToExistingReview
      userErrors { field code message }
    }
  }
`);

const methods: EarningMethod[] = ['WRITTEN_ASSESSMENT', 'OBSERVATION_PERFORMANCE', 'TRAINING_ATTENDANCE'];
const scopes: RecognitionScope[] = ['COMPANY', 'CITY', 'STATE', 'REGION', 'NATIONAL', 'INTERNATIONAL'];

/** ReviewForm is the form to submit a certification for catalog review. */
export function ReviewForm({ name: initial }: { name: string }) {
  const ka = useQuery(KeyActivities, {});
  const [name, setName] = useState(initial);
  const [org, setOrg] = useState('');
  const [orgURL, setOrgURL] = useState('');
  const [training, setTraining] = useState('');
  const [activities, setActivities] = useState<string[]>([]);
  const [earning, setEarning] = useState<EarningMethod[]>([]);
  const [scope, setScope] = useState<RecognitionScope[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [userErrors, setUserErrors] = useState<{ field?: string[] | null; message: string }[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  async function submit(e: Event) {
    e.preventDefault();
    if (!file) {
      setError('Attach a copy of the certificate.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await upload(SubmitReview, {
        input: { certificationName: name, organization: { name: org, url: orgURL || null }, trainingRequirements: training, keyActivityIds: activities, earningMethods: earning, recognition: scope, copy: file },
      }, 'input.copy', file);
      const p = r.submitCertificationForReview;
      setUserErrors(p.userErrors);
      if (p.alreadyListed) setDone(`${p.alreadyListed.displayName} is already in the catalog.`);
      else if (p.review) setDone(`Submitted. MSSC answers by ${p.review.dueOn}; follow it on "My recertification".`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (done) return <p role="status">{done}</p>;
  return (
    <form onSubmit={submit} class="stack">
      <h1>Submit a certification for review</h1>
      <label for="rv-name">Certification name</label>
      <input id="rv-name" required value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      <label for="rv-org">Issuing organization</label>
      <input id="rv-org" required value={org} onInput={(e) => setOrg((e.target as HTMLInputElement).value)} />
      <label for="rv-org-url">The organization's web site</label>
      <input id="rv-org-url" type="url" required placeholder="https://" value={orgURL} onInput={(e) => setOrgURL((e.target as HTMLInputElement).value)} />
      <label for="rv-training">Training requirements</label>
      <textarea id="rv-training" required rows={3} value={training} onInput={(e) => setTraining((e.target as HTMLTextAreaElement).value)} />
      <fieldset>
        <legend>How it is earned</legend>
        {methods.map((m) => <label class="check"><input type="checkbox" checked={earning.includes(m)} onChange={() => setEarning(toggle(earning, m))} />{words(m)}</label>)}
      </fieldset>
      <fieldset>
        <legend>Where it is recognised</legend>
        {scopes.map((s) => <label class="check"><input type="checkbox" checked={scope.includes(s)} onChange={() => setScope(toggle(scope, s))} />{words(s)}</label>)}
      </fieldset>
      <fieldset>
        <legend>MSSC key activities it covers</legend>
        {ka.fetching && <Loading what="the key activities" />}
        <ErrorMessage message={ka.error} />
        <div class="scroll">
          {ka.data?.keyActivities.map((k) => <label class="check"><input type="checkbox" checked={activities.includes(k.id)} onChange={() => setActivities(toggle(activities, k.id))} />{k.program} {k.number}: {k.title}</label>)}
        </div>
      </fieldset>
      <label for="rv-copy">A copy of the certificate (PDF or image)</label>
      <input id="rv-copy" type="file" required accept="application/pdf,image/png,image/jpeg" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
      <button type="submit" disabled={busy}>{busy ? 'Submitting…' : 'Submit for review'}</button>
      {busy && <Loading what="your submission" />}
      <UserErrorList errors={userErrors} />
      <ErrorMessage message={error} />
    </form>
  );
}
