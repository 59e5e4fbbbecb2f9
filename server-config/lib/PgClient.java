import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The PostgreSQL client that ./sejour needs where the embedded server's binaries (zonky's
 * initdb, pg_ctl, postgres) bring no psql or pg_basebackup, and Debian's client tools are
 * too old for a PostgreSQL 17 server. Run as a single-file program with the JDBC driver:
 * {@code java -cp postgresql.jar PgClient.java COMMAND JDBC-URL ...}; the user and password
 * come from the environment (PGUSER, PGPASSWORD), never from the command line, which
 * {@code ps} shows to every user of the machine.
 *
 * <ul>
 * <li>{@code base-backup URL LABEL OUT-DIR -- COPY-COMMAND...}: a base backup with the
 * low-level API. pg_backup_start and pg_backup_stop must run in one session that stays
 * open while the files are copied (the server aborts the backup when the session ends), so
 * this program holds the session and runs the copy command in between. It writes
 * backup_label (and tablespace_map when there are tablespaces) to OUT-DIR and prints
 * {@code key=value} lines: the WAL segments from the start to the end of the backup and
 * the time the backup became consistent.</li>
 * <li>{@code sql URL [FILE...]}: runs each file (or standard input) as one script and
 * prints every result set, one row per line, columns separated by tabs.</li>
 * <li>{@code checksums URL}: for every table, its row count and a checksum of its rows'
 * text computed by the server; two databases with the same output hold the same rows.</li>
 * <li>{@code replication-lag PRIMARY-URL STANDBY-URL SQL TIMEOUT-MS}: runs SQL on the primary
 * (committed), then asks the standby until it has replayed the WAL up to that commit, and
 * prints {@code lag_ms=...}: the time from the commit to its visibility there, measured in
 * this one process (no program start in the figure). Exits 3 after TIMEOUT-MS.</li>
 * </ul>
 */
public class PgClient {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        try (Connection connection = DriverManager.getConnection(args[1], System.getenv("PGUSER"), System.getenv("PGPASSWORD"))) {
            switch (args[0]) {
                case "base-backup" -> baseBackup(connection, Arrays.copyOfRange(args, 2, args.length));
                case "sql" -> sql(connection, Arrays.copyOfRange(args, 2, args.length));
                case "checksums" -> checksums(connection);
                case "replication-lag" -> replicationLag(connection, Arrays.copyOfRange(args, 2, args.length));
                default -> usage();
            }
        } catch (SQLException e) {
            System.err.println("PostgreSQL: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage() {
        System.err.println("usage: PgClient base-backup URL LABEL OUT-DIR -- COMMAND... | sql URL [FILE...] | checksums URL"
                + " | replication-lag PRIMARY-URL STANDBY-URL SQL TIMEOUT-MS");
        System.exit(2);
    }

    private static void baseBackup(Connection connection, String[] args) throws SQLException, IOException, InterruptedException {
        if (args.length < 4 || !args[2].equals("--")) {
            usage();
        }
        String label = args[0];
        Path out = Path.of(args[1]);
        List<String> copy = List.of(Arrays.copyOfRange(args, 3, args.length));
        try (Statement s = connection.createStatement()) {
            // without archiving, pg_backup_stop cannot wait for the WAL the backup needs
            try (ResultSet rs = s.executeQuery("select current_setting('archive_mode'), current_setting('archive_command')")) {
                rs.next();
                if ("off".equals(rs.getString(1)) || rs.getString(2).isBlank()) {
                    throw new SQLException("WAL archiving is off in the running server (archive_mode=" + rs.getString(1)
                            + "); it was started before archiving was configured: restart it (./sejour stop; ./sejour start)");
                }
            }
            s.execute("set statement_timeout = 0");
            // names the cluster: an archive folder must hold the WAL of one cluster only
            try (ResultSet rs = s.executeQuery("select system_identifier from pg_control_system()")) {
                rs.next();
                System.out.println("system_identifier=" + rs.getString(1));
            }
        }
        String startWal;
        try (PreparedStatement start = connection.prepareStatement("select pg_walfile_name(lsn), lsn from pg_backup_start(?, true) lsn")) {
            start.setString(1, label);
            try (ResultSet rs = start.executeQuery()) {
                rs.next();
                startWal = rs.getString(1);
                System.out.println("start_wal=" + startWal);
                System.out.println("start_lsn=" + rs.getString(2));
            }
        }
        // the files change while they are copied: the WAL from start to stop makes them consistent.
        // GNU tar answers 1 for "file changed as we read it", which is expected here; 2 is a failure.
        Process process = new ProcessBuilder(copy).inheritIO().start();
        int status = process.waitFor();
        if (status > 1) {
            // leaving without pg_backup_stop: closing the session aborts the backup on the server
            throw new SQLException("copying the data directory failed (" + String.join(" ", copy) + " exited with " + status + ")");
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select pg_walfile_name(lsn), lsn, labelfile, spcmapfile, "
                     + "to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.USOF'), current_setting('server_version_num') "
                     + "from pg_backup_stop(true)")) {
            rs.next();
            Files.writeString(out.resolve("backup_label"), rs.getString(3), StandardCharsets.UTF_8);
            if (rs.getString(4) != null && !rs.getString(4).isEmpty()) {
                Files.writeString(out.resolve("tablespace_map"), rs.getString(4), StandardCharsets.UTF_8);
            }
            System.out.println("stop_wal=" + rs.getString(1));
            System.out.println("stop_lsn=" + rs.getString(2));
            System.out.println("stop_time=" + rs.getString(5));
            System.out.println("server_version_num=" + rs.getString(6));
        }
    }

