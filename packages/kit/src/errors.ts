import { GraphQLError } from 'graphql';

/** A GraphQL error naming the argument that was wrong; nothing has been written when it is thrown. */
export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`invalid argument "${argument}": ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}

const isoDate = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an optional `from`/`to` pair; rejects malformed dates and `from` after `to`. Errors name
 * the arguments: `names` defaults to `<argument>.from` / `<argument>.to`.
 */
export function parseDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  argument = 'range',
  names: { from: string; to: string } = { from: `${argument}.from`, to: `${argument}.to` },
): { from?: Date; to?: Date } {
  const parse = (value: string | null | undefined, name: string) => {
    if (value === null || value === undefined) return undefined;
    const date = new Date(value);
    if (!isoDate.test(value) || Number.isNaN(date.getTime())) throw badInput(name, `"${value}" is not an ISO 8601 date`);
    // Date() rolls 2022-02-30 over to March: the calendar day must survive the round trip.
    if (date.toISOString().slice(0, 10) !== value.slice(0, 10) && !/[+-]\d{2}:?\d{2}$/.test(value)) {
      throw badInput(name, `"${value}" is not a calendar date`);
    }
    return date;
  };
  const range = { from: parse(from, names.from), to: parse(to, names.to) };
  if (range.from && range.to && range.from > range.to) throw badInput(names.from, `${names.from} (${from}) is after ${names.to} (${to})`);
  return range;
}
