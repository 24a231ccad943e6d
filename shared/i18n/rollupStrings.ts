// The words of the district roll-up (the conditions of the district set computed from its communes'
// results, shared/app/districtRollup.ts) and of a set read from another workbook (`ntm evaluate
// --set-file`): the command line's alone, so kept out of strings.ts (and the add-ins' bundles);
// tests/i18n.test.ts checks their parity.
import { translator } from "./format.js";

export type RollupKey =
  | "rollup.title"
  | "rollup.line"
  | "rollup.target"
  | "rollup.unconfirmed"
  | "rollup.status.met"
  | "rollup.status.not_met"
  | "rollup.status.unknown"
  | "rollup.share"
  | "rollup.metUnits"
  | "rollup.notMetUnits"
  | "rollup.undeterminedUnits"
  | "rollup.notAssessedUnits"
  | "rollup.why.noThreshold"
  | "rollup.why.noStandardRun"
  | "rollup.why.noAdvancedRun"
  | "rollup.why.townResults"
  | "rollup.why.survey"
  | "rollup.why.districtCriteria"
  | "rollup.why.undetermined"
  | "rollup.noteShares"
  | "rollup.noteUnconfirmed"
  | "setFile.noSheet"
  | "setFile.empty"
  | "setFile.broken"
  | "setFile.used"
  | "setFile.ownWins"
  | "setFile.onlyEvaluate"
  | "setFile.cannotOpen"
  | "setFile.setNotInFile";

export const ROLLUP_VI: Record<RollupKey, string> = {
  "rollup.title": "ĐIỀU KIỆN HUYỆN ĐẠT CHUẨN NÔNG THÔN MỚI ({document}), tính từ kết quả của {count}",
  "rollup.line": "- {text} ({target}): {status}{detail}.",
  "rollup.target": "{target}{flag}",
  "rollup.unconfirmed": ", mức chưa xác nhận",
  "rollup.status.met": "Đạt",
  "rollup.status.not_met": "Chưa đạt",
  "rollup.status.unknown": "Chưa xác định",
  "rollup.share": "{count}/{total} {noun} ({share})",
  "rollup.metUnits": "  + Đạt chuẩn: {count} ({list}).",
  "rollup.notMetUnits": "  + Chưa đạt chuẩn: {count} ({list}).",
  "rollup.undeterminedUnits": "  + Chưa đủ số liệu để kết luận: {count} ({list}).",
  "rollup.notAssessedUnits": "  + Chưa có kết quả theo bộ tiêu chí này: {count} ({list}).",
  "rollup.why.noThreshold": "danh mục chưa có mức của điều kiện này",
  "rollup.why.noStandardRun": "lần đánh giá này không có {noun} nào được đánh giá theo bộ tiêu chí xã nông thôn mới",
  "rollup.why.noAdvancedRun": "lần đánh giá này không có {noun} nào được đánh giá theo bộ tiêu chí xã nông thôn mới nâng cao ({set})",
  "rollup.why.townResults": "cần kết quả của các thị trấn (tiêu chí đô thị văn minh), không tính được từ kết quả của các xã",
  "rollup.why.survey": "cần kết quả lấy ý kiến sự hài lòng của người dân, không tính được từ kết quả của các xã",
  "rollup.why.districtCriteria": "cần kết quả các tiêu chí của huyện; danh mục chưa có chỉ tiêu của bộ tiêu chí huyện",
  "rollup.why.undetermined": "kết quả còn tùy vào các {noun} chưa kết luận được",
  "rollup.noteShares": "Lưu ý: tỷ lệ tính trên {count} có trong lần đánh giá này; nếu huyện còn {noun} khác thì tỷ lệ sẽ khác.",
  "rollup.noteUnconfirmed": "Các mức theo {document} chưa được đối chiếu với văn bản (chưa xác nhận).",
  "setFile.noSheet": "{file}: không có trang NTM_BoTieuChi{option}; cần một bảng tính có trang NTM_BoTieuChi (bộ tiêu chí của tỉnh)",
  "setFile.empty": "{file}: trang NTM_BoTieuChi trống{option}; cần các dòng của bộ tiêu chí (Mã bộ tiêu chí, dòng tiêu đề, các ngưỡng)",
  "setFile.broken": "{file}, trang NTM_BoTieuChi có {count} lỗi nên chưa dùng được; hãy sửa rồi chạy lại:",
  "setFile.used": "Bộ tiêu chí {set}: theo trang NTM_BoTieuChi của tệp {file} (--set-file)",
  "setFile.ownWins": "tệp có trang NTM_BoTieuChi riêng nên dùng bộ tiêu chí của chính tệp ({set}), không dùng bộ {fileSet} của {file} (--set-file)",
  "setFile.onlyEvaluate": "--set-file chỉ dùng với ntm evaluate",
  "setFile.cannotOpen": "{file}: không mở được tệp{option}",
  "setFile.setNotInFile": "--set {set}: không phải bộ tiêu chí có sẵn, cũng không phải bộ trong {file} ({fileSet})",
};

