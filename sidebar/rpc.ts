// Typed promise wrapper over google.script.run. Server types come from the bundle's entry with `import type`,
// so the sidebar and server agree on the contract at compile time and nothing server-side is bundled here.
import type * as Server from '../src/main';

type ServerApi = typeof Server;
type Fn = (...args: never[]) => unknown;

interface ScriptRun {
  withSuccessHandler(f: (v: unknown) => void): ScriptRun;
  withFailureHandler(f: (e: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

export function call<K extends keyof ServerApi>(
  name: K,
  ...args: ServerApi[K] extends Fn ? Parameters<ServerApi[K]> : never
): Promise<ServerApi[K] extends Fn ? ReturnType<ServerApi[K]> : never> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as never))
      .withFailureHandler((e) => reject(e));
    (runner[name as string] as (...a: unknown[]) => void)(...args);
  });
}

export function closeDialog(): void {
  google.script.host.close();
}

/** The message of a server failure without Apps Script's "Exception: " prefix. */
export function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/^(Exception|Error|UserError):\s*/, '');
}

/**
 * Run one server action with its buttons disabled and a busy note shown, reporting a failure as a Russian
 * error message: every page does each user action this way, one round trip at a time.
 */
export async function busyCall<T>(
  buttons: readonly HTMLButtonElement[],
  report: (kind: 'info' | 'error', text: string) => void,
  busyText: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  for (const b of buttons) b.disabled = true;
  report('info', busyText);
  try {
    return await work();
  } catch (e) {
    report('error', errorText(e));
    return undefined;
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}