    private static void replicationLag(Connection primary, String[] args) throws SQLException, InterruptedException {
        if (args.length != 3) {
            usage();
        }
        long timeoutNanos = Long.parseLong(args[2]) * 1_000_000L;
        try (Connection standby = DriverManager.getConnection(args[0], System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
             Statement write = primary.createStatement();
             PreparedStatement replayed = standby.prepareStatement("select pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            write.execute(args[1]);
            String lsn;
            try (ResultSet rs = write.executeQuery("select pg_current_wal_lsn()")) {
                rs.next();
                lsn = rs.getString(1);
            }
            long committed = System.nanoTime();
            replayed.setString(1, lsn);
            while (true) {
                try (ResultSet rs = replayed.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        break;
                    }
                }
                if (System.nanoTime() - committed > timeoutNanos) {
                    System.err.println("the standby has not replayed " + lsn + " after " + args[2] + " ms");
                    System.exit(3);
                }
                Thread.sleep(1);
            }
            System.out.printf("lag_ms=%.1f%n", (System.nanoTime() - committed) / 1e6);
            System.out.println("lsn=" + lsn);
        }
    }

    private static void sql(Connection connection, String[] files) throws SQLException, IOException {
        List<String> scripts = new ArrayList<>();
        if (files.length == 0) {
            scripts.add(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (String file : files) {
            scripts.add(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        }
        try (Statement s = connection.createStatement()) {
            for (String script : scripts) {
                boolean isResult = s.execute(script);
                while (true) {
                    if (isResult) {
                        print(s.getResultSet());
                    } else if (s.getUpdateCount() == -1) {
                        break;
                    }
                    isResult = s.getMoreResults();
                }
            }
        }
    }

    private static void print(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                line.append(i > 1 ? "\t" : "").append(rs.getString(i));
            }
            System.out.println(line);
        }
        rs.close();
    }

    /**
     * Each row's text (the server's own output format of every column) hashed, the hashes
     * sorted and hashed together: independent of the physical order of rows, which a
     * restore does not keep. Sequences are left out: PostgreSQL logs them 32 values ahead,
     * so a recovered sequence may hand out higher numbers than the original would have, by design.
     */
    private static void checksums(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select format('%I.%I', n.nspname, c.relname) from pg_class c "
                     + "join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' "
                     + "and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' "
                     + "order by 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*), coalesce(md5(string_agg(h, '' order by h)), '-') "
                        + "from (select md5(t::text) h from only " + table + " t) rows")) {
                    rs.next();
                    System.out.println(table + "\t" + rs.getLong(1) + "\t" + rs.getString(2));
                }
            }
        }
    }
}
