import { registerEnumType } from 'type-graphql';

export enum PostalPointKind {
  POST_OFFICE = 'POST_OFFICE',
  COMMUNE_POST_CULTURE = 'COMMUNE_POST_CULTURE',
  OTHER = 'OTHER',
}

registerEnumType(PostalPointKind, {
  name: 'PostalPointKind',
  description: 'Bưu cục, điểm Bưu điện - Văn hóa xã, or another service point (collection point).',
});
