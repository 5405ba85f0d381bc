/**
 * Offline guard (opt-in with the `offline-guard` attribute): once installed, the page's `fetch`,
 * `XMLHttpRequest` and `sendBeacon` refuse any URL outside the allowed origins (the page's own, the
 * asset base's and the data URLs'), and each refusal is reported as an `ad-egress-blocked` event on
 * `window`. It makes "the data never leaves the browser" something a host can demonstrate, not just trust.
 */
const allowed = new Set<string>();
let installed = false;

export class EgressBlockedError extends Error {
  override name = 'EgressBlockedError';
}

function check(url: string | URL): void {
  let target: URL;
  try {
    target = new URL(String(url), location.href);
  } catch {
    return;
  }
  if (target.protocol === 'blob:' || target.protocol === 'data:') return;
  if (allowed.has(target.origin)) return;
  window.dispatchEvent(new CustomEvent('ad-egress-blocked', { detail: { url: target.href } }));
  throw new EgressBlockedError(`offline-guard: request to ${target.origin} refused`);
}

/** Allows these URLs' origins (and the page's) and installs the guard the first time it is called. */
export function installOfflineGuard(urls: readonly string[]): void {
  allowed.add(location.origin);
  for (const u of urls) {
    try {
      allowed.add(new URL(u, location.href).origin);
    } catch {
      // not a URL: nothing to allow
    }
  }
  if (installed) return;
  installed = true;
  const fetch0 = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    try {
      check(input instanceof Request ? input.url : input);
    } catch (e) {
      return Promise.reject(e);
    }
    return fetch0(input, init);
  };
  const open0 = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    check(url);
    return (open0 as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
  if (navigator.sendBeacon) {
    const beacon0 = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
      try {
        check(url);
      } catch {
        return false;
      }
      return beacon0(url, data);
    };
  }
}
