import { DiagramEditor } from '../../domain/analysis/interventions';

/** bpr:automation of every task of a diagram (e.g. { Task_3: 'kakanai' }); steps without one are left out. */
export async function automationByTask(xml: string): Promise<Record<string, string>> {
  const editor = await DiagramEditor.open(xml);
  const out: Record<string, string> = {};
  for (const task of editor.tasks()) {
    const id = task.id as string;
    const kind = editor.step(id)?.automation;
    if (kind && kind !== 'none') out[id] = kind;
  }
  return out;
}
