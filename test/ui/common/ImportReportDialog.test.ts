import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n';
import { I18nProvider } from '../../../src/i18n/I18nProvider';
import { checkDiagramFile } from '../../../src/ui/common/importDiagramFile';
import { ImportReportDialog } from '../../../src/ui/common/ImportReportDialog';
import type { ImportReport } from '../../../src/domain/bpmn/importReport';

const QNAME = readFileSync(join(__dirname, '../../domain/bpmn/fixtures/import/qname-collaboration.bpmn'), 'utf8');

async function reportOf(text: string): Promise<ImportReport> {
  const checked = await checkDiagramFile(new File([text], '転入届の受付.bpmn', { type: 'application/xml' }));
  if (!checked.ok) throw new Error(checked.message);
  return checked.report;
}

const render = (report: ImportReport, lang: Lang) =>
  renderToStaticMarkup(
    createElement(I18nProvider, {
      initialLang: lang,
      children: createElement(ImportReportDialog, { report, fileName: '転入届の受付.bpmn', processName: '転入届の受付', onClose: () => undefined }),
    }),
  )
    .replace(/<!-- -->/g, '')
    .replace(/&quot;/g, '"');

describe('ImportReportDialog', () => {
  it('given the QName fixture, when its report is shown in Japanese, then the warning names the gateway by name and id and the repairs and counts are listed', async () => {
    const html = render(await reportOf(QNAME), 'ja');
    expect(html).toContain('「転入届の受付.bpmn」のインポート結果');
    expect(html).toContain('<strong>「書類に不備があるか」（Gw_1）</strong> 参照先 &lt;bpmn2:Flow_missing&gt; が見つからないため、その参照は無視しました。');
    expect(html).toContain('「bpmn2:」付きで書かれた参照 26 件を、その ID への参照として読みました。');
    expect(html).toContain('図「受付の流れ」の面がプロセス「図の入れ物」を指していたため、図形が属するコラボレーション「転入届の受付」を表示します。');
    expect(html).toContain('<th scope="row">図形（開く図に表示）</th><td>6</td><td>6</td>');
  });

  it('given the same report, when shown in English, then the same facts are in English', async () => {
    const html = render(await reportOf(QNAME), 'en');
    expect(html).toContain('Import report for "転入届の受付.bpmn"');
    expect(html).toContain('<strong>"書類に不備があるか" (Gw_1)</strong> The reference &lt;bpmn2:Flow_missing&gt; was not found and was ignored.');
    expect(html).toContain('<th scope="row">Connections (shown in the opened diagram)</th><td>4</td><td>4</td>');
  });

  it('given shapes whose elements do not exist, when shown, then it says the diagram shows nothing and why', async () => {
    const broken = QNAME.replace(/bpmnElement="bpmn2:(Start_1|Task_receive|Gw_1|End_1|Part_resident|Part_counter)"/g, 'bpmnElement="x$1"');
    const html = render(await reportOf(broken), 'ja');
    expect(html).toContain('この図には何も表示されません');
    expect(html).toContain('図形 6 個の参照先（例: &lt;xPart_resident&gt;）がモデルの要素に見つかりません。');
  });
});
