import bprPropertiesModule from './bprProperties';
import { batchUpdateModule } from './bprProperties/batchUpdate';
import badgesModule from './badges';
import lintModule, { lintingOptions } from './lint';
import heatOverlayModule from './heatOverlay';
import translateModule from './translate';
import gatewayLabelModule from './gatewayLabel';
/**
 * The bpmn-js modules BPR Studio adds to the Modeler, in one list so the editor page and the
 * browser tests construct the same modeler. Each feature lives in src/modeler/<feature>/index.ts.
 * Keep this file a flat list: feature owners add their import and entry.
 */
export const bprModelerModules: unknown[] = [translateModule];
bprModelerModules.push(lintModule);
bprModelerModules.push(bprPropertiesModule, batchUpdateModule, badgesModule);
bprModelerModules.push(heatOverlayModule);
bprModelerModules.push(gatewayLabelModule);

/** Extra Modeler options a feature needs (e.g. `linting`), merged by the editor page. */
export const bprModelerOptions: Record<string, unknown> = {};
bprModelerOptions.linting = lintingOptions;
