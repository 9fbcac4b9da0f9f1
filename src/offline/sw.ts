// The service worker: after the first visit the dashboard opens and works with no network. Every file of the
// build is cached when the worker installs (the build writes their list and a version above this code), and served
// from that cache from then on. A new build is a new worker: it installs beside the old one and waits until the page
// asks it to take over (the person chose "刷新"), so nothing is swapped under a page in use.
//
// Written by hand rather than with Workbox: precaching one build and answering from it is all this needs (about
// 80 lines, no library in the worker), and the list comes from the files actually written, pdf.js's cMaps and
// standard fonts included, so a PDF is read offline too.

/** Filled in by the build: the build's files relative to this worker, and a version that changes with any of them. */
declare const PRECACHE: readonly string[];
declare const VERSION: string;

// The parts of the service worker scope used here (the DOM library has Cache, not the worker's events).
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface WorkerScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
}

const sw = self as unknown as WorkerScope;
const PREFIX = 'disclosure-report-dashboard-';
const CACHE = `${PREFIX}${VERSION}`;
const scope = new URL(sw.registration.scope);
const urls = new Set(PRECACHE.map((path) => new URL(path, scope).href));
/** The app's page: the scope itself and index.html answer with the cached index.html. */
const page = new URL('index.html', scope).href;

sw.addEventListener('install', (e) => {
  // All or nothing: a cache missing one chunk would open a page that breaks later, offline. Past the browser's HTTP
  // cache: a stale index.html from it would name the previous build's chunks, which this cache does not hold.
  e.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...urls].map((url) => new Request(url, { cache: 'reload' })))));
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      // The first worker takes the page that installed it, so the first visit already works offline on reload.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (e) => {
  if (e.data === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  const isPage = request.mode === 'navigate' && (url.href === scope.href || url.href === page);
  const key = isPage ? page : url.href;
  // Anything else (another origin, a file this build does not have) goes to the network as if there were no worker.
  if (!isPage && !urls.has(key)) return;
  e.respondWith(
    (async () => {
      const cached = await caches.match(key, { cacheName: CACHE });
      return cached ?? fetch(request);
    })(),
  );
});
export {};
