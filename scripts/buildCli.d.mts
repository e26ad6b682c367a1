/** Types of scripts/buildCli.mjs for the TypeScript tests and bench. */
export interface CliBuildManifest {
  builtAt: number;
  entry: string;
  inputs: string[];
}
export const repoRoot: string;
export function isStale(manifest: CliBuildManifest | undefined, root?: string): boolean;
export function buildCli(): Promise<CliBuildManifest>;
export function ensureCliBuild(): Promise<string>;
