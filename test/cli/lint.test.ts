import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpr } from '../support/cli';
import { corpusAvailable, corpusRoot, diagramsRoot } from '../support/paths';

const scratch = mkdtempSync(join(tmpdir(), 'bpr-lint-'));
const write = (name: string, text: string) => {
  const p = join(scratch, name);
  writeFileSync(p, text);
  return p;
};

interface ManifestEntry {
  file: string;
  name: string;
}
const manifest: ManifestEntry[] = JSON.parse(readFileSync(join(diagramsRoot, 'manifest.json'), 'utf8'));

describe('npm run bpr -- lint', () => {
  it('given every sample diagram of diagrams/manifest.json, when linted, then there is no error and the exit code is 0', async () => {
    expect(manifest.length).toBeGreaterThan(0);
    const run = await bpr('lint', '--json', ...manifest.map((m) => join(diagramsRoot, m.file)));
    const report: Array<{ file: string; error?: string; findings?: Array<{ category: string; message: string }> }> = JSON.parse(run.out);
    const problems = report.flatMap((r) =>
      r.error ? [`${r.file}: ${r.error}`] : (r.findings ?? []).filter((f) => f.category === 'error').map((f) => `${r.file}: ${f.message}`),
    );
    expect(problems).toEqual([]);
    expect(report).toHaveLength(manifest.length);
    expect(run.code).toBe(0);
  });

  it('given a sample whose branch lost its probability, when linted, then the gateway and the flow are named and the exit code is 1', async () => {
    const file = manifest[0].file;
    const text = readFileSync(join(diagramsRoot, file), 'utf8');
    // A probability on a flow that is not its gateway's default flow, so dropping it must be an error.
    const flows = [...text.matchAll(/<bpmn:sequenceFlow\b[^>]*\bid="([^"]+)"[^>]*\bsourceRef="([^"]+)"[^>]*?( bpr:probability="[^"]*")/g)];
    const victim = flows.find((m) => !text.includes(`default="${m[1]}"`));
    expect(victim, `${file} has no gateway branch with a probability`).toBeDefined();
    const [whole, flowId, gatewayId, attr] = victim!;
    const broken = text.replace(whole, whole.replace(attr, ''));
    const run = await bpr('lint', write('broken.bpmn', broken));
    expect(run.code).toBe(1);
    const line = run.out.split('\n').find((l) => l.includes(`(${gatewayId})の分岐確率: `)) ?? '';
    expect(line).toContain(`(${flowId}) が未入力です`);
    expect(line).toMatch(/^ {2}エラー {2}.*が未入力です.*\[bpr\/gateway-probabilities\]$/);
  });

  it('given a file that is not XML, when linted, then the Japanese parse error is printed and the exit code is 2', async () => {
    const run = await bpr('lint', write('memo.bpmn', 'これは BPMN ではありません'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('BPMN として読み込めません: XML ファイルではありません');
  });

  it('given an entity-expansion bomb, when linted, then it is refused with exit code 2 before any expansion', async () => {
    const lol = ['<!ENTITY a0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('');
    const bomb = write(
      'bomb.bpmn',
      `<?xml version="1.0"?><!DOCTYPE d [${lol}]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="P" name="&a9;"/></bpmn:definitions>`,
    );
    const run = await bpr('lint', bomb);
    expect(run.code).toBe(2);
    expect(run.err).toContain('DOCTYPE / ENTITY 宣言を含むファイルは安全のため開けません');
  });

  it('given a missing file or no argument, when run, then it says so and exits with 2', async () => {
    const missing = await bpr('lint', join(scratch, 'nai.bpmn'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('ファイルが見つかりません');
    const none = await bpr('lint');
    expect(none.code).toBe(2);
    expect(none.err).toContain('使い方: npm run bpr -- lint');
  });

  it.runIf(corpusAvailable('bpmnjs'))('given a PNG renamed by the user, when linted, then exit code 2 names the real file type', async () => {
    const run = await bpr('lint', join(corpusRoot, 'bpmnjs/bpmn-js/test/fixtures/bpmn/error/binary.png'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('PNG 画像');
  });
});
