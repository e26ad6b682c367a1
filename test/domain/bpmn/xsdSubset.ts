import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readElementAt, type XmlNode } from '../../../src/domain/bpmn/xmlFragment';

/**
 * No XSD validator ships with node and none is installed, and xmllint is absent on a fresh Debian
 * image. This reads the schema file itself and checks an instance against the parts of XML Schema
 * that QBPSchema.xsd uses: named and inline complex/simple types, complexContent extension,
 * sequences with min/maxOccurs, attributes (required, typed, restricted, enumerated), xs:ID
 * uniqueness and qualified child elements. Anything else in a schema is reported, not ignored.
 */

interface Schema {
  complexTypes: Map<string, XmlNode>;
  simpleTypes: Map<string, XmlNode>;
  elements: Map<string, XmlNode>;
}

const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);
const kids = (n: XmlNode, name: string) => n.children.filter((c) => c.local === name);
const kid = (n: XmlNode, name: string) => n.children.find((c) => c.local === name);

export function loadSchema(xsdText: string): Schema {
  const root = readElementAt(xsdText, xsdText.indexOf('<schema'))?.node;
  if (!root) throw new Error('schema not readable');
  const schema: Schema = { complexTypes: new Map(), simpleTypes: new Map(), elements: new Map() };
  for (const c of root.children) {
    if (c.local === 'complexType') schema.complexTypes.set(c.attrs.name, c);
    else if (c.local === 'simpleType') schema.simpleTypes.set(c.attrs.name, c);
    else if (c.local === 'element') schema.elements.set(c.attrs.name, c);
  }
  return schema;
}

// eslint-disable-next-line no-misleading-character-class -- XML's NameChar includes the combining range U+0300–U+036F
const NCNAME = /^[\p{L}_][\p{L}\p{N}_.\-\u00B7\u0300-\u036F\u203F-\u2040]*$/u;
const BUILTIN: Record<string, (v: string) => boolean> = {
  string: () => true,
  ID: (v) => NCNAME.test(v),
  int: (v) => /^[+-]?\d+$/.test(v.trim()) && Math.abs(Number(v)) <= 2147483648,
  double: (v) => /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|INF|-INF|NaN)$/.test(v.trim()),
  boolean: (v) => ['true', 'false', '1', '0'].includes(v.trim()),
  dateTime: (v) => /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(v.trim()),
  time: (v) => /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(v.trim()),
};

