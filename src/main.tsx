import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
// The modeler's icon font and the properties panel's styles come with the editor tab's chunk
// (EditorView, modeler/bprProperties): 150 kB of CSS the start-up does not parse.
import './ui/styles.css';
// All @page rules, in the order Chromium needs them, whichever tab's chunk loads later.
import './ui/common/printPages.css';
import { I18nProvider } from './i18n';
import { App } from './ui/App';

const root = document.getElementById('root');
if (!root) throw new Error('#root がありません');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
