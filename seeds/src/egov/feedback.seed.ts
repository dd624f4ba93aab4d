import { dayOfDate, foldVietnamese, vietnamInstant } from '@ioc/kit';
import { isWorkingDay } from '@ioc/egov/calendar';
import type { EntityManager } from 'typeorm';
import type { SeedProfile } from '../domain-seed';
import { createRandom } from '../random';
import { sampler } from './dossier-distribution';
import { communeWeights } from './population';

/**
 * Citizen feedback (PAKN) of 2022. The plan gives no totals, so every row is synthetic; names and
 * phone numbers are invented (Kinh and Khmer names, as in Trà Vinh) and are served masked.
 */
export const feedbackCount = { full: 2400, small: 240 } as const;

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Đặng', 'Thạch', 'Sơn', 'Kim', 'Lâm', 'Danh', 'Triệu'];
const middles = ['Văn', 'Thị', 'Minh', 'Hoàng', 'Ngọc', 'Thanh', 'Hữu', 'Kim', 'Thị Mỹ', 'Quốc'];
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hạnh', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Sóc', 'Sa Rết', 'Sang', 'Tâm', 'Thảo', 'Tuấn', 'Vy', 'Yến'];

const topics: Record<string, { titles: string[]; agencies: Array<'DEPARTMENT' | 'DISTRICT' | 'COMMUNE'>; departments: string[] }> = {
  ADMINISTRATIVE_PROCEDURE: { titles: ['Hồ sơ trễ hạn giải quyết', 'Hướng dẫn nộp hồ sơ trực tuyến chưa rõ', 'Yêu cầu bổ sung hồ sơ nhiều lần', 'Không nhận được kết quả qua bưu điện'], agencies: ['DEPARTMENT', 'DISTRICT', 'COMMUNE'], departments: ['STP', 'SKHDT', 'STNMT', 'SGTVT'] },
  INFRASTRUCTURE: { titles: ['Đường giao thông nông thôn xuống cấp', 'Đèn chiếu sáng công cộng hư hỏng', 'Cầu dân sinh cần sửa chữa', 'Ngập nước khi triều cường'], agencies: ['DEPARTMENT', 'DISTRICT'], departments: ['SGTVT', 'SXD'] },
  ENVIRONMENT: { titles: ['Rác thải chưa được thu gom', 'Ô nhiễm mùi từ cơ sở chăn nuôi', 'Xả nước thải ra kênh', 'Tiếng ồn từ cơ sở sản xuất'], agencies: ['DEPARTMENT', 'DISTRICT', 'COMMUNE'], departments: ['STNMT'] },
  LAND: { titles: ['Tranh chấp ranh giới đất', 'Chậm cấp giấy chứng nhận quyền sử dụng đất', 'Bồi thường giải phóng mặt bằng'], agencies: ['DEPARTMENT', 'DISTRICT'], departments: ['STNMT'] },
  PUBLIC_ORDER: { titles: ['Lấn chiếm lòng lề đường', 'Tụ tập gây mất trật tự', 'Kinh doanh lấn chiếm vỉa hè'], agencies: ['DISTRICT', 'COMMUNE'], departments: [] },
  HEALTH: { titles: ['Thái độ phục vụ tại trạm y tế', 'Thiếu thuốc bảo hiểm y tế', 'Vệ sinh an toàn thực phẩm tại chợ'], agencies: ['DEPARTMENT', 'COMMUNE'], departments: ['SYT'] },
  EDUCATION: { titles: ['Thu các khoản ngoài quy định tại trường', 'Cơ sở vật chất trường học xuống cấp', 'Tuyển sinh đầu cấp'], agencies: ['DEPARTMENT', 'DISTRICT'], departments: ['SGDDT'] },
  OTHER: { titles: ['Góp ý chính sách hỗ trợ', 'Đề nghị hỗ trợ hộ nghèo', 'Mất sóng điện thoại di động'], agencies: ['DEPARTMENT', 'DISTRICT', 'COMMUNE'], departments: ['VPUBND', 'SLDTBXH', 'STTTT'] },
};
const categoryWeights: Record<string, number> = { ADMINISTRATIVE_PROCEDURE: 22, INFRASTRUCTURE: 20, ENVIRONMENT: 15, LAND: 14, PUBLIC_ORDER: 10, HEALTH: 7, EDUCATION: 6, OTHER: 6 };
const channels = ['PORTAL', 'SMART_TRA_VINH', 'HOTLINE', 'EMAIL', 'IN_PERSON'];
const channelWeights = [35, 30, 20, 5, 10];

