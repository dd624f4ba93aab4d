/**
 * Indicators whose 2022 value the plan reports (the seed stores it as the baseline, and the
 * latest reported value stands in for the actual where no rows measure it). Shared with the seed.
 */
export const baselineMeasurementOf: Record<string, string> = {
  dossiersOnlineShare: 'publicServices.dossiersOnlineShare',
  proceduresIntegratedNationalPortalShare: 'publicServices.servicesIntegratedNationalPortalShare',
  eligibleProceduresFullyOnlineShare: 'publicServices.eligibleProceduresLevel4Share',
  workRecordsOnIofficeProvinceShare: 'ioffice.workRecords.provinceShare',
  workRecordsOnIofficeDistrictShare: 'ioffice.workRecords.districtShare',
  workRecordsOnIofficeCommuneShare: 'ioffice.workRecords.communeShare',
  socioEconomicReportsViaSystemShare: 'reporting.socioEconomicReportsViaSystemShare',
};
