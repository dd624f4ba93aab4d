import { registerEnumType } from 'type-graphql';

export enum OcopCategory {
  FOOD = 'FOOD',
  BEVERAGE = 'BEVERAGE',
  HERBAL = 'HERBAL',
  TEXTILE = 'TEXTILE',
  HANDICRAFT = 'HANDICRAFT',
  RURAL_TOURISM = 'RURAL_TOURISM',
}

registerEnumType(OcopCategory, { name: 'OcopCategory', description: 'The six OCOP product groups (thực phẩm, đồ uống, thảo dược, vải may mặc, lưu niệm – thủ công, du lịch cộng đồng).' });

export enum NationalPlatform {
  POSTMART = 'POSTMART',
  VOSO = 'VOSO',
}

registerEnumType(NationalPlatform, { name: 'NationalEcommercePlatform', description: 'National platforms supported by the post offices: Postmart.vn (VNPost) and Voso.vn (Viettel Post).' });
