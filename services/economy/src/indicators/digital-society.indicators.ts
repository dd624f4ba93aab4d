import type { IndicatorSource } from './sources';

/** Measurement codes the summaries and the indicators read. */
export const societyMeasurements = {
  internetUsersShare: 'society.internetUsersShare',
  smartphoneShare: 'society.smartphoneShare',
  fibreHouseholdsShare: 'society.fibreHouseholdsShare',
  paymentAccountHolders: 'payments.activeAccountHolders15Plus',
  mobileMoneyAccounts: 'payments.mobileMoneyAccounts',
  electricityCustomers: 'electricity.customers',
  electricityCashlessCustomers: 'electricity.cashlessCustomers',
  electricityCashlessShare: 'electricity.cashlessShare',
  population15Plus: 'population.aged15Plus',
} as const;

/**
 * DIGITAL_SOCIETY (Part II, II.2.g).
 * - adultsWithSmartphoneShare: the plan's "> 60% of the population" smartphone figure (the same
 *   series as the indicator's baseline; whole population, so a conservative reading for adults).
 * - adultsWithEPaymentAccountShare: 646,721 account holders aged 15+ is a count; it becomes a
 *   share once the population aged 15+ is recorded for the same period (`population.aged15Plus`).
 * - householdsInternetShare is deliberately not fed by fibre households (59.25%): fibre is a
 *   narrower measure than "connected to the Internet" and would understate it.
 */
export const digitalSocietySources: Record<string, IndicatorSource[]> = {
  adultsWithSmartphoneShare: [{ kind: 'measurement', indicator: societyMeasurements.smartphoneShare }],
  adultsWithEPaymentAccountShare: [
    { kind: 'ratio', numerator: societyMeasurements.paymentAccountHolders, denominator: societyMeasurements.population15Plus, scale: 100 },
  ],
};
