import type { IndicatorSource } from './sources';

/**
 * DIGITAL_ECONOMY (Part II, II.2.e). None of the six targets can be measured from this
 * subgraph's rows: GRDP share, productivity, e-commerce share of retail, e-contracts and the
 * digital-economy workforce need provincial statistics, and "SMEs on digital platforms" needs the
 * number of SMEs, which the plan does not give (the platform's 125 enterprises are not a share of
 * anything here). Each shows NO_DATA until a measurement of its own code is recorded
 * (`recordMeasurement`), e.g. `ecommerceRetailShare` for 2023.
 */
export const digitalEconomySources: Record<string, IndicatorSource[]> = {};

/** Measurement codes the digital-economy summary reads. */
export const economyMeasurements = {
  farmHouseholds: 'economy.farmHouseholdsOnEcommerce',
  farmHouseholdsPostmart: 'economy.farmHouseholdsOnEcommerce.postmart',
  farmHouseholdsVoso: 'economy.farmHouseholdsOnEcommerce.voso',
  farmProducts: 'economy.farmProductsOnEcommerce',
} as const;
