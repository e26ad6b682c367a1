/**
 * A small tolerant XML element reader for vendor fragments that bpmn-moddle does not keep (e.g. a
 * BIMP block placed directly under <definitions>). No DOMParser in node or in a worker, so this
 * reads elements, attributes and text only; DTDs never reach it (parseDiagram refuses them).
 */

export interface XmlNode {
  /** Qualified name as written, e.g. "qbp:element". */
  name: string;
  /** Name without prefix. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e] ?? all;
  });
}

const localOf = (q: string) => q.slice(q.indexOf(':') + 1);

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) attrs[m[1]] = decodeEntities(m[3] ?? m[4] ?? '');
  return attrs;
}

/**
 * Read the element starting at `start` (the index of its '<') up to its matching end tag.
 * Returns undefined when the fragment is cut off.
 */
export function readElementAt(xml: string, start: number): { node: XmlNode; end: number } | undefined {
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let i = start;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return undefined;
    if (stack.length && lt > i) stack[stack.length - 1].text += decodeEntities(xml.slice(i, lt));
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) return undefined;
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) return undefined;
      if (stack.length) stack[stack.length - 1].text += xml.slice(lt + 9, e);
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) return undefined;
      i = e + 2;
      continue;
    }
    const gt = findTagEnd(xml, lt + 1);
    if (gt < 0) return undefined;
    const body = xml.slice(lt + 1, gt);
    if (body.startsWith('/')) {
      const closed = stack.pop();
      if (!closed) return undefined;
      if (stack.length === 0) return { node: closed, end: gt + 1 };
      i = gt + 1;
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const name = /^[^\s/>]+/.exec(inner)?.[0] ?? '';
    const node: XmlNode = { name, local: localOf(name), attrs: parseAttrs(inner.slice(name.length)), children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    if (selfClosing) {
      if (stack.length === 0) return { node, end: gt + 1 };
    } else {
      stack.push(node);
    }
    i = gt + 1;
  }
  return root && stack.length === 0 ? { node: root, end: i } : undefined;
}

// '>' may appear inside a quoted attribute value.
function findTagEnd(xml: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** Every element in `xml` whose local name is `local` and whose namespace is `nsUri`. */
export function findElementsByNs(xml: string, nsUri: string, local: string): Array<{ node: XmlNode; at: number }> {
  const prefixes = new Set<string>();
  const decl = /xmlns(?::([\w.-]+))?\s*=\s*(["'])(.*?)\2/g;
  let m: RegExpExecArray | null;
  while ((m = decl.exec(xml))) if (m[3] === nsUri) prefixes.add(m[1] ?? '');
  const out: Array<{ node: XmlNode; at: number }> = [];
  for (const prefix of prefixes) {
    const tag = prefix ? `<${prefix}:${local}` : `<${local}`;
    let from = 0;
    for (;;) {
      const at = xml.indexOf(tag, from);
      if (at < 0) break;
      const next = xml[at + tag.length];
      from = at + tag.length;
      if (next !== undefined && !/[\s/>]/.test(next)) continue;
      const read = readElementAt(xml, at);
      if (!read) continue;
      // An unprefixed match only counts when that element itself declares the namespace.
      if (!prefix && read.node.attrs.xmlns !== nsUri) continue;
      out.push({ node: read.node, at });
      from = read.end;
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

export const childrenNamed = (n: XmlNode | undefined, local: string): XmlNode[] => n?.children.filter((c) => c.local === local) ?? [];
export const childNamed = (n: XmlNode | undefined, local: string): XmlNode | undefined => n?.children.find((c) => c.local === local);
