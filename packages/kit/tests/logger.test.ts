import { expect, it } from 'vitest';
import { createLogger } from '../src/logger';

it('writes one JSON object per line with bindings, filtered by level, errors kept readable', () => {
  const lines: string[] = [];
  const logger = createLogger('egov', 'info', {}, (line) => lines.push(line)).child({ requestId: 'r1' });
  logger.debug('hidden');
  logger.error('boom', { error: new Error('bad thing') });
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0]!);
  expect(record).toMatchObject({ level: 'error', service: 'egov', msg: 'boom', requestId: 'r1', error: { name: 'Error', message: 'bad thing' } });
  expect(typeof record.time).toBe('string');
});
