import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

const srcRoot = path.join(repoRoot, 'src');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(full);
    return entry.name.endsWith('.css') ? [full] : [];
  });
}

const relative = (file: string) => path.relative(srcRoot, file).split(path.sep).join('/');

/**
 * The tabs are chunks loaded on demand, each with its own stylesheet, and Chromium applies a later
 * @page rule over an earlier one: a portrait @page in a tab's stylesheet fetched after the landscape
 * map pages' rule turned those pages portrait (issue 13). The page boxes live in one file the entry loads.
 */
describe('page boxes for printing', () => {
  it("given the app's stylesheets, when searched for @page, then only common/printPages.css has any", () => {
    const withPage = cssFiles(srcRoot).filter((file) => /@page\b/.test(readFileSync(file, 'utf8')));
    expect(withPage.map(relative)).toEqual(['ui/common/printPages.css']);
  });

  it('given printPages.css, when read, then the plain portrait page comes before the named landscape map page', () => {
    const css = readFileSync(path.join(srcRoot, 'ui/common/printPages.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const plain = css.search(/@page\s*\{[^}]*size:\s*A4;/);
    const maps = css.search(/@page\s+bpr-diagram\s*\{[^}]*size:\s*A4 landscape;/);
    expect(plain).toBeGreaterThanOrEqual(0);
    expect(maps).toBeGreaterThan(plain);
  });

  it('given the entry module, when read, then it imports printPages.css itself rather than leaving it to a tab', () => {
    const main = readFileSync(path.join(srcRoot, 'main.tsx'), 'utf8');
    expect(main).toMatch(/^import '\.\/ui\/common\/printPages\.css';$/m);
  });
});
