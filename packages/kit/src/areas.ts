import { badInput } from './errors';

/** A list's optional district and commune filters (GSO codes). */
export interface AreaFilter {
  districtCode?: string | null;
  communeCode?: string | null;
}

/** A unit of a service's local copy of egov's administrative units, as far as area checks need it. */
export interface AreaUnit {
  code: string;
  level: string;
}

/**
 * Checks that `districtCode` names a district-level and `communeCode` a commune-level unit of the
 * province; `findUnits` reads the service's copy of the units by code (one query for both).
 */
export async function checkAreaFilter(area: AreaFilter, findUnits: (codes: string[]) => Promise<AreaUnit[]>): Promise<void> {
  const given = [
    ['districtCode', 'DISTRICT', area.districtCode],
    ['communeCode', 'COMMUNE', area.communeCode],
  ] as const;
  const codes = given.map(([, , code]) => code).filter((code): code is string => typeof code === 'string');
  if (!codes.length) return;
  const byCode = new Map((await findUnits(codes)).map((unit) => [unit.code, unit]));
  for (const [argument, level, code] of given) {
    if (typeof code === 'string' && byCode.get(code)?.level !== level) {
      throw badInput(argument, `"${code}" is not the GSO code of a ${level.toLowerCase()}-level unit of the province`);
    }
  }
}
