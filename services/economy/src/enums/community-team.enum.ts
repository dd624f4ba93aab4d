import { registerEnumType } from 'type-graphql';

export enum CommunityTeamLevel {
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  HAMLET = 'HAMLET',
}

registerEnumType(CommunityTeamLevel, { name: 'CommunityTeamLevel', description: 'Where the team works: a district, a commune (xã, phường, thị trấn) or a hamlet (ấp, khóm).' });
