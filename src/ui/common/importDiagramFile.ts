import { parseDiagram } from '../../domain/bpmn/parseDiagram';
import { baseNameOf, readImportFile } from '../../modeler/io/files';

export type ImportCheck =
  | { ok: true; fileName: string; suggestedName: string; xml: string; warnings: string[] }
  | { ok: false; fileName: string; message: string };

/**
 * Reads and validates a picked or dropped file before anything in the workspace or editor changes:
 * size limit, encoding, XML, BPMN. Failures come back as a Japanese sentence, never as an exception.
 */
export async function checkDiagramFile(file: File): Promise<ImportCheck> {
  let bytes: Uint8Array;
  try {
    bytes = await readImportFile(file);
  } catch (error) {
    return { ok: false, fileName: file.name, message: (error as Error).message };
  }
  const parsed = await parseDiagram(bytes);
  if (!parsed.ok) return { ok: false, fileName: file.name, message: parsed.error.message };
  return { ok: true, fileName: file.name, suggestedName: baseNameOf(file.name), xml: parsed.xml, warnings: parsed.warnings };
}
