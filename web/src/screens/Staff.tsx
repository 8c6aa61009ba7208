// Staff screens: the review queue (overdue first), one review with its copy
// in the page and its decisions, the application queue with proofs, points
// to adjust and questions to the candidate, and the catalog's history. The
// two queues load a page at a time, with "Load more" under the list.
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { RejectionReason, RecognitionBasis } from '../gql/graphql';
import { errorText } from '../client';
import { fetchFile, download } from '../files';
import { useMutation, usePages, usePayload, useQuery } from '../hooks';
import { Card, ErrorMessage, LoadMore, Loading, UserErrorList, words } from '../ui';

const ReviewQueue = graphql(`
  query ReviewQueue($first: Int!, $after: String) {
    catalogReviews(first: $first, after: $after, filter: { statuses: [PENDING, INFORMATION_REQUESTED] }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id certificationName organization { name } status dueOn overdue submitterCount assignee }
    }
  }
`);

const ReviewDetail = graphql(`
  query ReviewDetail($id: ID!) {
    catalogReview(id: $id) {
      id certificationName status dueOn overdue trainingRequirements earningMethods recognition
      organization { name url description }
      keyActivities { program number title }
      copy { name contentType downloadPath }
      informationRequest informationResponse
      decision { outcome message certification { id displayName } }
    }
  }
`);

const Approve = graphql(`
  mutation ApproveReview($id: ID!, $certification: CertificationInput!, $reason: String) {
    approveCatalogReview(reviewId: $id, certification: $certification, reason: $reason) {
      review { id status decision { certification { id displayName } } }
      userErrors { field code message }
    }
  }
`);

const Reject = graphql(`
  mutation RejectReview($id: ID!, $reason: RejectionReason!, $message: String!) {
    rejectCatalogReview(reviewId: $id, reason: $reason, message: $message) {
      review { id status }
      userErrors { field code message }
    }
  }
`);

const AskInfo = graphql(`
  mutation AskReviewInformation($id: ID!, $message: String!) {
    requestReviewInformation(reviewId: $id, message: $message) {
      review { id status }
      userErrors { field code message }
    }
  }
`);

/**
 * pageSize is the number of items a queue asks for at a time: the whole
 * number given (the address's ?first=, 1 to 100, the API's limit), else
 * fallback.
 */
export function pageSize(given: string | null | undefined, fallback: number): number {
  const n = Number(given);
  return given && Number.isInteger(n) && n >= 1 && n <= 100 ? n : fallback;
}

/**
 * ReviewQueuePage lists the open reviews, overdue first, then by due date,
 * first pages of them at a time (100 unless given).
 */
export function ReviewQueuePage({ first = 100 }: { first?: number }) {
  const q = usePages(ReviewQueue, { first }, (r) => r.catalogReviews);
  if (q.fetching && !q.data) return <Loading what="the review queue" />;
  if (q.error && !q.data) return <ErrorMessage message={q.error} />;
  const total = q.data?.catalogReviews.totalCount ?? 0;
  const reviews = [...q.nodes].sort((a, b) =>
    a.overdue !== b.overdue ? (a.overdue ? -1 : 1) : a.dueOn.localeCompare(b.dueOn));
  return (
    <div>
      <h1>Catalog review queue</h1>
      <p>{total} open reviews</p>
      <ul class="list" aria-label="Open reviews">
        {reviews.map((r) => (
          <li>
            <a href={`#/staff/review/${encodeURIComponent(r.id)}`}>{r.certificationName}</a>
            <span class="meta"> {r.organization.name} · {words(r.status)} · due {r.dueOn}{r.overdue && <strong class="overdue"> · overdue</strong>} · {r.submitterCount} submitter(s){r.assignee && ` · ${r.assignee}`}</span>
          </li>
        ))}
      </ul>
      <LoadMore shown={reviews.length} total={total} what="reviews" hasMore={q.hasMore} loading={q.loadingMore || q.fetching} onMore={q.more} />
      <ErrorMessage message={q.error} />
    </div>
  );
}

const reasons: RejectionReason[] = ['LOCAL_OR_COMPANY_SPECIFIC', 'ATTENDANCE_ONLY', 'NOT_A_RELATED_FIELD', 'INSUFFICIENT_DOCUMENTATION', 'OTHER'];
const bases: RecognitionBasis[] = ['NAM_ENDORSED', 'NCCA', 'OSHA_GENERAL_INDUSTRY'];

