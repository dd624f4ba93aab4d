import { graphql } from './tada';

// The operations this agency's system runs, copied from the gateway's catalogue
// (GET /persisted-operations), formatted as we like: the gateway compares them printed.

export const MyOpenAlerts = graphql(`
  query MyOpenAlerts($severity: AlertSeverity, $systemId: String, $first: Int!, $after: String) {
    alerts(open: true, severity: $severity, systemId: $systemId, orderBy: PRIORITY_DESC, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id sequence kind title severity priority status occurrences firstSeen lastSeen cve cvssScore
        system { id nameVi }
      }
    }
  }
`);

export const MyAlert = graphql(`
  query MyAlert($id: String!) {
    alert(id: $id) {
      id sequence kind title description cve cvssScore severity rawSeverity source occurrences firstSeen lastSeen status priority acknowledgedAt closedAt
      system { id nameVi }
      incident { id title status severity detectedAt reportDueAt reportedAt slaStatus }
    }
  }
`);

export const MyAlertsRaised = graphql(`
  subscription MyAlertsRaised($after: String, $minSeverity: AlertSeverity, $systemId: String) {
    alertRaised(after: $after, minSeverity: $minSeverity, systemId: $systemId) {
      id sequence kind title severity priority status occurrences firstSeen lastSeen cve cvssScore
      system { id nameVi }
    }
  }
`);

/** Every operation, by name: what generate.ts hashes. */
export const operations = { MyOpenAlerts, MyAlert, MyAlertsRaised };
