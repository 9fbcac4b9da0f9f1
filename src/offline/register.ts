// The page's side of the service worker (sw.js, written by the build): register it from the page's own folder, so
// the app works offline from any sub-path, and tell the page when a new version has installed and waits.

export interface OfflineHooks {
  /** A new version is installed and waits; `apply` lets it take over and reloads the page. */
  onUpdate: (apply: () => void) => void;
}

/** Checked again for a new version when the page comes back into view, at most this often. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export async function registerOffline(hooks: OfflineHooks): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // Relative to the page: /tools/nianbao/sw.js when the app lives in /tools/nianbao/, with that folder as its scope.
  const registration = await container.register('./sw.js');
  let reloading = false;
  const announce = (waiting: ServiceWorker) => {
    hooks.onUpdate(() => {
      // Reload once the new worker controls the page, not before: the page then loads the new version's files.
      container.addEventListener('controllerchange', () => {
        if (reloading) return;
        reloading = true;
        location.reload();
      });
      waiting.postMessage('skip-waiting');
    });
  };
  // Installed in an earlier visit while an older version kept this page: it waits still.
  if (registration.waiting && container.controller) announce(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    if (!installing) return;
    installing.addEventListener('statechange', () => {
      // Without a controller this is the first install, not an update: nothing to announce.
      if (installing.state === 'installed' && container.controller) announce(installing);
    });
  });
  let checked = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - checked < CHECK_EVERY_MS) return;
    checked = Date.now();
    registration.update().catch(() => undefined); // offline: the next visit checks again
  });
}
