import { registerEnumType } from 'type-graphql';

export enum EcommerceProductOrder {
  NAME = 'NAME',
  LISTED_ON_DESC = 'LISTED_ON_DESC',
  PRICE_ASC = 'PRICE_ASC',
}

registerEnumType(EcommerceProductOrder, { name: 'EcommerceProductOrder' });

export enum ProductCategory {
  OCOP = 'OCOP',
  RURAL_INDUSTRIAL = 'RURAL_INDUSTRIAL',
  AGRICULTURAL = 'AGRICULTURAL',
  FRUIT = 'FRUIT',
  AQUATIC = 'AQUATIC',
  PROCESSED_FOOD = 'PROCESSED_FOOD',
  HANDICRAFT = 'HANDICRAFT',
  OTHER = 'OTHER',
}

registerEnumType(ProductCategory, {
  name: 'EcommerceProductCategory',
  description: 'OCOP products, typical rural-industrial products, farm produce, fruit, aquatic products, processed food, handicrafts, other.',
});
