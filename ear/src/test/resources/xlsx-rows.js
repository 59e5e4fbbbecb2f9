// Like xlsx-cells.js, but for a big file: reads the first sheet with exceljs's streaming reader,
// keeping only the header and the rows asked for. Usage: node xlsx-rows.js <file.xlsx> <row,row,...>
// (1 is the first row under the header). Output: {"sheet": name, "rows": [...]} where rows has one
// entry per row of the sheet, header first: the cells of the header and of the rows asked for
// (as in xlsx-cells.js), null for the others.
'use strict';
const ExcelJS = require('exceljs');
const JSZip = require('jszip');
const fs = require('fs');
const {Readable} = require('stream');
// a cell written as xlsx-cells.js writes it
const {cell} = require('./xlsx-cells.js');

async function main(file, wanted) {
  // exceljs's streaming unzip misreads entries written with data descriptors (POI's SXSSF writes
  // them: "invalid signature"); the same entries, zipped again by jszip without them, read well
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const rezipped = await zip.generateAsync({type: 'nodebuffer', compression: 'DEFLATE'});
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([rezipped]),
      {sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit'});
  for await (const sheet of reader) {
    const rows = [];
    let columns = 0;
    for await (const row of sheet) {
      while (rows.length < row.number - 1) {
        rows.push(null);  // a row with no cell at all
      }
      if (row.number === 1) {
        columns = row.cellCount;
      }
      if (row.number === 1 || wanted.has(row.number - 1)) {
        const cells = [];
        for (let c = 1; c <= columns; c++) {
          cells.push(cell(row.getCell(c)));
        }
        rows.push(cells);
      } else {
        rows.push(null);
      }
    }
    process.stdout.write(JSON.stringify({sheet: sheet.name, rows: rows}));
    return;
  }
}

main(process.argv[2], new Set((process.argv[3] || '').split(',').filter(s => s).map(Number))).catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
