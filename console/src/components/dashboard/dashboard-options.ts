// ECharts option builders of the dashboard. Imported only by dashboard-charts.vue, so they load with the chart chunk.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption,
} from 'echarts/components';
import type { JpmCategory, Predicate } from '../../graphql/generated/graphql';
import { nineBox, performances, potentials, type BoxCount, type CategoryShare } from './nine-box';
import type { GapMatrix, PredicateTrend } from './dashboard-data';

export type ChartOption = ComposeOption<
  BarSeriesOption | HeatmapSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

type Translate = (key: string, values?: Record<string, unknown>) => string;

const categoryColours: Record<JpmCategory, string> = { OPTIMAL: '#1f6f50', CUKUP_OPTIMAL: '#e2a03f', KURANG_OPTIMAL: '#d03050' };
const predicateColours: Record<Predicate, string> = {
  SANGAT_BAIK: '#1f6f50', BAIK: '#6fae8c', BUTUH_PERBAIKAN: '#e2a03f', KURANG: '#e0733f', SANGAT_KURANG: '#d03050',
};

type Cell = [number, number, number, number, ...number[]];
const cellOf = (p: unknown): Cell => (p as { value: Cell }).value;

export function categoryPie(shares: readonly CategoryShare[], t: Translate): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie',
      radius: ['40%', '70%'],
      label: { formatter: '{d}%' },
      data: shares.map((s) => ({ name: t(`jpmCategory.${s.category}`), value: s.count, itemStyle: { color: categoryColours[s.category] } })),
    }],
  };
}

/** The 9-box as a 3 × 3 heat map; each cell's value carries [x, y, count, box] so a click knows its box. */
export function nineBoxHeatmap(boxes: readonly BoxCount[], t: Translate): ChartOption {
  const max = Math.max(1, ...boxes.map((b) => b.count));
  return {
    tooltip: { formatter: (p: unknown) => { const v = cellOf(p); return `${t('dashboard.box', { box: v[3] })}: ${v[2]}`; } },
    grid: { left: 90, right: 16, top: 8, bottom: 56 },
    xAxis: { type: 'category', data: performances.map((p) => t(`dashboard.level.${p}`)), name: t('dashboard.performance'), nameLocation: 'middle', nameGap: 32 },
    yAxis: { type: 'category', data: potentials.map((p) => t(`dashboard.level.${p}`)), name: t('dashboard.potential'), nameLocation: 'middle', nameGap: 70 },
    visualMap: { min: 0, max, show: false, inRange: { color: ['#eef5f1', '#1f6f50'] } },
    series: [{
      type: 'heatmap',
      label: { show: true, formatter: (p: unknown) => { const v = cellOf(p); return `${v[3]}\n${v[2]}`; } },
      data: potentials.flatMap((potential, y) => performances.map((performance, x) => {
        const box = nineBox[potential][performance];
        return [x, y, boxes.find((b) => b.box === box)?.count ?? 0, box];
      })),
    }],
  };
}

/** Units (rows) × competencies (columns), coloured by mean shortfall; cells carry [x, y, mean, share %, holders]. */
export function gapHeatmap(matrix: GapMatrix, t: Translate): ChartOption {
  return {
    tooltip: {
      formatter: (p: unknown) => {
        const v = cellOf(p);
        return t('insights.gapTooltip', {
          unit: matrix.units[v[1]]?.name ?? '', competency: matrix.competencies[v[0]]?.name ?? '', mean: v[2].toFixed(2), share: v[3], holders: v[4],
        });
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: matrix.competencies.map((c) => c.code), axisLabel: { interval: 0, rotate: matrix.competencies.length > 6 ? 30 : 0 } },
    yAxis: { type: 'category', data: matrix.units.map((u) => u.code), inverse: true, axisLabel: { interval: 0 } },
    visualMap: {
      min: 0, max: Math.max(1, matrix.max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
      inRange: { color: ['#f4f8f6', '#f2c46d', '#d03050'] },
    },
    series: [{ type: 'heatmap', label: { show: true, fontSize: 10, formatter: (p: unknown) => cellOf(p)[2].toFixed(1) }, data: matrix.cells }],
  };
}

export function predicateBars(trend: PredicateTrend, t: Translate): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: trend.years.map(String) },
    yAxis: { type: 'value' },
    series: trend.series.map((s) => ({
      type: 'bar', stack: 'predicate', name: t(`predicate.${s.predicate}`), data: s.counts, itemStyle: { color: predicateColours[s.predicate] },
      emphasis: { focus: 'series' },
    })),
  };
}
