import type { idInsightsPages } from './insights.id';

/** English texts of the dashboard figures, employee match filters and unit roll-ups; the same keys as `insights.id.ts` (the type checks it). */
export const enInsightsPages: typeof idInsightsPages = {
  insights: {
    pnsJpCompliance: 'JP compliance {year}',
    pnsJpComplianceHint: '{met} of {total} PNS completed {hours} JP.',
    pnsJpComplianceNone: 'No PNS yet.',
    categoryOfPlaced: '{n} employees in a position with a standard; {none} without a category (unplaced or a position without a standard).',
    openRecommendations: 'Open recommendations',
    openRecommendationsTotal: '{n} open',
    recommendationKind: {
      TRAINING_INEFFECTIVE: 'Ineffective training',
      UNIT_COMPETENCY_GAP: 'Unit competency gap',
      DEVELOPMENT_HOURS_SHORTFALL: 'JP shortfall',
      MISPLACEMENT: 'Misplacement',
      SUCCESSION_RISK: 'Succession risk',
      STANDARD_REVIEW: 'Standard review',
    },
    gapHeatmap: 'Mean competency shortfall by unit',
    gapHeatmapHint: 'Units × the most-required competencies; shortfall = required − current level (never assessed = 0), over the holders of positions requiring it.',
    gapTooltip: '{unit} · {competency}: mean shortfall {mean} levels, {share}% of {holders} holders',
    gapEmpty: 'No position with a competency standard in this scope yet.',
    predicateTrend: 'Trend of annual performance predicates',
    predicateTrendHint: 'Employees per annual SKP predicate, by appraisal year.',
    noPredicate: 'No predicate',
    nineBoxToEmployees: 'Click a box to open its employees.',
    filters: {
      category: 'JPM category in current position',
      talentBox: 'Talent box',
      talentBoxOption: 'Box {box}',
      jpShort: 'JP shortfall {year}',
      jpBelowCustom: 'or JP below',
    },
    rollup: {
      title: 'Subtree figures (every unit below included)',
      headcount: 'Employees',
      positions: 'Positions',
      vacancies: 'Positions with a vacancy',
      category: 'Position fit',
      jp: 'JP compliance {year}',
      openEmployees: 'Show employees',
      openPositions: 'Show positions',
      headcountBadge: '{n} employees',
    },
  },
};
