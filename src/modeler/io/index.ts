/** Import/export helpers for the editor and workspace pages. */
export { exportBpmn, exportPng, exportSvg } from './exportImage';
export { downloadBlob } from './download';
export { MAX_IMPORT_BYTES, FileReadError, readImportFile, baseNameOf, firstDroppedFile, dragHasFiles } from './files';
export { newProcessXml, DEFAULT_LANES, escapeXml } from './newDiagram';
