// The words of the road to certification (criteria remaining, distances, closeness, the district
// target) and of income growth, kept apart so strings.ts stays readable; strings.ts spreads them
// into VI and EN, so the key-parity test covers them too.
export type RoadKey =
  | "road.title"
  | "road.target"
  | "road.targetReached"
  | "road.targetOverTotal"
  | "road.targetBeforeYear"
  | "road.groupTarget"
  | "road.groupTargetReached"
  | "road.groupShort"
  | "road.groupTooSmall"
  | "road.groupReachedLine"
  | "road.groupNone"
  | "road.groupUngrouped"
  | "road.groupNotVillages"
  | "road.toGo"
  | "road.closestLine"
  | "road.closestShort"
  | "road.metLine"
  | "road.metNone"
  | "road.when"
  | "road.closeLine"
  | "road.closeNone"
  | "road.remainingLine"
  | "road.remainingMore"
  | "road.note"
  | "road.h.rank"
  | "road.h.remaining"
  | "road.h.noThreshold"
  | "road.h.distance"
  | "road.distance"
  | "road.short"
  | "road.over"
  | "road.percentPoints"
  | "road.unitLine"
  | "road.noThresholdList"
  | "road.nothingLeft"
  | "growth.header"
  | "growth.noIndicator"
  | "growth.needYears"
  | "growth.fewRuns"
  | "growth.thresholdUnconfirmed"
  | "growth.thresholdNone"
  | "growth.thresholdNeedsRegion"
  | "growth.unknownThreshold"
  | "growth.unitLine"
  | "growth.figure"
  | "growth.had"
  | "growth.hadFall"
  | "growth.hadNone"
  | "growth.needed"
  | "growth.reached"
  | "growth.onTrack"
  | "growth.offTrack"
  | "growth.noFigures"
  | "growth.targetNotAfter";

