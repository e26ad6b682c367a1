import { BpmnModdle } from 'bpmn-moddle';
import { bprDescriptor } from './bprDescriptor';

/** A bpmn-moddle that knows the `bpr:` extension; one per parse keeps ids and caches apart. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ bpr: bprDescriptor as unknown as object });
}

/** Extension packages to hand to bpmn-js (`moddleExtensions`) so the modeler reads and writes `bpr:`. */
export const moddleExtensions = { bpr: bprDescriptor as unknown as object };
