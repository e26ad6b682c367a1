import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { decodeDiagramBytes } from '../../../src/domain/bpmn/decodeDiagram';
import { readSurveyTable } from '../../../src/domain/exchange/survey';
import { readXlsx, XlsxError } from '../../../src/domain/exchange/xlsx';

/** A zip whose one sheet part inflates to `size` bytes while its headers claim 100 bytes. */
function lyingZip(size: number): Uint8Array {
  const zip = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(' '.repeat(size)) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, 100, true); // local header: uncompressed size
    if (sig === 0x02014b50) view.setUint32(i + 24, 100, true); // central directory: uncompressed size
  }
  return zip;
}

describe('14.7 survey and xlsx reading', () => {
  it('given an xlsx whose headers understate the inflated size, when read with a 1 MB limit, then it stops with the size message', () => {
    expect(() => readXlsx(lyingZip(5 * 1024 * 1024), { maxUnzippedBytes: 1024 * 1024 })).toThrow(XlsxError);
    expect(() => readXlsx(lyingZip(5 * 1024 * 1024), { maxUnzippedBytes: 1024 * 1024 })).toThrow(/展開後のサイズが大きすぎます/);
  });

  it('given survey names with full-width brackets and rare kanji, when read, then they are stored exactly as written', () => {
    const [b] = readSurveyTable([
      ['業務名', '手順', '担当', '処理時間(分)'],
      ['交付（①髙﨑～）', '確認する（①）', '窓口担当', '５'],
    ]);
    expect(b.name).toBe('交付（①髙﨑～）');
    expect(b.steps[0].name).toBe('確認する（①）');
    expect(b.steps[0].staffTime).toEqual({ type: 'fixed', value: 5 });
  });

  it('given a BPMN file declaring encoding CP932, when decoded, then it is read as Shift_JIS', () => {
    const head = strToU8('<?xml version="1.0" encoding="CP932"?><a>');
    const bytes = new Uint8Array([...head, 0x8e, 0x73, 0x96, 0xaf, ...strToU8('</a>')]);
    const r = decodeDiagramBytes(bytes);
    expect(r.ok && r.text).toContain('<a>市民</a>');
  });

  it('given <!DOCTYPE html> inside CDATA documentation, when parsed, then the file is not refused as a DTD', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x"><bpmn:process id="P"><bpmn:documentation><![CDATA[<!DOCTYPE html><p>説明</p>]]></bpmn:documentation><bpmn:startEvent id="S"/></bpmn:process></bpmn:definitions>`;
    const r = await parseDiagram(xml);
    expect(r.ok ? 'ok' : r.error.code).toBe('ok');
  });
});