export function validateAgainst(schema: Schema, instance: XmlNode): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  const prefix = instance.name.includes(':') ? instance.name.slice(0, instance.name.indexOf(':')) : '';

  const checkSimple = (value: string, typeName: string | undefined, inline: XmlNode | undefined, where: string) => {
    if (inline) {
      const r = kid(inline, 'restriction');
      if (!r) return errors.push(`${where}: unsupported simpleType`);
      checkSimple(value, local(r.attrs.base), undefined, where);
      const n = Number(value);
      for (const f of r.children) {
        const lim = Number(f.attrs.value);
        const bad =
          (f.local === 'minInclusive' && !(n >= lim)) ||
          (f.local === 'minExclusive' && !(n > lim)) ||
          (f.local === 'maxInclusive' && !(n <= lim)) ||
          (f.local === 'maxExclusive' && !(n < lim));
        if (bad) errors.push(`${where}: ${value} violates ${f.local} ${f.attrs.value}`);
        if (f.local === 'enumeration') continue;
        if (!['minInclusive', 'minExclusive', 'maxInclusive', 'maxExclusive', 'annotation'].includes(f.local))
          errors.push(`${where}: unsupported facet ${f.local}`);
      }
      const en = kids(r, 'enumeration').map((e) => e.attrs.value);
      if (en.length && !en.includes(value)) errors.push(`${where}: "${value}" not in ${en.join('|')}`);
      return;
    }
    const t = typeName ?? 'string';
    if (BUILTIN[t]) {
      if (!BUILTIN[t](value)) errors.push(`${where}: "${value}" is not a valid ${t}`);
      if (t === 'ID') {
        if (ids.has(value)) errors.push(`${where}: duplicate ID "${value}"`);
        ids.add(value);
      }
      return;
    }
    const named = schema.simpleTypes.get(t);
    if (!named) return errors.push(`${where}: unknown type ${t}`);
    checkSimple(value, undefined, named, where);
  };

  /** Attribute declarations and the content particle of a complex type, extensions flattened. */
  const flatten = (ct: XmlNode): { attrs: XmlNode[]; sequences: XmlNode[] } => {
    const ext = kid(kid(ct, 'complexContent') ?? ct, 'extension');
    const base = ext ? flatten(schema.complexTypes.get(local(ext.attrs.base)) as XmlNode) : { attrs: [], sequences: [] };
    const own = ext ?? ct;
    return { attrs: [...base.attrs, ...kids(own, 'attribute')], sequences: [...base.sequences, ...kids(own, 'sequence')] };
  };

  const checkElement = (inst: XmlNode, decl: XmlNode, path: string) => {
    const typeName = decl.attrs.type ? local(decl.attrs.type) : undefined;
    const ct = kid(decl, 'complexType') ?? (typeName ? schema.complexTypes.get(typeName) : undefined);
    if (!ct) {
      if (inst.children.length) errors.push(`${path}: simple element has child elements`);
      const extra = Object.keys(inst.attrs).filter((a) => !a.startsWith('xmlns'));
      if (extra.length) errors.push(`${path}: simple element has attributes ${extra.join(',')}`);
      checkSimple(inst.text.trim(), typeName, kid(decl, 'simpleType'), path);
      return;
    }
    const { attrs, sequences } = flatten(ct);
    for (const a of attrs) {
      const v = inst.attrs[a.attrs.name];
      if (v === undefined) {
        if (a.attrs.use === 'required') errors.push(`${path}: missing required attribute ${a.attrs.name}`);
        continue;
      }
      checkSimple(v, a.attrs.type ? local(a.attrs.type) : undefined, kid(a, 'simpleType'), `${path}/@${a.attrs.name}`);
    }
    for (const name of Object.keys(inst.attrs))
      if (!name.startsWith('xmlns') && !attrs.some((a) => a.attrs.name === name)) errors.push(`${path}: attribute ${name} not allowed`);
    if (inst.text.trim()) errors.push(`${path}: text content not allowed`);

    const children = inst.children;
    let i = 0;
    for (const seq of sequences) {
      const maxRepeat = seq.attrs.maxOccurs === 'unbounded' ? Infinity : Number(seq.attrs.maxOccurs ?? 1);
      for (let rep = 0; rep < maxRepeat; rep++) {
        const startedAt = i;
        for (const particle of seq.children) {
          if (particle.local === 'annotation') continue;
          if (particle.local !== 'element') {
            errors.push(`${path}: unsupported particle ${particle.local}`);
            continue;
          }
          const min = Number(particle.attrs.minOccurs ?? 1);
          const max = particle.attrs.maxOccurs === 'unbounded' ? Infinity : Number(particle.attrs.maxOccurs ?? 1);
          let count = 0;
          while (i < children.length && children[i].local === particle.attrs.name && count < max) {
            const child = children[i];
            const childPrefix = child.name.includes(':') ? child.name.slice(0, child.name.indexOf(':')) : '';
            if (childPrefix !== prefix) errors.push(`${path}/${child.name}: not in the schema's namespace`);
            checkElement(child, particle, `${path}/${particle.attrs.name}[${count}]`);
            count++;
            i++;
          }
          if (count < min && !(rep > 0 && startedAt === i)) errors.push(`${path}: expected ${min}+ <${particle.attrs.name}>, found ${count}`);
        }
        if (i === startedAt || i >= children.length) break;
      }
    }
    if (i < children.length) errors.push(`${path}: unexpected element <${children[i].name}>`);
  };

  const decl = schema.elements.get(instance.local);
  if (!decl) return [`no global element ${instance.local}`];
  checkElement(instance, decl, instance.local);
  return errors;
}

/** xmllint, when the machine has it (set XMLLINT to point at another copy). */
export function findXmllint(): string | undefined {
  for (const p of [process.env.XMLLINT, '/usr/bin/xmllint', '/usr/local/bin/xmllint']) if (p && existsSync(p)) return p;
  return undefined;
}

export function xmllintValidate(xmllint: string, xsdPath: string, fragment: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qbp-xsd-'));
  const file = join(dir, 'fragment.xml');
  writeFileSync(file, fragment);
  const r = spawnSync(xmllint, ['--noout', '--nonet', '--schema', xsdPath, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
