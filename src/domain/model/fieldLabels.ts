/**
 * Japanese names of the fields that stored records and workspace files share, so a problem with a
 * process read from IndexedDB and one read from a workspace file name the field the same way.
 */
export const RECORD_FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'ID',
  name: '名前',
  department: '担当課',
  kind: '種別',
  linkedProcessId: '対応するAs-Is/To-Be',
  scenarioName: 'シナリオ名',
  xml: 'BPMN',
  createdAt: '作成日時',
  updatedAt: '更新日時',
  revision: '版番号',
  reason: '版の種類',
  hoursPerFte: '1人あたり年間勤務時間',
};
