import type { FeatureResources } from '../core';

/** App shell: header, tabs, tabs not built yet, start-up errors. */
const app: FeatureResources = {
  ja: {
    title: 'BPR Studio',
    workspaceLabel: 'ワークスペース: {name}',
    language: '表示言語',
    langJa: '日本語',
    langEn: 'English',
    printPart: '（{count}枚中{index}枚目: {row}段目・左から{column}枚目）',
    mainTabs: 'メイン画面',
    'tab.workspace': 'ワークスペース',
    'tab.inventory': '業務の全体像',
    'tab.editor': 'プロセス編集',
    'tab.simulation': 'シミュレーション',
    'tab.compare': '比較（As-Is / To-Be）',
    'tab.rpa': 'RPA候補',
    'tab.initiatives': '取組',
    loading: 'ワークスペースを読み込んでいます…',
    loadingTab: '画面を読み込んでいます…',
    startFailed: 'ワークスペースを開けませんでした: {message}',
    noProcessOpen: 'プロセスが開かれていません。ワークスペースで「開く」を押して編集するプロセスを選んでください。',
    goToWorkspace: 'ワークスペースへ',
    planned: '準備中',
    close: '閉じる',
    'planned.simulation':
      'このタブでは、開いているプロセスを離散事象シミュレーションで実行し、年間業務時間・処理件数・待ち時間・職員の稼働率を95%信頼区間付きで表示します。As-Is と To-Be の比較もここで行います。（準備中）',
    'planned.rpa':
      'このタブでは、各ステップの処理時間・件数・定型度から RPA 化の候補を順位付けし、削減できる年間業務時間と費用対効果を一覧で示します。（準備中）',
    'planned.initiatives': 'このタブでは、BPR の取組（改善案）を登録し、担当・期限・対象プロセス・見込み効果を管理します。（準備中）',
  },
  en: {
    title: 'BPR Studio',
    workspaceLabel: 'Workspace: {name}',
    language: 'Language',
    langJa: '日本語',
    printPart: ' (part {index} of {count}: row {row}, column {column})',
    langEn: 'English',
    mainTabs: 'Main views',
    'tab.workspace': 'Workspace',
    'tab.inventory': 'Work inventory',
    'tab.editor': 'Process editor',
    'tab.simulation': 'Simulation',
    'tab.compare': 'Compare (As-Is / To-Be)',
    'tab.rpa': 'RPA candidates',
    'tab.initiatives': 'Initiatives',
    loading: 'Loading the workspace…',
    loadingTab: 'Loading the view…',
    startFailed: 'Could not open the workspace: {message}',
    noProcessOpen: 'No process is open. Choose "Open" on a process in the workspace to edit it.',
    goToWorkspace: 'Go to workspace',
    planned: 'Coming soon',
    close: 'Close',
    'planned.simulation':
      'This tab will run the open process as a discrete-event simulation and show annual work hours, throughput, waiting times and staff utilisation with 95% confidence intervals, including an As-Is / To-Be comparison. (Coming soon)',
    'planned.rpa':
      'This tab will rank steps as RPA candidates from their handling time, volume and routine-ness, and list the annual hours saved and the return on investment. (Coming soon)',
    'planned.initiatives': 'This tab will hold BPR initiatives (improvement ideas) with owner, due date, target processes and expected effect. (Coming soon)',
  },
};

export default app;