export const ROLLUP_EN: Record<RollupKey, string> = {
  "rollup.title": "DISTRICT CONDITIONS FOR THE NEW-RURAL STANDARD ({document}), from the results of {count}",
  "rollup.line": "- {text} ({target}): {status}{detail}.",
  "rollup.target": "{target}{flag}",
  "rollup.unconfirmed": ", unconfirmed level",
  "rollup.status.met": "Met",
  "rollup.status.not_met": "Not met",
  "rollup.status.unknown": "Undetermined",
  "rollup.share": "{count}/{total} {noun} ({share})",
  "rollup.metUnits": "  + Meeting the standard: {count} ({list}).",
  "rollup.notMetUnits": "  + Not meeting it: {count} ({list}).",
  "rollup.undeterminedUnits": "  + Not enough data to conclude: {count} ({list}).",
  "rollup.notAssessedUnits": "  + No result against this set: {count} ({list}).",
  "rollup.why.noThreshold": "the catalog has no level for this condition yet",
  "rollup.why.noStandardRun": "no {noun} in this run was judged against the commune set",
  "rollup.why.noAdvancedRun": "no {noun} in this run was judged against the advanced commune set ({set})",
  "rollup.why.townResults": "needs the towns' results (civilised urban area criteria); not computable from the communes' results",
  "rollup.why.survey": "needs the residents' satisfaction survey; not computable from the communes' results",
  "rollup.why.districtCriteria": "needs the district's own criteria results; the catalog has no indicators for the district set yet",
  "rollup.why.undetermined": "the result depends on the {noun} not concluded yet",
  "rollup.noteShares": "Note: shares are of the {count} in this run; if the district has other {noun}, the shares differ.",
  "rollup.noteUnconfirmed": "The levels of {document} have not been checked against the document (unconfirmed).",
  "setFile.noSheet": "{file}: no NTM_BoTieuChi sheet{option}; a workbook with an NTM_BoTieuChi sheet (the province's set) is needed",
  "setFile.empty": "{file}: the NTM_BoTieuChi sheet is empty{option}; the set's rows are needed (set id, header row, thresholds)",
  "setFile.broken": "{file}, the NTM_BoTieuChi sheet has {count} errors and cannot be used; fix them and run again:",
  "setFile.used": "Criteria set {set}: from the NTM_BoTieuChi sheet of {file} (--set-file)",
  "setFile.ownWins": "the workbook has its own NTM_BoTieuChi sheet, so its own set ({set}) is used, not {fileSet} from {file} (--set-file)",
  "setFile.onlyEvaluate": "--set-file works with ntm evaluate only",
  "setFile.cannotOpen": "{file}: cannot open the file{option}",
  "setFile.setNotInFile": "--set {set}: neither a built-in set nor the set of {file} ({fileSet})",
};

export const tRollup = translator(ROLLUP_VI, ROLLUP_EN);
