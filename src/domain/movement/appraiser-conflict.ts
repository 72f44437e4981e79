// Conflicts of interest in appraisal: an appraiser never appraises his or her own unit. Pure.
import { isWithin } from "../org.js";

/**
 * Whether an appraiser working in the unit at `appraiserUnitPath` would be appraising their own unit by appraising a
 * participant of the unit at `participantUnitPath`: the same unit, a unit inside theirs, or the unit they work inside.
 * The plan issuer's own staff (working directly in the issuing unit) appraise the units below it by office.
 */
export function appraisesOwnUnit(appraiserUnitPath: string, participantUnitPath: string, issuerPath: string): boolean {
  if (appraiserUnitPath === participantUnitPath) return true;
  if (isWithin(participantUnitPath, appraiserUnitPath)) return appraiserUnitPath !== issuerPath;
  if (isWithin(appraiserUnitPath, participantUnitPath)) return participantUnitPath !== issuerPath;
  return false;
}
