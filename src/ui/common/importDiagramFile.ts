import { importReportOf, isCleanImport, type ImportReport } from '../../domain/bpmn/importReport';
import { parseDiagram } from '../../domain/bpmn/parseDiagram';
import { ensureDiagramInterchange } from '../../domain/exchange/autoLayout';
import { baseNameOf, readImportFile } from '../../modeler/io/files';

export type ImportCheck =
  // exchange: `laidOut` — the file had no diagram interchange and was given an automatic layout.
  // `report`: what was read against what the file holds (shown when anything was dropped or is not drawn).
  // `clean`: nothing dropped, warned about or left undrawn (then 「インポートしました」 alone is enough).
  | { ok: true; fileName: string; suggestedName: string; xml: string; warnings: string[]; laidOut: boolean; report: ImportReport; clean: boolean }
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
  // exchange: files from process engines or written by hand often have no diagram; lay them out instead of refusing.
  let laid: { xml: string; laidOut: boolean };
  try {
    laid = await ensureDiagramInterchange(parsed.xml);
  } catch (error) {
    return { ok: false, fileName: file.name, message: `図の配置情報がなく、自動レイアウトもできませんでした: ${(error as Error).message}` };
  }
  // end exchange
  const measured = await importReportOf(parsed);
  // A file without shapes was just laid out: it draws, and the auto-layout notice says why.
  const report = laid.laidOut && measured.nothingDrawn?.reason === 'no-shapes' ? { ...measured, nothingDrawn: undefined } : measured;
  return {
    ok: true,
    fileName: file.name,
    suggestedName: baseNameOf(file.name),
    xml: laid.xml,
    warnings: parsed.warnings,
    laidOut: laid.laidOut,
    report,
    clean: isCleanImport(report),
  };
}
