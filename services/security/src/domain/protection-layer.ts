/** Directive 14/CT-TTg's four layers, as the profile's flags name them. */
export enum ProtectionLayerKind {
  ON_SITE_FORCE = 'ON_SITE_FORCE',
  PROFESSIONAL_MONITORING = 'PROFESSIONAL_MONITORING',
  INDEPENDENT_INSPECTION = 'INDEPENDENT_INSPECTION',
  NCSC_CONNECTED = 'NCSC_CONNECTED',
}

/** The profile flag each layer sets (the compliance figures count these). */
export const layerFlag = {
  [ProtectionLayerKind.ON_SITE_FORCE]: 'onSiteForce',
  [ProtectionLayerKind.PROFESSIONAL_MONITORING]: 'professionalMonitoring',
  [ProtectionLayerKind.INDEPENDENT_INSPECTION]: 'independentInspection',
  [ProtectionLayerKind.NCSC_CONNECTED]: 'ncscConnected',
} as const satisfies Record<ProtectionLayerKind, string>;
