import type { ComparisonInputOptions } from '../../store/comparisonRepository';

/** JSON with keys sorted at every level, so {a,b} and {b,a} hash alike; undefined fields are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * SHA-256 of both diagrams and the options. Lengths prefix each part so moving text from one diagram
 * to the other can never give the same input string.
 */
export function comparisonInputHash(asIsXml: string, toBeXml: string, options: ComparisonInputOptions): Promise<string> {
  return hashInputs('bpr-compare-v1', [asIsXml, toBeXml], options);
}

/** The same for one diagram and its run settings: a stored simulation result is shown again only while this matches. */
export function simulationInputHash(xml: string, settings: object): Promise<string> {
  return hashInputs('bpr-simulate-v1', [xml], settings);
}

async function hashInputs(tag: string, texts: string[], options: object): Promise<string> {
  const text = `${tag}\n${texts.map((x) => `${x.length}\n${x}\n`).join('')}${canonicalJson(options)}`;
  const bytes = new TextEncoder().encode(text);
  const subtle = globalThis.crypto?.subtle;
  // crypto.subtle exists only in secure contexts; an intranet server on plain http still gets a hash.
  if (!subtle) return `fnv:${fnv1a64(bytes)}`;
  return `sha256:${hex(await subtle.digest('SHA-256', bytes))}`;
}

/** FNV-1a over 64 bits (BigInt), the fallback when Web Crypto is unavailable. */
export function fnv1a64(bytes: Uint8Array): string {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}
