import { is } from 'bpmn-js/lib/util/ModelUtil';

/**
 * A gateway appended from the context pad (or dropped from the palette) opens its label editor at
 * once, as a task does. bpmn-js starts direct editing after placing activities and events only, so a
 * workshop's 「審査結果は？」 question would otherwise need a second double-click on every gateway.
 */
interface Shape {
  type?: string;
  businessObject?: unknown;
}
interface EventBusLike {
  on(event: string, priority: number, callback: (event: { shape?: Shape; context?: { shape?: Shape; canExecute?: unknown }; isTouch?: boolean }) => void): void;
}
interface DirectEditingLike {
  activate(element: Shape): void;
}

function GatewayLabelEditing(eventBus: EventBusLike, directEditing: DirectEditingLike) {
  const edit = (shape: Shape | undefined) => {
    if (shape && is(shape, 'bpmn:Gateway')) directEditing.activate(shape);
  };
  // Same priority as bpmn-js's own label editing provider, which does this for tasks.
  eventBus.on('autoPlace.end', 500, (event) => edit(event.shape));
  eventBus.on('create.end', 500, (event) => {
    // A cancelled drop creates nothing; on touch screens an editor popping up breaks the gesture.
    if (event.context?.canExecute && !event.isTouch) edit(event.context.shape);
  });
}
GatewayLabelEditing.$inject = ['eventBus', 'directEditing'];

export default {
  __init__: ['gatewayLabelEditing'],
  gatewayLabelEditing: ['type', GatewayLabelEditing],
};
