import { Field, InputType } from 'type-graphql';
import { DossierChannel } from '../enums/dossier.enum';

@InputType('ReceiveDossierInput', { description: 'A dossier received at a one-stop counter or on the portal.' })
export class ReceiveDossierInput {
  @Field(() => String, { description: 'Online service the dossier is filed under.' })
  serviceId!: string;

  @Field(() => String, { description: "Commune of the applicant's address." })
  communeCode!: string;

  @Field(() => DossierChannel)
  channel!: DossierChannel;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time; default now.' })
  receivedAt?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Marks a generated record (a demo feed, a load test) as synthetic, like the seeds' generated ones; default false." })
  synthetic?: boolean | null;
}
