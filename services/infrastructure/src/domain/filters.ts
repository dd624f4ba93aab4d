import { badInput, foldVietnamese, type SubgraphContext } from '@ioc/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AdministrativeUnitRef } from '../entities/administrative-unit-ref.entity';
import { UnitLevel } from '../enums/administrative-unit.enum';

/** `LIKE` pattern for an accent-folded search term; null when the term folds to nothing. */
export function searchPattern(search: string | null | undefined): string | null {
  if (search === null || search === undefined) return null;
  const folded = foldVietnamese(search).replace(/[\\%_]/g, (char) => `\\${char}`);
  return folded ? `%${folded}%` : null;
}

export function applySearch<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, search: string | null | undefined): void {
  const pattern = searchPattern(search);
  if (pattern) query.andWhere(`${column} LIKE :searchPattern`, { searchPattern: pattern });
}

export interface AreaArgs {
  districtCode?: string | null;
  communeCode?: string | null;
}

/** Looks up a unit of this service's copy of the GSO list; one query. */
export async function findUnit(ctx: SubgraphContext, code: string): Promise<AdministrativeUnitRef | null> {
  return ctx.db.getRepository(AdministrativeUnitRef).findOneBy({ code });
}

/** Checks `districtCode` and `communeCode` name real units of the right level. */
export async function validateArea(ctx: SubgraphContext, area: AreaArgs): Promise<void> {
  const codes = [area.districtCode, area.communeCode].filter((code): code is string => typeof code === 'string');
  if (!codes.length) return;
  const rows = await ctx.db.getRepository(AdministrativeUnitRef).find({ where: codes.map((code) => ({ code })) });
  const byCode = new Map(rows.map((row) => [row.code, row]));
  if (typeof area.districtCode === 'string' && byCode.get(area.districtCode)?.level !== UnitLevel.DISTRICT) {
    throw badInput('districtCode', `no district-level unit with GSO code "${area.districtCode}" in the province`);
  }
  if (typeof area.communeCode === 'string' && byCode.get(area.communeCode)?.level !== UnitLevel.COMMUNE) {
    throw badInput('communeCode', `no commune-level unit with GSO code "${area.communeCode}" in the province`);
  }
}

/** Adds area conditions on a row's `districtCode` and commune property. */
export function applyArea<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  area: AreaArgs,
  communeProperty = 'communeCode',
): void {
  if (typeof area.districtCode === 'string') query.andWhere(`${alias}.districtCode = :districtCode`, { districtCode: area.districtCode });
  if (typeof area.communeCode === 'string') query.andWhere(`${alias}.${communeProperty} = :communeCode`, { communeCode: area.communeCode });
}

/** The area of a unit given by code at any level: province (everything), district or commune. */
export function areaOfUnit(unit: AdministrativeUnitRef): AreaArgs | 'everything' {
  if (unit.level === UnitLevel.PROVINCE) return 'everything';
  if (unit.level === UnitLevel.DISTRICT) return { districtCode: unit.code };
  return { communeCode: unit.code };
}

/** Parses an optional ISO date argument (YYYY-MM-DD), naming the argument when it is malformed. */
export function parseDateArg(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(argument, `"${value}" is not an ISO date (YYYY-MM-DD)`);
  }
  return value;
}

export function parseDateRangeArgs(from: string | null | undefined, to: string | null | undefined, names: [string, string]) {
  const range = { from: parseDateArg(from, names[0]), to: parseDateArg(to, names[1]) };
  if (range.from && range.to && range.from > range.to) throw badInput(names[1], `${names[1]} (${to}) is before ${names[0]} (${from})`);
  return range;
}
