import type { BpmnModdle, ParseWarning } from 'bpmn-moddle';
import { createModdle } from './moddle';
import { decodeDiagramBytes, sniffBinary } from './decodeDiagram';
import { diagramMessage, type DiagramMessageCode, type DiagramMessageParams } from './diagramMessages';
import { DIAGRAM_LIMITS, measureXml } from './limits';
import { resolveModelQNames } from './qnameRefs';
import { applyDiagramChoice, chooseDiagram, isEmptyChoice } from './diagramChoice';

/**
 * Opening a .bpmn file from anywhere (file picker, drag and drop, Dexie, CLI): every way a file can
 * be unusable ends in one DiagramError with a Japanese sentence, never in an exception, and the
 * same checks run in node and in the browser because only bpmn-moddle and TextDecoder are used.
 */

export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const DEFAULT_MAX_DIAGRAM_BYTES = DIAGRAM_LIMITS.maxBytes;

export type DiagramErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'too-many-elements'
  | 'too-deep'
  | 'encoding'
  | 'not-xml'
  | 'not-bpmn'
  | 'entity'
  | 'duplicate-id'
  | 'no-process'
  | 'invalid';

export interface DiagramError {
  code: DiagramErrorCode;
  /** One Japanese sentence for the user, naming the element id / line when known. */
  message: string;
  /** Technical detail (the parser's own words) for a "詳細" disclosure. */
  detail?: string;
  line?: number;
  elementId?: string;
  /** For the limits: the i18n key (resources/diagramFile.ts) and its parameters, e.g. { value: 40002, max: 30000 }. */
  messageCode?: DiagramMessageCode;
  params?: DiagramMessageParams;
}

export interface ParseDiagramOptions {
  /** Default DIAGRAM_LIMITS.maxBytes (20 MB). */
  maxBytes?: number;
  /** Default DIAGRAM_LIMITS.maxElements / maxDepth; only tests lower them. */
  maxElements?: number;
  maxDepth?: number;
  /**
   * bpmn-moddle drops the second element of a duplicated id, possibly a whole process; by default
   * that is refused. When true the file opens and the loss is reported as a warning.
   */
  allowDuplicateIds?: boolean;
}

// Moddle objects are dynamic; callers narrow with $type / $instanceOf.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModdleObject = any;

export interface ParsedDiagram {
  ok: true;
  definitions: ModdleObject;
  warnings: string[];
  elementsById: Record<string, ModdleObject>;
  /** The instance that parsed the file; use it to create elements that go into this tree. */
  moddle: BpmnModdle;
  /** The decoded text, e.g. for readQbp (parts bpmn-moddle drops). */
  xml: string;
  /** bpmn-moddle's own warnings, with the element each is about (the import report names it). */
  moddleWarnings: ParseWarning[];
  /** What the reader repaired so the file draws what it holds (the import report tells the user). */
  repairs: DiagramRepairs;
}

export interface DiagramRepairs {
  /** References written as `prefix:id` with the prefix bound to the BPMN model namespace, read as `id`. */
  qnameReferences: number;
  qnamePrefixes: string[];
  /** Planes that pointed at a process (or nothing) while their shapes belong to a collaboration. */
  retargeted: Array<{ diagramId?: string; diagramName?: string; from?: string; fromName?: string; to: string; toName?: string }>;
  /** The first diagram drew nothing; this one (its index in the file) is opened instead. */
  openedInstead?: { index: number; diagramId?: string; diagramName?: string };
}

export type ParseDiagramResult = ParsedDiagram | { ok: false; error: DiagramError };

const fail = (error: DiagramError): { ok: false; error: DiagramError } => ({ ok: false, error });

