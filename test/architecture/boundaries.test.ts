import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

/**
 * The layer rules of the design note (README "Architecture rules"), as the project's own eslint.config.js
 * applies them. Each case lints one line of source as if it were a file at the given path; the path need
 * not exist. The expected outcome comes from the note, not from the config: e.g. "src/domain imports
 * nothing from ui", "the store never imports ui", "workers never import ui".
 */

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

interface Finding {
  ruleId: string | null;
  severity: number;
  message: string;
}

async function lint(code: string, file: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: resolve(repoRoot, file) });
  return result.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, message: m.message }));
}

/** The errors (severity 2) a boundary rule reports for this file. */
async function boundaryErrors(code: string, file: string): Promise<Finding[]> {
  return (await lint(code, file)).filter((m) => m.severity === 2 && (m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals'));
}

const use = (source: string) => `import { x } from '${source}';\nexport const y = x;`;

describe('layer boundaries in the lint', () => {
  it('given an import of ../../ui/x, when it is in src/domain, then it is an error naming src/ui; when it is in src/ui, then it is not', async () => {
    const code = use('../../ui/x');

    const inDomain = await boundaryErrors(code, 'src/domain/sim/probe.ts');
    const inUi = await boundaryErrors(code, 'src/ui/compare/probe.ts');

    expect(inDomain).toHaveLength(1);
    expect(inDomain[0].message).toContain('src/ui');
    expect(inUi).toEqual([]);
  });

  it.each([
    ['../../modeler/badges/x', 'src/modeler'],
    ['../../store/db', 'src/store'],
    ['../../workers/simProtocol', 'src/workers'],
    ['../../cli/readInput', 'src/cli'],
    ['../../sync/binding', 'src/sync'],
    ['../../../src/ui/App', 'src/ui'],
  ])('given src/domain, when it imports %s, then that is an error naming %s', async (source, layer) => {
    const found = await boundaryErrors(use(source), 'src/domain/bpmn/probe.ts');

    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(layer);
  });

  it.each(['react', 'react-dom/client', 'bpmn-js/lib/Modeler', 'diagram-js/lib/core/Canvas', 'dexie', 'echarts', 'yjs', 'node:fs', 'fs'])(
    'given src/domain, when it imports the package %s (DOM, framework, store, sync or node), then that is an error',
    async (source) => {
      expect(await boundaryErrors(use(source), 'src/domain/analysis/probe.ts')).toHaveLength(1);
    },
  );

  it.each(['zod', 'xstate', 'bpmn-moddle', '../model/annotations', '../../domain/sim/stats', './walk'])(
    'given src/domain, when it imports %s (pure TypeScript or its own modules), then nothing is reported',
    async (source) => {
      expect(await boundaryErrors(use(source), 'src/domain/bpmn/probe.ts')).toEqual([]);
    },
  );

  it('given src/domain, when it imports the i18n runtime, then that is an error; a plain resource table is allowed', async () => {
    const core = await boundaryErrors(use('../../i18n/core'), 'src/domain/bpmn/probe.ts');
    const provider = await boundaryErrors(use('../../i18n'), 'src/domain/bpmn/probe.ts');
    const resource = await boundaryErrors(use('../../i18n/resources/diagramFile'), 'src/domain/bpmn/probe.ts');

    expect(core).toHaveLength(1);
    expect(core[0].message).toContain('message codes');
    expect(provider).toHaveLength(1);
    expect(resource).toEqual([]);
  });

  it('given src/domain, when it reaches for the DOM through a global, then that is an error; the same line in src/ui is not', async () => {
    const code = "export const el = document.createElement('div');";

    const inDomain = await boundaryErrors(code, 'src/domain/exchange/probe.ts');
    const inUi = await boundaryErrors(code, 'src/ui/common/probe.ts');

    expect(inDomain.map((m) => m.ruleId)).toEqual(['no-restricted-globals']);
    expect(inUi).toEqual([]);
  });

  it('given src/store, when it imports ../ui/x, then that is an error; its own records and the domain are allowed', async () => {
    const toUi = await boundaryErrors(use('../ui/workspace/x'), 'src/store/probe.ts');
    const typeOnly = await boundaryErrors("import type { X } from '../ui/x';\nexport type Y = X;", 'src/store/probe.ts');
    const toDomain = await boundaryErrors(use('../domain/model/scenario'), 'src/store/probe.ts');

    expect(toUi).toHaveLength(1);
    expect(toUi[0].message).toContain('src/ui');
    expect(typeOnly).toHaveLength(1);
    expect(toDomain).toEqual([]);
  });

  it('given src/workers, when it imports ../ui/rpa/x, then that is an error; its own protocol and the domain are allowed', async () => {
    const toUi = await boundaryErrors(use('../ui/rpa/x'), 'src/workers/probe.ts');
    const own = await boundaryErrors(use('./simProtocol'), 'src/workers/probe.ts');
    const toDomain = await boundaryErrors(use('../domain/sim/runSimulation'), 'src/workers/probe.ts');

    expect(toUi).toHaveLength(1);
    expect(toUi[0].message).toContain('src/ui');
    expect(own).toEqual([]);
    expect(toDomain).toEqual([]);
  });

  it.each([
    ['src/modeler/badges/probe.ts', '../../ui/x'],
    ['src/cli/commands/probe.ts', '../../ui/x'],
    ['src/cli/commands/probe.ts', '../../store/db'],
    ['src/i18n/probe.ts', '../ui/App'],
    ['src/store/probe.ts', '../workers/simProtocol'],
  ])('given %s, when it imports %s (a layer above it or beside it in the diagram), then that is an error', async (file, source) => {
    expect(await boundaryErrors(use(source), file)).toHaveLength(1);
  });

  it('given src/store, when it imports bpmn-js/lib/Modeler, then the case-sensitive layer rule does not mistake it for src/modeler', async () => {
    const pkg = await boundaryErrors(use('bpmn-js/lib/Modeler'), 'src/store/probe.ts');
    const layer = await boundaryErrors(use('../modeler/modules'), 'src/store/probe.ts');

    expect(pkg).toEqual([]);
    expect(layer).toHaveLength(1);
  });

  it('given a test file, when it imports any layer, then no boundary applies (tests reach every layer)', async () => {
    expect(await boundaryErrors(use('../../src/ui/App'), 'test/domain/probe.test.ts')).toEqual([]);
  });
});
