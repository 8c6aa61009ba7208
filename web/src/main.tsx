// The reference web app: a hash router over the screens, with the sign-in
// state and the navigation each role sees.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { UserManager } from 'oidc-client-ts';
import { graphql } from './gql';
import { client, errorText, firstResult } from './client';
import { loadSettings, type Settings } from './config';
import { currentSession, finishOidcSignIn, signOut, userManager, type Session } from './auth';
import { Catalog } from './screens/Catalog';
import { CertificationPage } from './screens/Certification';
import { Check } from './screens/Check';
import { MyRecertification } from './screens/Application';
import { ReviewForm } from './screens/ReviewForm';
import { ApplicationQueuePage, HistoryPage, pageSize, ReviewPage, ReviewQueuePage } from './screens/Staff';
import { SignIn } from './screens/SignIn';
import { ErrorMessage, Loading } from './ui';
import './style.css';

const ViewerQuery = graphql(`
  query Viewer { viewer { subject roles } }
`);

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const on = () => {
      setHash(location.hash || '#/');
      document.getElementById('main')?.focus();
    };
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function App() {
  const hash = useHash();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [manager, setManager] = useState<UserManager | null>(null);
  const [session, setSession] = useState<Session | null>(currentSession());
  const [viewer, setViewer] = useState<{ subject: string; roles: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadSettings().then(async (s) => {
      const m = userManager(s);
      setManager(m);
      if (m) {
        try {
          const done = await finishOidcSignIn(m);
          if (done) {
            setSession(done.session);
            location.hash = done.hash;
          }
        } catch (e) {
          setError(`Signing in did not finish: ${errorText(e)}`);
        }
      }
      setSettings(s);
    });
  }, []);
  useEffect(() => {
    if (!session) {
      setViewer(null);
      return;
    }
    firstResult(client.query(ViewerQuery, {})).then((r) => {
      if (r.error) {
        setError(errorText(r.error));
        signOut();
        setSession(null);
      } else setViewer(r.data?.viewer ?? null);
    });
  }, [session]);

  if (!settings) return <Loading what="the app" />;
  const staff = viewer?.roles.includes('STAFF') ?? false;
  const candidate = viewer?.roles.includes('CANDIDATE') ?? false;
  const [path, query] = hash.slice(1).split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const signedIn = (s: Session) => {
    setSession(s);
    location.hash = '#/';
  };

  let screen;
  if (parts[0] === 'certification' && parts[1]) screen = <CertificationPage id={parts[1]} />;
  else if (parts[0] === 'check') screen = <Check candidate={candidate} />;
  else if (parts[0] === 'signin') screen = <SignIn settings={settings} manager={manager} onSignedIn={signedIn} />;
  else if (parts[0] === 'me') screen = candidate ? <MyRecertification /> : <NeedsRole role="a candidate" />;
  else if (parts[0] === 'reviews' && parts[1] === 'new') screen = session ? <ReviewForm name={params.get('name') ?? ''} /> : <NeedsRole role="signed in" />;
  else if (parts[0] === 'staff') {
    if (!staff) screen = <NeedsRole role="MSSC staff" />;
    else if (parts[1] === 'review' && parts[2]) screen = <ReviewPage id={parts[2]} />;
    else if (parts[1] === 'applications') screen = <ApplicationQueuePage first={pageSize(params.get('first'), 50)} />;
    else if (parts[1] === 'history') screen = <HistoryPage />;
    else screen = <ReviewQueuePage first={pageSize(params.get('first'), 100)} />;
  } else screen = <Catalog />;

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header>
        <p class="brand">MSSC Recertification</p>
        <nav aria-label="Main">
          <ul>
            <li><a href="#/">Catalog</a></li>
            <li><a href="#/check">Does my credential count?</a></li>
            {candidate && <li><a href="#/me">My recertification</a></li>}
            {staff && <li><a href="#/staff/reviews">Review queue</a></li>}
            {staff && <li><a href="#/staff/applications">Applications</a></li>}
            {staff && <li><a href="#/staff/history">Catalog edits</a></li>}
            <li>
              {session ? (
                <button type="button" class="link" onClick={() => { signOut(); setSession(null); location.hash = '#/'; }}>Sign out {viewer?.subject}</button>
              ) : (
                <a href="#/signin">Sign in</a>
              )}
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorMessage message={error} />
        {screen}
      </main>
    </>
  );
}

function NeedsRole({ role }: { role: string }) {
  return <p role="alert">This page is for {role}. <a href="#/signin">Sign in</a> first.</p>;
}

render(<App />, document.getElementById('root')!);