const formatMb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export async function parseDiagram(input: string | Uint8Array, opts: ParseDiagramOptions = {}): Promise<ParseDiagramResult> {
  const decoded = readDiagramText(input, opts.maxBytes ?? DEFAULT_MAX_DIAGRAM_BYTES);
  if (!decoded.ok) return fail(decoded.error);
  const text = decoded.text;
  if (!text.trim()) return fail({ code: 'empty', message: 'ファイルに内容がありません（空白のみ）。' });
  const binary = sniffBinary(text);
  if (binary) return fail(binary);

  const head = text.trimStart();
  if (!head.startsWith('<')) {
    return fail({
      code: 'not-xml',
      message: `XML ファイルではありません（先頭が「${head.slice(0, 20).replace(/\s+/g, ' ')}…」）。BPMN 2.0 の .bpmn ファイルを選んでください。`,
    });
  }
  // Entity expansion is refused before any parser sees the text: a DTD is never needed in BPMN.
  // CDATA sections and comments are text: an HTML snippet with <!DOCTYPE html> in documentation is no DTD.
  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' ')));
  if (dtd) {
    return fail({
      code: 'entity',
      message: `DOCTYPE / ENTITY 宣言を含むファイルは安全のため開けません（${lineAt(text, dtd.index)}行目）。`,
      line: lineAt(text, dtd.index),
    });
  }
  const root = checkRoot(text);
  if (root) return fail(root);
  const limit = checkLimits(text, opts);
  if (limit) return fail(limit);

  // References written as QNames into the BPMN namespace (`bpmn2:_b_…`) are read as the ids they name.
  const qnames = resolveModelQNames(text);
  const first = await readModel(qnames.text, head, opts);
  if (!first.ok) return first;
  // A plane on an empty process or an empty first diagram would open as an empty canvas: repair the
  // text the way a person would (plane → the collaboration, the diagram with content first) and read it again.
  const choice = chooseDiagram(first.definitions);
  const read = isEmptyChoice(choice) ? first : await readModel(applyDiagramChoice(qnames.text, choice), head, opts);
  if (!read.ok) return read;
  const repairs: DiagramRepairs = {
    qnameReferences: qnames.resolved,
    qnamePrefixes: qnames.prefixes,
    retargeted: choice.retarget.map(({ index: _i, ...r }) => r),
    ...(choice.open !== undefined ? { openedInstead: { index: choice.open, ...diagramLabel(first.definitions.diagrams?.[choice.open]) } } : {}),
  };
  return { ...read, repairs };
}

const diagramLabel = (d: ModdleObject): { diagramId?: string; diagramName?: string } => ({
  ...(typeof d?.id === 'string' ? { diagramId: d.id } : {}),
  ...(typeof d?.name === 'string' && d.name.trim() ? { diagramName: d.name.trim() } : {}),
});

