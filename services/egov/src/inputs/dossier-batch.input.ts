import { Field, ID, InputType } from 'type-graphql';
import { DossierApplicantInput } from './dossier-applicant.input';
import { ReceiveDossierInput } from './receive-dossier.input';

@InputType('ReceiveDossierItemInput', { description: 'One dossier of a `receiveDossiers` call: what `receiveDossier` takes.' })
export class ReceiveDossierItemInput {
  @Field(() => ReceiveDossierInput)
  input!: ReceiveDossierInput;

  @Field(() => DossierApplicantInput, { nullable: true, description: 'The citizen filing it (stored; served masked except to admins).' })
  applicant?: DossierApplicantInput | null;
}

@InputType('ResolveDossierItemInput', { description: 'One resolution of a `resolveDossiers` call: what `resolveDossier` takes.' })
export class ResolveDossierItemInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time; default now.' })
  resolvedAt?: string | null;
}
