import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CommunityTeamLevel } from '../enums/community-team.enum';

/** A community digital technology team (Tổ Công nghệ số cộng đồng). */
@Entity({ name: 'community_team' })
@ObjectType('CommunityTeam', { description: 'Tổ Công nghệ số cộng đồng: a community digital technology team.' })
@Directive('@key(fields: "id")')
export class CommunityTeam {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'text' })
  @Field(() => CommunityTeamLevel)
  level!: CommunityTeamLevel;

  @Column({ type: 'text', name: 'district_code' })
  @Field(() => String)
  districtCode!: string;

  @Column({ type: 'text', name: 'commune_code', nullable: true })
  @Field(() => String, { nullable: true, description: 'Null for a district-level team.' })
  communeCode!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Hamlet (ấp, khóm) of a hamlet-level team.' })
  hamlet!: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int)
  members!: number;

  @Column({ type: 'date', name: 'established_on' })
  @Field(() => String)
  establishedOn!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
