// Every call the add-on makes into a fake Apps Script service goes through `counted`, so a test can assert
// an operation's service-call budget (e.g. "importing 2,000 activities costs the same calls as 20").

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private log: string[] = [];
  /** Keep the ordered list of calls only when asked: it is for debugging a failing budget. */
  recordLog = false;

  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (this.recordLog) this.log.push(name);
  }

  /** Calls of one method, e.g. `count('Range.setValues')`, or of every method of a class: `count('Range.*')`. */
  count(name: string): number {
    if (name.endsWith('.*')) {
      const prefix = name.slice(0, -1);
      let n = 0;
      for (const [k, v] of this.counts) if (k.startsWith(prefix)) n += v;
      return n;
    }
    return this.counts.get(name) ?? 0;
  }

  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  calls(): readonly string[] {
    return this.log;
  }

  reset(): void {
    this.counts.clear();
    this.log = [];
  }
}

/** The error every fake throws for a part of the Apps Script API it does not model. */
export function unsupported(what: string): Error {
  return new Error(`not supported by the local runtime: ${what}`);
}

// Properties that JavaScript machinery (promises, JSON, vitest's pretty-printer, node's inspect) probes on any
// object; answering `undefined` for them is what a real Apps Script object would do too.
const PROBED = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', '$$typeof', 'nodeType', 'inspect',
  'toString', 'valueOf', 'length', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '_isMockFunction']);

const WRAPPED = new WeakMap<object, object>();
const RAW = new WeakMap<object, object>();

/**
 * Wrap a fake service object so that each method call is counted as `<className>.<method>` and any method the
 * fake lacks throws `not supported by the local runtime: <className>.<method>` instead of "is not a function".
 * Objects returned by methods are wrapped too when they carry a `__className` (see `FakeObject`).
 */
export function counted<T extends object>(target: T, className: string, counter: CallCounter): T {
  const cached = WRAPPED.get(target);
  if (cached) return cached as T;
  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol') return Reflect.get(obj, prop, receiver);
      if (!(prop in obj)) {
        if (PROBED.has(prop) || prop.startsWith('__')) return undefined;
        throw unsupported(`${className}.${prop}`);
      }
      const value = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function' || prop.startsWith('_') || prop === 'constructor') return value;
      return function (this: unknown, ...args: unknown[]) {
        counter.record(`${className}.${prop}`);
        const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        return wrapResult(result, counter);
      };
    },
  });
  WRAPPED.set(target, proxy);
  RAW.set(proxy, target);
  return proxy;
}

function wrapResult(result: unknown, counter: CallCounter): unknown {
  if (result && typeof result === 'object') {
    // Arrays of fakes, and 2-D grids of them (getDataValidations, getMergedRanges per row…).
    if (Array.isArray(result)) return result.map((r) => wrapResult(r, counter));
    if (isFake(result)) return counted(result, result.__className, counter);
  }
  return result;
}

function isFake(x: unknown): x is { __className: string } & object {
  return !!x && typeof x === 'object' && typeof (x as { __className?: unknown }).__className === 'string';
}

/** The fake behind a counted proxy (for local code such as xlsx export that must not be counted). */
export function raw<T extends object>(x: T): T {
  return (RAW.get(x) as T) ?? x;
}
