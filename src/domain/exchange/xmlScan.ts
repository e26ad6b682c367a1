/**
 * A forward-only XML tag scanner for spreadsheet parts. Excel, LibreOffice and other writers differ
 * in prefixes (`<x:c>`, `<c>`), quoting and whitespace, so everything is matched by local name.
 * No DOMParser exists in node or in a worker, and spreadsheet parts never carry DTDs we need.
 */
export interface XmlTag {
  kind: 'open' | 'close' | 'empty';
  /** Name without prefix, e.g. "c" for `<x:c …>`. */
  local: string;
  attrs: Record<string, string>;
  /** Text between the end of this tag and the next tag, entities decoded. */
  textAfter: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e] ?? all;
  });
}

export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Control characters other than tab/newline are not allowed in XML 1.0 and make Excel refuse the file.
      // eslint-disable-next-line no-control-regex -- those control characters are what this removes
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  );
}

const localOf = (q: string): string => q.slice(q.indexOf(':') + 1);

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) attrs[localOf(m[1])] = decodeXmlEntities(m[3] ?? m[4] ?? '');
  return attrs;
}

/** Every element tag in document order; comments, processing instructions and doctype are skipped. */
export function* scanXml(xml: string): Generator<XmlTag> {
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const e = xml.indexOf('-->', i + 4);
      if (e < 0) return;
      i = xml.indexOf('<', e + 3);
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      // CDATA only ever appears inside <t>; the caller sees it as text of the preceding tag via textAfter.
      i = xml.indexOf('<', xml.indexOf(']]>', i) + 3);
      continue;
    }
    if (xml[i + 1] === '?' || xml[i + 1] === '!') {
      const e = xml.indexOf('>', i);
      if (e < 0) return;
      i = xml.indexOf('<', e + 1);
      continue;
    }
    const end = findTagEnd(xml, i);
    if (end < 0) return;
    const body = xml.slice(i + 1, end);
    const next = nextTagStart(xml, end + 1);
    const textAfter = readText(xml, end + 1, next < 0 ? xml.length : next);
    if (body[0] === '/') {
      yield { kind: 'close', local: localOf(body.slice(1).trim()), attrs: {}, textAfter };
    } else {
      const selfClosing = body.endsWith('/');
      const inner = selfClosing ? body.slice(0, -1) : body;
      const nameEnd = inner.search(/\s|$/);
      yield {
        kind: selfClosing ? 'empty' : 'open',
        local: localOf(inner.slice(0, nameEnd)),
        attrs: parseAttrs(inner.slice(nameEnd)),
        textAfter,
      };
    }
    i = next;
  }
}

/** The '>' closing the tag at `start`, skipping '>' inside quoted attribute values. */
function findTagEnd(xml: string, start: number): number {
  let quote = '';
  for (let j = start + 1; j < xml.length; j++) {
    const ch = xml[j];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return j;
  }
  return -1;
}

/** Next '<' that starts markup other than CDATA (CDATA belongs to the text). */
function nextTagStart(xml: string, from: number): number {
  let j = xml.indexOf('<', from);
  while (j >= 0 && xml.startsWith('<![CDATA[', j)) {
    const e = xml.indexOf(']]>', j + 9);
    if (e < 0) return -1;
    j = xml.indexOf('<', e + 3);
  }
  return j;
}

function readText(xml: string, from: number, to: number): string {
  if (from >= to) return '';
  const raw = xml.slice(from, to);
  if (!raw.includes('<![CDATA[')) return decodeXmlEntities(raw);
  let out = '';
  let k = 0;
  while (k < raw.length) {
    const c = raw.indexOf('<![CDATA[', k);
    if (c < 0) {
      out += decodeXmlEntities(raw.slice(k));
      break;
    }
    out += decodeXmlEntities(raw.slice(k, c));
    const e = raw.indexOf(']]>', c + 9);
    out += raw.slice(c + 9, e < 0 ? raw.length : e);
    k = e < 0 ? raw.length : e + 3;
  }
  return out;
}
