// What the recipient of a share link reads when its snapshot cannot be shown: one message per way it failed. Only
// the error's type is imported: the decoder (and its schema library) stays out of the page's first download.
import type { MessageKey } from '../i18n/messages';
import type { SnapshotError } from '../share/snapshot';

function isSnapshotError(e: unknown): e is SnapshotError {
  return e instanceof Error && e.name === 'SnapshotError' && 'reason' in e;
}

export function snapshotFailure(e: unknown): [MessageKey, Record<string, string | number>?] {
  if (!isSnapshotError(e)) return ['share.tampered'];
  switch (e.reason) {
    case 'too-long':
      return ['robust.share.tooLong', { n: e.found ?? 0, max: e.limit ?? 0 }];
    case 'encoding':
      return ['robust.share.encoding'];
    case 'compression':
      return ['robust.share.compression'];
    case 'too-large':
      return ['robust.share.tooLarge', { max: e.limit ?? 0 }];
    case 'json':
      return ['robust.share.json'];
    case 'version':
      return ['robust.share.version', { found: e.found ?? '?', known: e.limit ?? '?' }];
    case 'schema':
      return ['robust.share.schema', { detail: e.message }];
  }
}
