// Loads the built add-on (dist/Code.js) in gas-local over a fresh set of counting fakes, one per test.
import { createRuntime, loadAddon, type Addon, type RuntimeOptions } from '../../local/runtime';

export function freshAddon(opts: RuntimeOptions = {}): Addon {
  return loadAddon(createRuntime(opts));
}

/** The service calls an action makes, counted from zero. */
export function callsOf(addon: Addon, action: () => unknown): { total: number; calls: Record<string, number> } {
  const counter = addon.runtime.env.counter;
  counter.reset();
  action();
  return { total: counter.total, calls: counter.snapshot() };
}