export const ROAD_VI: Record<RoadKey, string> = {
  "road.title": "KHẢ NĂNG VỀ ĐÍCH NÔNG THÔN MỚI",
  "road.target": "Mục tiêu: {count}/{total} {noun} đạt chuẩn năm {year}; hiện đạt {met}/{total}, còn {need} {noun}",
  "road.targetReached": "Mục tiêu: {count}/{total} {noun} đạt chuẩn năm {year}; hiện đạt {met}/{total}: đã đạt mục tiêu",
  "road.targetOverTotal": "- Mục tiêu {count} {noun} lớn hơn số {noun} trong bảng ({total}): hãy kiểm tra lại mục tiêu hoặc bảng số liệu.",
  "road.targetBeforeYear": "- Năm mục tiêu {year} trước năm đánh giá {assessed}: hãy kiểm tra lại năm mục tiêu.",
  "road.groupTarget": "Mục tiêu: mỗi xã có {units} đạt chuẩn năm {year}; hiện {met}/{total} xã đã có, còn {need} xã",
  "road.groupTargetReached": "Mục tiêu: mỗi xã có {units} đạt chuẩn năm {year}; hiện {met}/{total} xã đã có: đã đạt mục tiêu",
  "road.groupShort": "- Xã {group}: đạt chuẩn {met}/{count} {noun}; gần về đích nhất: {list}.",
  "road.groupTooSmall": "- Xã {group}: chỉ có {total} {noun} trong bảng, ít hơn mục tiêu {count} {noun}; đạt chuẩn {met}.",
  "road.groupReachedLine": "- Xã đã có đủ: {count} ({list}).",
  "road.groupNone": "- Mục tiêu theo từng xã cần biết xã của mỗi {noun} (cột xã hoặc dòng tiêu đề xã): bảng không có xã nào.",
  "road.groupUngrouped": "- {count} không có xã nên không được tính vào mục tiêu theo từng xã.",
  "road.groupNotVillages": "- Mục tiêu theo từng xã (SỐ/xã/NĂM) dành cho bộ tiêu chí thôn, bản; bảng này chấm các xã: hãy ghi mục tiêu dạng SỐ/NĂM.",
  "road.toGo": "{name} (còn {remaining} tiêu chí)",
  "road.closestLine": "- Cần thêm {need} {noun} để đạt mục tiêu; gần về đích nhất: {count} ({list}).",
  "road.closestShort": "- Cần thêm {need} {noun} để đạt mục tiêu nhưng chỉ còn {count} chưa đạt chuẩn ({list}).",
  "road.metLine": "- Đã đạt chuẩn: {count} ({list}).",
  "road.metNone": "- Chưa có {noun} nào đạt đủ các tiêu chí.",
  "road.when": " năm {year}",
  "road.closeLine": "- Có thể về đích{when} (thiếu ≤ {within} tiêu chí): {count} ({list}).",
  "road.closeNone": "- Chưa có {noun} nào thiếu ≤ {within} tiêu chí.",
  "road.remainingLine": "- Thiếu {n} tiêu chí: {count} ({list}).",
  "road.remainingMore": "- Thiếu từ {n} tiêu chí trở lên: {count} ({list}).",
  "road.note": "Số tiêu chí còn thiếu gồm tiêu chí chưa đạt và tiêu chí chưa đánh giá được (thiếu số liệu, dữ liệu không hợp lệ, chưa có chỉ tiêu); cùng số tiêu chí còn thiếu, {noun} có khoảng cách tương đối đến mức yêu cầu nhỏ hơn đứng trước, {noun} chưa có số liệu để đo khoảng cách đứng sau.",
  "road.h.rank": "Thứ tự",
  "road.h.remaining": "Số tiêu chí còn thiếu",
  "road.h.noThreshold": "Chưa có chỉ tiêu",
  "road.h.distance": "Khoảng cách đến mức yêu cầu",
  "road.distance": "{code}: {value} / {target}: {gap}",
  "road.short": "thiếu {amount}",
  "road.over": "vượt {amount}",
  "road.percentPoints": "điểm phần trăm",
  "road.unitLine": "{rank}. {name}: còn {remaining} tiêu chí ({detail})",
  "road.noThresholdList": "chưa có chỉ tiêu: {list}",
  "road.nothingLeft": "- Không có {noun} nào chưa đạt chuẩn.",
  "growth.header": "Tốc độ tăng thu nhập (chỉ tiêu {code}) cần để đạt mức năm {year}{target}:",
  "growth.noIndicator": "Bộ tiêu chí {set} không có chỉ tiêu thu nhập có mức theo năm: không tính được tốc độ tăng thu nhập.",
  "growth.needYears": "Cần năm đánh giá của từng kết quả để tính tốc độ tăng thu nhập mỗi năm (ví dụ --year 2023,2024).",
  "growth.fewRuns": "Cần ít nhất hai kết quả của cùng các đơn vị để tính tốc độ tăng thu nhập.",
  "growth.thresholdUnconfirmed": "bộ tiêu chí có mức này nhưng giá trị chưa được xác nhận ({source}); có thể ghi mức ở trang NTM_BoTieuChi",
  "growth.thresholdNone": "bộ tiêu chí {set} không có mức thu nhập cho năm này",
  "growth.thresholdNeedsRegion": "mức thu nhập khác nhau theo vùng: hãy chọn vùng",
  "growth.unknownThreshold": "- Chưa biết mức thu nhập năm {year}{region} ({why}): không tính tốc độ tăng cần thiết, chỉ nêu tốc độ đã có.",
  "growth.unitLine": "- {name}: {parts}",
  "growth.figure": "{value} ({year})",
  "growth.had": "đã tăng {rate}%/năm",
  "growth.hadFall": "đã giảm {rate}%/năm",
  "growth.hadNone": "chưa đủ hai năm số liệu để tính tốc độ đã có",
  "growth.needed": "cần tăng {rate}%/năm (khoảng {amount}/năm) đến năm {year}: {verdict}",
  "growth.reached": "đã đạt mức năm {year}",
  "growth.onTrack": "giữ tốc độ đã có thì đạt",
  "growth.offTrack": "cần tăng nhanh hơn",
  "growth.noFigures": "không có số liệu thu nhập",
  "growth.targetNotAfter": "năm mục tiêu {year} không sau năm của số liệu mới nhất ({last})",
};

