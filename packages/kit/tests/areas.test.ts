import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkAreaFilter, type AreaUnit } from '../src/areas';

const units: AreaUnit[] = [
  { code: '84', level: 'PROVINCE' },
  { code: '842', level: 'DISTRICT' },
  { code: '29263', level: 'COMMUNE' },
];
const lookups: string[][] = [];
const findUnits = async (codes: string[]) => {
  lookups.push(codes);
  return units.filter((unit) => codes.includes(unit.code));
};
const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(GraphQLError);
  return { message: (error as GraphQLError).message, argument: (error as GraphQLError).extensions.argument };
};

describe('checkAreaFilter', () => {
  it('accepts a district and a commune of their levels with one lookup, and nothing to check without codes', async () => {
    lookups.length = 0;
    await checkAreaFilter({ districtCode: '842', communeCode: '29263' }, findUnits);
    await checkAreaFilter({ districtCode: null }, findUnits);
    expect(lookups).toEqual([['842', '29263']]);
  });

  it('names the argument whose code is unknown or of another level', async () => {
    expect(await refusal(checkAreaFilter({ districtCode: '999' }, findUnits))).toEqual({
      argument: 'districtCode',
      message: 'invalid argument "districtCode": "999" is not the GSO code of a district-level unit of the province',
    });
    expect(await refusal(checkAreaFilter({ communeCode: '842' }, findUnits))).toMatchObject({ argument: 'communeCode' });
    expect(await refusal(checkAreaFilter({ districtCode: '84' }, findUnits))).toMatchObject({ argument: 'districtCode' });
  });
});
