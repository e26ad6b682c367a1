// bpmnlint's built-in rules are CommonJS files without typings; we only call them as rule factories.
declare module 'bpmnlint/rules/*' {
  const factory: (config?: unknown) => { check: unknown; meta?: unknown };
  export default factory;
}
