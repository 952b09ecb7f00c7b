import type { UnitDetailQuery, UnitType } from '../../graphql/generated/graphql';

export type UnitDetail = NonNullable<UnitDetailQuery['unit']>;

// `satisfies` makes this list fail the typecheck when the schema adds or drops a unit type.
const unitTypeSet = {
  DINAS: true,
  BADAN: true,
  SEKRETARIAT: true,
  BIDANG: true,
  SEKSI: true,
  UPT: true,
  RSUD: true,
  PUSKESMAS: true,
  SEKOLAH: true,
  KECAMATAN: true,
  KELURAHAN: true,
} as const satisfies Record<UnitType, true>;

/** Unit types in the order an administrator thinks of them: OPDs first, then their parts, then territorial units. */
export const unitTypes = Object.keys(unitTypeSet) as UnitType[];

export function isUnitType(value: unknown): value is UnitType {
  return typeof value === 'string' && Object.hasOwn(unitTypeSet, value);
}
