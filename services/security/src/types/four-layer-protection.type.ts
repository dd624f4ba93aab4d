import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@tag(name: "agency")')
@ObjectType('FourLayerProtection', { description: 'The four layers of Directive 14/CT-TTg (7 June 2019) for one system.' })
export class FourLayerProtection {
  @Field(() => Boolean, { description: 'Layer 1: the agency\'s own on-site force operates, advises and checks.' })
  onSiteForce!: boolean;

  @Field(() => Boolean, { description: 'Layer 2: professional monitoring and protection (the outsourced SOC).' })
  professionalMonitoring!: boolean;

  @Field(() => Boolean, { description: 'Layer 3: independent periodic inspection and assessment.' })
  independentInspection!: boolean;

  @Field(() => Boolean, { description: 'Layer 4: connected to and sharing with the national monitoring centre (NCSC).' })
  ncscConnected!: boolean;

  @Field(() => Boolean, { description: 'All four layers in place.' })
  complete!: boolean;
}
