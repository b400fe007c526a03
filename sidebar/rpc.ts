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
