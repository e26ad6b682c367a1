// Minimal typings for packages that ship none; only what this project calls.
declare module 'bpmn-moddle' {
  export interface ParseWarning { message: string; element?: unknown; property?: string; value?: unknown; error?: Error }
  export interface FromXMLResult { rootElement: any; references: unknown[]; warnings: ParseWarning[]; elementsById: Record<string, any> }
  export class BpmnModdle {
    constructor(packages?: Record<string, object>, options?: Record<string, unknown>);
    fromXML(xml: string, typeOrOptions?: string | Record<string, unknown>, options?: Record<string, unknown>): Promise<FromXMLResult>;
    toXML(element: unknown, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): any;
    getType(type: string): any;
    ids?: unknown;
  }
}
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(definitions: unknown): Promise<Record<string, Array<{ id?: string; message: string; category: string; path?: unknown; data?: unknown }>>>;
  }
}
declare module 'bpmnlint-utils' {
  export function is(node: unknown, type: string): boolean;
  export function isAny(node: unknown, types: string[]): boolean;
}
declare module 'bpmnlint/lib/*';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmn-js-properties-panel';
declare module '@bpmn-io/properties-panel';
declare module 'bpmn-auto-layout';
