// A candidate's own page: held certifications and their windows, the
// application with its progress to 100 points by category, activities,
// proofs and submission with the fee, staff's question on an application
// and the form to answer it, and their catalog reviews.
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { ActivityInput, MyPageQuery, Program } from '../gql/graphql';
import { client, errorText, firstResult, upload } from '../client';
import { useMutation, usePayload, useQuery, useSubscription } from '../hooks';
import { Card, ErrorMessage, Loading, UserErrorList, words } from '../ui';
import { CatalogChanged } from './Catalog';
import { download } from '../files';

const MyPage = graphql(`
  query MyPage {
    viewer {
      subject
      candidate { id name msscCandidateId heldCertifications { program certifiedOn expiresOn } }
    }
    myApplications {
      id program status version windowOpensOn lastDayToSubmit submittedAt decisionDueOn
      informationRequest informationResponse informationAnswerBy
      feeDue { cents currency } feeKind
      cycle { certifiedOn expiresOn }
      points { required total shortfall byCategory { category points } }
      activities {
        activityId category title completedOn
        activityType { name }
        certification { displayName }
        proofs { name downloadPath }
        formLetterPath
      }
    }
    myCatalogReviews { id certificationName status submittedAt dueOn informationRequest decision { message } }
  }
`);

const CreateApplication = graphql(`
  mutation CreateApplication($program: Program!) {
    createApplication(program: $program) { application { id } userErrors { field code message } }
  }
`);

const SaveActivity = graphql(`
  mutation SaveActivity($applicationId: ID!, $version: Int!, $activity: ActivityInput!) {
    saveApplicationActivity(applicationId: $applicationId, version: $version, activity: $activity) {
      application { id version points { total } }
      userErrors { field code message }
    }
  }
`);

const AttachProof = graphql(`
  mutation AttachProof($applicationId: ID!, $version: Int!, $activityId: Int!, $file: Upload!) {
    attachActivityProof(applicationId: $applicationId, version: $version, activityId: $activityId, file: $file) {
      application { id version }
      userErrors { field code message }
    }
  }
`);

const SubmitApplication = graphql(`
  mutation SubmitApplication($ids: [ID!]!, $versions: [Int!]!) {
    submitApplications(applicationIds: $ids, versions: $versions) {
      applications { id status }
      userErrors { field code message }
    }
  }
`);

const ProvideInformation = graphql(`
  mutation ProvideApplicationInformation($applicationId: ID!, $version: Int!, $response: String!) {
    provideApplicationInformation(applicationId: $applicationId, version: $version, response: $response) {
      application { id version status informationResponse decisionDueOn }
      userErrors { field code message }
    }
  }
`);

const DraftApplications = graphql(`
  query DraftApplications { myApplications { id status version } }
`);

type Application = MyPageQuery['myApplications'][number];

/** awaitingDecision are the statuses in which staff's decision is due by decisionDueOn. */
const awaitingDecision: Application['status'][] = ['IN_REVIEW', 'DETAILED_REVIEW', 'APPEALED'];

const money = (m: { cents: number; currency: string }) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.cents / 100);

/** userErrorsText turns a payload's user errors into one sentence, or null. */
function userErrorsText(errors: { message: string }[]): string | null {
  return errors.length ? errors.map((e) => e.message).join(' ') : null;
}

/**
 * addFromCheck adds a credential check's claim to the candidate's draft
 * application, exactly as the check says to claim it.
 */
export async function addFromCheck(claim: Omit<ActivityInput, 'activityId'> & { __typename?: string }): Promise<void> {
  const apps = await firstResult(client.query(DraftApplications, {}));
  if (apps.error) throw new Error(errorText(apps.error));
  const draft = apps.data?.myApplications.find((a) => a.status === 'DRAFT');
  if (!draft) throw new Error('You have no application in progress: start one on "My recertification" first.');
  const { __typename, ...activity } = claim;
  const r = await firstResult(client.mutation(SaveActivity, { applicationId: draft.id, version: draft.version, activity }));
  if (r.error) throw new Error(errorText(r.error));
  const problem = userErrorsText(r.data!.saveApplicationActivity.userErrors);
  if (problem) throw new Error(problem);
}

