/** A report model with Vietnamese titles, a title full of markup characters and every privacy. */
import type { ReportModel } from '../../src/report/model.ts';
import { playlistUrl, videoUrl } from '../../src/youtube/links.ts';

export const TRICKY_TITLE = 'Bé <b>vẽ</b> "mẹ" & cô <script>alert(1)</script>';

function video(videoId: string, title: string, extra: Partial<ReportModel['playlists'][number]['videos'][number]> = {}) {
  return { videoId, title, url: videoUrl(videoId), privacy: 'public' as const, processingStatus: 'succeeded' as const, ...extra };
}

export function sampleModel(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    school: { name: 'Trường Mầm non Thiên Đức', website: 'https://mnthienduc.hocmon.edu.vn' },
    language: 'vi',
    generatedAt: new Date('2024-11-26T08:30:00Z'),
    channel: { id: 'UCthienduc0000000000000', title: 'Mầm non Thiên Đức – Trường học hạnh phúc' },
    since: new Date('2024-11-15T00:00:00+07:00'),
    departmentEmail: 'truonghochhanhphuctphcm@gmail.com',
    playlists: [
      {
        key: 'muc-dich',
        title: 'Mục đích xây dựng Trường học hạnh phúc',
        description: 'Vì sao nhà trường xây dựng Trường học hạnh phúc: thông điệp của Ban giám hiệu.',
        url: playlistUrl('PLmucdich01'),
        videos: [
          video('vid00000001', 'Hội thi bé khỏe', { date: '2024-11-20', publishedAt: new Date('2024-11-20T12:00:00Z'), views: 1234 }),
          video('vid00000002', 'Đón Trung thu cùng bé', {
            date: '2024-09-17',
            publishedAt: new Date('2024-09-18T12:00:00Z'),
            privacy: 'unlisted',
            views: 87,
          }),
        ],
      },
      {
        key: 'tieu-chi',
        title: 'Bộ Tiêu chí Trường học hạnh phúc',
        url: playlistUrl('PLtieuchi02'),
        videos: [
          video('vid00000003', TRICKY_TITLE, { date: '2024-11-21', publishedAt: new Date('2024-11-21T12:00:00Z'), views: 5 }),
          video('vid00000004', 'Góc đọc sách của lớp Chồi 2', {
            date: '2024-11-22',
            publishedAt: new Date('2024-11-22T12:00:00Z'),
            privacy: 'private',
            processingStatus: 'processing',
          }),
        ],
      },
      {
        key: 'qua-trinh',
        title: 'Quá trình và kết quả thực hiện',
        videos: [],
      },
      {
        key: 'mo-hinh-hay',
        title: 'Mô hình hay',
        url: playlistUrl('PLmohinh04'),
        videos: [video('vid00000005', '=Ngày hội "Gia đình hạnh phúc", lớp Lá 1', { publishedAt: new Date('2024-11-24T01:00:00Z'), views: 0 })],
      },
    ],
    ...overrides,
  };
}

export function allVideos(model: ReportModel) {
  return model.playlists.flatMap((p) => p.videos.map((v) => ({ playlist: p, video: v })));
}
