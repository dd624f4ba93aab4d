import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseDateRange } from '../src/errors';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return { message: (error as GraphQLError).message, ...(error as GraphQLError).extensions };
  }
  throw new Error('expected a refusal');
};

describe('parseDateRange', () => {
  it('accepts dates and date-times, either end optional', () => {
    expect(parseDateRange('2022-01-01', '2022-12-31T23:59:59Z')).toEqual({ from: new Date('2022-01-01'), to: new Date('2022-12-31T23:59:59Z') });
    expect(parseDateRange(undefined, '2022-06-30')).toEqual({ from: undefined, to: new Date('2022-06-30') });
  });

  it('names the argument that is not a date, or not a real calendar day', () => {
    expect(refusal(() => parseDateRange('yesterday', null, 'received'))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'received.from' });
    expect(refusal(() => parseDateRange('2022-02-30', null, 'received'))).toMatchObject({ argument: 'received.from', message: expect.stringMatching(/not a calendar date/) });
  });

  it('refuses a range that ends before it starts, with separately named arguments', () => {
    expect(refusal(() => parseDateRange('2022-12-31', '2022-01-01', 'issued', { from: 'issuedFrom', to: 'issuedTo' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'issuedFrom',
      message: 'invalid argument "issuedFrom": issuedFrom (2022-12-31) is after issuedTo (2022-01-01)',
    });
  });
});
