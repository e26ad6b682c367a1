import BadgeOverlays from './BadgeOverlays';
import './badges.css';

/** On-canvas figures per step, branch probabilities and ⚠ markers for missing data. */
export default {
  __init__: ['bprBadges'],
  bprBadges: ['type', BadgeOverlays],
};
