import { Field, ObjectType } from 'type-graphql';

@ObjectType('DigitalEconomySummary', { description: 'Kinh tế số: the digital economy at a glance.' })
export class DigitalEconomySummary {
  @Field(() => String)
  provinceCode!: string;
}
