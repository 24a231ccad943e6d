"""Writes tests/xlsx/fixtures/openpyxl.xlsx: one workbook carrying what real users' files carry
(chart, picture, note, table, validation, conditional format, defined name, formulas, merged title,
cells sharing one style, hidden row and column). Run by tools/make-xlsx-fixtures.ts."""
import io
import sys

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from PIL import Image as PILImage

out = sys.argv[1]
wb = Workbook()
ws = wb.active
ws.title = "Dữ liệu"
ws["A1"] = "Bảng theo dõi tiêu chí 2024"
ws.merge_cells("A1:E1")
ws["A1"].font = Font(bold=True, size=13)
ws.append([])
ws.append(["Thôn", "Thu nhập", "Tỷ lệ", "Đạt", "Ghi chú"])
rows = [
    ["Thôn 1", 41.2, 0.85, True, "ok"],
    ["Thôn 2", 47.5, 0.925, False, "  khoảng trắng  "],
    ["Thôn 3", 38, 0.5, True, "= không phải công thức"],
    ["Thôn 4", 52.25, 1, False, "a & b < c"],
]
for r in rows:
    ws.append(r)
thin = Side(style="thin", color="FF000000")
shared_border = Border(left=thin, right=thin, top=thin, bottom=thin)
shared_fill = PatternFill("solid", fgColor="FFDDEBF7")
for row in ws.iter_rows(min_row=4, max_row=7, min_col=2, max_col=3):
    for cell in row:
        cell.border = shared_border
        cell.fill = shared_fill
for r in range(4, 8):
    ws.cell(r, 3).number_format = "0%"
    ws.cell(r, 2).number_format = "#,##0.0"
ws["B4"].comment = Comment("Ghi chú của người dùng", "Cán bộ")
ws.row_dimensions[6].hidden = True
ws.column_dimensions["E"].hidden = True
dv = DataValidation(type="list", formula1='"Đạt,Chưa đạt"', allow_blank=True)
ws.add_data_validation(dv)
dv.add("F4:F7")
ws.conditional_formatting.add("B4:B7", CellIsRule(operator="lessThan", formula=["45"], fill=PatternFill("solid", fgColor="FFF4CCCC")))
table = Table(displayName="BangThon", ref="A3:E7")
table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
ws.add_table(table)
wb.defined_names.append(DefinedName("NguongThuNhap", attr_text="'Dữ liệu'!$B$4:$B$7"))
chart = BarChart()
chart.title = "Thu nhập"
chart.add_data(Reference(ws, min_col=2, min_row=3, max_row=7), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=4, max_row=7))
ws.add_chart(chart, "H3")
png = io.BytesIO()
PILImage.new("RGB", (8, 8), (200, 30, 30)).save(png, format="PNG")
png.seek(0)
ws.add_image(Image(png), "H20")

calc = wb.create_sheet("Công thức")
calc.append(["Giá trị", "Gấp đôi", "Văn bản"])
for i in range(1, 4):
    calc.append([i * 10, f"=A{i + 1}*2", f'="x"&A{i + 1}'])
calc.sheet_state = "hidden"
calc.protection.sheet = True

wb.save(out)