export const ROAD_EN: Record<RoadKey, string> = {
  "road.title": "THE ROAD TO NEW RURAL CERTIFICATION",
  "road.target": "Target: {count}/{total} {noun} meeting the standard by {year}; {met}/{total} now, {need} {noun} to go",
  "road.targetReached": "Target: {count}/{total} {noun} meeting the standard by {year}; {met}/{total} now: target reached",
  "road.targetOverTotal": "- The target of {count} {noun} is more than the {noun} in the table ({total}): check the target or the table.",
  "road.targetBeforeYear": "- The target year {year} is before the assessment year {assessed}: check the target year.",
  "road.groupTarget": "Target: {units} meeting the standard in every commune by {year}; {met}/{total} communes there now, {need} to go",
  "road.groupTargetReached": "Target: {units} meeting the standard in every commune by {year}; {met}/{total} communes there now: target reached",
  "road.groupShort": "- Commune {group}: {met}/{count} {noun} meeting the standard; closest: {list}.",
  "road.groupTooSmall": "- Commune {group}: only {total} {noun} in the table, fewer than the target of {count} {noun}; {met} meeting the standard.",
  "road.groupReachedLine": "- Communes there: {count} ({list}).",
  "road.groupNone": "- A target per commune needs each {noun}'s commune (a commune column or commune heading rows): the table names no commune.",
  "road.groupUngrouped": "- {count} with no commune, not counted in the target per commune.",
  "road.groupNotVillages": "- A target per commune (COUNT/xã/YEAR) is for village sets; this table judges communes: write the target as COUNT/YEAR.",
  "road.toGo": "{name} ({remaining} criteria to go)",
  "road.closestLine": "- {need} more {noun} needed for the target; closest to the standard: {count} ({list}).",
  "road.closestShort": "- {need} more {noun} needed for the target, but only {count} not yet meeting the standard ({list}).",
  "road.metLine": "- Meeting the standard now: {count} ({list}).",
  "road.metNone": "- No {noun} meets every criterion yet.",
  "road.when": " by {year}",
  "road.closeLine": "- Could meet the standard{when} (≤ {within} criteria to go): {count} ({list}).",
  "road.closeNone": "- No {noun} has ≤ {within} criteria to go.",
  "road.remainingLine": "- {n} to go: {count} ({list}).",
  "road.remainingMore": "- {n} or more to go: {count} ({list}).",
  "road.note": "Criteria to go are those not met and those not judged (missing data, invalid data, no target); with as many criteria to go, the {noun} relatively closer to the targets come first, and {noun} without figures to measure the distance come after.",
  "road.h.rank": "Rank",
  "road.h.remaining": "Criteria to go",
  "road.h.noThreshold": "No target",
  "road.h.distance": "Distance to the target",
  "road.distance": "{code}: {value} / {target}: {gap}",
  "road.short": "{amount} short",
  "road.over": "{amount} over",
  "road.percentPoints": "percentage points",
  "road.unitLine": "{rank}. {name}: criteria to go: {remaining} ({detail})",
  "road.noThresholdList": "no target: {list}",
  "road.nothingLeft": "- No {noun} left below the standard.",
  "growth.header": "Income growth (indicator {code}) needed to reach the {year} target{target}:",
  "growth.noIndicator": "Criteria set {set} has no income indicator with targets by year: income growth cannot be computed.",
  "growth.needYears": "Each result's assessment year is needed to compute income growth per year (e.g. --year 2023,2024).",
  "growth.fewRuns": "At least two results of the same units are needed to compute income growth.",
  "growth.thresholdUnconfirmed": "the set has this target but its value is not confirmed yet ({source}); it can be written on the NTM_BoTieuChi sheet",
  "growth.thresholdNone": "set {set} has no income target for this year",
  "growth.thresholdNeedsRegion": "the income target differs by region: choose the region",
  "growth.unknownThreshold": "- The income target for {year}{region} is not known ({why}): the growth needed is not computed, only the growth so far.",
  "growth.unitLine": "- {name}: {parts}",
  "growth.figure": "{value} ({year})",
  "growth.had": "grew {rate}% a year",
  "growth.hadFall": "fell {rate}% a year",
  "growth.hadNone": "fewer than two years of figures for the growth so far",
  "growth.needed": "needs {rate}% a year (about {amount} a year) until {year}: {verdict}",
  "growth.reached": "already at the {year} target",
  "growth.onTrack": "on track at the growth so far",
  "growth.offTrack": "needs faster growth",
  "growth.noFigures": "no income figures",
  "growth.targetNotAfter": "the target year {year} is not after the latest figures ({last})",
};
