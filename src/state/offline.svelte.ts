// Offline use as the page shows it: a new version installed and waiting to be applied by the person.
import { registerOffline } from '../offline/register';

export class OfflineState {
  /** A new version waits: the page shows "新版本可用,刷新" until the person applies it. */
  updateReady = $state(false);
  #apply: (() => void) | undefined;

  /**
   * Registers the service worker once the page has drawn and is idle: installing it downloads the whole build, which
   * must not compete with the first view. Only in a build (the dev server has no sw.js).
   */
  start(): void {
    if (!import.meta.env.PROD) return;
    const register = () => {
      registerOffline({
        onUpdate: (apply) => {
          this.#apply = apply;
          this.updateReady = true;
        },
      }).catch(() => undefined); // no service worker: the page works as before, online only
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: 5000 });
    else setTimeout(register, 1000);
  }

  apply(): void {
    this.#apply?.();
  }
}