export interface FeedbackRow {
  id: number;
  title: string;
  content: string;
  category: string;
  channel: string;
  status: string;
  agencyId: string;
  districtCode: string;
  communeCode: string;
  citizenName: string;
  citizenPhone: string | null;
  receivedAt: string;
  answeredAt: string | null;
}

export function generateFeedback(count: number, seed = 2022_0415): FeedbackRow[] {
  const random = createRandom(seed);
  const communes = communeWeights();
  const commune = sampler(communes, communes.map((c) => c.population), random);
  const categories = Object.keys(categoryWeights);
  const category = sampler(categories, categories.map((c) => categoryWeights[c]!), random);
  const channel = sampler(channels, channelWeights, random);
  const first = dayOfDate('2022-01-01');
  const days = Array.from({ length: 365 }, (_, i) => first + i);
  const day = sampler(days, days.map((d) => (isWorkingDay(d) ? 1 : 0.4)), random);
  const rows: FeedbackRow[] = [];
  for (let i = 0; i < count; i++) {
    const where = commune();
    const cat = category();
    const topic = topics[cat]!;
    const tier = random.pick(topic.agencies);
    const agencyId = tier === 'DEPARTMENT' && topic.departments.length ? random.pick(topic.departments) : tier === 'COMMUNE' ? `ubnd-${where.code}` : `ubnd-${where.districtCode}`;
    const title = random.pick(topic.titles);
    const received = vietnamInstant(day(), random.int(6, 21), random.int(0, 59)).getTime();
    const late = received > Date.parse('2022-12-10T00:00:00Z');
    const status = late ? random.pick(['RECEIVED', 'PROCESSING', 'ANSWERED']) : random.next() < 0.97 ? 'ANSWERED' : 'PROCESSING';
    const answered = status === 'ANSWERED' ? new Date(received + random.int(1, 20) * 86_400_000).toISOString() : null;
    rows.push({
      id: i + 1,
      title,
      content: `${title} tại địa bàn ${where.code}. Đề nghị cơ quan có thẩm quyền xem xét, giải quyết.`,
      category: cat,
      channel: channel(),
      status,
      agencyId,
      districtCode: where.districtCode,
      communeCode: where.code,
      citizenName: `${random.pick(families)} ${random.pick(middles)} ${random.pick(givens)}`,
      citizenPhone: random.next() < 0.9 ? `0${random.pick(['9', '8', '3', '7'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null,
      receivedAt: new Date(received).toISOString(),
      answeredAt: answered,
    });
  }
  return rows.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)).map((row, index) => ({ ...row, id: index + 1 }));
}

/** At `scale` N (benchmarks) N times the rows, one year's distribution (scale 1 is the usual set). */
export async function seedFeedback(manager: EntityManager, profile: SeedProfile, scale = 1): Promise<number> {
  const rows = generateFeedback(feedbackCount[profile] * scale);
  await manager.query('DELETE FROM feedback WHERE synthetic');
  const col = <K extends keyof FeedbackRow>(key: K) => rows.map((row) => row[key]);
  await manager.query(
    `INSERT INTO feedback (id, title, content, category, channel, status, agency_id, district_code, commune_code, citizen_name,
       citizen_phone, received_at, answered_at, search_name, synthetic)
     SELECT *, true FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::text[])`,
    [col('id'), col('title'), col('content'), col('category'), col('channel'), col('status'), col('agencyId'), col('districtCode'),
      col('communeCode'), col('citizenName'), col('citizenPhone'), col('receivedAt'), col('answeredAt'),
      rows.map((row) => foldVietnamese(`${row.title} ${row.content}`))],
  );
  return rows.length;
}
