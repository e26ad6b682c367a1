import HeatOverlay from './HeatOverlay';
import './heatOverlay.css';

/** `heatOverlay` service: simulation hours per task as shading and labels on the diagram (display only). */
export default {
  __init__: ['heatOverlay'],
  heatOverlay: ['type', HeatOverlay],
};

export type { HeatEntry } from './HeatOverlay';
export type { default as HeatOverlay } from './HeatOverlay';
