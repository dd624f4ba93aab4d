import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { type Connection, loadOne, Roles, type SubgraphContext } from '@ioc/kit';
import { AdministrativeUnitRef } from '../entities/administrative-unit-ref.entity';
import type { BtsStation } from '../entities/bts-station.entity';
import type { PostalPoint } from '../entities/postal-point.entity';
import { ScopedBtsStationsArgs } from '../args/bts-stations.args';
import { ScopedPostalPointsArgs } from '../args/postal-points.args';
import { AdministrativeUnit } from '../stubs/administrative-unit.stub';
import { LteCoverage } from '../types/lte-coverage.type';
import { areaOfUnit } from '../sql/area.sql';
import { BtsStationConnection, queryBtsStations } from './bts-station.resolver';
import { PostalPointConnection, queryPostalPoints } from './postal-point.resolver';

const emptyPage = { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };

function loadUnit(ctx: SubgraphContext, code: string): Promise<AdministrativeUnitRef | null> {
  return loadOne(ctx, 'unit:byCode', code, (codes) => ctx.db.getRepository(AdministrativeUnitRef).findBy({ code: In([...codes]) }), (row) => row.code);
}

interface CoverageRow {
  unit_code: string;
  communes: number;
  communes_covered: number;
  stations: number;
  lte_stations: number;
}

/** 4G coverage of any number of units (province, districts, communes) in one query. */
export async function lteCoverageOf(ctx: SubgraphContext, codes: readonly string[]): Promise<Array<CoverageRow & { unit_code: string }>> {
  return ctx.db.query(
    `WITH scope AS (
       SELECT u.code AS unit_code, c.code AS commune_code
       FROM administrative_unit_ref u
       JOIN administrative_unit_ref c ON c.level = 'COMMUNE'
        AND (u.level = 'PROVINCE' OR c.district_code = u.code OR c.code = u.code)
       WHERE u.code = ANY($1)
     ), per_commune AS (
       SELECT s.unit_code, s.commune_code,
              count(b.id)::int AS stations,
              (count(b.id) FILTER (WHERE 'LTE' = ANY (b.technologies)))::int AS lte_stations,
              bool_or('LTE' = ANY (b.technologies) AND b.status <> 'DOWN') AS covered
       FROM scope s LEFT JOIN bts_station b ON b.commune_code = s.commune_code
       GROUP BY s.unit_code, s.commune_code
     )
     SELECT unit_code, count(*)::int AS communes, (count(*) FILTER (WHERE covered))::int AS communes_covered,
            sum(stations)::int AS stations, sum(lte_stations)::int AS lte_stations
     FROM per_commune GROUP BY unit_code`,
    [[...codes]],
  );
}

export function toCoverage(row: CoverageRow): LteCoverage {
  return {
    communes: row.communes,
    communesCovered: row.communes_covered,
    covered: row.communes > 0 && row.communes_covered === row.communes,
    stations: row.stations,
    lteStations: row.lte_stations,
    lteShare: row.stations ? Math.round((row.lte_stations / row.stations) * 10_000) / 100 : null,
  };
}

@Resolver(() => AdministrativeUnit)
@Authorized(...Roles.dashboard)
export class AdministrativeUnitResolver {
  @FieldResolver(() => BtsStationConnection, {
    description: 'BTS stations in the unit: all of the province, a district\'s communes, or the commune.',
  })
  async btsStations(
    @Root() unit: AdministrativeUnit,
    @Args(() => ScopedBtsStationsArgs) args: ScopedBtsStationsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<BtsStation>> {
    const ref = await loadUnit(ctx, unit.code);
    return ref ? queryBtsStations(ctx, args, areaOfUnit(ref)) : emptyPage;
  }

  @FieldResolver(() => LteCoverage, { nullable: true, description: 'Phủ sóng 4G of the unit; null for units outside the province.' })
  async lteCoverage(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<LteCoverage | null> {
    const row = await loadOne(ctx, 'unit:lteCoverage', unit.code, (codes) => lteCoverageOf(ctx, codes), (r) => r.unit_code);
    return row ? toCoverage(row) : null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Reached by the fibre transmission network (communes; districts and the province when all their communes are).' })
  async fibreBroadband(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<boolean | null> {
    const rows = await loadOne(
      ctx,
      'unit:fibre',
      unit.code,
      (codes) =>
        ctx.db.query(
          `SELECT u.code, bool_and(c.fibre) AS fibre
           FROM administrative_unit_ref u
           JOIN administrative_unit_ref c ON c.level = 'COMMUNE' AND (u.level = 'PROVINCE' OR c.district_code = u.code OR c.code = u.code)
           WHERE u.code = ANY($1) GROUP BY u.code`,
          [[...codes]],
        ) as Promise<Array<{ code: string; fibre: boolean }>>,
      (row) => row.code,
    );
    return rows?.fibre ?? null;
  }

  @FieldResolver(() => PostalPointConnection, { description: 'Postal service points in the unit.' })
  async postalPoints(
    @Root() unit: AdministrativeUnit,
    @Args(() => ScopedPostalPointsArgs) args: ScopedPostalPointsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<PostalPoint>> {
    const ref = await loadUnit(ctx, unit.code);
    return ref ? queryPostalPoints(ctx, args, areaOfUnit(ref)) : emptyPage;
  }
}
