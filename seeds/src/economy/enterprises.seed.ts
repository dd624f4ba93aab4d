import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom, type Random } from '../random';
import { pickCommune, randomDay, type District } from './places';

export type Sector = 'ICT' | 'AGRICULTURE' | 'AQUACULTURE' | 'FOOD_PROCESSING' | 'HANDICRAFT' | 'TRADE_SERVICES';
export type LegalForm = 'LIMITED_LIABILITY' | 'SINGLE_MEMBER_LIMITED_LIABILITY' | 'JOINT_STOCK' | 'PRIVATE_ENTERPRISE' | 'COOPERATIVE';
export type IctActivity = 'HARDWARE' | 'SOFTWARE' | 'IT_SERVICES' | 'DIGITAL_CONTENT';

export interface EnterpriseRow {
  taxCode: string;
  name: string;
  /** Short trading name used in product and OCOP names. */
  brand: string;
  legalForm: LegalForm;
  sector: Sector;
  ictActivity: IctActivity | null;
  communeCode: string;
  districtCode: string;
  foundedOn: string;
  employees: number;
  platformJoinedOn: string | null;
  /** Role in the data set: an ICT firm, a seller on travinhtrade.vn, or an OCOP producer not on it. */
  role: 'ICT' | 'PLATFORM' | 'OCOP_PRODUCER';
}

/** Plan, Part I II.10.a and II.10.c: 115 ICT enterprises; 125 enterprises on travinhtrade.vn. */
export const ictEnterpriseCount = 115;
export const platformEnterpriseCount = 125;
/** OCOP producers that are registered enterprises but do not sell on travinhtrade.vn. */
export const offPlatformProducerCount = 20;

const legalPrefix: Record<LegalForm, string> = {
  LIMITED_LIABILITY: 'Công ty TNHH',
  SINGLE_MEMBER_LIMITED_LIABILITY: 'Công ty TNHH MTV',
  JOINT_STOCK: 'Công ty Cổ phần',
  PRIVATE_ENTERPRISE: 'Doanh nghiệp tư nhân',
  COOPERATIVE: 'Hợp tác xã',
};

const brands = [
  'Minh Khoa', 'Phúc Thịnh', 'Hoàng Long', 'Thành Đạt', 'An Phát', 'Tân Tiến', 'Việt Hưng', 'Nam Phong', 'Kim Ngân', 'Bảo Anh',
  'Gia Huy', 'Thiên Phú', 'Hồng Phát', 'Trường Thịnh', 'Đại Việt', 'Sao Mai', 'Hưng Thịnh', 'Quang Minh', 'Phương Nam', 'Cửu Long',
  'Long Đức', 'Hòa Thuận', 'Vạn Lợi', 'Đức Tài', 'Ngọc Hân', 'Khánh An', 'Tấn Lộc', 'Hải Đăng', 'Song Phát', 'Nhật Minh',
  'Anh Khoa', 'Thiện Tâm', 'Lộc Phát', 'Phát Đạt', 'Trí Việt', 'Sơn Hà', 'Mỹ An', 'Tâm Đức', 'Thuận Thiên', 'Đông Á',
  'Hữu Nghị', 'Kiến Tường', 'Bình Minh', 'Vĩnh Phát', 'Thanh Tâm', 'Huỳnh Gia', 'Thạch Gia', 'Kim Sơn', 'Phú Quý', 'Hoàng Phúc',
  'Tuấn Kiệt', 'Ngọc Trâm', 'Thảo Nguyên', 'Hiệp Thành', 'Trung Nghĩa', 'Mekong', 'Sông Hậu', 'Cổ Chiên', 'Ba Động', 'Ao Bà Om',
  'Song Ngân', 'Phước Hảo', 'Đa Lộc', 'Nhị Trường', 'Hòa Ân', 'Tân An', 'Bích Trâm', 'Khải Hoàn', 'Vĩnh Tiến', 'Hạnh Phúc',
];

