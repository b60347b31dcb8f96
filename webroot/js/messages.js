// What every page says when the server refuses something. The server answers with a stable
// code (and the field at fault), and English for scripts; people read Vietnamese, from this one
// catalogue. A code it does not know still gets a Vietnamese sentence, never the English.

/** Codes of the integrity rules an admin may set aside with a reason (the command's `override`). */
export const OVERRIDABLE = new Set(['not_qualified', 'outside_stage2_window', 'slot_not_started', 'slots_not_ended',
  'sheets_missing']);

const CODES = {
  // the agenda
  already_started: 'Chương trình đang chạy — bấm một dòng để chuyển mục',
  at_first: 'Đang ở mục đầu tiên',
  already_paused: 'Đang tạm dừng rồi',
  not_running: 'Chương trình chưa chạy — bấm Bắt đầu trước',
  not_paused: 'Chương trình không tạm dừng',
  ended: 'Chương trình đã kết thúc — bấm một dòng hoặc Bắt đầu để chạy lại',
  bad_index: 'Không có mục này trong chương trình',
  bad_value: 'Giá trị không hợp lệ',
  no_order: 'Chưa bốc thăm thứ tự trình bày: bốc thăm trước phần trình bày đầu tiên',
  day_in_progress: 'Chương trình của ngày đang phục vụ vẫn đang chạy: kết thúc chương trình trước khi chuyển ngày',
  // stage 2 and the final
  quota_full: 'Chặng 2 đã đủ số đơn vị theo thể lệ',
  finalists_confirmed: 'Danh sách vào Chung kết đã được xác nhận: không thêm hay bớt bài dự thi được nữa',
  finalists_locked: 'Không đổi được danh sách Chung kết: đã bốc thăm hoặc giám khảo đã chấm',
  tie_at_cut: 'Có đơn vị đồng điểm tại vị trí cuối vào Chung kết: Hội đồng quyết định rồi xác nhận danh sách',
  too_few_entries: 'Chưa đủ bài dự thi có điểm Hội đồng để chọn các đơn vị vào Chung kết',
  no_finalists: 'Chưa xác nhận các đơn vị vào Chung kết',
  already_drawn: 'Đã bốc thăm thứ tự: bốc thăm lại cần quản trị viên và lý do',
  not_drawn: 'Chưa có thứ tự trình bày',
  final_started: 'Phần trình bày đầu tiên đã bắt đầu: thứ tự giữ nguyên',
  locked: 'Phiếu chấm của đơn vị này đã gửi và khóa: muốn sửa phải nêu lý do',
  not_scored: 'Chưa có phiếu chấm đã gửi để sửa',
  finalised: 'Kết quả đã chốt: không thay đổi được nữa',
  not_finalised: 'Kết quả chưa được chốt',
  not_ready: 'Chưa thể chốt kết quả: còn đồng điểm ở ranh giới giải, Hội đồng cần phân định',
  revealing: 'Đã bắt đầu công bố giải: kết quả giữ nguyên',
  at_start: 'Chưa công bố giải nào',
  at_end: 'Đã công bố hết các giải',
  animating: 'Màn hình hội trường đang hiển thị bước vừa rồi: bấm lại sau giây lát',
  // the final's integrity rules
  not_qualified: 'Đơn vị này không nằm trong nhóm vào Chặng 2 theo kết quả Chặng 1',
  outside_stage2_window: 'Ngày nhận bài nằm ngoài thời gian Chặng 2',
  slot_not_started: 'Đơn vị này chưa đến lượt trình bày: chỉ chấm điểm khi phần trình bày đã bắt đầu',
  slots_not_ended: 'Chưa thể chốt kết quả: còn phần trình bày chưa kết thúc',
  sheets_missing: 'Chưa thể chốt kết quả: còn giám khảo chưa gửi phiếu chấm',
  override_admin_only: 'Chỉ quản trị viên mới được bỏ qua quy tắc này',
  // stage 1 uploads
  loading: 'Máy chủ đang nạp dữ liệu Chặng 1: thử lại sau giây lát',
  rejected_rows: 'Tệp có dòng sai: cả tệp chưa được nhập (xem các dòng bên dưới)',
  empty: 'Tệp rỗng',
  unknown_unit: 'Không có đơn vị mang mã này',
  // signing in, the link, the server
  forbidden: 'Mã truy cập này không có quyền',
  unauthorized: 'Mã truy cập không đúng',
  disconnected: 'Mất kết nối tới máy chủ',
  timeout: 'Máy chủ không trả lời',
  unavailable: 'Máy chủ tạm thời không thực hiện được: thử lại sau giây lát',
  internal: 'Máy chủ gặp lỗi: lệnh không được thực hiện',
  not_found: 'Không tìm thấy',
  unknown_command: 'Lệnh không có trên máy chủ này',
  bad_json: 'Dữ liệu gửi lên không đúng định dạng',
  bad_frame: 'Dữ liệu gửi lên không đúng định dạng',
  bad_hello: 'Màn hình chào máy chủ không đúng cách: tải lại trang',
  unknown_topic: 'Máy chủ không có loại dữ liệu này',
  unreachable: 'Không kết nối được máy chủ',
  not_executed: 'Lệnh chưa được thực hiện (máy chủ bận hoặc đang chờ cơ sở dữ liệu) — có thể bấm lại',
  database_unavailable: 'Cơ sở dữ liệu chưa sẵn sàng — lệnh chưa được thực hiện, bấm lại khi hệ thống trở lại',
  outcome_unknown: 'Máy chủ không xác nhận kịp lệnh: lệnh có thể đã được thực hiện — xem lại màn hình trước khi bấm tiếp',
  busy: 'Máy chủ đang bận: thử lại sau giây lát',
  starting: 'Máy chủ đang khởi động: thử lại sau giây lát',
  // text people type, files, and the per-address limits
  bad_text: 'Nội dung có ký tự không được phép (ký tự điều khiển hoặc đảo chiều văn bản)',
  no_rows: 'Tệp không có dòng dữ liệu nào: không có gì được nhập',
  upload_required: 'Lệnh nhập dữ liệu cần kèm tệp: gửi tệp ở trang Dữ liệu chặng 1',
  too_large: 'Dữ liệu gửi lên quá lớn',
  too_many_failures: 'Nhập sai mã truy cập quá nhiều lần: chờ một phút rồi thử lại',
  too_many_connections: 'Quá nhiều kết nối từ cùng một địa chỉ: thử lại sau',
};

