import { foiVolumeByDomain } from './foi-volume-by-domain.ts';
import type { IndicatorDef } from './types.ts';

/** Item-level (事项), disclosure (政务公开) and hotline (12345) indicators of DOMAIN §8, in display order. */
export const OTHER_INDICATORS: readonly IndicatorDef[] = [foiVolumeByDomain];
