export * from './types';
export * from './derivedAssessment';
export * from './filters';
export * from './rank';
export * from './settings';
export * from './simulateTaskHours';
export * from './stepAssessmentView';
export * from './templateParams';