const ictWords: Record<IctActivity, string[]> = {
  HARDWARE: ['Tin học', 'Máy tính', 'Vi tính', 'Thiết bị Tin học', 'Điện tử Tin học', 'Thiết bị Văn phòng'],
  SOFTWARE: ['Phần mềm', 'Giải pháp Phần mềm', 'Công nghệ Phần mềm'],
  IT_SERVICES: ['Công nghệ Thông tin', 'Dịch vụ Tin học', 'Viễn thông Tin học', 'Giải pháp Công nghệ'],
  DIGITAL_CONTENT: ['Truyền thông Số', 'Nội dung Số', 'Quảng cáo Trực tuyến', 'Đa phương tiện'],
};

const sectorWords: Record<Exclude<Sector, 'ICT'>, string[]> = {
  AGRICULTURE: ['Nông sản', 'Nông nghiệp Sạch', 'Trái cây', 'Dừa sáp', 'Gạo sạch', 'Rau an toàn'],
  FOOD_PROCESSING: ['Thực phẩm', 'Chế biến Thực phẩm', 'Bánh kẹo', 'Thực phẩm Dừa', 'Đặc sản'],
  AQUACULTURE: ['Thủy sản', 'Hải sản', 'Nuôi trồng Thủy sản'],
  HANDICRAFT: ['Thủ công Mỹ nghệ', 'Mỹ nghệ Dừa', 'Sản phẩm Dừa', 'Lục bình'],
  TRADE_SERVICES: ['Thương mại Dịch vụ', 'Thương mại', 'Xuất nhập khẩu', 'Phân phối'],
};

/** ICT firms cluster in Trà Vinh city (842) and Duyên Hải town (851); sellers are spread wider. */
const ictDistrictWeights: Record<string, number> = { '842': 45, '851': 8, '844': 7, '847': 7, '846': 6, '845': 5, '848': 5, '849': 5, '850': 3 };
const platformDistrictWeights: Record<string, number> = { '842': 16, '851': 8, '844': 12, '847': 11, '846': 11, '845': 12, '848': 10, '849': 11, '850': 9 };

