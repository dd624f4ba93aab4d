import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A small History API router: the URL holds screen, unit and filters, so a link or a reload lands
 * on the same view. Kiosk and rotation parameters are carried across every navigation.
 */
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const sticky = ['kiosk', 'rotate'];

/** `to` with the current kiosk/rotation parameters added unless it sets them itself. */
export function withStickyParams(to: string, current: URLSearchParams): string {
  const url = new URL(to, 'http://x');
  for (const name of sticky) {
    const value = current.get(name);
    if (value !== null && !url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  const query = url.searchParams.toString();
  return `${url.pathname}${query ? `?${query.replace(/=(?=&|$)/g, '')}` : ''}`;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = withStickyParams(to, new URLSearchParams(window.location.search));
  if (target === `${window.location.pathname}${window.location.search}`) return;
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  notify();
}

export interface Location {
  path: string;
  search: string;
}

let cached: Location = { path: '/', search: '' };

function snapshot(): Location {
  const { pathname, search } = window.location;
  if (cached.path !== pathname || cached.search !== search) cached = { path: pathname, search };
  return cached;
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The query parameters and a setter that replaces some of them (null removes). */
export function useQueryParams(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const { path, search } = useLocation();
  const params = new URLSearchParams(search);
  const update = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(search);
      for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
      }
      const query = next.toString();
      navigate(`${path}${query ? `?${query}` : ''}`, { replace: true });
    },
    [path, search],
  );
  return [params, update];
}

/** `/soc/alerts/:id` → { id } when the path matches the pattern. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}/?$`).exec(path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
