/**
 * A diagram as BIMP alone would save it: every bpr: annotation removed, the qbp block kept. Text
 * edits are enough for files we wrote ourselves (bpr elements are never nested in themselves).
 */
export function stripBprAnnotations(xml: string): string {
  return xml
    .replace(/<bpr:(\w+)\b[^>]*\/>/g, '')
    .replace(/<bpr:(\w+)\b[^>]*>[\s\S]*?<\/bpr:\1>/g, '')
    .replace(/\sbpr:\w+="[^"]*"/g, '')
    .replace(/<bpmn:extensionElements>\s*<\/bpmn:extensionElements>/g, '');
}
