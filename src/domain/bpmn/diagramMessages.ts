import diagramFile from '../../i18n/resources/diagramFile';

/**
 * Message codes of reading a diagram file (keys of i18n/resources/diagramFile.ts) and their sentence.
 * The domain keeps the code and parameters on every error and notice so the UI and CLI can show them
 * in either language; `message` fields carry the Japanese sentence made here from the same resource.
 */
export type DiagramMessageCode = keyof (typeof diagramFile)['ja'] & string;
export type DiagramMessageParams = Record<string, string | number>;

export interface DiagramNotice {
  code: DiagramMessageCode;
  params: DiagramMessageParams;
  /** The Japanese sentence, for callers that show text directly. */
  message: string;
}

export function diagramMessage(code: DiagramMessageCode, params: DiagramMessageParams = {}, lang: 'ja' | 'en' = 'ja'): string {
  const template: string = diagramFile[lang][code] ?? diagramFile.ja[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? show(params[name]) : whole));
}

// Counts read the same in both languages with a thousands separator (40,002).
const show = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('en-US') : v);

export const notice = (code: DiagramMessageCode, params: DiagramMessageParams = {}): DiagramNotice => ({ code, params, message: diagramMessage(code, params) });
