package org.sejour.it.browser;

import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The first sheet of an .xlsx as exceljs (npm) reads it: a check independent of Apache POI,
 * which both writes the exports and reads them back in the tests. exceljs is installed into
 * target/npm-xlsx by .ci/run, or here on first use (node and npm must be on the machine); the
 * script is src/test/resources/xlsx-cells.js. Client side only (the paths are the build's).
 */
public final class ExcelJsSheet {

    static final String PACKAGE = "exceljs@4.4.0";
    private static final Path NPM = Path.of("target", "npm-xlsx").toAbsolutePath();
    private static final Path SCRIPT = Path.of("target", "test-classes", "xlsx-cells.js").toAbsolutePath();
    private static final Path ROWS_SCRIPT = Path.of("target", "test-classes", "xlsx-rows.js").toAbsolutePath();

    private final List<List<Map<String, Object>>> rows;
    private final List<Map<String, Object>> header;

    private ExcelJsSheet(List<List<Map<String, Object>>> rows) {
        this.rows = rows;
        this.header = rows.get(0);
    }

    public static ExcelJsSheet read(Path xlsx) throws IOException, InterruptedException {
        return sheet(run(List.of("node", SCRIPT.toString(), xlsx.toAbsolutePath().toString())));
    }

    /**
     * A big file read by exceljs's streaming reader (src/test/resources/xlsx-rows.js): every row is
     * counted, but only the header's and those numbered {@code rows} (1 = the first under the
     * header) keep their cells; asking for any other row's cell fails.
     */
    public static ExcelJsSheet readRows(Path xlsx, int... rows) throws IOException, InterruptedException {
        String wanted = String.join(",", Arrays.stream(rows).mapToObj(String::valueOf).toList());
        return sheet(run(List.of("node", ROWS_SCRIPT.toString(), xlsx.toAbsolutePath().toString(), wanted)));
    }

    @SuppressWarnings("unchecked")
    private static ExcelJsSheet sheet(String json) {
        Map<String, Object> sheet = new Json().toType(json, Json.MAP_TYPE);
        return new ExcelJsSheet((List<List<Map<String, Object>>>) sheet.get("rows"));
    }

    /** Rows including the header row. */
    public int rowCount() {
        return rows.size();
    }

    public List<String> headers() {
        return header.stream().map(c -> c == null ? null : (String) c.get("value")).toList();
    }

    /** The value of a row's cell under this header: a Number, a String, or {date: ISO-8601}; null if empty. */
    public Object value(int row, String column) {
        Map<String, Object> cell = cell(row, column);
        return cell == null ? null : cell.get("value");
    }

    /** The day a date cell holds (exceljs gives dates as UTC instants at midnight). */
    public String date(int row, String column) {
        @SuppressWarnings("unchecked")
        Map<String, Object> date = (Map<String, Object>) value(row, column);
        return ((String) date.get("date")).substring(0, 10);
    }

    public String format(int row, String column) {
        Map<String, Object> cell = cell(row, column);
        return cell == null ? null : (String) cell.get("format");
    }

    private Map<String, Object> cell(int row, String column) {
        int index = headers().indexOf(column);
        if (index < 0) {
            throw new AssertionError("no column " + column + " in " + headers());
        }
        List<Map<String, Object>> cells = rows.get(row);
        if (cells == null) {
            throw new AssertionError("row " + row + " was not read (readRows) or has no cell");
        }
        return index < cells.size() ? cells.get(index) : null;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        if (!Files.isDirectory(NPM.resolve("node_modules").resolve("exceljs"))) {
            Files.createDirectories(NPM);
            exec(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", NPM.toString(), PACKAGE));
        }
        return exec(command);
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        // node resolves require('exceljs') from the npm prefix, wherever the script lies
        builder.environment().put("NODE_PATH", NPM.resolve("node_modules").toString());
        Path errors = Files.createTempFile("exceljs", ".err");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        String error = Files.readString(errors);
        Files.delete(errors);
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " failed:\n" + error + output);
        }
        return output;
    }
}
