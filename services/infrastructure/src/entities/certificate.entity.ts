import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { CertificateKind, CertificateMedium, CertificateStatus } from '../enums/certificate.enum';

@Entity({ name: 'certificate' })
@ObjectType('DigitalCertificate', {
  description: 'Chứng thư số chuyên dùng: a dedicated digital certificate of an agency or one of its staff.',
})
export class Certificate {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  serial!: string;

  @Column({ type: 'text', name: 'agency_id' })
  @Field(() => String)
  agencyId!: string;

  @Column({ type: 'text', name: 'agency_level' })
  @Field(() => UnitLevel)
  agencyLevel!: UnitLevel;

  @Column({ type: 'text' })
  @Field(() => CertificateKind)
  kind!: CertificateKind;

  @Column({ type: 'text' })
  @Field(() => CertificateMedium)
  medium!: CertificateMedium;

  @Column({ type: 'text', name: 'holder_role' })
  @Field(() => String, { description: 'Role of the holder (no personal names are kept).' })
  holderRole!: string;

  @Column({ type: 'text' })
  @Field(() => CertificateStatus)
  status!: CertificateStatus;

  @Column({ type: 'date', name: 'issued_on' })
  @Field(() => String)
  issuedOn!: string;

  @Column({ type: 'date', name: 'revoked_on', nullable: true })
  @Field(() => String, { nullable: true })
  revokedOn!: string | null;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