/** ReviewPage shows one review, its copy, and the staff's decisions. */
export function ReviewPage({ id }: { id: string }) {
  const q = useQuery(ReviewDetail, { id });
  const r = q.data?.catalogReview;
  if (q.fetching && !r) return <Loading what="the review" />;
  if (q.error) return <ErrorMessage message={q.error} />;
  if (!r) return <ErrorMessage message="There is no such review." />;
  return (
    <div>
      <p><a href="#/staff/reviews">← Back to the queue</a></p>
      <h1>{r.certificationName}</h1>
      <p>{r.organization.name} · {words(r.status)} · due {r.dueOn}{r.overdue && ' · overdue'}</p>
      <dl class="facts">
        <dt>Training</dt><dd>{r.trainingRequirements}</dd>
        <dt>Earned by</dt><dd>{r.earningMethods.map(words).join(', ')}</dd>
        <dt>Recognised</dt><dd>{r.recognition.map(words).join(', ')}</dd>
        <dt>Key activities</dt><dd>{r.keyActivities.map((k) => `${k.program} ${k.number} ${k.title}`).join('; ') || '—'}</dd>
        {r.informationRequest && (<><dt>Information asked</dt><dd>{r.informationRequest}</dd></>)}
        {r.informationResponse && (<><dt>Answer</dt><dd>{r.informationResponse}</dd></>)}
      </dl>
      <CopyViewer path={r.copy.downloadPath} name={r.copy.name} />
      {r.decision ? (
        <p role="status">Decided: {words(r.decision.outcome)}. {r.decision.message}{r.decision.certification && <> <a href={`#/certification/${encodeURIComponent(r.decision.certification.id)}`}>{r.decision.certification.displayName}</a></>}</p>
      ) : (
        <Decisions id={r.id} name={r.certificationName} org={r.organization.name} onDone={q.reload} />
      )}
    </div>
  );
}

function CopyViewer({ path, name }: { path: string; name: string }) {
  const [file, setFile] = useState<{ url: string; type: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let url = '';
    fetchFile(path).then((f) => { url = f.url; setFile(f); }, (e) => setError(errorText(e)));
    return () => url && URL.revokeObjectURL(url);
  }, [path]);
  return (
    <Card title="The submitted copy" level={2}>
      {!file && !error && <Loading what="the copy" />}
      <ErrorMessage message={error} />
      {file && (file.type.startsWith('image/')
        ? <img class="copy" src={file.url} alt={`The submitted copy, ${name}`} />
        : <iframe class="copy" src={file.url} title={`The submitted copy, ${name}`} />)}
    </Card>
  );
}

