import { DIAGRAM_LIMITS } from '../../domain/bpmn/limits';

/** Largest file we read: larger files are almost certainly not a hand-made BPMN and would stall the tab. */
export const MAX_IMPORT_BYTES = DIAGRAM_LIMITS.maxBytes;

export class FileReadError extends Error {
  constructor(
    message: string,
    readonly fileName: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

/** Reads a picked or dropped file as bytes, refusing files over the size limit with a Japanese message. */
export async function readImportFile(file: File, maxBytes = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  if (file.size > maxBytes) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new FileReadError(`「${file.name}」は ${mb} MB あり、読み込める上限 ${Math.round(maxBytes / 1024 / 1024)} MB を超えています。`, file.name);
  }
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (cause) {
    throw new FileReadError(`「${file.name}」を読み込めませんでした（${(cause as Error)?.message ?? cause}）。`, file.name);
  }
}

/** The process name a file suggests: its name without the BPMN/XML extension. */
export function baseNameOf(fileName: string): string {
  return fileName.replace(/\.(bpmn|bpmn2|xml)$/i, '').trim() || fileName;
}

/** The first file of a drop that is not a directory, or undefined. */
export function firstDroppedFile(dataTransfer: DataTransfer | null): File | undefined {
  const files = dataTransfer?.files;
  return files && files.length > 0 ? files[0] : undefined;
}

/** True while a drag carries files (not text or an element dragged inside the page). */
export function dragHasFiles(dataTransfer: DataTransfer | null): boolean {
  return !!dataTransfer && Array.from(dataTransfer.types).includes('Files');
}