/** bpmn-moddle over the (repaired) text, with the duplicate-id and no-process refusals. */
async function readModel(text: string, head: string, opts: ParseDiagramOptions): Promise<Omit<ParsedDiagram, 'repairs'> | { ok: false; error: DiagramError }> {
  // The bytes were decoded already; the declared encoding would only make moddle warn again.
  const forModdle = text.replace(/^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
  const moddle = createModdle();
  let result;
  try {
    result = await moddle.fromXML(forModdle, 'bpmn:Definitions');
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const line = lineFromMessage(detail);
    if (/missing start tag|unparsable content/.test(detail) && !/<\w/.test(head.slice(0, 200)))
      return fail({ code: 'not-xml', message: 'XML として読み取れません。BPMN 2.0 の .bpmn ファイルを選んでください。', detail, line });
    return fail({
      code: 'invalid',
      message: `BPMN として読み込めませんでした${line !== undefined ? `（${line}行目付近）` : ''}: ${translateNested(detail)}`,
      detail,
      line,
    });
  }

  const warnings: string[] = [];
  for (const w of result.warnings) {
    const duplicate = /duplicate ID <([^>]*)>/.exec(w.error?.message ?? w.message);
    if (duplicate && !opts.allowDuplicateIds && !isDetailTag(tagOf(w.message))) {
      const line = lineFromMessage(w.message);
      return fail({
        code: 'duplicate-id',
        message: `ID「${duplicate[1]}」が重複しています${line !== undefined ? `（${line}行目 ${tagOf(w.message)}）` : ''}。このまま開くと片方の要素が失われるため開けません。作成元のツールで ID を修正してください。`,
        detail: w.message,
        line,
        elementId: duplicate[1],
      });
    }
    warnings.push(translateWarning(w));
  }

  const definitions = result.rootElement;
  const roots: ModdleObject[] = definitions?.rootElements ?? [];
  if (!roots.some((r) => r.$type === 'bpmn:Process' || r.$type === 'bpmn:Collaboration')) {
    return fail({
      code: 'no-process',
      message: 'プロセスもコラボレーション（プール）も含まれていないため、図として開けません。',
      detail: result.warnings.map((w) => w.message).join('\n') || undefined,
    });
  }
  return { ok: true, definitions, warnings, elementsById: result.elementsById, moddle, xml: text, moddleWarnings: result.warnings };
}

/**
 * The one decoder: bytes (or text already decoded) → text, with the size limit, BOM / declaration
 * detection (UTF-8, UTF-16LE/BE) and binary refusal. Every way in (UI import, workspace file, worker,
 * each CLI command) passes through here, so a UTF-16 file reads the same everywhere.
 */
export function readDiagramText(
  input: string | Uint8Array,
  maxBytes: number = DIAGRAM_LIMITS.maxBytes,
): { ok: true; text: string } | { ok: false; error: DiagramError } {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size === 0) return fail({ code: 'empty', message: 'ファイルが空です（0 バイト）。BPMN ファイルを選び直してください。' });
  if (size > maxBytes) {
    const params = { value: formatMb(size), max: formatMb(maxBytes) };
    return fail({ code: 'too-large', message: diagramMessage('limit.maxBytes', params), messageCode: 'limit.maxBytes', params });
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeDiagramBytes(input);
    if (!decoded.ok) return fail(decoded.error);
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** Element count and nesting depth (limits.ts), checked on the text before any parser builds a tree. */
export function checkLimits(text: string, opts: Pick<ParseDiagramOptions, 'maxElements' | 'maxDepth'> = {}): DiagramError | undefined {
  const { breach } = measureXml(text, {
    maxElements: opts.maxElements ?? DIAGRAM_LIMITS.maxElements,
    maxDepth: opts.maxDepth ?? DIAGRAM_LIMITS.maxDepth,
  });
  if (!breach) return undefined;
  const messageCode = breach.limit === 'maxElements' ? 'limit.maxElements' : 'limit.maxDepth';
  const params = { value: breach.value, max: breach.max };
  return {
    code: breach.limit === 'maxElements' ? 'too-many-elements' : 'too-deep',
    message: diagramMessage(messageCode, params),
    messageCode,
    params,
  };
}

/** The file as text again (UTF-8, indented); the same moddle rules as the modeler's saveXML. */
export async function serializeDiagram(definitions: ModdleObject): Promise<string> {
  try {
    const { xml } = await createModdle().toXML(definitions, { format: true });
    return xml;
  } catch (err) {
    throw new DiagramSerializeError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * bpmn-moddle cannot write some vendor extensions back (e.g. children declared with xmlns="",
 * seen in Signavio exports); the file opens but cannot be saved as is.
 */
export class DiagramSerializeError extends Error {
  readonly detail: string;
  constructor(detail: string) {
    const prefix = /no namespace uri given for prefix <([^>]*)>/.exec(detail)?.[1];
    super(
      prefix !== undefined
        ? `図を BPMN として書き出せません: 名前空間が宣言されていない拡張要素（接頭辞 ${prefix}）が含まれています。作成元ツールの独自拡張を削除してから保存してください。`
        : `図を BPMN として書き出せません: ${detail}`,
    );
    this.name = 'DiagramSerializeError';
    this.detail = detail;
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function lineFromMessage(message: string): number | undefined {
  const m = /line:\s*(\d+)/.exec(message);
  // moddle-xml counts lines from 0.
  return m ? Number(m[1]) + 1 : undefined;
}

/**
 * Elements whose loss does not change what the diagram shows or simulates (Signavio repeats
 * ioSpecification ids); a duplicate among these is a warning, anything else is refused.
 */
const DETAIL_TAGS =
  /^<(\w+:)?(ioSpecification|inputSet|outputSet|dataInput|dataOutput|property|dataInputAssociation|dataOutputAssociation|documentation|extensionElements|BPMNLabel|BPMNLabelStyle)>$/;
export const isDetailTag = (tag: string): boolean => DETAIL_TAGS.test(tag);

const tagOf = (message: string) => /<[^>]+>/.exec(message)?.[0] ?? '';

/** First element's name and its xmlns declarations, so a non-BPMN root is named exactly. */
function checkRoot(text: string): DiagramError | undefined {
  const re = /<(\?[\s\S]*?\?>|!--[\s\S]*?-->|([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)([^>]*)>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!m[2]) continue;
    const qname = m[2];
    const attrs = m[3] ?? '';
    const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
    const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
    const ns = new RegExp(`(?:^|\\s)${nsAttr.replace('.', '\\.')}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs)?.[2];
    if (local !== 'definitions')
      return {
        code: 'not-bpmn',
        message: `BPMN ファイルではありません（ルート要素が <${qname}> です。<definitions> が必要です）。`,
        line: lineAt(text, m.index),
      };
    if (ns === undefined)
      return {
        code: 'not-bpmn',
        message: `BPMN の名前空間が宣言されていません（<${qname}> に ${nsAttr}="${BPMN_MODEL_NS}" がありません）。`,
        line: lineAt(text, m.index),
      };
    if (ns !== BPMN_MODEL_NS)
      return {
        code: 'not-bpmn',
        message: `BPMN 2.0 ファイルではありません（<${qname}> の名前空間が「${ns}」です）。`,
        line: lineAt(text, m.index),
      };
    return undefined;
  }
  return { code: 'not-xml', message: 'XML の要素が見つかりません。BPMN 2.0 の .bpmn ファイルを選んでください。' };
}

function translateNested(message: string): string {
  const nested = /nested error:\s*(.*)$/m.exec(message)?.[1] ?? message.split('\n')[0];
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/duplicate ID <([^>]*)>/, (m) => `ID「${m[1]}」が重複しています`],
    [/unrecognized element <([^>]*)>/, (m) => `未知の要素 <${m[1]}> です`],
    [/unexpected element <([^>]*)>/, (m) => `ここには置けない要素 <${m[1]}> です`],
    [/illegal ID <([^>]*)>/, (m) => `ID「${m[1]}」は XML の ID として使えません`],
    [/attribute <([^>]*)> already defined/, (m) => `属性 ${m[1]} が二重に書かれています`],
    [/missing attribute value/, () => '属性の値がありません'],
    [/illegal first char attribute name/, () => '属性名が不正です'],
    [/unknown type <([^>]*)>/, (m) => `未知の型 <${m[1]}> です`],
    [/failed to parse document as <([^>]*)>/, (m) => `文書を <${m[1]}> として解釈できません`],
    [/unclosed tag|closing tag|missing start tag/i, () => 'XML のタグの対応が崩れています'],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(nested);
    if (m) return say(m);
  }
  return nested;
}

function translateWarning(w: ParseWarning): string {
  const msg = w.message;
  let m: RegExpExecArray | null;
  if ((m = /^unresolved reference <([^>]*)>/.exec(msg))) return `参照先「${m[1]}」が見つからないため、その参照は無視しました。`;
  if ((m = /^unknown attribute <([^>]*)>/.exec(msg))) return `未知の属性 ${m[1]} は無視しました。`;
  if ((m = /^unparsable content (<[^>]*>|[\s\S]*?) detected/.exec(msg))) {
    const line = lineFromMessage(msg);
    return `${m[1]}${line !== undefined ? `（${line}行目）` : ''} を読み込めなかったため無視しました: ${translateNested(msg)}。`;
  }
  if ((m = /^unsupported document encoding <([^>]*)>/.exec(msg))) return `文字コード ${m[1]} には対応していないため UTF-8 として読み込みました。`;
  return msg.split('\n')[0];
}
