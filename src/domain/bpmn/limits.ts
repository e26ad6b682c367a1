/**
 * The one set of limits for a BPMN file, wherever it comes from (file picker, drag and drop, workspace
 * file, worker, every CLI command). A file past a limit is refused before anything parses, renders
 * or saves it, so a small file with 40,000 tasks or 10,000 nested levels cannot hang the tab or reach
 * IndexedDB ("The serialized keys and/or value are too large").
 *
 * The figures leave a wide margin over real diagrams: the largest file in the outside corpus
 * (MIWG C.8.0) has about 2,400 XML elements and a depth under 15.
 */
export const DIAGRAM_LIMITS = {
  /** Bytes of the file as stored on disk. */
  maxBytes: 20 * 1024 * 1024,
  /** XML elements in the file (tasks, flows, DI shapes, waypoints, extensions: every start tag). */
  maxElements: 30_000,
  /** Nesting depth of XML elements (definitions = 1). */
  maxDepth: 100,
} as const;

export type DiagramLimit = keyof typeof DIAGRAM_LIMITS;

export interface XmlShape {
  elements: number;
  depth: number;
}

export type LimitBreach = { limit: 'maxElements'; value: number; max: number } | { limit: 'maxDepth'; value: number; max: number };

/**
 * Counts XML elements and the deepest nesting with one pass over the text (no parser, no tree), and
 * stops as soon as a limit is passed so a hostile file costs no more than the limit itself.
 * Comments, CDATA, processing instructions and quoted attribute values are skipped, so a '<' or '>'
 * inside them is not mistaken for a tag.
 */
export function measureXml(text: string, limits: { maxElements: number; maxDepth: number } = DIAGRAM_LIMITS): { shape: XmlShape; breach?: LimitBreach } {
  let elements = 0;
  let depth = 0;
  let maxSeen = 0;
  let i = text.indexOf('<');
  const n = text.length;
  while (i !== -1 && i < n) {
    const next = text.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (text.startsWith('<!--', i)) i = after(text, '-->', i + 4);
      else if (text.startsWith('<![CDATA[', i)) i = after(text, ']]>', i + 9);
      else i = after(text, '>', i + 2);
    } else if (next === 63 /* ? */) {
      i = after(text, '?>', i + 2);
    } else if (next === 47 /* / */) {
      depth = Math.max(0, depth - 1);
      i = after(text, '>', i + 2);
    } else {
      // A start tag: find its end outside quoted attribute values.
      let j = i + 1;
      let quote = 0;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62 /* > */) break;
      }
      elements++;
      const selfClosing = text.charCodeAt(j - 1) === 47;
      if (!selfClosing) {
        depth++;
        if (depth > maxSeen) maxSeen = depth;
      } else if (depth + 1 > maxSeen) maxSeen = depth + 1;
      if (elements > limits.maxElements)
        return { shape: { elements, depth: maxSeen }, breach: { limit: 'maxElements', value: countRest(text, j, elements), max: limits.maxElements } };
      if (maxSeen > limits.maxDepth) return { shape: { elements, depth: maxSeen }, breach: { limit: 'maxDepth', value: maxSeen, max: limits.maxDepth } };
      i = j + 1;
    }
    if (i === -1 || i >= n) break;
    i = text.indexOf('<', i);
  }
  return { shape: { elements, depth: maxSeen } };
}

function after(text: string, end: string, from: number): number {
  const k = text.indexOf(end, from);
  return k === -1 ? -1 : k + end.length;
}

/**
 * The element count for the message: the user is told how many elements the file holds, not where
 * counting stopped. A rough count of '<' followed by a name character is enough for that sentence
 * and stays linear.
 */
function countRest(text: string, from: number, counted: number): number {
  let extra = 0;
  for (let k = text.indexOf('<', from); k !== -1; k = text.indexOf('<', k + 1)) {
    const c = text.charCodeAt(k + 1);
    if (c !== 47 && c !== 33 && c !== 63) extra++;
  }
  return counted + extra;
}
