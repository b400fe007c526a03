// Errors shaped like the ones Apps Script throws, so add-on code that inspects `e.message` behaves the same
// offline. Apps Script errors are plain Errors whose name prints as "Exception".
import type { FakeEnv, AuthModeName } from '../env';

export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

/**
 * A service that needs authorisation called in a mode that does not grant it. The wording follows the errors
 * Apps Script shows ("You do not have permission to call X. Required permissions: scope"); which modes allow what
 * follows the AuthMode table of the editor add-on lifecycle (APPS_SCRIPT.md section 4).
 */
export function requireMode(env: FakeEnv, method: string, allowed: readonly AuthModeName[], scope?: string): void {
  if (allowed.includes(env.authMode)) return;
  throw gasError(`You do not have permission to call ${method}.` + (scope ? ` Required permissions: ${scope}` : ''));
}

export const SCOPES = {
  documents: 'https://www.googleapis.com/auth/documents',
  drive: 'https://www.googleapis.com/auth/drive',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
} as const;

/** Apps Script's complaint when arguments match no overload, e.g. a string where a Date is expected. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return gasError(`The parameters (${args.map(javaTypeName).join(',')}) don't match the method signature for ${method}.`);
}

function javaTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (Array.isArray(v)) return v.length > 0 ? `${javaTypeName(v[0])}[]` : 'Object[]';
  const cls = (v as { __className?: unknown }).__className;
  return typeof cls === 'string' ? cls : 'Object';
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
