/**
 * All sample diagrams and their manifest, built in memory so that tests can compare them with the
 * committed files in diagrams/ and `build.ts` can write them.
 */
import { layoutProcess } from './layout';
import { jidoteateAsIs, jidoteateToBe } from './processes/jidoteate';
import { kianKessaiAsIs, kianKessaiToBe } from './processes/kianKessai';
import { kyuyoShiharaiAsIs, kyuyoShiharaiToBe } from './processes/kyuyoShiharai';
import { tennyuAsIs, tennyuToBe } from './processes/tennyu';
import type { ProcessSpec } from './spec';
import { toBpmnXml } from './xml';

/** Manifest order: the pairs in the order a workshop usually meets them, As-Is first. */
export const SAMPLE_SPECS: ProcessSpec[] = [
  tennyuAsIs,
  tennyuToBe,
  jidoteateAsIs,
  jidoteateToBe,
  kianKessaiAsIs,
  kianKessaiToBe,
  kyuyoShiharaiAsIs,
  kyuyoShiharaiToBe,
];

export interface ManifestEntry {
  file: string;
  name: string;
  department: string;
  kind: 'as-is' | 'to-be';
  linkedTo: string;
  description: string;
}

export function manifestOf(specs: ProcessSpec[] = SAMPLE_SPECS): ManifestEntry[] {
  return specs.map(({ file, name, department, kind, linkedTo, description }) => ({ file, name, department, kind, linkedTo, description }));
}

export function generateAll(specs: ProcessSpec[] = SAMPLE_SPECS): { files: Map<string, string>; manifest: string } {
  const files = new Map<string, string>();
  for (const spec of specs) files.set(spec.file, toBpmnXml(spec, layoutProcess(spec)));
  return { files, manifest: JSON.stringify(manifestOf(specs), null, 2) + '\n' };
}
