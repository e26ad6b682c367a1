/**
 * Published municipal results behind the default figures. The UI shows the source beside each
 * default and marks every derived figure as an estimate (推計).
 */
export interface PublishedSource {
  id: string;
  /** Who reported it and about what. */
  label: string;
  /** The published figure as reported. */
  figure: string;
}

export const SOURCES = {
  imizuRpa: { id: 'imizuRpa', label: '射水市 軽自動車税異動入力へのRPA導入', figure: '年間 1,095 時間 → 176 時間（約84%削減）' },
  yokohamaRpa: { id: 'yokohamaRpa', label: '横浜市 RPA実証の平均削減率', figure: '作業時間 平均 84.9% 削減' },
  beppuRpaOcr: { id: 'beppuRpaOcr', label: '別府市 RPA・AI-OCR の導入', figure: '年間 7,627 時間 → 1,627 時間' },
  rpaRange: { id: 'rpaRange', label: '自治体のRPA導入事例（入力作業）', figure: '入力作業の時間 45〜90% 削減' },
  iwamizawaKakanai: { id: 'iwamizawaKakanai', label: '岩見沢市 書かない窓口（証明書交付）', figure: '1件 18分 → 10分' },
  hamamatsuKakanai: { id: 'hamamatsuKakanai', label: '浜松市 書かない窓口', figure: '証明書 10分 → 8分、届出 54分 → 45分' },
  kagoshimaKakanai: { id: 'kagoshimaKakanai', label: '鹿児島市 窓口改革（繁忙期）', figure: '待ち時間 58分 → 23分' },
  assumption: { id: 'assumption', label: '仮定値（自団体の見積りで上書きしてください）', figure: '' },
} as const satisfies Record<string, PublishedSource>;

export type SourceId = keyof typeof SOURCES;

export interface SourcedDefault<T> {
  value: T;
  source: SourceId;
  /** Why this number was derived from the source, when it is not the source's figure itself. */
  derivation?: string;
}
