import { BtsStatus, RadioTechnology } from '../enums/bts-station.enum';
import { ServerHealth, ServerKind, ServerStatus } from '../enums/server.enum';

/** 4G coverage counts communes with an LTE station that is not down: only an LTE station crossing DOWN can move it. */
export function btsIndicatorCodes(station: { technologies: readonly RadioTechnology[] }, from: BtsStatus, to: BtsStatus): string[] {
  return station.technologies.includes(RadioTechnology.LTE) && (from === BtsStatus.DOWN) !== (to === BtsStatus.DOWN) ? ['communes4gCoverageShare'] : [];
}

const failing = (health: ServerHealth) => health === ServerHealth.CRITICAL || health === ServerHealth.OFFLINE;

/** The data centre is operational while no active physical host is critical or offline. */
export function serverHealthIndicatorCodes(server: { kind: ServerKind; status: ServerStatus }, from: ServerHealth, to: ServerHealth): string[] {
  return server.kind === ServerKind.PHYSICAL && server.status === ServerStatus.ACTIVE && failing(from) !== failing(to) ? ['dataCentreOperational'] : [];
}