/** An argument refused (bad_argument), by the field at fault; "scores.x" and "headcounts.x" by their prefix. */
const FIELDS = {
  count: 'Số đại biểu phải là số nguyên từ 0 đến 10.000',
  headcount: 'Tổng số cán bộ, công chức, viên chức và người lao động phải là số nguyên dương',
  headcounts: 'Tổng số cán bộ, công chức, viên chức và người lao động phải là số nguyên dương',
  unit: 'Mã đơn vị không đúng',
  units: 'Danh sách mã đơn vị không đúng (mỗi đơn vị một lần, cách nhau dấu phẩy)',
  order: 'Thứ tự phải liệt kê mỗi đơn vị vào Chung kết đúng một lần',
  reason: 'Cần nêu lý do, ít nhất 5 ký tự',
  override: 'Cần nêu lý do, ít nhất 5 ký tự',
  seed: 'Số bốc thăm phải là số nguyên từ 0 đến 9.007.199.254.740.991',
  scores: 'Điểm chưa hợp lệ: mỗi tiêu chí cần một điểm trong khoảng cho phép',
  title: 'Cần nhập tên bài dự thi (không quá 300 ký tự)',
  representative: 'Cần nhập người đại diện (không quá 120 ký tự)',
  contact: 'Cần nhập cách liên hệ (không quá 200 ký tự)',
  channel: 'Kênh nộp bài không đúng',
  status: 'Trạng thái không đúng',
  receivedAt: 'Ngày giờ nhận bài không đúng',
  text: 'Cần nhập nội dung thông báo (không quá 280 ký tự)',
  tone: 'Kiểu thông báo không đúng',
  scene: 'Không có cảnh này',
  on: 'Cần chọn bật hoặc tắt',
  day: 'Không có ngày này',
  index: 'Không có mục này trong chương trình',
  ms: 'Thời gian thêm bớt không hợp lệ',
  judge: 'Không có giám khảo này',
  name: 'Cần nhập họ tên (không quá 80 ký tự)',
  confirm: 'Gõ DAT LAI để xác nhận',
  parts: 'Chọn các phần cần đặt lại',
};

