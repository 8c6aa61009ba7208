// Uploaded files are served to the signed-in owner and to staff only, so
// the app fetches them with the token and shows or saves them itself.
import { apiOrigin } from './config';
import { currentSession } from './auth';

/** fetchFile returns an object URL for a file the API serves at path. */
export async function fetchFile(path: string): Promise<{ url: string; type: string }> {
  const s = currentSession();
  const res = await fetch(`${apiOrigin}${path}`, { headers: s ? { Authorization: `Bearer ${s.token}` } : {} });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.errors?.[0]?.message ?? `The file could not be fetched (HTTP ${res.status}).`);
  }
  const blob = await res.blob();
  return { url: URL.createObjectURL(blob), type: blob.type };
}

/** download saves a file the API serves at path under name. */
export async function download(path: string, name: string): Promise<void> {
  const { url } = await fetchFile(path);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
