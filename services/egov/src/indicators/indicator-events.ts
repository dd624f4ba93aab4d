import { DossierChannel } from '../enums/dossier.enum';

/** A new dossier moves the online share; an online one may also add a procedure with online dossiers. */
export function dossierIndicatorCodes(channel: DossierChannel): string[] {
  return channel === DossierChannel.ONLINE ? ['dossiersOnlineShare', 'proceduresWithOnlineDossiersShare'] : ['dossiersOnlineShare'];
}
