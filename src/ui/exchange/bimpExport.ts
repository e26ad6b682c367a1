import { exportQbp } from '../../domain/bpmn/qbpExport';

export interface BimpFile {
  fileName: string;
  xml: string;
  /** What BIMP cannot express and was left out (Japanese, from exportQbp). */
  warnings: string[];
}

/**
 * The diagram as BIMP (QBP) reads it: the same BPMN with a qbp:processSimulationInfo block built from
 * the bpr: annotations. The caller's file name says 「BIMP」 so it is not mistaken for the working file.
 */
export async function bimpFile(xml: string, fileName: string): Promise<BimpFile> {
  const out = await exportQbp(xml);
  return { fileName, xml: out.xml, warnings: out.warnings };
}
