// Signing in: the development "sign in as" picker, or the OpenID Connect
// issuer in production.
import { useState } from 'preact/hooks';
import type { UserManager } from 'oidc-client-ts';
import type { Settings } from '../config';
import { devSignIn, oidcSignIn, type Session } from '../auth';
import { errorText } from '../client';
import { ErrorMessage, Loading } from '../ui';

/** SignIn offers the ways to sign in the API allows. */
export function SignIn({ settings, manager, onSignedIn }: { settings: Settings; manager: UserManager | null; onSignedIn: (s: Session) => void }) {
  const [role, setRole] = useState<'CANDIDATE' | 'STAFF'>('CANDIDATE');
  const [subject, setSubject] = useState('C-9001');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function dev(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await devSignIn(role, subject.trim()));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  async function oidc() {
    setBusy(true);
    setError(null);
    try {
      await oidcSignIn(manager!);
    } catch (err) {
      setError(`The sign-in service could not be reached: ${errorText(err)}`);
      setBusy(false);
    }
  }

  return (
    <div>
      <h1>Sign in</h1>
      {manager && (
        <p><button type="button" onClick={oidc} disabled={busy}>Sign in with your MSSC account</button></p>
      )}
      {settings.devSignIn && (
        <form class="stack" onSubmit={dev} aria-label="Sign in as (development)">
          <h2>Sign in as (development only)</h2>
          <p>Development tokens exist only outside production.</p>
          <fieldset>
            <legend>Role</legend>
            <label class="check"><input type="radio" name="role" checked={role === 'CANDIDATE'} onChange={() => { setRole('CANDIDATE'); setSubject('C-9001'); }} />Candidate</label>
            <label class="check"><input type="radio" name="role" checked={role === 'STAFF'} onChange={() => { setRole('STAFF'); setSubject('staff-dev'); }} />MSSC staff</label>
          </fieldset>
          <label for="subject">{role === 'CANDIDATE' ? 'MSSC candidate ID' : 'Staff user name'}</label>
          <input id="subject" value={subject} required maxLength={64} onInput={(e) => setSubject((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={busy}>Sign in as {role === 'CANDIDATE' ? 'candidate' : 'staff'}</button>
        </form>
      )}
      {!manager && !settings.devSignIn && <p>This service offers no sign-in; the catalog and the credential check are open to anyone.</p>}
      {busy && <Loading what="your sign-in" />}
      <ErrorMessage message={error} />
    </div>
  );
}
