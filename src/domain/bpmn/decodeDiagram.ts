import type { DiagramError } from './parseDiagram';

/**
 * Bytes → text the way an XML parser would: BOM first, then the encoding declaration.
 * Exporters from other tools write ISO-8859-1 and Shift_JIS files, and a wrong guess silently
 * turns every Japanese task name into mojibake, so a declared encoding is decoded strictly.
 */

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 画像'],
  [[0xff, 0xd8, 0xff], 'JPEG 画像'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 画像'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP（Office 文書など）'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'Office 文書（旧形式）'],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; error: DiagramError };

export function decodeDiagramBytes(bytes: Uint8Array): DecodeResult {
  for (const [sig, what] of MAGIC)
    if (startsWith(bytes, sig))
      return { ok: false, error: { code: 'binary', message: `BPMN ファイルではなく ${what} のファイルです。.bpmn ファイルを選んでください。` } };

  let encoding: string | undefined;
  let offset = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    offset = 3;
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    offset = 2;
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    offset = 2;
  } else if (startsWith(bytes, [0x3c, 0x00, 0x3f, 0x00])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0x00, 0x3c, 0x00, 0x3f])) encoding = 'utf-16be';

  if (!encoding) {
    const probe = Math.min(bytes.length, 8192);
    for (let i = 0; i < probe; i++)
      if (bytes[i] === 0) return { ok: false, error: { code: 'binary', message: 'バイナリファイルのため開けません（テキストの XML ではありません）。' } };
    // The declaration is ASCII in every encoding this branch can meet.
    const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 200)));
    encoding = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1] ?? 'utf-8';
  }

  let decoder: TextDecoder;
  try {
    // CP932 / MS932 are Windows names for what the Encoding Standard calls Shift_JIS (windows-31j).
    decoder = new TextDecoder(/^(cp|ms|windows-?)932$/i.test(encoding) ? 'shift_jis' : encoding, { fatal: true });
  } catch {
    return { ok: false, error: { code: 'encoding', message: `文字コード「${encoding}」には対応していません。UTF-8 で保存し直してください。` } };
  }
  try {
    return { ok: true, text: decoder.decode(bytes.subarray(offset)), encoding: decoder.encoding };
  } catch {
    return {
      ok: false,
      error: {
        code: 'encoding',
        message: `文字コード「${encoding}」として読めないバイトが含まれています。ファイルの文字コード宣言と実際の保存形式が一致しているか確認してください。`,
      },
    };
  }
}

/** Text that is really a binary file read as text (e.g. a PNG given as a string). */
export function sniffBinary(text: string): DiagramError | undefined {
  const head = text.slice(0, 8192);
  if (/^\uFFFD?PNG\r?\n?/.test(head) || head.startsWith('\u0089PNG'))
    return { code: 'binary', message: 'BPMN ファイルではなく PNG 画像 のファイルです。.bpmn ファイルを選んでください。' };
  if (head.includes('\u0000')) return { code: 'binary', message: 'バイナリファイルのため開けません（テキストの XML ではありません）。' };
  return undefined;
}
