import type { EntityManager } from '@mikro-orm/postgresql';
import { execute } from '../../graphql/list';
import { raw } from '../../graphql/sql';
import { PolicyVersion } from '../policy/policy-version.entity';
import type { Dataset } from './dataset.schema';

type Row = Record<string, unknown>;

const num = (v: unknown): number => Number(v);

function groupBy<T extends Row>(rows: T[], key: string): Map<unknown, T[]> {
  const map = new Map<unknown, T[]>();
  for (const row of rows) {
    const k = row[key];
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * Writes the whole database in the dataset exchange format, ordered by
 * natural keys so that export → import into an empty database → export
 * yields the same document. Optional fields are written only when set.
 */
export async function exportDataset(rootEm: EntityManager): Promise<Dataset> {
  const em = rootEm.fork() as EntityManager;
  const q = (text: string) => execute<Row>(em, raw(text));

  const units = await q(`select u.code, u.name, u.type, p.code as parent from unit u left join unit p on p.id = u.parent_id order by u.code`);
  const competencies = await q(`select id, code, name, type from competency order by code`);
  const levels = groupBy(await q(`select competency_id, level, description from competency_level order by competency_id, level`), 'competency_id');
  const positions = await q(`select p.id, p.code, p.name, u.code as unit, p.kind, p.quota, p.min_grade, p.min_education, p.max_age, p.technical_weight
    from position p join unit u on u.id = p.unit_id order by p.code`);
  const requirements = groupBy(await q(`select r.position_id, c.code as competency, r.level from position_requirement r
    join competency c on c.id = r.competency_id order by r.position_id, c.code`), 'position_id');
  const employees = await q(`select e.id, e.nip, e.name, e.status, e.grade, e.education, u.code as unit, p.code as position
    from employee e join unit u on u.id = e.unit_id left join position p on p.id = e.position_id order by e.nip`);
  const assessments = groupBy(await q(`select a.employee_id, c.code as competency, a.level, a.assessed_at::text as assessed_at, a.method
    from competency_assessment a join competency c on c.id = a.competency_id order by a.employee_id, c.code, a.assessed_at`), 'employee_id');
  const appraisals = groupBy(await q(`select employee_id, period_start::text as period_start, period, results, behaviour
    from performance_appraisal order by employee_id, period_start, period`), 'employee_id');
  const trainings = await q(`select id, code, title, form, type, hours from training order by code`);
  const targets = groupBy(await q(`select tc.training_id, c.code from training_competency tc join competency c on c.id = tc.competency_id
    order by tc.training_id, c.code`), 'training_id');
  const participations = await q(`select e.nip, t.code as training, p.started_at::text as started_at, p.completed_at::text as completed_at,
    p.status, p.pre_test, p.post_test from training_participation p join employee e on e.id = p.employee_id join training t on t.id = p.training_id
    order by e.nip, t.code, p.started_at`);
  const evaluations = await q(`select t.code as training, e.nip, v.level, v.score, v.respondent, v.evaluated_at::text as evaluated_at
    from training_evaluation v join training t on t.id = v.training_id join employee e on e.id = v.employee_id
    order by t.code, e.nip, v.level, v.respondent, v.evaluated_at`);
  const inputs = await q(`select p.code as position, c.code as competency, s.stakeholder_group, s.importance, s.comment, s.submitted_at::text as submitted_at
    from stakeholder_input s join position p on p.id = s.position_id join competency c on c.id = s.competency_id
    order by p.code, c.code, s.stakeholder_group, s.submitted_at`);
  const active = await em.findOne(PolicyVersion, { status: 'ACTIVE' });

  const dataset: Dataset = {
    formatVersion: 1,
    units: units.map((u) => ({ code: String(u.code), name: String(u.name), type: u.type as never, parent: (u.parent as string | null) ?? null })),
    competencies: competencies.map((c) => ({
      code: String(c.code), name: String(c.name), type: c.type as never,
      ...(levels.has(c.id) ? { levels: levels.get(c.id)!.map((l) => ({ level: num(l.level), description: String(l.description) })) } : {}),
    })),
    positions: positions.map((p) => ({
      code: String(p.code), name: String(p.name), unit: String(p.unit), kind: p.kind as never, quota: num(p.quota),
      minGrade: (p.min_grade as never) ?? null, minEducation: (p.min_education as never) ?? null,
      maxAge: p.max_age === null ? null : num(p.max_age), technicalWeight: p.technical_weight === null ? null : num(p.technical_weight),
      requirements: (requirements.get(p.id) ?? []).map((r) => ({ competency: String(r.competency), level: num(r.level) })),
    })),
    employees: employees.map((e) => ({
      nip: String(e.nip), name: String(e.name), status: e.status as never, grade: e.grade as never, education: e.education as never,
      unit: String(e.unit), position: (e.position as string | null) ?? null,
      assessments: (assessments.get(e.id) ?? []).map((a) => ({
        competency: String(a.competency), level: num(a.level), assessedAt: String(a.assessed_at), method: a.method as never,
      })),
      appraisals: (appraisals.get(e.id) ?? []).map((a) => ({
        periodStart: String(a.period_start), period: a.period as never, results: a.results as never, behaviour: a.behaviour as never,
      })),
    })),
    trainings: trainings.map((t) => ({
      code: String(t.code), title: String(t.title), form: t.form as never, type: t.type as never, hours: num(t.hours),
      competencies: (targets.get(t.id) ?? []).map((c) => String(c.code)),
    })),
    participations: participations.map((p) => ({
      nip: String(p.nip), training: String(p.training), startedAt: String(p.started_at), completedAt: (p.completed_at as string | null) ?? null,
      status: p.status as never, preTest: p.pre_test === null ? null : num(p.pre_test), postTest: p.post_test === null ? null : num(p.post_test),
    })),
    trainingEvaluations: evaluations.map((v) => ({
      training: String(v.training), nip: String(v.nip), level: num(v.level), score: num(v.score), respondent: v.respondent as never, evaluatedAt: String(v.evaluated_at),
    })),
    stakeholderInputs: inputs.map((s) => ({
      position: String(s.position), competency: String(s.competency), group: s.stakeholder_group as never, importance: num(s.importance),
      comment: (s.comment as string | null) ?? null, submittedAt: String(s.submitted_at),
    })),
    ...(active ? { policy: { ...active.parameters } } : {}),
  };
  return dataset;
}