/** MyRecertification is the candidate's page. */
export function MyRecertification() {
  const q = useQuery(MyPage, {});
  useSubscription(CatalogChanged, () => q.reload());
  if (q.fetching && !q.data) return <Loading what="your recertification" />;
  if (q.error) return <ErrorMessage message={q.error} />;
  const cand = q.data?.viewer?.candidate;
  if (!cand) return <ErrorMessage message="Your sign-in names no MSSC candidate record. Ask MSSC staff to register you." />;
  const apps = q.data!.myApplications;
  return (
    <div>
      <h1>My recertification</h1>
      <p>{cand.name} · candidate {cand.msscCandidateId}</p>
      {apps.filter((a) => a.status === 'INFORMATION_REQUESTED').map((a) => <AnswerQuestion app={a} onDone={q.reload} />)}
      <Card title="My certifications">
        <table>
          <caption class="sr-only">Held certifications</caption>
          <thead><tr><th scope="col">Program</th><th scope="col">Certified</th><th scope="col">Expires</th><th scope="col">Application window</th></tr></thead>
          <tbody>
            {cand.heldCertifications.map((h) => {
              const app = apps.find((a) => a.program === h.program && a.cycle.expiresOn === h.expiresOn);
              return (
                <tr>
                  <td>{h.program}</td><td>{h.certifiedOn}</td><td>{h.expiresOn}</td>
                  <td>{app ? windowText(app) : <StartButton program={h.program} onDone={q.reload} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
      {apps.map((a) => <ApplicationCard app={a} onChange={q.reload} />)}
      <Card title="My catalog reviews">
        {q.data!.myCatalogReviews.length === 0 ? <p>None yet. A credential the check does not know can be <a href="#/reviews/new">submitted for review</a>.</p> : (
          <ul class="list">
            {q.data!.myCatalogReviews.map((r) => (
              <li>{r.certificationName} · <strong>{words(r.status)}</strong> · due {r.dueOn}{r.informationRequest && <> · MSSC asks: {r.informationRequest}</>}{r.decision?.message && <> · {r.decision.message}</>}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function windowText(a: Application): string {
  const today = new Date().toISOString().slice(0, 10);
  const open = a.windowOpensOn <= today && today <= a.lastDayToSubmit;
  return `${open ? 'Open' : today < a.windowOpensOn ? 'Opens' : 'Closed'}: ${a.windowOpensOn} to ${a.lastDayToSubmit}`;
}

function StartButton({ program, onDone }: { program: Program; onDone: () => void }) {
  const m = useMutation(CreateApplication);
  const [error, setError] = useState<string | null>(null);
  async function start() {
    setError(null);
    try {
      const r = await m.run({ program });
      const problem = userErrorsText(r.createApplication.userErrors);
      if (problem) setError(problem);
      else onDone();
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <>
      <button type="button" onClick={start} disabled={m.busy}>{m.busy ? 'Starting…' : `Start my ${program} application`}</button>
      <ErrorMessage message={error} />
    </>
  );
}

function ApplicationCard({ app, onChange }: { app: Application; onChange: () => void }) {
  const submit = useMutation(SubmitApplication);
  const [errors, setErrors] = useState<{ field?: string[] | null; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const pct = Math.min(100, Math.round((app.points.total / Math.max(1, app.points.required)) * 100));
  async function send() {
    setError(null);
    try {
      const r = await submit.run({ ids: [app.id], versions: [app.version] });
      setErrors(r.submitApplications.userErrors);
      if (!r.submitApplications.userErrors.length) onChange();
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <Card title={`${app.program} application: ${words(app.status)}`}>
      {app.status === 'INFORMATION_REQUESTED' && <p>Waiting for your answer to MSSC's question above; the decision waits for it.</p>}
      {app.status !== 'INFORMATION_REQUESTED' && app.informationResponse && (
        <p role="note" aria-label="Your answer to MSSC">You answered MSSC's question “{app.informationRequest}”: {app.informationResponse}</p>
      )}
      {app.decisionDueOn && awaitingDecision.includes(app.status) && <p>MSSC's decision is due by {app.decisionDueOn}.</p>}
      <label for={`progress-${app.id}`}>{app.points.total} of {app.points.required} points</label>
      <progress id={`progress-${app.id}`} max={app.points.required} value={Math.min(app.points.total, app.points.required)} aria-valuetext={`${app.points.total} of ${app.points.required} points`}>{pct}%</progress>
      <ul class="categories" aria-label="Points by category">
        {app.points.byCategory.map((c) => <li>{words(c.category)}: {c.points}</li>)}
      </ul>
      <h3>Activities</h3>
      {app.activities.length === 0 ? <p>None yet: check a credential on <a href="#/check">Does my credential count?</a> and add it from the answer.</p> : (
        <ul class="list" aria-label="Activities">
          {app.activities.map((act) => <ActivityRow app={app} act={act} onChange={onChange} />)}
        </ul>
      )}
      {app.status === 'DRAFT' && (
        <p>
          {app.feeDue && <>Fee on submission: <strong>{money(app.feeDue)}</strong> ({words(app.feeKind)}). </>}
          <button type="button" onClick={send} disabled={submit.busy}>{submit.busy ? 'Submitting…' : 'Submit my application'}</button>
        </p>
      )}
      {app.submittedAt && <p>Submitted {new Date(app.submittedAt).toLocaleString()}.</p>}
      <UserErrorList errors={errors} />
      <ErrorMessage message={error} />
    </Card>
  );
}

/**
 * AnswerQuestion shows staff's question on an application waiting for the
 * candidate, the day to answer by, and the form to answer it, at the top of
 * the page; the API's user errors are shown under the form, which keeps the
 * answer.
 */
function AnswerQuestion({ app, onDone }: { app: Application; onDone: () => void }) {
  const provide = useMutation(ProvideInformation);
  const { errors, error, send } = usePayload(onDone);
  const [answer, setAnswer] = useState('');
  const id = `answer-${app.id}`;
  return (
    <section class="waiting" aria-label={`MSSC's question on your ${app.program} application`}>
      <h2>MSSC asks you about your {app.program} application</h2>
      <p><strong>{app.informationRequest}</strong></p>
      <p>{app.informationAnswerBy && <>Please answer by <strong>{app.informationAnswerBy}</strong>. </>}MSSC's decision waits for your answer.</p>
      <form class="stack" onSubmit={(e) => { e.preventDefault(); send(async () => (await provide.run({ applicationId: app.id, version: app.version, response: answer })).provideApplicationInformation); }}>
        <label for={id}>Your answer</label>
        <textarea id={id} required rows={3} value={answer} onInput={(e) => setAnswer((e.target as HTMLTextAreaElement).value)} />
        <button type="submit" disabled={provide.busy}>{provide.busy ? 'Sending…' : 'Send my answer'}</button>
      </form>
      <UserErrorList errors={errors} />
      <ErrorMessage message={error} />
    </section>
  );
}

function ActivityRow({ app, act, onChange }: { app: Application; act: Application['activities'][number]; onChange: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function attach(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const data = await upload(AttachProof, { applicationId: app.id, version: app.version, activityId: act.activityId, file }, 'file', file);
      const problem = userErrorsText(data.attachActivityProof.userErrors);
      if (problem) setError(problem);
      else onChange();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
      input.value = '';
    }
  }
  const id = `proof-${app.id}-${act.activityId}`;
  return (
    <li>
      <strong>{act.title}</strong> · {act.activityType.name}{act.certification && <> · {act.certification.displayName}</>}
      {act.proofs.length > 0 && <> · proof: {act.proofs.map((p) => <button type="button" class="link" onClick={() => download(p.downloadPath, p.name).catch((e) => setError(errorText(e)))}>{p.name}</button>)}</>}
      {act.formLetterPath && <div><button type="button" class="link" onClick={() => download(act.formLetterPath!, 'letter-of-confirmation.pdf').catch((e) => setError(errorText(e)))}>Download the form letter to have signed (PDF)</button></div>}
      {app.status === 'DRAFT' && (
        <div>
          <label for={id}>Upload a proof (PDF or image)</label>
          <input id={id} type="file" accept="application/pdf,image/png,image/jpeg" onChange={attach} disabled={busy} />
          {busy && <Loading what="the upload" />}
        </div>
      )}
      <ErrorMessage message={error} />
    </li>
  );
}
