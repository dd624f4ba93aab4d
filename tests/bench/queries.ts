/**
 * The operations `npm run bench` measures, each as a client sends it to the gateway and as the
 * same work sent straight to the subgraph(s) that serve it (what the gateway's plan fetches).
 */

/** The districts of province 84 (GSO codes); list and drill-down requests take them in turn. */
export const districts = ['842', '844', '845', '846', '847', '848', '849', '850', '851'];

const indicatorFields = 'code titleVi titleEn unit baseline target comparator actual status';
const digitalGovernment = `digitalGovernment { agencies districts communes informationSystems onlineServices onlineServicesLevel3 onlineServicesLevel4 procedures planTasks overdueDossiers openFeedback indicators { ${indicatorFields} } }`;
const infrastructure = `infrastructure { btsStations lteStations lteShare btsDown telecomOperators servers physicalServers virtualServers agenciesConnected securedLans activeCertificates indicators { ${indicatorFields} } }`;
const security = `security { systemsTotal systemsGraded systemsPendingApproval openAlerts openIncidents inspectionsOverdue alerts(year: 2022) { total vulnerability malware open } indicators { ${indicatorFields} } }`;
const digitalEconomy = `digitalEconomy { ictEnterprises platformEnterprises platformProducts ocopProducts ocopProductsListed eInvoiceTaxCodes indicators { ${indicatorFields} } }`;

/** (a) The IOC scorecard: province 84 with the four domains' summaries and indicators. */
export const scorecard = {
  query: `query Scorecard($code: String!) { province(code: $code) { code name ${digitalGovernment} ${infrastructure} ${security} ${digitalEconomy} } }`,
  variables: [{ code: '84' }],
  /** The gateway's plan: egov answers `province`, then the other three in parallel by entity key. */
  direct: {
    egov: { query: `query Scorecard($code: String!) { province(code: $code) { code name ${digitalGovernment} } }`, variables: [{ code: '84' }] },
    entities: (['infrastructure', 'security', 'economy'] as const).map((subgraph) => ({
      subgraph,
      query: `query Scorecard($representations: [_Any!]!) { _entities(representations: $representations) { ... on Province { ${
        { infrastructure, security, economy: digitalEconomy }[subgraph]
      } } } }`,
      variables: [{ representations: [{ __typename: 'Province', code: '84' }] }],
    })),
  },
};

const btsFields = 'id name status technologies latitude longitude statusChangedAt operator { id name }';

/** (b) A page of BTS stations of a district (infrastructure; commune names from egov). */
export const btsList = {
  query: `query DistrictBts($district: String!, $first: Int!) { btsStations(districtCode: $district, first: $first, sort: NAME_ASC) { totalCount pageInfo { endCursor hasNextPage } nodes { ${btsFields} commune { code name } } } }`,
  variables: districts.map((district) => ({ district, first: 50 })),
  /** Straight to infrastructure: the same page, without the commune names it cannot give. */
  direct: {
    subgraph: 'infrastructure',
    query: `query DistrictBts($district: String!, $first: Int!) { btsStations(districtCode: $district, first: $first, sort: NAME_ASC) { totalCount pageInfo { endCursor hasNextPage } nodes { ${btsFields} commune { code } } } }`,
  },
};

/** (c) Dossier drill-down by district for 2022: the district's and its communes' statistics, and the first page of its dossiers. */
export const dossierDrillDown = {
  query: `query DistrictDossiers($district: String!, $year: Int!, $from: String!, $to: String!) {
  administrativeUnit(code: $district) {
    code name
    dossierStatistics(year: $year) { received online inPerson resolved resolvedOnTime processing overdue onlineShare onTimeShare }
    children { code name dossierStatistics(year: $year) { received online resolved overdue onlineShare onTimeShare } }
  }
  dossiers(districtCode: $district, receivedFrom: $from, receivedTo: $to, first: 50) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id receivedAt dueAt resolvedAt status channel serviceLevel overdue commune { code name } procedure { code name } }
  }
}`,
  variables: districts.map((district) => ({ district, year: 2022, from: '2022-01-01', to: '2022-12-31' })),
  /** Everything here is egov's: the same document, straight to egov. */
  direct: { subgraph: 'egov' },
};

const alertFields = 'id sequence title severity status kind';
const alertSystemEgov = 'nameVi ownerAgency { id nameVi }';
const alertSystemInfrastructure = 'hosting { servers { id } }';

/** (d) The SOC's alert list: a page of 20 from security, each system's name and owner from egov and its servers from infrastructure. */
export const alertList = {
  query: `query AlertList { alerts(first: 20) { totalCount nodes { ${alertFields} system { id ${alertSystemEgov} ${alertSystemInfrastructure} } } } }`,
  variables: [{}],
  /** The plan: security's page, then egov and infrastructure in parallel for the page's systems. */
  direct: {
    security: `query AlertList { alerts(first: 20) { totalCount nodes { ${alertFields} system { id } } } }`,
    entities: [
      { subgraph: 'egov', query: `query AlertList($representations: [_Any!]!) { _entities(representations: $representations) { ... on InformationSystem { ${alertSystemEgov} } } }` },
      { subgraph: 'infrastructure', query: `query AlertList($representations: [_Any!]!) { _entities(representations: $representations) { ... on InformationSystem { ${alertSystemInfrastructure} } } }` },
    ],
  },
};
