import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** A published administrative procedure (thủ tục hành chính); 1,466 in 2022. */
@Entity({ name: 'administrative_procedure' })
@ObjectType('AdministrativeProcedure', { description: 'Thủ tục hành chính: a published administrative procedure.' })
export class AdministrativeProcedure {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String, { description: 'Procedure code in the national database.' })
  code!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String, { description: 'Field (lĩnh vực), e.g. "Hộ tịch".' })
  field!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'agency_id' })
  @Field(() => String, { description: 'Provincial agency in charge of the field.' })
  agencyId!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'integer', name: 'processing_days' })
  @Field(() => Int, { description: 'Statutory processing time in working days.' })
  processingDays!: number;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'date', name: 'published_on' })
  @Field(() => String, { description: 'Date of publication (ISO date).' })
  publishedOn!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
