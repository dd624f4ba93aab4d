export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Serialises errors to something useful instead of `{}`. */
function normalise(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}

/** One JSON object per line on stdout (stderr for warn and error), ready for any log shipper. */
export function createLogger(
  service: string,
  level: LogLevel = 'info',
  bindings: Fields = {},
  write: (line: string, level: LogLevel) => void = defaultWrite,
): Logger {
  const emit = (lvl: LogLevel, msg: string, fields?: Fields) => {
    if (rank[lvl] < rank[level]) return;
    const record = { time: new Date().toISOString(), level: lvl, service, msg, ...bindings, ...normalise(fields ?? {}) };
    write(JSON.stringify(record), lvl);
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (more) => createLogger(service, level, { ...bindings, ...more }, write),
  };
}

function defaultWrite(line: string, level: LogLevel): void {
  (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const silentLogger: Logger = createLogger('silent', 'silent');
