import { GraphQLError } from 'graphql';

/** A GraphQL error naming the argument that was wrong; nothing has been written when it is thrown. */
export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`invalid argument "${argument}": ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}
