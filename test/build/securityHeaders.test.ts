import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../vite.config';
import { repoRoot } from '../support/paths';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('security headers for a web server serving dist/', () => {
  it('given the headers vite preview sends, then the policy is the page’s own plus frame-ancestors, with no eval or inline script', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy'];
    expect(csp.startsWith(CONTENT_SECURITY_POLICY)).toBe(true);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it.each(Object.entries(SECURITY_HEADERS))(
    'given README’s server configuration, then the %s header is written as the build sends it, for the plain, nginx and Apache forms',
    (name, value) => {
      expect(readme).toContain(`${name}: ${value}`);
      expect(readme).toContain(`add_header ${name} "${value}" always;`);
      expect(readme).toContain(`Header always set ${name} "${value}"`);
    },
  );
});
