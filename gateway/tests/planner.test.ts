import { parse } from 'graphql';
import { expect, it } from 'vitest';
import { variablesBeyondRootArguments } from '../src/subscriptions/planner';

it('separates variables that only choose events from those that shape them', () => {
  const document = parse(`
    subscription Alerts($kind: AlertKind, $after: String, $withServers: Boolean!, $first: Int) {
      alertRaised(kind: $kind, after: $after) {
        id
        system @include(if: $withServers) { hosting { servers(first: $first) { id } } }
      }
    }
  `);
  expect(variablesBeyondRootArguments(document, 'Alerts')).toEqual(['first', 'withServers']);
});
