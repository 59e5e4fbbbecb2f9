// Prints the first sheet of an .xlsx as JSON, read with exceljs: a reader independent of
// Apache POI, which wrote the file. Usage: node xlsx-cells.js <file.xlsx>
// Output: {"sheet": name, "rows": [[cell, ...], ...]} where a cell is
// {"value": number | string | {"date": ISO-8601}, "format": Excel number format or null}, or null when empty.
'use strict';
const ExcelJS = require('exceljs');

function cell(c) {
  if (c.value === null || c.value === undefined) {
    return null;
  }
  const value = c.value instanceof Date ? {date: c.value.toISOString()} : c.value;
  return {value: value, format: c.numFmt || null};
}

async function main(file) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const rows = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      cells.push(cell(row.getCell(c)));
    }
    rows.push(cells);
  }
  process.stdout.write(JSON.stringify({sheet: sheet.name, rows: rows}));
}

module.exports = {cell};

// xlsx-rows.js borrows cell(); only a run of this file itself reads a workbook
if (require.main === module) {
  main(process.argv[2]).catch((e) => {
    process.stderr.write(String(e && e.stack || e) + '\n');
    process.exit(1);
  });
}
