import { describe, expect, it } from 'vitest';
import { infrastructureActuals, type InfrastructureCounts } from '../src/indicators/infrastructure.indicators';
import { systemIpv6Status } from '../src/resolvers/information-system.resolver';
import { Ipv6Status } from '../src/enums/internet-domain.enum';

const counts: InfrastructureCounts = {
  telecomOperators: 6, cableTvOperators: 1, btsStations: 1208, lteStations: 1041, nrStations: 0, btsDown: 3,
  communes: 106, communesWithFibre: 106, communesWithLte: 106, servers: 171, physicalServers: 31, virtualServers: 140,
  hostsFailing: 0, agenciesConnected: 150, stateAgencies: 134, stateAgenciesConnected: 134, securedLans: 133,
  activeCertificates: 2582, postalPoints: 247, ruralCommunes: 85, ruralCommunesWithPostalPoint: 85,
};

describe('infrastructure indicator actuals', () => {
  it('computes shares and booleans from the counts', () => {
    expect(infrastructureActuals(counts)).toEqual({
      dataCentreOperational: 1,
      officialsWithComputersAntivirusShare: null,
      agenciesFibreInternetShare: null,
      lanComputersOnSpecialisedNetworkShare: 100,
      communesFibreBroadbandShare: 100,
      communes4gCoverageShare: 100,
      fiveGPilot: 0,
    });
  });

  it('follows outages and pilots', () => {
    const actuals = infrastructureActuals({ ...counts, communesWithLte: 105, hostsFailing: 1, nrStations: 2, communes: 106 });
    expect(actuals.communes4gCoverageShare).toBeCloseTo(99.06, 2);
    expect(actuals.dataCentreOperational).toBe(0);
    expect(actuals.fiveGPilot).toBe(1);
    expect(infrastructureActuals({ ...counts, communes: 0, physicalServers: 0 })).toMatchObject({ communes4gCoverageShare: null, dataCentreOperational: null });
  });
});

describe('a system\'s IPv6 status from its domains', () => {
  it('is null without domains, in progress once any domain started, completed when all are', () => {
    const d = (ipv6Status: Ipv6Status) => ({ ipv6Status });
    expect(systemIpv6Status([])).toBeNull();
    expect(systemIpv6Status([d(Ipv6Status.NOT_STARTED)])).toBe(Ipv6Status.NOT_STARTED);
    expect(systemIpv6Status([d(Ipv6Status.NOT_STARTED), d(Ipv6Status.COMPLETED)])).toBe(Ipv6Status.IN_PROGRESS);
    expect(systemIpv6Status([d(Ipv6Status.COMPLETED), d(Ipv6Status.COMPLETED)])).toBe(Ipv6Status.COMPLETED);
  });
});
