import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import '@bpmn-io/properties-panel/assets/properties-panel.css';
import './bprProperties.css';
import BprPropertiesProvider from './BprPropertiesProvider';

/**
 * The properties panel with BPR groups (職員処理時間, 住民・待ち時間, 担当, 分岐確率, 申請件数,
 * 役割, 開庁時間). The editor page passes `propertiesPanel: { parent }` in the Modeler options.
 */
export default {
  __depends__: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule],
  __init__: ['bprPropertiesProvider'],
  bprPropertiesProvider: ['type', BprPropertiesProvider],
};
