import { createModdle } from './moddle';
import { BPMN_MODEL_NS } from './parseDiagram';

/**
 * References written as QNames into the BPMN model namespace, e.g. GenMyModel's
 * `processRef="bpmn2:_b_kOwR…"` with `xmlns:bpmn2` bound to the BPMN model namespace. The BPMN 2.0
 * schema types these references as xsd:QName, so the prefix is legal, but bpmn-moddle looks the whole
 * value up as an id, reports "unresolved reference" and the diagram draws nothing. This pass rewrites
 * such a value to the bare id before the parser sees the text — only for attributes and elements that
 * the BPMN/DI descriptors declare as references, only when the prefix is bound to the BPMN model
 * namespace, and only when an element with that id exists. Everything else stays byte for byte.
 */

interface ReferenceNames {
  /** Local names of attributes holding references (sourceRef, processRef, bpmnElement …). */
  attributes: Set<string>;
  /** Local names of elements whose text is a reference (incoming, flowNodeRef …). */
  elements: Set<string>;
}

let cached: ReferenceNames | undefined;

interface PackageLike {
  prefix: string;
  types?: Array<{ properties?: Array<{ name: string; isReference?: boolean; isAttr?: boolean }> }>;
}

/** Reference property names as the bpmn-moddle descriptors declare them (bpmn, bpmndi, di). */
function referenceNames(): ReferenceNames {
  if (cached) return cached;
  const moddle = createModdle();
  const names: ReferenceNames = { attributes: new Set(), elements: new Set() };
  const packages = (moddle as unknown as { getPackages(): PackageLike[] }).getPackages();
  for (const pkg of packages) {
    if (!['bpmn', 'bpmndi', 'di'].includes(pkg.prefix)) continue;
    for (const type of pkg.types ?? [])
      for (const p of type.properties ?? []) {
        if (!p.isReference) continue;
        const local = p.name.slice(p.name.indexOf(':') + 1);
        (p.isAttr ? names.attributes : names.elements).add(local);
      }
  }
  cached = names;
  return names;
}

export interface QNameResolution {
  text: string;
  /** How many reference values were rewritten to a bare id. */
  resolved: number;
  /** The prefixes that were stripped, e.g. ["bpmn2"]. */
  prefixes: string[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Comments and CDATA sections are text, never references: they are copied as they are. */
const PROTECTED = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;

export function resolveModelQNames(text: string): QNameResolution {
  const prefixes = [...text.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])([^"']*)\2/g)].filter((m) => m[3] === BPMN_MODEL_NS).map((m) => m[1]);
  const unchanged = { text, resolved: 0, prefixes: [] };
  if (prefixes.length === 0) return unchanged;
  // Fast path: no value or element text starts with such a prefix.
  const used = prefixes.filter((p) => new RegExp(`["'\\s>]${escapeRe(p)}:[^\\s"'<>]`).test(text));
  if (used.length === 0) return unchanged;

  const ids = new Set([...text.matchAll(/\sid\s*=\s*(["'])([^"']*)\1/g)].map((m) => m[2]));
  const prefixSet = new Set(used);
  const stripped = new Set<string>();
  let resolved = 0;
  /** One whitespace-separated token: `p:local` → `local` when p is a model prefix and local an id. */
  const resolveToken = (token: string): string => {
    const colon = token.indexOf(':');
    if (colon <= 0) return token;
    const prefix = token.slice(0, colon);
    const local = token.slice(colon + 1);
    if (!prefixSet.has(prefix) || !ids.has(local)) return token;
    resolved++;
    stripped.add(prefix);
    return local;
  };
  const resolveValue = (value: string) => value.replace(/[^\s]+/g, resolveToken);

  const { attributes, elements } = referenceNames();
  const attrRe = new RegExp(`(\\s(?:${[...attributes].map(escapeRe).join('|')})\\s*=\\s*)(["'])([^"'<]*)\\2`, 'g');
  const elementRe = new RegExp(`(<(?:[A-Za-z_][\\w.-]*:)?(?:${[...elements].map(escapeRe).join('|')})\\s*>)([^<]*)(?=</)`, 'g');
  const rewrite = (segment: string) =>
    segment
      .replace(attrRe, (_all, head: string, quote: string, value: string) => `${head}${quote}${resolveValue(value)}${quote}`)
      .replace(elementRe, (_all, open: string, body: string) => `${open}${resolveValue(body)}`);

  let out = '';
  let at = 0;
  for (const m of text.matchAll(PROTECTED)) {
    out += rewrite(text.slice(at, m.index)) + m[0];
    at = (m.index ?? 0) + m[0].length;
  }
  out += rewrite(text.slice(at));
  return resolved ? { text: out, resolved, prefixes: [...stripped] } : unchanged;
}
