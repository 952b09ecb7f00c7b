import type { AppraisalRating, Predicate } from './enums';

/** PermenPANRB 6/2022 matrix (domain.md §5): rows = work results, columns = work behaviour. */
export const PREDICATE_MATRIX: Readonly<Record<AppraisalRating, Readonly<Record<AppraisalRating, Predicate>>>> = {
  ABOVE: { BELOW: 'KURANG', MEETS: 'BAIK', ABOVE: 'SANGAT_BAIK' },
  MEETS: { BELOW: 'KURANG', MEETS: 'BAIK', ABOVE: 'BAIK' },
  BELOW: { BELOW: 'SANGAT_KURANG', MEETS: 'BUTUH_PERBAIKAN', ABOVE: 'BUTUH_PERBAIKAN' },
};

export function predicateOf(results: AppraisalRating, behaviour: AppraisalRating): Predicate {
  return PREDICATE_MATRIX[results][behaviour];
}
