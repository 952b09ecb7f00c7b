import type { EntityManager } from '@mikro-orm/postgresql';
import type { LaneRunner } from '../../db/snapshot-lanes';
import {
  hoursSeverity, misplacementSeverity, standardReviewSeverity, successionSeverity, trainingSeverity, unitGapSeverity,
  type RecommendationKind, type Severity,
} from '../../domain/recommendation-rules';
import { hoursShortfall } from '../../domain/development-hours';
import { toGlobalId } from '../../graphql/node';
import type { RecommendationTexts } from './recommendation.entity';
import {
  hoursShortfallSql, misplacementSql, ownMatchesSql, standardReviewSql, successionSql, trainingSql, unitGapSql,
  type HoursRow, type MisplacementSqlRow, type OwnMatchRow, type RuleOptions, type StandardReviewSqlRow, type SuccessionSqlRow,
  type TrainingSqlRow, type UnitGapSqlRow,
} from './recommendation.sql';

/** A recommendation as the rules produce it, before it is merged with what is stored. */
export interface RecommendationDraft {
  key: string;
  kind: RecommendationKind;
  severity: Severity;
  impact: number;
  impactSecondary: number;
  unitId: number | null;
  positionId: number | null;
  trainingId: number | null;
  employeeId: number | null;
  competencyId: number | null;
  evidence: Record<string, unknown>;
  texts: RecommendationTexts;
  evidenceQuery: string;
}

/** Evidence is stored rounded so a re-run on the same data compares equal whatever the summation order. */
const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const r6n = (x: number | null): number | null => (x === null ? null : r6(x));

const fmtId = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const fmtEn = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const pct = (x: number, f: Intl.NumberFormat): string => `${f.format(100 * x)}%`;
const q = (s: string): string => JSON.stringify(s);

/** Every rule's rows, as its statement returned them. */
export interface RuleRows {
  hours: HoursRow[];
  unitGap: UnitGapSqlRow[];
  training: TrainingSqlRow[];
  misplacement: MisplacementSqlRow[];
  succession: SuccessionSqlRow[];
  review: StandardReviewSqlRow[];
}

/** A rule statement by name; `own` is the holders' own matches both placement rules start from. */
export type RuleName = keyof RuleRows | 'own';

/**
 * Where the rules get their rows. `inputs` names the rules whose rows the
 * statement is built from. A what-if (simulation.service.ts) passes a source
 * that reuses the other side's rows instead of running a statement again.
 */
export type RuleSource = <R>(name: RuleName, rule: (em: EntityManager, o: RuleOptions) => Promise<R>, inputs?: readonly RuleName[]) => Promise<R>;

/** Runs each rule's statement through `run` with `o`. */
export function runningSource(run: LaneRunner, o: RuleOptions): RuleSource {
  return (_name, rule) => run((em) => rule(em, o));
}

/**
 * Every rule's rows, side by side when the source runs on several snapshot
 * lanes (see db/snapshot-lanes.ts). The slowest rules are queued first so the
 * lanes finish close together.
 */
export async function ruleRows(source: RuleSource, ownRows?: readonly OwnMatchRow[]): Promise<RuleRows> {
  // Both placement rules start from every holder's own match: computed once.
  const ownDone = ownRows ? Promise.resolve(ownRows) : source('own', ownMatchesSql);
  const trainingDone = source('training', trainingSql);
  const unitGapDone = source('unitGap', unitGapSql);
  const hoursDone = source('hours', hoursShortfallSql);
  const reviewDone = source('review', standardReviewSql);
  const misplacementDone = ownDone.then((own) => source('misplacement', (em, o) => misplacementSql(em, o, own), ['own']));
  const successionDone = ownDone.then((own) => source('succession', (em, o) => successionSql(em, o, own), ['own']));
  const [hours, unitGap, training, misplacement, succession, review] = await Promise.all([
    hoursDone, unitGapDone, trainingDone, misplacementDone, successionDone, reviewDone,
  ]);
  return { hours, unitGap, training, misplacement, succession, review };
}

/**
 * Kind and unit of each recommendation the rows make, in draftsFromRows'
 * order, without formatting texts: what a what-if counts. The e2e tests hold
 * it to draftsFromRows.
 */
