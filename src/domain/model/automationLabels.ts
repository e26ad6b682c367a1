import type { AutomationKind } from './annotations';

/** Japanese names of the automation kinds, as the step table offers them and messages name them. */
export const AUTOMATION_LABELS: Record<AutomationKind, string> = {
  none: 'なし',
  rpa: 'RPA',
  'ai-ocr': 'AI-OCR',
  kakanai: '書かない窓口',
  'e-approval': '電子決裁',
  online: 'オンライン申請',
  other: 'その他',
};
