// "Does my credential count?": one credential or a pasted list, each answer
// with its verdict, points, reason in words and next step; a signed-in
// candidate adds an answer's claim to their application in one click.
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { CheckCredentialsQuery } from '../gql/graphql';
import { client, errorText, firstResult } from '../client';
import { ErrorMessage, Loading, words } from '../ui';
import { addFromCheck } from './Application';

const CheckQuery = graphql(`
  query CheckCredentials($inputs: [CredentialCheckInput!]!) {
    checkCredentials(inputs: $inputs) {
      verdict points category confidence nextStep
      entry { id displayName }
      rules { code description }
      alternatives { certification { id displayName } }
      claim { category activityTypeKey title completedOn certificationId catalogReviewId }
    }
  }
`);

type Answer = CheckCredentialsQuery['checkCredentials'][number];

const counts = (v: string) => v === 'INDUSTRY_CERTIFICATION' || v === 'CONTINUING_EDUCATION';

/** Check is the credential check screen; candidate says whether a candidate is signed in. */
export function Check({ candidate }: { candidate: boolean }) {
  const [text, setText] = useState('');
  const [earnedOn, setEarnedOn] = useState('');
  const [answers, setAnswers] = useState<{ text: string; answer: Answer }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(e: Event) {
    e.preventDefault();
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 100);
    if (!lines.length) {
      setError('Type a credential, or paste several, one a line.');
      return;
    }
    setBusy(true);
    setError(null);
    const r = await firstResult(client.query(CheckQuery, { inputs: lines.map((t) => ({ text: t, ...(earnedOn ? { earnedOn } : {}) })) }));
    setBusy(false);
    if (r.error) setError(errorText(r.error));
    else setAnswers(lines.map((t, i) => ({ text: t, answer: r.data!.checkCredentials[i] })));
  }

  return (
    <div>
      <h1>Does my credential count?</h1>
      <form onSubmit={check}>
        <label for="credentials">Your credential, or a list of them (one a line, up to 100)</label>
        <textarea id="credentials" rows={5} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          placeholder={'Certified Welding Inspector (2023)\nOSHA 30-Hour General Industry\nState forklift operator license'} />
        <label for="earned-on">When you earned it (optional; an application needs it)</label>
        <input id="earned-on" type="date" value={earnedOn} onInput={(e) => setEarnedOn((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={busy}>Check</button>
      </form>
      {busy && <Loading what="the answers" />}
      <ErrorMessage message={error} />
      <ol class="answers" aria-label="Answers">
        {answers.map(({ text, answer }) => (
          <li class={`answer ${counts(answer.verdict) ? 'yes' : 'no'}`}>
            <h2>{text}</h2>
            <p class="verdict"><strong>{words(answer.verdict)}</strong>{answer.points > 0 && <> · {answer.points} points</>}{answer.entry && <> · matched <a href={`#/certification/${encodeURIComponent(answer.entry.id)}`}>{answer.entry.displayName}</a></>}</p>
            <ul class="reasons">{answer.rules.map((r) => <li>{r.description}</li>)}</ul>
            <p><strong>Next step:</strong> {answer.nextStep}</p>
            {answer.verdict === 'NOT_LISTED' && (
              <p><a href={`#/reviews/new?name=${encodeURIComponent(text)}`}>Submit it for review</a></p>
            )}
            {candidate && answer.claim && <AddButton claim={answer.claim} />}
          </li>
        ))}
      </ol>
    </div>
  );
}

function AddButton({ claim }: { claim: NonNullable<Answer['claim']> }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (!claim.completedOn) {
    return <p class="meta">To add it to your application, give the date you earned it above and check again.</p>;
  }
  async function add() {
    setState('busy');
    setError(null);
    try {
      await addFromCheck(claim);
      setState('done');
    } catch (e) {
      setError(errorText(e));
      setState('idle');
    }
  }
  return (
    <div>
      <button type="button" onClick={add} disabled={state !== 'idle'}>
        {state === 'busy' ? 'Adding…' : state === 'done' ? 'Added to my application' : 'Add to my application'}
      </button>
      <ErrorMessage message={error} />
    </div>
  );
}
