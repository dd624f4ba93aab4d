import { useSyncExternalStore } from 'react';

/** One shared one-second tick for every "updated … ago" label, instead of a timer per tile. */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const each of listeners) each();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Between ticks the last tick's time; with no tick running, the time now (to the second, so repeated reads agree). */
function snapshot(): number {
  if (!timer && Date.now() - now >= 1000) now = Date.now();
  return now;
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
