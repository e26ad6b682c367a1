import { createModdle } from '../../../src/domain/bpmn/moddle';
import { type LintFinding, lintDefinitions } from '../../../src/domain/lint/lintDiagram';

/** Small inline BPMN builders so each rule test shows its whole diagram. */

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0"';

export const definitions = (body: string, id = 'Defs_1') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NS} id="${id}" targetNamespace="urn:test">${wire(body)}</bpmn:definitions>`;

/** Adds <incoming>/<outgoing> to every flow's ends, as bpmn-js writes them (bpmnlint's rules read those). */
function wire(xml: string): string {
  const refs = new Map<string, string[]>();
  const add = (id: string, child: string) => refs.set(id, [...(refs.get(id) ?? []), child]);
  for (const m of xml.matchAll(/<bpmn:sequenceFlow id="([^"]+)" sourceRef="([^"]+)" targetRef="([^"]+)"/g)) {
    add(m[2], `<bpmn:outgoing>${m[1]}</bpmn:outgoing>`);
    add(m[3], `<bpmn:incoming>${m[1]}</bpmn:incoming>`);
  }
  let out = xml;
  for (const [id, children] of refs) {
    const open = new RegExp(`<bpmn:(\\w+) id="${id}"([^>]*?)(/?)>`);
    const m = open.exec(out);
    if (!m) continue;
    const tag = m[1];
    if (m[3] === '/') {
      out = out.replace(m[0], `<bpmn:${tag} id="${id}"${m[2]}>${children.join('')}</bpmn:${tag}>`);
    } else {
      // After the element's own content but before its closing tag (our fixture elements do not nest same tags).
      const close = out.indexOf(`</bpmn:${tag}>`, m.index);
      out = out.slice(0, close) + children.join('') + out.slice(close);
    }
  }
  return out;
}

export const settings = (roles: Array<[string, number?]>) =>
  `<bpmn:extensionElements><bpr:settings>${roles
    .map(([name, headcount]) => `<bpr:role name="${name}"${headcount === undefined ? '' : ` headcount="${headcount}"`}/>`)
    .join('')}</bpr:settings></bpmn:extensionElements>`;

export const process = (body: string, opts: { id?: string; roles?: Array<[string, number?]> } = {}) =>
  `<bpmn:process id="${opts.id ?? 'Process_1'}">${opts.roles ? settings(opts.roles) : ''}${body}</bpmn:process>`;

/** A start event with a yearly volume (omit the volume to leave it out). */
export const start = (id: string, volume: number | null = 1000) =>
  `<bpmn:startEvent id="${id}">${
    volume === null ? '' : `<bpmn:extensionElements><bpr:arrivals annualVolume="${volume}"/></bpmn:extensionElements>`
  }</bpmn:startEvent>`;

export const end = (id: string) => `<bpmn:endEvent id="${id}"/>`;

export interface StepOpts {
  staff?: number;
  resident?: number;
  role?: string;
  tag?: string;
}

export const task = (id: string, name: string, o: StepOpts = { staff: 5 }) => {
  const tag = o.tag ?? 'task';
  const inner =
    (o.staff === undefined ? '' : `<bpr:staffTime type="fixed" value="${o.staff}"/>`) +
    (o.resident === undefined ? '' : `<bpr:residentTime type="fixed" value="${o.resident}"/>`);
  const step = inner || o.role ? `<bpmn:extensionElements><bpr:step${o.role ? ` role="${o.role}"` : ''}>${inner}</bpr:step></bpmn:extensionElements>` : '';
  return `<bpmn:${tag} id="${id}" name="${name}">${step}</bpmn:${tag}>`;
};

export const flow = (id: string, from: string, to: string, probability?: number, name?: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"${
    probability === undefined ? '' : ` bpr:probability="${probability}"`
  }${name ? ` name="${name}"` : ''}/>`;

export const xor = (id: string, name: string, defaultFlow?: string) =>
  `<bpmn:exclusiveGateway id="${id}" name="${name}"${defaultFlow ? ` default="${defaultFlow}"` : ''}/>`;

export const or = (id: string, name: string, defaultFlow?: string) =>
  `<bpmn:inclusiveGateway id="${id}" name="${name}"${defaultFlow ? ` default="${defaultFlow}"` : ''}/>`;

export async function parse(xml: string) {
  const { rootElement, warnings } = await createModdle().fromXML(xml);
  if (warnings.length) throw new Error(`fixture warnings: ${warnings.map((w) => w.message).join('; ')}`);
  return rootElement;
}

/** Lint and keep only the given rule's findings. */
export async function findingsOf(rule: string, xml: string): Promise<LintFinding[]> {
  return (await lintDefinitions(await parse(xml))).filter((f) => f.rule === rule);
}

/** start → a → b → end with roles and volume set: passes every rule. */
export const cleanProcess = (roles: Array<[string, number?]> = [['窓口', 2]]) =>
  definitions(
    process(
      start('Start_1') +
        task('Task_A', '受付', { staff: 5, role: '窓口' }) +
        task('Task_B', '入力', { staff: 10, role: '窓口' }) +
        end('End_1') +
        flow('F1', 'Start_1', 'Task_A') +
        flow('F2', 'Task_A', 'Task_B') +
        flow('F3', 'Task_B', 'End_1'),
      { roles },
    ),
  );