function Decisions({ id, name, org, onDone }: { id: string; name: string; org: string; onDone: () => void }) {
  const approve = useMutation(Approve);
  const reject = useMutation(Reject);
  const ask = useMutation(AskInfo);
  const [entryName, setEntryName] = useState(name);
  const [orgName, setOrgName] = useState(org);
  const [basis, setBasis] = useState<RecognitionBasis[]>(['NAM_ENDORSED']);
  const [reason, setReason] = useState<RejectionReason>('OTHER');
  const [message, setMessage] = useState('');
  const [question, setQuestion] = useState('');
  const { errors, error, send: act } = usePayload(onDone);
  const busy = approve.busy || reject.busy || ask.busy;
  return (
    <>
      <Card title="Approve">
        <form class="stack" onSubmit={(e) => { e.preventDefault(); act(async () => (await approve.run({ id, certification: { name: entryName, newOrganization: { name: orgName }, recognitionBases: basis } })).approveCatalogReview); }}>
          <label for="ap-name">Catalog entry name</label>
          <input id="ap-name" value={entryName} required onInput={(e) => setEntryName((e.target as HTMLInputElement).value)} />
          <label for="ap-org">Issuing organization</label>
          <input id="ap-org" value={orgName} required onInput={(e) => setOrgName((e.target as HTMLInputElement).value)} />
          <fieldset>
            <legend>Recognition basis</legend>
            {bases.map((b) => <label class="check"><input type="checkbox" checked={basis.includes(b)} onChange={() => setBasis(basis.includes(b) ? basis.filter((x) => x !== b) : [...basis, b])} />{b.replace(/_/g, ' ')}</label>)}
          </fieldset>
          <button type="submit" disabled={busy}>{approve.busy ? 'Approving…' : 'Approve and add to the catalog'}</button>
        </form>
      </Card>
      <Card title="Reject">
        <form class="stack" onSubmit={(e) => { e.preventDefault(); act(async () => (await reject.run({ id, reason, message })).rejectCatalogReview); }}>
          <label for="rj-reason">Reason</label>
          <select id="rj-reason" value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as RejectionReason)}>
            {reasons.map((r) => <option value={r}>{words(r)}</option>)}
          </select>
          <label for="rj-message">Message to the candidate</label>
          <textarea id="rj-message" required rows={2} value={message} onInput={(e) => setMessage((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" disabled={busy}>{reject.busy ? 'Rejecting…' : 'Reject'}</button>
        </form>
      </Card>
      <Card title="Ask for information">
        <form class="stack" onSubmit={(e) => { e.preventDefault(); act(async () => (await ask.run({ id, message: question })).requestReviewInformation); }}>
          <label for="ask-message">What MSSC needs to know</label>
          <textarea id="ask-message" required rows={2} value={question} onInput={(e) => setQuestion((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" disabled={busy}>{ask.busy ? 'Sending…' : 'Ask the candidate'}</button>
        </form>
      </Card>
      {busy && <Loading what="the decision" />}
      <UserErrorList errors={errors} />
      <ErrorMessage message={error} />
    </>
  );
}

const ApplicationQueue = graphql(`
  query ApplicationQueue($first: Int!, $after: String) {
    applications(first: $first, after: $after, filter: { statuses: [SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED, DETAILED_REVIEW, APPEALED] }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id program status version decisionDueOn
        candidate { name msscCandidateId }
        points { required total }
        informationRequest informationResponse informationAnswerBy
        history { at action }
        activities { activityId title category reviewerPoints proofs { name downloadPath } }
      }
    }
    waiting: applications(first: 1, filter: { statuses: [INFORMATION_REQUESTED] }) { totalCount }
    applicationTransitions { from action by }
  }
`);

const SetPoints = graphql(`
  mutation SetActivityPoints($applicationId: ID!, $version: Int!, $activityId: Int!, $points: Int!, $reason: String!) {
    setActivityPoints(applicationId: $applicationId, version: $version, activityId: $activityId, points: $points, reason: $reason) {
      application { id version points { total } }
      userErrors { field code message }
    }
  }
`);

const AskApplicationInfo = graphql(`
  mutation AskApplicationInformation($applicationId: ID!, $version: Int!, $message: String!) {
    requestApplicationInformation(applicationId: $applicationId, version: $version, message: $message) {
      application { id version status informationRequest }
      userErrors { field code message }
    }
  }
`);

/**
 * askedOn is the day staff asked the latest question on an application,
 * read from its history (oldest first); null when none was asked.
 */
export function askedOn(history: { at: string; action: string }[]): string | null {
  const asked = history.filter((e) => e.action === 'REQUEST_INFORMATION').at(-1);
  return asked ? asked.at.slice(0, 10) : null;
}

/**
 * pointsStatuses are the statuses in which staff may set an activity's
 * points, read from the API's table of allowed application changes.
 */
export function pointsStatuses(transitions: { from: string; action: string; by: string }[]): string[] {
  return transitions.filter((t) => t.action === 'SET_POINTS' && t.by === 'STAFF').map((t) => t.from);
}

/**
 * ApplicationQueuePage lists the applications waiting for staff, with
 * proofs and points to adjust and a question to ask, and those waiting for
 * their candidate's answer to staff's question, marked as such; first
 * applications at a time (50 unless given). The count of those waiting is
 * the whole queue's, not only the pages shown.
 */
export function ApplicationQueuePage({ first = 50 }: { first?: number }) {
  const q = usePages(ApplicationQueue, { first }, (r) => r.applications);
  if (q.fetching && !q.data) return <Loading what="the application queue" />;
  if (q.error && !q.data) return <ErrorMessage message={q.error} />;
  const apps = q.nodes;
  const total = q.data?.applications.totalCount ?? 0;
  const waiting = q.data?.waiting.totalCount ?? 0;
  const settable = pointsStatuses(q.data?.applicationTransitions ?? []);
  return (
    <div>
      <h1>Application queue</h1>
      <p>{total} applications in the queue{waiting > 0 && `, ${waiting} of them waiting for the candidate's answer`}</p>
      {apps.map((a) => (
        <Card title={`${a.candidate?.name ?? 'Candidate'} (${a.candidate?.msscCandidateId ?? '?'}): ${a.program}`}>
          {a.status === 'INFORMATION_REQUESTED' ? (
            <div class="waiting" role="note" aria-label="Waiting for the candidate">
              <p><strong>Waiting for the candidate's answer</strong>{askedOn(a.history) && ` since ${askedOn(a.history)}`}{a.informationAnswerBy && `, asked to answer by ${a.informationAnswerBy}`}; the decision's clock is paused until they answer.</p>
              <p>Asked: {a.informationRequest}</p>
            </div>
          ) : (
            <p>{words(a.status)} · {a.points.total} of {a.points.required} points{a.decisionDueOn && ` · decide by ${a.decisionDueOn}`}</p>
          )}
          {a.status === 'IN_REVIEW' && a.informationResponse && (
            <p>The candidate answered “{a.informationRequest}”: {a.informationResponse}</p>
          )}
          {!settable.includes(a.status) && a.status !== 'INFORMATION_REQUESTED' && a.activities.length > 0 && (
            <p class="meta">Points are set only while an application is {settable.map(words).join(' or ').toLowerCase() || 'in review'}; this one is {words(a.status).toLowerCase()}.</p>
          )}
          <ul class="list">
            {a.activities.map((act) => <PointsRow app={a} act={act} editable={settable.includes(a.status)} onDone={q.reload} />)}
          </ul>
          {a.status === 'IN_REVIEW' && <AskForInformation app={a} onDone={q.reload} />}
        </Card>
      ))}
      <LoadMore shown={apps.length} total={total} what="applications" hasMore={q.hasMore} loading={q.loadingMore || q.fetching} onMore={q.more} />
      <ErrorMessage message={q.error} />
    </div>
  );
}

/**
 * AskForInformation is the form to ask the candidate of an application in
 * review a question; the application then waits for the answer.
 */
function AskForInformation({ app, onDone }: { app: { id: string; version: number }; onDone: () => void }) {
  const ask = useMutation(AskApplicationInfo);
  const { errors, error, send } = usePayload(onDone);
  const [question, setQuestion] = useState('');
  const id = `ask-${app.id}`;
  return (
    <Card title="Ask for information" level={3}>
      <form class="stack" onSubmit={(e) => { e.preventDefault(); send(async () => (await ask.run({ applicationId: app.id, version: app.version, message: question })).requestApplicationInformation); }}>
        <label for={id}>Question for the candidate</label>
        <textarea id={id} required rows={2} value={question} onInput={(e) => setQuestion((e.target as HTMLTextAreaElement).value)} />
        <button type="submit" disabled={ask.busy}>{ask.busy ? 'Sending…' : 'Ask the candidate'}</button>
      </form>
      <UserErrorList errors={errors} />
      <ErrorMessage message={error} />
    </Card>
  );
}

/**
 * PointsRow is one claimed activity with its proofs and, when editable, the
 * form to set its points; only an application in a status where the API
 * accepts setActivityPoints is editable.
 */
function PointsRow({ app, act, editable, onDone }: { app: { id: string; version: number }; act: { activityId: number; title: string; category: string; reviewerPoints?: number | null; proofs: { name: string; downloadPath: string }[] }; editable: boolean; onDone: () => void }) {
  const m = useMutation(SetPoints);
  const [points, setPoints] = useState(String(act.reviewerPoints ?? ''));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `pts-${app.id}-${act.activityId}`;
  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const r = await m.run({ applicationId: app.id, version: app.version, activityId: act.activityId, points: Number(points), reason });
      const p = r.setActivityPoints;
      if (p.userErrors.length) setError(p.userErrors.map((u) => u.message).join(' '));
      else onDone();
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <li>
      {act.title} ({words(act.category)})
      {act.proofs.map((p) => <button type="button" class="link" onClick={() => download(p.downloadPath, p.name).catch((e) => setError(errorText(e)))}>Proof: {p.name}</button>)}
      {!editable && act.reviewerPoints != null && <span class="meta"> · {act.reviewerPoints} points set by staff</span>}
      {editable && <form class="stack points" onSubmit={save}>
        <label for={id}>Points</label>
        <input id={id} type="number" min={0} max={100} value={points} required onInput={(e) => setPoints((e.target as HTMLInputElement).value)} />
        <label for={`${id}-why`}>Reason</label>
        <input id={`${id}-why`} value={reason} required onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={m.busy}>{m.busy ? 'Saving…' : 'Set points'}</button>
      </form>}
      <ErrorMessage message={error} />
    </li>
  );
}

const History = graphql(`
  query CatalogHistory($after: String) {
    catalogHistory(first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { at actor action entityType reason catalogVersion }
    }
  }
`);

/** HistoryPage lists the catalog's edits, newest first, with who made them and why. */
export function HistoryPage() {
  const [after, setAfter] = useState<string | null>(null);
  const q = useQuery(History, { after });
  return (
    <div>
      <h1>Catalog edits</h1>
      {q.fetching && <Loading what="the history" />}
      <ErrorMessage message={q.error} />
      {q.data && (
        <>
          <table>
            <caption class="sr-only">Catalog edits</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Why</th></tr></thead>
            <tbody>
              {q.data.catalogHistory.nodes.map((c) => (
                <tr><td>{new Date(c.at).toLocaleString()}</td><td>{c.actor}</td><td>{words(c.action)} {c.entityType}</td><td>{c.reason}</td></tr>
              ))}
            </tbody>
          </table>
          {q.data.catalogHistory.pageInfo.hasNextPage && <button type="button" onClick={() => setAfter(q.data!.catalogHistory.pageInfo.endCursor ?? null)}>Older edits</button>}
        </>
      )}
    </div>
  );
}
