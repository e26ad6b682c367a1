import { spawnSync } from 'node:child_process';
import { repoRoot } from '../support/paths';

/** `npm run bpr -- …` as a child process; the timeout turns a hang into a failed assertion, not a stuck run. */
export function runCli(args: string[], timeoutMs = 60_000) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** A minimal valid diagram around `body` (flow elements of process P). */
export function diagram(body: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0"${extraNs} id="D" targetNamespace="urn:test">
  <bpmn:process id="P">
${body}
  </bpmn:process>
</bpmn:definitions>`;
}

/** Japanese text: at least one kana or kanji. */
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
