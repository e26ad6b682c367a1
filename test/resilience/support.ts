/** `bpr …` as a child process (the built entry), so that a hang is cut by the timeout. */
export { spawnBpr as runCli } from '../support/cli';

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
