#!/usr/bin/env node
// `bpr`: the bundle of src/cli/main.ts, rebuilt first when any of its sources changed (scripts/buildCli.mjs).
import { ensureCliBuild } from '../scripts/buildCli.mjs';

await import(await ensureCliBuild());