/** A refusal said in Vietnamese: {code, field?} as the server sends it. */
export function say(error) {
  if (error?.code === 'bad_argument') {
    const field = String(error.field ?? '').split('.')[0];
    return FIELDS[field] ?? 'Giá trị nhập chưa hợp lệ';
  }
  return CODES[error?.code] ?? 'Không thực hiện được';
}

/** Why the final's results are not complete yet, said in Vietnamese ({code, judge, units, prizes} from the server). */
export function issue(item) {
  switch (item.code) {
    case 'sheet_missing': return `${item.judge} chưa gửi phiếu chấm ${item.units[0]}`;
    case 'tie_at_prize': return `${item.units.join(', ')} đồng điểm giữa ${item.prizes[0] || 'không giải'} và `
      + `${item.prizes[1] || 'không giải'}: Hội đồng phân định thứ tự`;
    case 'no_judges': return 'Chưa có giám khảo';
    default: return say(item);
  }
}

/** The columns of a stage-1 upload, as the learning platform's export names them. */
const COLUMNS = {
  unit: 'Mã đơn vị',
  person: 'Mã người học',
  name: 'Họ và tên',
  enrolledAt: 'Ngày đăng ký',
  completedAt: 'Ngày hoàn thành',
  score: 'Điểm',
  lastActivityAt: 'Hoạt động gần nhất',
  headcount: 'Tổng số',
};

/** The column of a refused upload row, as people know it. */
export function column(field) {
  return field ? COLUMNS[field] ?? field : '';
}

/** Why an upload row was refused ({code, field} from the server), in Vietnamese. */
export function rowError(row) {
  const name = column(row.field);
  switch (row.code) {
    case 'missing': return `Thiếu ${name.toLowerCase()}`;
    case 'unknown_unit': return 'Không có đơn vị mang mã này';
    case 'not_text': return `${name} phải là chữ`;
    case 'too_long': return `${name} quá dài`;
    case 'bad_time': return `${name} không phải ngày giờ (ví dụ 28/05/2026 08:15)`;
    case 'before_enrolled': return 'Ngày hoàn thành trước ngày đăng ký';
    case 'bad_score': return 'Điểm phải là số từ 0 đến 100';
    case 'not_utf8': return 'Tệp không phải văn bản UTF-8: lưu lại dạng “CSV UTF-8”';
    case 'empty_file': return 'Tệp rỗng';
    case 'duplicate_column': return `Hai cột cùng là ${name.toLowerCase()}`;
    case 'missing_column': return `Thiếu cột ${name.toLowerCase()}`;
    case 'field_count': return 'Số cột của dòng khác với dòng tiêu đề';
    case 'bad_csv': return 'Tệp không đúng định dạng CSV';
    case 'not_array': return 'Dữ liệu không phải danh sách người học';
    case 'not_object': return 'Dòng không đúng định dạng';
    case 'unknown_field': return `Cột không dùng được: ${row.field}`;
    case 'duplicate_unit': return 'Đơn vị này đã có ở một dòng trước';
    case 'bad_headcount': return 'Tổng số phải là số nguyên từ 1 trở lên';
    default: return 'Dòng không hợp lệ';
  }
}
