/**
 * Sikap's own set-based JPM SQL (server/src/modules/matching/matching.sql.ts),
 * rendered to static text so PostGraphile (as a SQL function) and the raw
 * lower bound (as a prepared statement) rank candidates with exactly the
 * formula Sikap uses — the three systems answer the same question.
 */
import { matchCtes, RANK_ORDER, categoryRankSql } from '../../../server/src/modules/matching/matching.sql';
import { raw, sql, type Sql } from '../../../server/src/graphql/sql';
import { DEFAULT_POLICY, type PolicyParameters } from '../../../server/src/domain/policy';

export { DEFAULT_POLICY, type PolicyParameters };

const AS_OF = '\u0000AS_OF\u0000';

function literal(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return 'null';
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** Replaces `?` placeholders by literals, the asOf sentinel by `asOfRef`. */
function render(q: Sql, asOfRef: string): string {
  let i = 0;
  const out = q.text.replace(/\?/g, () => {
    const v = q.params[i++];
    return v === AS_OF ? asOfRef : literal(v);
  });
  if (i !== q.params.length) throw new Error(`placeholder count ${i} ≠ ${q.params.length}`);
  return out;
}

/**
 * One position's eligible candidates, ranked as Position.candidates ranks
 * them (current holders excluded, the policy's candidate category or better):
 * columns rank, nip, name, jpm, raw_jpm, category, eligible.
 */
export function candidatesSql(policy: PolicyParameters, refs: { positionCode: string; asOf: string; limit: string }): string {
  const position = raw(`(select id from position where code = ${refs.positionCode})`);
  const ctes = matchCtes({
    positions: sql`select ${position}`,
    candidates: sql`e.position_id is distinct from ${position}`,
    asOf: AS_OF,
    policy,
    prefilterEligible: true,
    minCategory: policy.candidateMinCategory,
  });
  const q = sql`with ${ctes}
    select r.rank, r.nip, e.name, r.jpm, r.raw_jpm, r.category, r.eligible
    from (
      select ranked.*, (row_number() over (order by ${RANK_ORDER}))::int as rank
      from ranked
      where eligible and category_rank >= ${categoryRankSql(sql`${policy.candidateMinCategory}::text`)}
      order by ${RANK_ORDER} limit ${raw(refs.limit)}
    ) r join employee e on e.id = r.employee_id
    order by r.rank`;
  return render(q, refs.asOf);
}
