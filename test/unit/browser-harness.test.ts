import { afterEach, describe, expect, it, vi } from 'vitest';

describe('browser harness without Chromium', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('fails with a message saying how to install it, never skips', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    const { requireChromium } = await import('../harness/browser');
    expect(() => requireChromium()).toThrow(/apt-get install -y chromium/);
  });
});
