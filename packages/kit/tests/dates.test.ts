import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  checkYear,
  parseDate,
  parseDateRange,
  parseInstant,
  parseInstantRange,
  parseOptionalDate,
  parsePastDate,
  vietnamDayOf,
  vietnamInstant,
  vietnamToday,
  vietnamYear,
} from '../src/dates';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return { message: (error as GraphQLError).message, ...(error as GraphQLError).extensions };
  }
  throw new Error('expected a refusal');
};

describe('the Vietnam clock', () => {
  it('turns the date at 17:00 UTC, midnight in Asia/Ho_Chi_Minh', () => {
    expect(vietnamToday(new Date('2022-12-31T16:59:59.999Z'))).toBe('2022-12-31');
    expect(vietnamToday(new Date('2022-12-31T17:00:00Z'))).toBe('2023-01-01');
    expect(vietnamToday(Date.parse('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
  });

  it('counts days and places hours in Vietnam time', () => {
    const day = vietnamDayOf(new Date('2022-06-01T02:00:00+07:00'));
    expect(vietnamDayOf(new Date('2022-05-31T17:00:00Z'))).toBe(day);
    expect(vietnamInstant(day, 7, 30).toISOString()).toBe('2022-06-01T00:30:00.000Z');
  });

  it('gives a year as [start, end) in Vietnam time', () => {
    expect(vietnamYear(2022)).toEqual({ start: new Date('2021-12-31T17:00:00Z'), end: new Date('2022-12-31T17:00:00Z') });
  });
});

describe('date arguments', () => {
  it('takes real calendar dates and names the argument otherwise', () => {
    expect(parseDate('2024-02-29', 'on')).toBe('2024-02-29');
    expect(refusal(() => parseDate('2022-02-30', 'on'))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'on' });
    expect(refusal(() => parseDate('31/12/2022', 'on'))).toMatchObject({ argument: 'on', message: expect.stringMatching(/YYYY-MM-DD/) });
    expect(parseOptionalDate(null, 'on')).toBeUndefined();
  });

  it('refuses a date after today in Vietnam', () => {
    expect(parsePastDate('2022-12-31', 'joinedOn', '2022-12-31')).toBe('2022-12-31');
    expect(refusal(() => parsePastDate('2023-01-01', 'joinedOn', '2022-12-31'))).toMatchObject({ argument: 'joinedOn', message: expect.stringMatching(/future/) });
  });

  it('keeps a date range inclusive and refuses one that ends before it starts, naming `to`', () => {
    expect(parseDateRange('2022-01-01', '2022-01-01')).toEqual({ from: '2022-01-01', to: '2022-01-01' });
    expect(parseDateRange(undefined, '2022-06-30', { from: 'issuedFrom', to: 'issuedTo' })).toEqual({ from: undefined, to: '2022-06-30' });
    expect(refusal(() => parseDateRange('2022-12-31', '2022-01-01', { from: 'issuedFrom', to: 'issuedTo' }))).toMatchObject({ argument: 'issuedTo' });
  });

  it('checks years', () => {
    expect(checkYear(2022)).toBe(2022);
    expect(refusal(() => checkYear(1999))).toMatchObject({ argument: 'year' });
    expect(refusal(() => checkYear(2022.5, 'budgetYear'))).toMatchObject({ argument: 'budgetYear' });
  });
});

describe('instant arguments', () => {
  it('reads a bare date as a Vietnam day and a date-time without offset as Vietnam time', () => {
    expect(parseInstant('2022-12-31', 'from')).toEqual(new Date('2022-12-30T17:00:00Z'));
    expect(parseInstant('2022-12-31T08:00', 'at')).toEqual(new Date('2022-12-31T01:00:00Z'));
    expect(parseInstant('2022-12-31T08:00:00Z', 'at')).toEqual(new Date('2022-12-31T08:00:00Z'));
  });

  it('makes `to` inclusive: the whole day for a date, the instant itself for a date-time', () => {
    expect(parseInstantRange('2022-12-31', '2022-12-31')).toEqual({ from: new Date('2022-12-30T17:00:00Z'), before: new Date('2022-12-31T17:00:00Z') });
    expect(parseInstantRange(null, '2022-12-31T10:00:00+07:00').before).toEqual(new Date('2022-12-31T03:00:00.001Z'));
  });

  it('names the argument that is not a date, not a real day, or starts after the end', () => {
    expect(refusal(() => parseInstantRange('yesterday', null, { from: 'receivedFrom', to: 'receivedTo' }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'receivedFrom' });
    expect(refusal(() => parseInstantRange(null, '2022-02-30T10:00:00Z', { from: 'receivedFrom', to: 'receivedTo' }))).toMatchObject({ argument: 'receivedTo' });
    expect(refusal(() => parseInstantRange('2022-12-31', '2022-01-01'))).toMatchObject({
      argument: 'from',
      message: 'invalid argument "from": from (2022-12-31) is after to (2022-01-01)',
    });
  });
});
