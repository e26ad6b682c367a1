import { BpmnModdle } from 'bpmn-moddle';
import { bprDescriptor } from './bprDescriptor';
import { keepDescriptor } from './keepDescriptor';

/** A bpmn-moddle that knows the `bpr:` extension; one per parse keeps ids and caches apart. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle(moddleExtensions);
}

/**
 * Extension packages to hand to bpmn-js (`moddleExtensions`) so the modeler reads and writes `bpr:`,
 * and keeps other tools' content where plain bpmn-moddle would drop it (keepDescriptor).
 */
export const moddleExtensions = { bpr: bprDescriptor as unknown as object, bprkeep: keepDescriptor as unknown as object };
