import { isA, type ModdleElement } from '../../domain/bpmn/bprAccess';
import type { DiagramShape } from './annotationEdits';
import type { Debounce } from './entries';
import { flowGroups, isBranchFlow, startGroups } from './flowStartGroups';
import { settingsGroups } from './settingsGroups';
// rpa: RPA評価 group (src/modeler/bprProperties/rpaAssessmentGroup.ts)
import { rpaAssessmentGroups } from './rpaAssessmentGroup';
import { stepGroups, type GroupDef, type PanelServices } from './stepGroups';

interface Injector {
  get<T = unknown>(name: string, strict?: boolean): T;
}

// Below the BPMN provider's priority (1000) so our groups are appended after 一般 (General).
const PRIORITY = 500;

/** Adds the BPR groups to bpmn-js-properties-panel for the selected element. */
export default class BprPropertiesProvider {
  static $inject = ['propertiesPanel', 'injector'];
  private readonly services: PanelServices;
  private readonly injector: Injector;

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }, injector: Injector) {
    this.injector = injector;
    this.services = {
      modeling: injector.get('modeling'),
      moddle: injector.get('moddle'),
      definitions: () => injector.get<{ getDefinitions(): ModdleElement | undefined }>('bpmnjs').getDefinitions(),
      debounce: injector.get<Debounce | undefined>('debounceInput', false),
    };
    propertiesPanel.registerProvider(PRIORITY, this);
  }

  getGroups(element: DiagramShape) {
    return (groups: GroupDef[]) => [...groups, ...this.groupsFor(element)];
  }

  private groupsFor(element: DiagramShape): GroupDef[] {
    const bo = element?.businessObject;
    if (!bo) return [];
    if (element.type === 'label') return [];
    if (isA(bo, 'bpmn:Activity')) return [...stepGroups(element, this.services), ...rpaAssessmentGroups(element, this.services)]; // rpa: appended group
    if (isA(bo, 'bpmn:SequenceFlow') && isBranchFlow(bo)) return flowGroups(element, this.services);
    if (isA(bo, 'bpmn:StartEvent')) {
      const root = this.injector.get<{ getRootElement(): DiagramShape }>('canvas').getRootElement()?.businessObject;
      return startGroups(element, this.services, root);
    }
    if (isA(bo, 'bpmn:Process') || isA(bo, 'bpmn:Collaboration')) return settingsGroups(element, this.services);
    return [];
  }
}
