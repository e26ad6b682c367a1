import { openWorkspaceStore } from '../../store';
import { seedWorkspace } from '../../store/seed';
import type { WorkspaceInfo, WorkspaceStore } from '../../store/types';
// initiatives
import { seedInitiativesOnce } from '../initiatives/seedInitiatives';
import { seedInventoryOnce } from '../inventory/seedInventory';

export interface WorkspaceSession {
  repo: WorkspaceStore;
  workspace: WorkspaceInfo;
}

let opening: Promise<WorkspaceSession> | null = null;

/**
 * Opens the store once per page and seeds the workspace with the bundled samples. The store seeds at
 * most once per workspace (a marker written with the samples), so calling it on every start also
 * repairs a first start that was interrupted. Shared as one promise so React's double-invoked effects
 * (StrictMode) open the database once.
 */
export function openWorkspaceSession(): Promise<WorkspaceSession> {
  opening ??= (async () => {
    const repo = await openWorkspaceStore();
    const { workspace } = await repo.getOrCreateWorkspace();
    // The sample diagrams (about 200 kB of XML) are their own chunk: not part of the first load.
    const { bundledSamples } = await import('./samples');
    await seedWorkspace(repo, workspace.id, bundledSamples());
    // initiatives: seed the 取組 after the processes they attach to (own marker, once per workspace)
    await seedInitiativesOnce(repo, workspace.id, bundledSamples()).catch((err: unknown) => console.warn('取組の初期データを登録できませんでした', err));
    // end initiatives
    // 業務の全体像: the sample city's inventory, linked to the sample As-Is processes and their 取組
    await seedInventoryOnce(repo, workspace.id, bundledSamples()).catch((err: unknown) => console.warn('業務の全体像の初期データを登録できませんでした', err));
    return { repo, workspace };
  })();
  opening.catch(() => {
    // Let a later attempt (the user reloading) try again instead of caching the failure.
    opening = null;
  });
  return opening;
}
