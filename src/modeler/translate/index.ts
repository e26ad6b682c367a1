import { translate } from './translate';

/** didi module: our translate service in place of bpmn-js's English identity. */
export default {
  translate: ['value', translate],
};
