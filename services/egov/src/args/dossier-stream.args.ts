import { ArgsType, Field } from 'type-graphql';
import { DossierChannel } from '../enums/dossier.enum';

/** Filters of the dossier streams (dossierReceived, dossierResolved). */
@ArgsType()
export class DossierStreamArgs {
  @Field(() => String, { nullable: true, description: 'GSO code of a district: only dossiers from its communes.' })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only dossiers this agency handles.' })
  agencyId?: string | null;

  @Field(() => DossierChannel, { nullable: true })
  channel?: DossierChannel | null;
}