export function ruleSubjects(rows: RuleRows): { kind: RecommendationKind; unitId: number | null }[] {
  return [
    ...rows.hours.map((r) => ({ kind: 'DEVELOPMENT_HOURS_SHORTFALL' as const, unitId: r.unit_id })),
    ...rows.unitGap.map((r) => ({ kind: 'UNIT_COMPETENCY_GAP' as const, unitId: r.unit_id })),
    ...rows.training.map(() => ({ kind: 'TRAINING_INEFFECTIVE' as const, unitId: null })),
    ...rows.misplacement.map((r) => ({ kind: 'MISPLACEMENT' as const, unitId: r.unit_id })),
    ...rows.succession.map((r) => ({ kind: 'SUCCESSION_RISK' as const, unitId: r.unit_id })),
    ...rows.review.map((r) => ({ kind: 'STANDARD_REVIEW' as const, unitId: r.unit_id })),
  ];
}

/** Runs every rule through `run` and turns the rows into drafts. */
export async function buildDrafts(run: LaneRunner, o: RuleOptions, ownRows?: readonly OwnMatchRow[]): Promise<RecommendationDraft[]> {
  return draftsFromRows(await ruleRows(runningSource(run, o), ownRows), o);
}

/** Drafts in a fixed order (rule by rule, rows in statement order), whatever order the rules finished in. */
export function draftsFromRows(rows: RuleRows, o: RuleOptions): RecommendationDraft[] {
  const { hours: hoursRows, unitGap: unitGapRows, training: trainingRows, misplacement: misplacementRows, succession: successionRows, review: reviewRows } = rows;
  const drafts: RecommendationDraft[] = [];
  const { asOf, year, policy } = o;
  const base = { positionId: null, trainingId: null, employeeId: null, competencyId: null, unitId: null };

  for (const r of hoursRows) {
    const required = policy.annualDevelopmentHours;
    const shortfall = hoursShortfall(r.hours, required);
    const ev = { year, hours: r6(r.hours), required, shortfall: r6(shortfall) };
    drafts.push({
      ...base, key: `DEVELOPMENT_HOURS_SHORTFALL:employee:${r.employee_id}:${year}`, kind: 'DEVELOPMENT_HOURS_SHORTFALL',
      severity: hoursSeverity(ev), impact: ev.shortfall, impactSecondary: 0, unitId: r.unit_id, employeeId: r.employee_id, evidence: ev,
      texts: {
        id: {
          title: `Kekurangan JP ${year}: ${r.name} kurang ${fmtId.format(shortfall)} JP`,
          rationale: `${r.name} (NIP ${r.nip}) menyelesaikan ${fmtId.format(r.hours)} JP pada ${year}, sedangkan kebijakan mewajibkan ${fmtId.format(required)} JP per tahun bagi setiap PNS: kurang ${fmtId.format(shortfall)} JP. Hanya pelatihan yang selesai dalam tahun ${year} yang dihitung.`,
          action: `Jadwalkan pengembangan kompetensi minimal ${fmtId.format(shortfall)} JP untuk ${r.name} sebelum akhir ${year} (mis. e-learning, coaching atau seminar) dan pantau pemenuhannya.`,
        },
        en: {
          title: `Lesson-hour shortfall ${year}: ${r.name} is ${fmtEn.format(shortfall)} JP short`,
          rationale: `${r.name} (NIP ${r.nip}) completed ${fmtEn.format(r.hours)} JP in ${year}; the policy requires ${fmtEn.format(required)} JP a year of every PNS: ${fmtEn.format(shortfall)} JP short. Only trainings completed within ${year} count.`,
          action: `Schedule at least ${fmtEn.format(shortfall)} JP of development for ${r.name} before the end of ${year} (e.g. e-learning, coaching or a seminar) and follow it up.`,
        },
      },
      evidenceQuery: `{ employee(nip: ${q(r.nip)}) { nip name developmentHours(year: ${year}) developmentHoursShortfall(year: ${year}) participations { status startedAt completedAt training { code hours } } } }`,
    });
  }

  for (const r of unitGapRows) {
    const ev = { holders: r.holders, meanShortfall: r6(r.mean_shortfall), shortfallRate: r6(r.shortfall_rate), required: r6(r.required) };
    const training = r.training_code ? { code: r.training_code, title: r.training_title ?? '' } : null;
    drafts.push({
      ...base, key: `UNIT_COMPETENCY_GAP:unit:${r.unit_id}:competency:${r.competency_id}:${year}`, kind: 'UNIT_COMPETENCY_GAP',
      severity: unitGapSeverity({ meanShortfall: r.mean_shortfall, shortfallRate: r.shortfall_rate }), impact: ev.meanShortfall, impactSecondary: ev.shortfallRate,
      unitId: r.unit_id, competencyId: r.competency_id, trainingId: r.training_id, evidence: ev,
      texts: {
        id: {
          title: `Kesenjangan kompetensi ${r.competency_name} di ${r.unit_name}`,
          rationale: `${r.holders} pemangku jabatan di ${r.unit_name} yang standarnya mensyaratkan ${r.competency_code} (rata-rata level ${fmtId.format(r.required)}) rata-rata kurang ${fmtId.format(r.mean_shortfall)} level; ${pct(r.shortfall_rate, fmtId)} di antaranya memiliki kekurangan (per ${asOf}).`,
          action: training
            ? `Jadwalkan pelatihan ${training.code} "${training.title}" untuk pemangku jabatan ${r.unit_name} yang kurang dalam ${r.competency_code}.`
            : `Susun pelatihan yang menargetkan ${r.competency_name} (${r.competency_code}) untuk ${r.unit_name}; katalog belum memilikinya.`,
        },
        en: {
          title: `${r.competency_name} competency gap in ${r.unit_name}`,
          rationale: `${r.holders} holders in ${r.unit_name} whose standard requires ${r.competency_code} (mean required level ${fmtEn.format(r.required)}) fall short by ${fmtEn.format(r.mean_shortfall)} levels on average; ${pct(r.shortfall_rate, fmtEn)} of them have a shortfall (as of ${asOf}).`,
          action: training
            ? `Schedule training ${training.code} "${training.title}" for the holders in ${r.unit_name} who fall short in ${r.competency_code}.`
            : `Design a training targeting ${r.competency_name} (${r.competency_code}) for ${r.unit_name}; the catalogue has none.`,
        },
      },
      evidenceQuery: `{ positions(first: 500, where: { unit: { eq: ${q(toGlobalId('Unit', r.unit_id))} }, requiresCompetency: ${q(r.competency_code)} }) { nodes { code requirements { competency { code } level } holders { nip name currentLevel(competency: ${q(r.competency_code)}, asOf: ${q(asOf)}) } } } }`,
    });
  }

  for (const r of trainingRows) {
    const didC = r.cdc === null ? null : r.dc - r.cdc;
    const didP = r.cdp === null ? null : r.dp - r.cdp;
    const ci95 = r.ci_low === null || r.ci_high === null ? null : [r6(r.ci_low), r6(r.ci_high)];
    const ev = {
      n: r.n, deltaCompetency: r6(r.dc), deltaPredicate: r6(r.dp), comparisonDeltaCompetency: r6n(r.cdc), comparisonDeltaPredicate: r6n(r.cdp),
      didCompetency: r6n(didC), didPredicate: r6n(didP), ci95,
    };
    const severity = trainingSeverity({ ci95: r.ci_low === null || r.ci_high === null ? null : [r.ci_low, r.ci_high], didCompetency: didC }, policy);
    const t = policy.trainingMinDeltaCompetency;
    const cmpId = r.cdc === null
      ? `Tidak ada kelompok pembanding (non-peserta dengan jabatan yang mensyaratkan ${r.competency_codes}) yang terukur pada periode ${r.start}–${r.end}.`
      : `Dibanding ${r.m} non-peserta yang jabatannya mensyaratkan ${r.competency_codes} pada periode yang sama (${r.start}–${r.end}): ΔC ${fmtId.format(r.cdc)}, ΔP ${fmtId.format(r.cdp ?? 0)}; selisih (difference-in-differences) kompetensi ${fmtId.format(didC ?? 0)}${ci95 ? `, interval 95% ${fmtId.format(ci95[0]!)} s.d. ${fmtId.format(ci95[1]!)}` : ''}.`;
    const cmpEn = r.cdc === null
      ? `No comparison group (non-participants in positions requiring ${r.competency_codes}) was measured over ${r.start}–${r.end}.`
      : `Against ${r.m} non-participants in positions requiring ${r.competency_codes} over the same window (${r.start}–${r.end}): ΔC ${fmtEn.format(r.cdc)}, ΔP ${fmtEn.format(r.cdp ?? 0)}; difference-in-differences in competency ${fmtEn.format(didC ?? 0)}${ci95 ? `, 95% interval ${fmtEn.format(ci95[0]!)} to ${fmtEn.format(ci95[1]!)}` : ''}.`;
    drafts.push({
      ...base, key: `TRAINING_INEFFECTIVE:training:${r.training_id}:${year}`, kind: 'TRAINING_INEFFECTIVE', severity,
      impact: r6(t - r.dc), impactSecondary: r.n, trainingId: r.training_id, evidence: ev,
      texts: {
        id: {
          title: `Pelatihan ${r.training_code} "${r.training_title}" tidak meningkatkan kompetensi`,
          rationale: `${r.n} penyelesaian dengan nilai sebelum dan sesudah: perubahan rata-rata kompetensi yang ditargetkan ΔC = ${fmtId.format(r.dc)} (ambang ${fmtId.format(t)}) dan perubahan predikat kinerja ΔP = ${fmtId.format(r.dp)} (ambang ≤ ${fmtId.format(policy.trainingMaxDeltaPredicate)}). ${cmpId}`,
          action: severity === 'HIGH'
            ? `Revisi total atau hentikan pelatihan ${r.training_code}; alihkan peserta ke pelatihan lain yang menargetkan ${r.competency_codes}.`
            : `Evaluasi materi, metode dan tindak lanjut pasca pelatihan ${r.training_code} (Kirkpatrick L3/L4) sebelum angkatan berikutnya.`,
        },
        en: {
          title: `Training ${r.training_code} "${r.training_title}" does not improve competencies`,
          rationale: `${r.n} completions with a before and after value: mean change of the targeted competencies ΔC = ${fmtEn.format(r.dc)} (threshold ${fmtEn.format(t)}) and of the performance predicate ΔP = ${fmtEn.format(r.dp)} (threshold ≤ ${fmtEn.format(policy.trainingMaxDeltaPredicate)}). ${cmpEn}`,
          action: severity === 'HIGH'
            ? `Overhaul or retire training ${r.training_code}; send participants to another training targeting ${r.competency_codes}.`
            : `Review the content, method and post-training follow-up (Kirkpatrick L3/L4) of ${r.training_code} before the next batch.`,
        },
      },
      evidenceQuery: `{ training(code: ${q(r.training_code)}) { code competencies { code } participations(status: COMPLETED) { startedAt completedAt employee { nip assessments { competency { code } level assessedAt } appraisals { period periodStart predicate } } } } `
        + `comparison: positions(first: 50, where: { or: [${r.competency_codes.split(', ').map((c) => `{ requiresCompetency: ${q(c)} }`).join(', ')}] }) { nodes { code holders { nip participations { training { code } } assessments { competency { code } level assessedAt } appraisals { period periodStart predicate } } } } }`
        + ` # participants: pre = latest assessment before the start, post = first after completion (by ${asOf}); comparison: holders without a participation, pre before ${r.start}, post after ${r.end}`,
    });
  }

  for (const r of misplacementRows) {
    const ev = { currentJpm: r6(r.current_jpm), betterPosition: r.better_code, betterJpm: r6(r.better_jpm) };
    drafts.push({
      ...base, key: `MISPLACEMENT:employee:${r.employee_id}:${year}`, kind: 'MISPLACEMENT',
      severity: misplacementSeverity({ currentJpm: r.current_jpm, betterJpm: r.better_jpm }), impact: r6(r.better_jpm - r.current_jpm), impactSecondary: ev.betterJpm,
      unitId: r.unit_id, employeeId: r.employee_id, positionId: r.better_position_id, evidence: ev,
      texts: {
        id: {
          title: `Penempatan kurang sesuai: ${r.name} lebih cocok di ${r.better_name}`,
          rationale: `JPM ${r.name} pada jabatan saat ini ${r.current_code} adalah ${fmtId.format(r.current_jpm)} (KURANG_OPTIMAL), sedangkan pada formasi kosong ${r.better_code} mencapai ${fmtId.format(r.better_jpm)} (OPTIMAL), per ${asOf}.`,
          action: `Pertimbangkan rotasi ${r.name} ke ${r.better_name} (${r.better_code}) melalui rencana penempatan, setelah memeriksa syarat jabatan.`,
        },
        en: {
          title: `Misplacement: ${r.name} fits ${r.better_name} better`,
          rationale: `${r.name}'s JPM in the current position ${r.current_code} is ${fmtEn.format(r.current_jpm)} (KURANG_OPTIMAL), while in the vacant position ${r.better_code} it is ${fmtEn.format(r.better_jpm)} (OPTIMAL), as of ${asOf}.`,
          action: `Consider moving ${r.name} to ${r.better_name} (${r.better_code}) through an assignment plan, after checking its eligibility rules.`,
        },
      },
      evidenceQuery: `{ employee(nip: ${q(r.nip)}) { nip name currentMatch(asOf: ${q(asOf)}) { jpm category position { code } } match(position: ${q(toGlobalId('Position', r.better_position_id))}, asOf: ${q(asOf)}) { jpm category position { code vacancies } } } }`,
    });
  }

  for (const r of successionRows) {
    const ev = { candidates: r.candidates, bestJpm: r6n(r.best_jpm) };
    drafts.push({
      ...base, key: `SUCCESSION_RISK:position:${r.position_id}:${year}`, kind: 'SUCCESSION_RISK', severity: successionSeverity(ev),
      impact: r6(100 - (r.best_jpm ?? 0)), impactSecondary: -r.candidates, unitId: r.unit_id, positionId: r.position_id, evidence: ev,
      texts: {
        id: {
          title: `Risiko suksesi: ${r.name} (${r.code})`,
          rationale: `Tidak ada anggota talent pool (kotak ${policy.talentPoolBoxes.join(', ')}) yang memenuhi syarat dengan kategori OPTIMAL untuk ${r.code}; ${r.candidates} kandidat talent pool pada kategori ${policy.candidateMinCategory} atau lebih baik${r.best_jpm === null ? '' : `, JPM terbaik ${fmtId.format(r.best_jpm)}`} (per ${asOf}).`,
          action: `Siapkan kader suksesi untuk ${r.name}: program pengembangan terarah bagi kandidat talent pool terbaik, atau perluas pencarian ke unit lain.`,
        },
        en: {
          title: `Succession risk: ${r.name} (${r.code})`,
          rationale: `No eligible talent-pool member (boxes ${policy.talentPoolBoxes.join(', ')}) is OPTIMAL for ${r.code}; ${r.candidates} talent-pool candidates at ${policy.candidateMinCategory} or better${r.best_jpm === null ? '' : `, best JPM ${fmtEn.format(r.best_jpm)}`} (as of ${asOf}).`,
          action: `Build a successor pipeline for ${r.name}: targeted development for the best talent-pool candidates, or widen the search to other units.`,
        },
      },
      evidenceQuery: `{ position(code: ${q(r.code)}) { code kind candidates(asOf: ${q(asOf)}, eligibleOnly: true, minCategory: KURANG_OPTIMAL, first: 500) { totalCount nodes { jpm category employee { nip talentBox(asOf: ${q(asOf)}) } } } } }`,
    });
  }

  for (const r of reviewRows) {
    const implied = Math.max(...r.groups.map((g) => g.impliedLevel));
    const ev = {
      responses: r.responses, meanImportance: r6(r.mean_importance), requiredLevel: r.required_level,
      groups: r.groups.map((g) => ({ group: g.group, responses: g.responses, meanImportance: r6(g.meanImportance), impliedLevel: g.impliedLevel })),
    };
    const groupList = r.groups.map((g) => g.group).join(', ');
    drafts.push({
      ...base, key: `STANDARD_REVIEW:position:${r.position_id}:competency:${r.competency_id}:${year}`, kind: 'STANDARD_REVIEW',
      severity: standardReviewSeverity({ groups: r.groups, requiredLevel: r.required_level, responses: r.responses }), impact: implied - r.required_level, impactSecondary: r.responses,
      unitId: r.unit_id, positionId: r.position_id, competencyId: r.competency_id, evidence: ev,
      texts: {
        id: {
          title: `Tinjau standar ${r.competency_code} untuk ${r.position_name}`,
          rationale: `Pemangku kepentingan (${groupList}; ${r.responses} tanggapan) menilai kepentingan ${r.competency_name} rata-rata ${fmtId.format(r.mean_importance)} dari 5, setara level ${implied}; standar ${r.position_code} saat ini ${r.required_level === 0 ? 'tidak memuat kompetensi ini' : `level ${r.required_level}`}.`,
          action: `Tinjau Standar Kompetensi Jabatan ${r.position_code}: pertimbangkan menaikkan ${r.competency_code} ke level ${implied} (uji dulu dengan simulasi standar).`,
        },
        en: {
          title: `Review the ${r.competency_code} standard of ${r.position_name}`,
          rationale: `Stakeholders (${groupList}; ${r.responses} responses) rate the importance of ${r.competency_name} at ${fmtEn.format(r.mean_importance)} of 5 on average, implying level ${implied}; the standard of ${r.position_code} ${r.required_level === 0 ? 'does not include it' : `requires level ${r.required_level}`}.`,
          action: `Review the competency standard of ${r.position_code}: consider raising ${r.competency_code} to level ${implied} (try it first with simulateStandard).`,
        },
      },
      evidenceQuery: `{ position(code: ${q(r.position_code)}) { code requirements { competency { code } level } } stakeholderInputs(first: 500, where: { position: { eq: ${q(toGlobalId('Position', r.position_id))} }, competency: { eq: ${q(r.competency_code)} }, submittedAt: { lte: ${q(asOf)} } }) { nodes { group importance submittedAt } } }`,
    });
  }
  return drafts;
}
