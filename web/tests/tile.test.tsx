import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { Tile, ageLabel } from '../src/components/Tile';
import { translate, type Translate } from '../src/i18n/i18n';
import { fakeGraph, renderConsole } from './harness';

afterEach(cleanup);

describe('Tile', () => {
  it('shows the socket state in data-connection and follows it', () => {
    const { client } = fakeGraph({});
    const { connection, container } = renderConsole(<Tile name="scorecard" title="T" updatedAt={Date.now()}>body</Tile>, { client });
    const tile = container.querySelector('[data-tile="scorecard"]')!;
    expect(tile.getAttribute('data-connection')).toBe('live');
    act(() => connection.lost());
    expect(tile.getAttribute('data-connection')).toBe('reconnecting');
    expect(tile.textContent).toContain('đang kết nối lại');
    act(() => connection.browserOffline());
    expect(tile.getAttribute('data-connection')).toBe('offline');
    act(() => connection.connected());
    expect(tile.getAttribute('data-connection')).toBe('live');
  });

  it('says how old its data is, in the chosen language', () => {
    const { client } = fakeGraph({});
    renderConsole(<Tile name="x" title="T" updatedAt={Date.now() - 12_000}>body</Tile>, { client, lang: 'en' });
    expect(screen.getByTestId('tile-age').textContent).toMatch(/^updated 1[2-5] s ago$/);
    const t: Translate = (key, values) => translate("vi", key, values);
    expect(ageLabel(t, Date.now() - 125_000, Date.now())).toBe('cập nhật 2 phút trước');
    expect(ageLabel(t, undefined, Date.now())).toBe('chưa có dữ liệu');
  });

  it('shows a refusal as a short message instead of its content, and a refused stream as offline', () => {
    const { client } = fakeGraph({});
    const refused = { kind: 'refused' as const, message: 'forbidden: Query.alerts', retry: false };
    const { container } = renderConsole(
      <Tile name="x" title="T" updatedAt={undefined} streamFailure={refused}>
        secret body
      </Tile>,
      { client },
    );
    expect(container.textContent).toContain('Không có quyền xem: forbidden: Query.alerts');
    expect(container.textContent).not.toContain('secret body');
    expect(container.querySelector('[data-tile]')!.getAttribute('data-connection')).toBe('offline');
  });
});
