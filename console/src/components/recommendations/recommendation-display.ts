import type { RouteLocationRaw } from 'vue-router';
import type { RecommendationKind, RecommendationStatus, RecommendationSubjectFragment, Severity } from '../../graphql/generated/graphql';
import type { MessageSchema } from '../../i18n/id';

export type TagType = 'default' | 'info' | 'success' | 'warning' | 'error';

export const severityTagType: Record<Severity, TagType> = { HIGH: 'error', MEDIUM: 'warning', LOW: 'default' };
export const statusTagType: Record<RecommendationStatus, TagType> = { OPEN: 'info', ACCEPTED: 'success', DISMISSED: 'default', RESOLVED: 'default' };

export type SubjectKind = 'unit' | 'position' | 'employee' | 'training' | 'competency';

export interface Subject {
  kind: SubjectKind;
  label: string;
  /** The console page of the subject; null where the console has none yet. */
  to: RouteLocationRaw | null;
}

/** A recommendation's subjects as links to their pages, most specific first. */
export function subjectsOf(r: RecommendationSubjectFragment): Subject[] {
  const out: Subject[] = [];
  if (r.employee) out.push({ kind: 'employee', label: `${r.employee.name} (${r.employee.nip})`, to: { name: 'employee', params: { nip: r.employee.nip } } });
  if (r.position) out.push({ kind: 'position', label: `${r.position.code} — ${r.position.name}`, to: { name: 'position', params: { code: r.position.code } } });
  if (r.training) out.push({ kind: 'training', label: `${r.training.code} — ${r.training.title}`, to: { name: 'training', params: { code: r.training.code } } });
  if (r.competency) out.push({ kind: 'competency', label: `${r.competency.code} — ${r.competency.name}`, to: null });
  if (r.unit) out.push({ kind: 'unit', label: `${r.unit.code} — ${r.unit.name}`, to: { name: 'units', query: { unit: r.unit.code } } });
  return out;
}

/** The main subject, for a one-line list cell. */
export function mainSubject(r: RecommendationSubjectFragment): Subject | null {
  return subjectsOf(r)[0] ?? null;
}

/** The query builder with the evidence query filled in (the page reads `document`). */
export function evidenceLink(evidenceQuery: string): string {
  return `/query-builder?document=${encodeURIComponent(evidenceQuery)}`;
}

export type EvidenceLabel = keyof MessageSchema['evidence'];

export interface EvidenceFact {
  label: EvidenceLabel;
  value: string;
  to?: RouteLocationRaw;
}

export interface TrainingComparison {
  rows: { group: 'participants' | 'comparison' | 'difference'; deltaCompetency: string; deltaPredicate: string }[];
  ci95: { low: string; high: string } | null;
  hasComparison: boolean;
}

export interface StakeholderGroupRow {
  group: string;
  responses: string;
  meanImportance: string;
  impliedLevel: string;
}

/** The evidence JSON laid out per kind; keys the console does not know yet are kept under `other`. */
export interface EvidenceView {
  facts: EvidenceFact[];
  training: TrainingComparison | null;
  groups: StakeholderGroupRow[] | null;
  other: { key: string; value: string }[];
}

export interface NumberFormats {
  number: (x: number) => string;
  percent: (x: number) => string;
}

export function numberFormats(locale: string): NumberFormats {
  const tag = locale === 'en' ? 'en-US' : 'id-ID';
  const n = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const p = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  return { number: (x) => n.format(x), percent: (x) => p.format(x) };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** How each kind's keys read; the order is the order shown. */
const factKeys: Record<RecommendationKind, [key: string, label: EvidenceLabel, style?: 'percent' | 'text' | 'position'][]> = {
  TRAINING_INEFFECTIVE: [['n', 'n']],
  UNIT_COMPETENCY_GAP: [['holders', 'holders'], ['meanShortfall', 'meanShortfall'], ['shortfallRate', 'shortfallRate', 'percent'], ['required', 'required']],
  DEVELOPMENT_HOURS_SHORTFALL: [['year', 'year', 'text'], ['hours', 'hours'], ['required', 'requiredHours'], ['shortfall', 'shortfall']],
  MISPLACEMENT: [['currentJpm', 'currentJpm'], ['betterPosition', 'betterPosition', 'position'], ['betterJpm', 'betterJpm']],
  SUCCESSION_RISK: [['candidates', 'candidates'], ['bestJpm', 'bestJpm']],
  STANDARD_REVIEW: [['responses', 'responses'], ['meanImportance', 'meanImportance'], ['requiredLevel', 'requiredLevel']],
};

const trainingKeys = ['deltaCompetency', 'deltaPredicate', 'comparisonDeltaCompetency', 'comparisonDeltaPredicate', 'didCompetency', 'didPredicate', 'ci95'];

export function evidenceView(
  kind: RecommendationKind, evidence: unknown, f: NumberFormats, texts: { none: string; notIncluded: string } = { none: '—', notIncluded: '—' },
): EvidenceView {
  const { none } = texts;
  const ev = record(evidence);
  const shown = new Set<string>();
  const num = (v: unknown): string => (isNumber(v) ? f.number(v) : none);
  const facts: EvidenceFact[] = [];
  for (const [key, label, style] of factKeys[kind]) {
    shown.add(key);
    const v = ev[key];
    if (style === 'percent') facts.push({ label, value: isNumber(v) ? f.percent(v) : none });
    else if (style === 'text') facts.push({ label, value: v === null || v === undefined ? none : String(v) });
    else if (style === 'position') facts.push({ label, value: typeof v === 'string' ? v : none, ...(typeof v === 'string' ? { to: { name: 'position', params: { code: v } } } : {}) });
    // A stakeholder rating can name a competency the standard does not list at all (level 0).
    else if (kind === 'STANDARD_REVIEW' && key === 'requiredLevel' && v === 0) facts.push({ label, value: texts.notIncluded });
    else facts.push({ label, value: num(v) });
  }

  let training: TrainingComparison | null = null;
  if (kind === 'TRAINING_INEFFECTIVE') {
    trainingKeys.forEach((k) => shown.add(k));
    const hasComparison = isNumber(ev.comparisonDeltaCompetency);
    const ci = Array.isArray(ev.ci95) && ev.ci95.length === 2 && ev.ci95.every(isNumber) ? (ev.ci95 as [number, number]) : null;
    training = {
      hasComparison,
      rows: [
        { group: 'participants', deltaCompetency: num(ev.deltaCompetency), deltaPredicate: num(ev.deltaPredicate) },
        ...(hasComparison
          ? [
              { group: 'comparison' as const, deltaCompetency: num(ev.comparisonDeltaCompetency), deltaPredicate: num(ev.comparisonDeltaPredicate) },
              { group: 'difference' as const, deltaCompetency: num(ev.didCompetency), deltaPredicate: num(ev.didPredicate) },
            ]
          : []),
      ],
      ci95: ci ? { low: f.number(ci[0]), high: f.number(ci[1]) } : null,
    };
  }

  let groups: StakeholderGroupRow[] | null = null;
  if (kind === 'STANDARD_REVIEW' && Array.isArray(ev.groups)) {
    shown.add('groups');
    groups = ev.groups.map((g) => {
      const r = record(g);
      return { group: String(r.group ?? none), responses: num(r.responses), meanImportance: num(r.meanImportance), impliedLevel: num(r.impliedLevel) };
    });
  }

  const other = Object.entries(ev)
    .filter(([k]) => !shown.has(k))
    .map(([key, v]) => ({ key, value: isNumber(v) ? f.number(v) : JSON.stringify(v) }));
  return { facts, training, groups, other };
}
