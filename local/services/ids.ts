// Deterministic ids, so a test run (and a saved .docx named after a Doc id) is reproducible.
import { createHash } from 'node:crypto';

export class IdSource {
  private n = 0;
  constructor(private readonly seed: string) {}

  /** A Drive-like id: 44 URL-safe characters starting with "1", as Drive ids of Docs do. */
  driveId(): string {
    const h = createHash('sha256').update(`${this.seed}:${++this.n}`).digest('base64url');
    return ('1' + h).slice(0, 44);
  }

  /** A trigger-like numeric id. */
  numericId(): string {
    const h = createHash('sha256').update(`${this.seed}:${++this.n}`).digest();
    return (h.readBigUInt64BE(0) % 10n ** 18n).toString().padStart(18, '7');
  }
}