/** Enterprise tax codes of Trà Vinh begin with 21 (the province's tax-office prefix). */
export function enterpriseTaxCode(random: Random, used: Set<string>): string {
  for (;;) {
    const code = `210${String(random.int(0, 2_999_999)).padStart(7, '0')}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function uniqueName(random: Random, used: Set<string>, make: () => { name: string; brand: string }): { name: string; brand: string } {
  for (let attempt = 0; ; attempt++) {
    const candidate = make();
    const name = attempt < 50 ? candidate.name : `${candidate.name} ${random.int(2, 99)}`;
    if (!used.has(foldVietnamese(name))) {
      used.add(foldVietnamese(name));
      return { name, brand: candidate.brand };
    }
  }
}

export function generateEnterprises(districts: readonly District[], usedTaxCodes: Set<string>): EnterpriseRow[] {
  const random = createRandom(0xe7e1);
  const names = new Set<string>();
  const rows: EnterpriseRow[] = [];

  const ictActivities = [
    ...Array<IctActivity>(72).fill('HARDWARE'),
    ...Array<IctActivity>(22).fill('IT_SERVICES'),
    ...Array<IctActivity>(13).fill('SOFTWARE'),
    ...Array<IctActivity>(8).fill('DIGITAL_CONTENT'),
  ];
  for (const ictActivity of random.shuffle(ictActivities)) {
    const legalForm = random.weighted<LegalForm>(
      ['SINGLE_MEMBER_LIMITED_LIABILITY', 'LIMITED_LIABILITY', 'PRIVATE_ENTERPRISE', 'JOINT_STOCK'],
      [45, 25, 20, 10],
    );
    const { name, brand } = uniqueName(random, names, () => {
      const brand = random.pick(brands);
      return { name: `${legalPrefix[legalForm]} ${random.pick(ictWords[ictActivity])} ${brand}`, brand };
    });
    const commune = pickCommune(random, districts, ictDistrictWeights);
    rows.push({
      taxCode: enterpriseTaxCode(random, usedTaxCodes),
      name,
      brand,
      legalForm,
      sector: 'ICT',
      ictActivity,
      communeCode: commune.code,
      districtCode: commune.districtCode,
      foundedOn: randomDay(random, '2004-01-01', '2022-10-31'),
      employees: ictActivity === 'HARDWARE' ? random.int(2, 15) : random.int(4, 40),
      platformJoinedOn: null,
      role: 'ICT',
    });
  }

  const sellerSectors: Array<Exclude<Sector, 'ICT'>> = [
    ...Array<Sector>(36).fill('AGRICULTURE'),
    ...Array<Sector>(40).fill('FOOD_PROCESSING'),
    ...Array<Sector>(15).fill('AQUACULTURE'),
    ...Array<Sector>(14).fill('HANDICRAFT'),
    ...Array<Sector>(20).fill('TRADE_SERVICES'),
  ] as Array<Exclude<Sector, 'ICT'>>;
  const producerSectors = [...Array(12).fill('FOOD_PROCESSING'), ...Array(5).fill('AGRICULTURE'), ...Array(3).fill('HANDICRAFT')] as Array<Exclude<Sector, 'ICT'>>;
  const others = [
    ...random.shuffle(sellerSectors).map((sector) => ({ sector, role: 'PLATFORM' as const })),
    ...random.shuffle(producerSectors).map((sector) => ({ sector, role: 'OCOP_PRODUCER' as const })),
  ];
  for (const { sector, role } of others) {
    const commune = pickCommune(random, districts, platformDistrictWeights);
    const farming = sector === 'AGRICULTURE' || sector === 'AQUACULTURE';
    const legalForm = random.weighted<LegalForm>(
      ['COOPERATIVE', 'SINGLE_MEMBER_LIMITED_LIABILITY', 'LIMITED_LIABILITY', 'PRIVATE_ENTERPRISE', 'JOINT_STOCK'],
      farming ? [45, 20, 15, 15, 5] : [8, 35, 25, 22, 10],
    );
    const { name, brand } = uniqueName(random, names, () => {
      // Co-operatives are usually named after their commune ("Hợp tác xã Nông nghiệp Hòa Lợi").
      const place = /^\d+$/.test(commune.name) ? random.pick(brands) : commune.name;
      const brand = legalForm === 'COOPERATIVE' && random.next() < 0.7 ? place : random.pick(brands);
      return { name: `${legalPrefix[legalForm]} ${random.pick(sectorWords[sector])} ${brand}`, brand };
    });
    rows.push({
      taxCode: enterpriseTaxCode(random, usedTaxCodes),
      name,
      brand,
      legalForm,
      sector,
      ictActivity: null,
      communeCode: commune.code,
      districtCode: commune.districtCode,
      foundedOn: randomDay(random, '2003-01-01', '2021-12-31'),
      employees: legalForm === 'COOPERATIVE' ? random.int(7, 60) : random.int(3, 85),
      platformJoinedOn: role === 'PLATFORM' ? randomDay(random, '2019-06-01', '2022-12-15') : null,
      role,
    });
  }
  for (const row of rows) if (row.platformJoinedOn && row.platformJoinedOn < row.foundedOn) row.platformJoinedOn = row.foundedOn;
  return rows;
}

export async function seedEnterprises(manager: EntityManager, rows: readonly EnterpriseRow[]): Promise<number> {
  return bulkInsert(
    manager,
    'enterprise',
    ['tax_code', 'name', 'search_name', 'legal_form', 'sector', 'ict_activity', 'commune_code', 'district_code', 'founded_on', 'employees', 'platform_joined_on', 'synthetic'],
    rows.map((row) => [
      row.taxCode,
      row.name,
      foldVietnamese(row.name),
      row.legalForm,
      row.sector,
      row.ictActivity,
      row.communeCode,
      row.districtCode,
      row.foundedOn,
      row.employees,
      row.platformJoinedOn,
      true,
    ]),
  );
}
